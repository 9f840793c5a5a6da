#include "publish.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "stable_hash.h"

namespace fs = std::filesystem;

namespace sakip {
namespace {

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::path TempDir() {
  fs::path dir = fs::temp_directory_path() /
                 ("sakip-publish-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST_CASE("publish replaces the whole site - the previous is the spare") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  OutputTree first;
  first.Add("a/index.html", "satu");
  first.Add("old.txt", "lama");
  std::string error;
  REQUIRE(Publish(first, out.string(), &error));
  CHECK(Slurp(out / "a/index.html") == "satu");
  OutputTree second;
  second.Add("a/index.html", "dua");
  REQUIRE(Publish(second, out.string(), &error));
  CHECK(Slurp(out / "a/index.html") == "dua");
  CHECK_FALSE(fs::exists(out / "old.txt"));
  CHECK(fs::exists(out / kOutputMarker));
  std::set<std::string> entries;
  for (const auto& e : fs::directory_iterator(root)) {
    entries.insert(e.path().filename().string());
  }
  // The site, the (empty) lock file that makes builds take turns, and the
  // previous site, which the next build updates in place.
  CHECK(entries == std::set<std::string>{"site", ".site.lock", ".site.spare"});
  CHECK(Slurp(root / ".site.spare/a/index.html") == "satu");
  CHECK(Slurp(root / ".site.spare/old.txt") == "lama");
  fs::remove_all(root);
}

TEST_CASE("publish refuses unsafe paths and keeps the previous site") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  OutputTree good;
  good.Add("index.html", "baik");
  std::string error;
  REQUIRE(Publish(good, out.string(), &error));
  OutputTree bad;
  bad.Add("index.html", "buruk");
  bad.Add("../escape.txt", "x");
  CHECK_FALSE(Publish(bad, out.string(), &error));
  CHECK(error == "refusing to write outside the output folder: ../escape.txt");
  CHECK(Slurp(out / "index.html") == "baik");
  CHECK_FALSE(fs::exists(root / "escape.txt"));
  fs::remove_all(root);
}

TEST_CASE("publish never replaces a folder sakip did not write") {
  fs::path root = TempDir();
  fs::create_directories(root / "content");
  std::ofstream(root / "content/site.yaml") << "judul: x\n";
  OutputTree tree;
  tree.Add("index.html", "x");
  std::string error;
  CHECK_FALSE(Publish(tree, (root / "content").string(), &error));
  CHECK(error.find("was not written by sakip") != std::string::npos);
  CHECK(Slurp(root / "content/site.yaml") == "judul: x\n");
  fs::remove_all(root);
}

ino_t Inode(const fs::path& file) {
  struct stat info {};
  stat(file.c_str(), &info);
  return info.st_ino;
}

// One build through Staging: `files` are path -> {key, bytes}; a file whose
// key is kept is not made.
using Files = std::map<std::string, std::pair<std::string, std::string>>;
void Build(const fs::path& out, const Files& files) {
  Staging staging(out.string());
  REQUIRE(staging.ok());
  for (const auto& [path, made] : files) {
    if (!staging.Keep(path, made.first)) {
      staging.Add(path, made.second, made.first);
    }
  }
  std::string error;
  REQUIRE(staging.Commit(&error));
}

TEST_CASE("the spare is updated in place, never through the live site") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  fs::path spare = root / ".site.spare";
  Build(out, {{"a/tetap.html", {"k1", "tetap"}}, {"b.html", {"k2", "satu"}}});
  Build(out, {{"a/tetap.html", {"k1", "tetap"}}, {"b.html", {"k3", "dua"}}});
  ino_t kept = Inode(out / "a/tetap.html");
  CHECK(Inode(spare / "a/tetap.html") == kept);  // one file, two sites
  // Build 3: b.html of the spare is replaced, not written into; the live
  // site (build 2) stays as it was until the swap, then is the spare.
  Build(out, {{"a/tetap.html", {"k1", "tetap"}}, {"b.html", {"k4", "tiga"}}});
  CHECK(Slurp(out / "b.html") == "tiga");
  CHECK(Slurp(spare / "b.html") == "dua");
  CHECK(Inode(out / "a/tetap.html") == kept);
  // Build 4 changes the file both sites share: it is written anew, so the
  // site being served (build 3, then the spare) keeps its bytes.
  Build(out, {{"a/tetap.html", {"k5", "berubah"}}, {"b.html", {"k4", "tiga"}}});
  CHECK(Slurp(out / "a/tetap.html") == "berubah");
  CHECK(Slurp(spare / "a/tetap.html") == "tetap");
  fs::remove_all(root);
}

TEST_CASE("the live manifest's later line for a path counts") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  Build(out, {{"a.html", {"k1", "satu"}}, {"b.html", {"k2", "dua"}}});
  // Edited by hand: a.html listed again, without a key, and the checksum
  // made again.
  const std::string text = Slurp(out / kKeysFile);
  std::string_view lines(text);
  REQUIRE(Unseal(&lines));
  std::ofstream(out / kKeysFile, std::ios::trunc)
      << Sealed(std::string(lines) + "- a.html\n");
  {
    Staging staging(out.string());
    REQUIRE(staging.ok());
    CHECK_FALSE(staging.Keep("a.html", "k1"));
    CHECK(staging.Keep("b.html", "k2"));
  }
  // Without its checksum made again, no key of it is trusted.
  std::ofstream(out / kKeysFile, std::ios::app) << "- a.html\n";
  Staging staging(out.string());
  REQUIRE(staging.ok());
  CHECK_FALSE(staging.Keep("b.html", "k2"));
  fs::remove_all(root);
}

TEST_CASE(
    "a spare's file its manifest leaves out is replaced, not written "
    "through") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  fs::path spare = root / ".site.spare";
  const Files files = {{"a/x.html", {"k1", "satu"}},
                       {"a/y.html", {"k4", "lain"}},
                       {"b.html", {"k2", "dua"}}};
  Build(out, files);
  Build(out, files);
  ino_t live = Inode(out / "a/x.html");
  REQUIRE(Inode(spare / "a/x.html") == live);  // one file, two sites
  // The spare's manifest (whole and checked) leaves a/x.html out, which is
  // still on disk, a link to the live site's (its folder is sealed, so
  // AdoptSpare does not look into it).
  std::string text = Slurp(spare / kKeysFile);
  std::string_view lines(text);
  REQUIRE(Unseal(&lines));
  std::string without(lines);
  size_t line = without.find("k1 a/x.html\n");
  REQUIRE(line != std::string::npos);
  without.erase(line, std::string("k1 a/x.html\n").size());
  std::ofstream(spare / kKeysFile, std::ios::trunc) << Sealed(without);
  Staging staging(out.string());
  REQUIRE(staging.ok());
  staging.Add("a/x.html", "baru", "k3");
  REQUIRE(staging.Keep("b.html", "k2"));
  REQUIRE(staging.Keep("a/y.html", "k4"));
  // Before the swap, the site being served is as it was.
  CHECK(Slurp(out / "a/x.html") == "satu");
  CHECK(Inode(out / "a/x.html") == live);
  std::string error;
  REQUIRE(staging.Commit(&error));
  CHECK(Slurp(out / "a/x.html") == "baru");
  CHECK(Slurp(spare / "a/x.html") == "satu");
  fs::remove_all(root);
}

TEST_CASE("files added or removed by hand do not come back with the spare") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  Files files = {{"a/x.html", {"k1", "x"}}, {"b/y.html", {"k2", "y"}}};
  Build(out, files);
  Build(out, files);
  std::ofstream(out / "a/tangan.txt") << "ditambah";  // by hand, in the live
  fs::create_directories(out / "c");
  std::ofstream(out / "c/baru.txt") << "ditambah";
  fs::remove(out / "b/y.html");
  Build(out, files);  // the hand-edited site becomes the spare
  CHECK_FALSE(fs::exists(out / "a/tangan.txt"));
  Build(out, files);  // ... and is updated to this site
  CHECK_FALSE(fs::exists(out / "a/tangan.txt"));
  CHECK_FALSE(fs::exists(out / "c"));
  CHECK(Slurp(out / "b/y.html") == "y");
  CHECK(Slurp(out / "a/x.html") == "x");
  fs::remove_all(root);
}

TEST_CASE("a spare left by a killed build is not trusted") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  Files files = {{"a.html", {"k1", "satu"}}};
  Build(out, files);
  Build(out, files);
  fs::path spare = root / ".site.spare";
  REQUIRE(fs::exists(spare / kOutputMarker));
  // A build killed after it began to update the spare leaves no marker
  // (and replaced files, never written into them: see Staging::Add).
  fs::remove(spare / kOutputMarker);
  fs::remove(spare / "a.html");
  std::ofstream(spare / "a.html") << "setengah";
  Build(out, files);
  CHECK(Slurp(out / "a.html") == "satu");
  Build(out, files);
  CHECK(Slurp(out / "a.html") == "satu");
  fs::remove_all(root);
}

TEST_CASE("files of other programs are removed before the spare is reused") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  fs::path spare = root / ".site.spare";
  {
    Staging staging(out.string());
    staging.Add("cetak/sk.html", "sk", "k1");
    fs::create_directories(fs::path(staging.dir()) / "pagefind");
    std::ofstream(fs::path(staging.dir()) / "pagefind/index.bin") << "i";
    staging.AddExternal("pagefind");
    std::string error;
    REQUIRE(staging.Commit(&error));
  }
  Build(out, {{"cetak/sk.html", {"k1", "sk"}}});  // without search
  CHECK(fs::exists(spare / "pagefind/index.bin"));
  Build(out, {{"cetak/sk.html", {"k1", "sk"}}});
  CHECK_FALSE(fs::exists(out / "pagefind"));
  CHECK_FALSE(fs::exists(spare / "pagefind"));
  fs::remove_all(root);
}

TEST_CASE("pieces of an appended file are copied from the live site's") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  const std::string data = "data/indikator.csv";
  std::string error;
  {
    Staging staging(out.string());
    staging.Append(data, "header\n");
    staging.AppendPiece(data, "unit a\n", "ka");
    staging.AppendPiece(data, "unit b\n", "kb");
    CHECK_FALSE(staging.HasKeptPiece(data, "ka"));  // no previous site
    REQUIRE(staging.Commit(&error));
  }
  CHECK(Slurp(out / data) == "header\nunit a\nunit b\n");
  {
    Staging staging(out.string());
    CHECK(staging.HasKeptPiece(data, "ka"));
    CHECK(staging.HasKeptPiece(data, "kb"));
    CHECK_FALSE(staging.HasKeptPiece(data, "kc"));
    CHECK_FALSE(staging.HasKeptPiece("data/other.csv", "ka"));
    staging.Append(data, "header\n");
    REQUIRE(staging.AppendKeptPiece(data, "kb"));  // any order
    staging.AppendPiece(data, "unit c\n", "kc");
    REQUIRE(staging.AppendKeptPiece(data, "ka"));
    CHECK_FALSE(staging.AppendKeptPiece(data, "kd"));
    REQUIRE(staging.Commit(&error));
  }
  CHECK(Slurp(out / data) == "header\nunit b\nunit c\nunit a\n");
  // The site that was live meanwhile (now the spare) kept its bytes.
  CHECK(Slurp(root / ".site.spare" / data) == "header\nunit a\nunit b\n");
  {
    // Pieces are found at their new places in the new file.
    Staging staging(out.string());
    REQUIRE(staging.AppendKeptPiece(data, "ka"));
    REQUIRE(staging.AppendKeptPiece(data, "kc"));
    REQUIRE(staging.Commit(&error));
  }
  CHECK(Slurp(out / data) == "unit a\nunit c\n");
  fs::remove_all(root);
}

TEST_CASE("pieces of a live file changed by hand are not used") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  const std::string data = "data/indikator.csv";
  auto build = [&] {
    Staging staging(out.string());
    staging.AppendPiece(data, "unit a\n", "ka");
    std::string error;
    REQUIRE(staging.Commit(&error));
  };
  build();
  std::ofstream(out / data, std::ios::app) << "tambahan\n";  // in place
  {
    Staging staging(out.string());
    CHECK_FALSE(staging.HasKeptPiece(data, "ka"));
  }
  build();
  {
    // Replaced by a file of the same size: another inode.
    std::ofstream(root / "copy") << "unit x\n";
    fs::rename(root / "copy", out / data);
    Staging staging(out.string());
    CHECK_FALSE(staging.HasKeptPiece(data, "ka"));
  }
  build();
  {
    // Replaced while a build runs, after it read the list.
    Staging staging(out.string());
    REQUIRE(staging.HasKeptPiece(data, "ka"));
    std::ofstream(root / "copy") << "unit y\n";
    fs::rename(root / "copy", out / data);
    CHECK_FALSE(staging.AppendKeptPiece(data, "ka"));
  }
  build();
  {
    // A piece that points past the end of the file is not used (in a
    // list whose checksum is made again to match).
    const fs::path list = root / ".site.cache/appended-pieces";
    const std::string text = Slurp(list);
    std::string_view lines(text);
    REQUIRE(Unseal(&lines));
    std::ofstream(list, std::ios::trunc)
        << Sealed(std::string(lines) + "~ kz 5 100 " + data + "\n");
    {
      Staging staging(out.string());
      CHECK(staging.HasKeptPiece(data, "ka"));
      CHECK_FALSE(staging.HasKeptPiece(data, "kz"));
    }
    // A list that fails its check is not used at all.
    std::ofstream(list, std::ios::app) << "~ kz 0 1 " << data << "\n";
    Staging staging(out.string());
    CHECK_FALSE(staging.HasKeptPiece(data, "ka"));
  }
  fs::remove_all(root);
}

// A key standing for `rows` (keys are one word).
std::string KeyOf(std::string rows) {
  for (char& c : rows) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return rows;
}

ino_t InodeOf(const fs::path& p) {
  struct stat info;
  return ::stat(p.c_str(), &info) == 0 ? info.st_ino : 0;
}

TEST_CASE("the spare's appended file is rewritten from its first change on") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  const std::string data = "data/indikator.csv";
  fs::path spare = root / ".site.spare" / data;
  // Each build: a header, then each unit's rows; a piece's key stands for
  // its rows, as in a real build it stands for what they are made from.
  auto build = [&](const std::map<std::string, std::string>& rows,
                   const std::function<void()>& during = nullptr) {
    Staging staging(out.string());
    staging.Append(data, "header\n");
    for (const auto& [unit, text] : rows) {
      if (!staging.AppendKeptPiece(data, KeyOf(text))) {
        staging.AppendPiece(data, text, KeyOf(text));
      }
    }
    if (during) during();
    std::string error;
    REQUIRE(staging.Commit(&error));
  };
  std::map<std::string, std::string> one = {
      {"a", "a1\n"}, {"b", "b1\n"}, {"c", "c1\n"}};
  build(one);
  auto two = one;
  two["b"] = "b2 longer\n";
  build(two);
  CHECK(Slurp(spare) == "header\na1\nb1\nc1\n");
  // Held open, the first file's inode number cannot be reused by a new file.
  int first_fd = ::open(spare.c_str(), O_RDONLY);
  REQUIRE(first_fd >= 0);
  struct stat first_file;
  REQUIRE(::fstat(first_fd, &first_file) == 0);
  // The third build updates the first build's file (the spare's) in place;
  // the live site (the second build's) keeps its bytes meanwhile.
  auto three = two;
  three["c"] = "c3\n";
  build(three,
        [&] { CHECK(Slurp(out / data) == "header\na1\nb2 longer\nc1\n"); });
  CHECK(Slurp(out / data) == "header\na1\nb2 longer\nc3\n");
  CHECK(InodeOf(out / data) == first_file.st_ino);
  ::close(first_fd);
  CHECK(Slurp(spare) == "header\na1\nb2 longer\nc1\n");
  // Fewer rows than the spare's: the file is cut to the new end.
  auto four = three;
  four.erase("c");
  build(four);
  CHECK(Slurp(out / data) == "header\na1\nb2 longer\n");
  // The same rows as the spare's: nothing written, the same bytes.
  build(three);
  build(three);
  CHECK(Slurp(out / data) == "header\na1\nb2 longer\nc3\n");
  CHECK(Slurp(spare) == "header\na1\nb2 longer\nc3\n");
  // A changed header (a piece without a key) is compared byte by byte.
  {
    Staging staging(out.string());
    staging.Append(data, "HEADER\n");
    staging.AppendPiece(data, "a1\n", KeyOf("a1\n"));
    std::string error;
    REQUIRE(staging.Commit(&error));
  }
  CHECK(Slurp(out / data) == "HEADER\na1\n");
  fs::remove_all(root);
}

TEST_CASE("a spare's appended file changed or linked elsewhere is made new") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  const std::string data = "data/indikator.csv";
  fs::path spare = root / ".site.spare" / data;
  auto build = [&](const std::string& rows) {
    Staging staging(out.string());
    staging.AppendPiece(data, rows, KeyOf(rows));
    std::string error;
    REQUIRE(staging.Commit(&error));
  };
  build("a1\n");
  build("a2\n");
  // Edited by hand in the spare (same size, new time): its list no longer
  // describes it, so its bytes are not trusted.
  std::ofstream(spare, std::ios::in | std::ios::out) << "XX";
  REQUIRE(Slurp(spare) == "XX\n");
  // (A later time for certain: within one clock tick it could be the same.)
  fs::last_write_time(spare,
                      fs::last_write_time(spare) + std::chrono::seconds(2));
  build("a1\n");
  CHECK(Slurp(out / data) == "a1\n");
  build("a2\n");
  // Linked from elsewhere: that link must keep its bytes.
  fs::create_hard_link(spare, root / "elsewhere.csv");
  build("a3\n");
  CHECK(Slurp(out / data) == "a3\n");
  CHECK(Slurp(root / "elsewhere.csv") == "a1\n");
  // A list whose piece lies past the file's end is not used (passing it
  // would leave zeros where the new bytes belong).
  build("a2\n");
  build("a3\n");
  std::ofstream(root / ".site.cache/appended-pieces.spare", std::ios::app)
      << "~ kz 3 100 " << data << "\n";
  {
    Staging staging(out.string());
    staging.AppendPiece(data, "a2\n", KeyOf("a2\n"));
    staging.AppendPiece(data, std::string(100, 'z'), "kz");
    std::string error;
    REQUIRE(staging.Commit(&error));
  }
  CHECK(Slurp(out / data) == "a2\n" + std::string(100, 'z'));
  fs::remove_all(root);
}

TEST_CASE(
    "a unit's reads go to the next build, unless the manifest is damaged") {
  fs::path root = TempDir();
  fs::path out = root / "site";
  std::string error;
  {
    Staging staging(out.string());
    staging.Add("2024/a/index.html", "satu", "k1");
    staging.RecordReads("2024/a", {"oa", "ob", "r"});
    // A tab or newline cannot stand in the manifest: not recorded, so the
    // unit is rendered again next time.
    staging.RecordReads("2024/b\tc", {"ob"});
    staging.RecordReads("2024/d", {"od\ne"});
    REQUIRE(staging.Commit(&error));
  }
  {
    Staging staging(out.string());
    std::vector<std::string> deps;
    REQUIRE(staging.PreviousReads("2024/a", &deps));
    CHECK(deps == std::vector<std::string>{"oa", "ob", "r"});
    CHECK_FALSE(staging.PreviousReads("2024/b\tc", &deps));
    CHECK_FALSE(staging.PreviousReads("2024/d", &deps));
    CHECK_FALSE(staging.PreviousReads("2024/x", &deps));
    staging.Add("2024/a/index.html", "satu", "k1");
    staging.RecordReads("2024/a", {"oa"});
    REQUIRE(staging.Commit(&error));
  }
  // Cut short: no reads are trusted, so every unit is rendered (and a
  // page is kept only where the spare, complete, has its key).
  std::string manifest = Slurp(out / kKeysFile);
  REQUIRE(manifest.find("@ 2024/a\toa\n") != std::string::npos);
  fs::remove(out / kKeysFile);
  std::ofstream(out / kKeysFile, std::ios::binary)
      << manifest.substr(0, manifest.find("# end"));
  {
    Staging staging(out.string());
    std::vector<std::string> deps;
    CHECK_FALSE(staging.PreviousReads("2024/a", &deps));
  }
  fs::remove_all(root);
}

TEST_CASE("safe relative paths") {
  CHECK(IsSafeRelativePath("2024/data/indikator.json"));
  CHECK_FALSE(IsSafeRelativePath(""));
  CHECK_FALSE(IsSafeRelativePath("/etc/passwd"));
  CHECK_FALSE(IsSafeRelativePath("a/../../b"));
  CHECK_FALSE(IsSafeRelativePath("a//b"));
  CHECK_FALSE(IsSafeRelativePath("a\\b"));
  CHECK(IsSafeRelativePath("arsip/2023/"));  // a folder, as users write it
  CHECK(IsSafeRelativePath("a/.b/c..d"));
  CHECK_FALSE(IsSafeRelativePath("a//"));
  CHECK_FALSE(IsSafeRelativePath("./a"));
  CHECK_FALSE(IsSafeRelativePath("a/."));
  CHECK_FALSE(IsSafeRelativePath(".."));
}

}  // namespace
}  // namespace sakip
