#include "publish.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace sakip {
namespace {

// A sibling of `out` that no other build uses at the same time.
fs::path Sibling(const fs::path& out, const std::string& tag) {
  std::ostringstream name;
  name << "." << out.filename().string() << "." << tag << "-" << getpid();
  return out.parent_path() / name.str();
}

fs::path Normalized(const std::string& out_dir) {
  fs::path out = fs::absolute(fs::path(out_dir)).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

// Staging folders of builds that were killed: with the lock held, no other
// build is using them.
void RemoveAbandonedStaging(const fs::path& out) {
  std::string prefix = "." + out.filename().string() + ".new-";
  std::error_code ec;
  for (fs::directory_iterator it(out.parent_path(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      fs::remove_all(it->path(), ec);
    }
  }
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// "key path" lines, as written by Commit.
std::map<std::string, std::string> ReadKeys(const fs::path& file) {
  std::map<std::string, std::string> keys;
  std::istringstream lines(ReadAll(file));
  for (std::string line; std::getline(lines, line);) {
    size_t space = line.find(' ');
    if (space != std::string::npos) {
      keys[line.substr(space + 1)] = line.substr(0, space);
    }
  }
  return keys;
}

}  // namespace

OutputLock::OutputLock(const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out.parent_path(), ec);
  fs::path path = out.parent_path() / ("." + out.filename().string() + ".lock");
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ >= 0) flock(fd_, LOCK_EX);
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) close(fd_);  // releases the lock; the empty file stays
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path[0] == '/' || path.find('\\') != std::string::npos) {
    return false;
  }
  std::stringstream parts(path);
  for (std::string part; std::getline(parts, part, '/');) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

Staging::Staging(const std::string& out_dir)
    : out_(Normalized(out_dir)), staging_(Sibling(out_, "new")), lock_(out_) {
  std::error_code ec;
  if (fs::exists(out_, ec) && !fs::is_directory(out_, ec)) {
    error_ = out_.string() + " exists and is not a folder";
    return;
  }
  // Never replace a folder that Sakip did not write, such as the content.
  if (fs::is_directory(out_, ec) && !fs::is_empty(out_, ec) &&
      !fs::exists(out_ / kOutputMarker, ec)) {
    error_ = out_.string() + " is not empty and was not written by sakip (no " +
             kOutputMarker + "); choose another --out folder";
    return;
  }
  has_previous_ = fs::exists(out_ / kOutputMarker, ec);
  if (has_previous_) previous_keys_ = ReadKeys(out_ / kKeysFile);
  RemoveAbandonedStaging(out_);
  fs::create_directories(staging_, ec);
  if (ec) error_ = "cannot create " + staging_.string() + ": " + ec.message();
}

Staging::~Staging() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

bool Staging::ok() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_.empty();
}

std::string Staging::error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

std::string Staging::previous_dir() const {
  return has_previous_ ? out_.string() : "";
}

void Staging::Fail(const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_.empty()) error_ = message;
}

// Makes the folder of `file` (once per folder).
bool Staging::Prepare(const fs::path& file) {
  fs::path folder = file.parent_path();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (folders_.count(folder.string())) return true;
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec && !fs::is_directory(folder)) {
    Fail("cannot create " + folder.string() + ": " + ec.message());
    return false;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  folders_.insert(folder.string());
  return true;
}

bool Staging::LinkPrevious(const std::string& path) {
  if (!has_previous_) return false;
  std::error_code ec;
  fs::create_hard_link(out_ / path, staging_ / path, ec);
  return !ec;
}

// For a whole kept folder: a copy where the disk has no hard links.
bool Staging::LinkOrCopyPrevious(const std::string& path) {
  if (LinkPrevious(path)) return true;
  std::error_code ec;
  fs::copy_file(out_ / path, staging_ / path,
                fs::copy_options::overwrite_existing, ec);
  return !ec;
}

void Staging::Add(const std::string& path, std::string contents,
                  const std::string& key) {
  if (!IsSafeRelativePath(path)) {
    Fail("refusing to write outside the output folder: " + path);
    return;
  }
  fs::path target = staging_ / path;
  if (!Prepare(target)) return;
  std::error_code ec;
  bool same = has_previous_ &&
              fs::file_size(out_ / path, ec) == contents.size() && !ec &&
              !fs::is_symlink(out_ / path) && ReadAll(out_ / path) == contents;
  if (same && LinkPrevious(path)) {
    std::lock_guard<std::mutex> lock(mutex_);
    paths_[path] = key;
    ++unchanged_;
    return;
  }
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) {
    Fail("cannot write " + target.string());
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  paths_[path] = key;
  ++written_;
}

void Staging::Append(const std::string& path, const std::string& bytes) {
  if (!IsSafeRelativePath(path)) {
    Fail("refusing to write outside the output folder: " + path);
    return;
  }
  fs::path target = staging_ / path;
  bool first;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    first = appended_.insert(path).second;
    if (first) {
      paths_[path] = "";
      ++written_;
    }
  }
  if (first && !Prepare(target)) return;
  // A new file, never a link to the previous site's: appending to a link
  // would change the site that is still being served.
  std::ofstream out(
      target, std::ios::binary | (first ? std::ios::trunc : std::ios::app));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) Fail("cannot write " + target.string());
}

bool Staging::Keep(const std::string& path, const std::string& key) {
  auto it = previous_keys_.find(path);
  if (key.empty() || it == previous_keys_.end() || it->second != key ||
      !IsSafeRelativePath(path)) {
    return false;
  }
  if (!Prepare(staging_ / path) || !LinkPrevious(path)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  paths_[path] = key;
  ++unchanged_;
  return true;
}

bool Staging::KeepFolder(const std::string& folder, std::string* error) {
  if (!IsSafeRelativePath(folder) || !has_previous_) {
    *error = "no previous folder " + folder;
    return false;
  }
  std::error_code ec;
  fs::path from = out_ / folder;
  for (fs::recursive_directory_iterator it(from, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::string path = (fs::path(folder) / it->path().lexically_relative(from))
                           .generic_string();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (paths_.count(path)) continue;  // made again by this build
    }
    if (!Prepare(staging_ / path) || !LinkOrCopyPrevious(path)) {
      *error = "cannot keep " + path;
      return false;
    }
    std::lock_guard<std::mutex> lock(mutex_);
    auto key = previous_keys_.find(path);
    paths_[path] = key == previous_keys_.end() ? "" : key->second;
    ++unchanged_;
  }
  if (ec) *error = ec.message();
  return !ec;
}

std::vector<std::string> Staging::Paths() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> paths;
  for (const auto& [path, key] : paths_) paths.push_back(path);
  return paths;
}

bool Staging::Commit(std::string* error) {
  if (!ok()) {
    *error = this->error();
    return false;
  }
  std::string keys;
  for (const auto& [path, key] : paths_) {
    if (!key.empty()) keys += key + " " + path + "\n";
  }
  std::ofstream(staging_ / kKeysFile, std::ios::binary) << keys;
  std::ofstream marker(staging_ / kOutputMarker, std::ios::binary);
  marker << "This folder is written by sakip build and replaced whole by the "
            "next build.\n";
  marker.close();
  if (!marker) {
    *error = "cannot write " + (staging_ / kOutputMarker).string();
    return false;
  }
  std::error_code ec;
  if (!fs::exists(out_)) {
    fs::rename(staging_, out_, ec);
  } else if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(),
                       RENAME_EXCHANGE) != 0) {
    // Both folders swap in one step, so that readers never see a gap.
    ec = std::error_code(errno, std::generic_category());
  }
  if (ec) {
    *error =
        "cannot move the new site into " + out_.string() + ": " + ec.message();
    return false;
  }
  fs::remove_all(staging_, ec);  // the previous site, after the exchange
  committed_ = true;
  return true;
}

bool Publish(
    const OutputTree& tree, const std::string& out_dir, std::string* error,
    const std::function<void(const std::string& staging)>& before_swap) {
  Staging staging(out_dir);
  for (const auto& [path, contents] : tree.files()) {
    if (!staging.ok()) break;
    staging.Add(path, contents);
  }
  if (!staging.ok()) {
    *error = staging.error();
    return false;
  }
  if (before_swap) before_swap(staging.dir());
  return staging.Commit(error);
}

}  // namespace sakip
