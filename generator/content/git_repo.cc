#include "git_repo.h"

#include <git2.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace sakip {
namespace {

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

std::string LastError() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};
using Repo = std::unique_ptr<git_repository,
                             Deleter<git_repository, git_repository_free>>;
using Object =
    std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using Entry = std::unique_ptr<git_tree_entry,
                              Deleter<git_tree_entry, git_tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using Commit =
    std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Walk =
    std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;

std::string Hex(const git_oid* oid) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, oid);
  return buffer;
}

GitCommitInfo InfoOf(const git_commit* commit) {
  GitCommitInfo info;
  info.id = Hex(git_commit_id(commit));
  const char* summary = git_commit_summary(const_cast<git_commit*>(commit));
  info.subject = summary ? summary : "";
  const git_signature* author = git_commit_author(commit);
  if (author) {
    info.author = author->name ? author->name : "";
    info.time = author->when.time;
    info.offset_minutes = author->when.offset;
  }
  return info;
}

// A commit's subtree as a FileSystem. libgit2 objects are not shared
// between threads: every call takes the repository's lock.
class GitTreeFileSystem : public FileSystem {
 public:
  GitTreeFileSystem(git_repository* repo, std::mutex* mutex, Tree tree)
      : repo_(repo), mutex_(mutex), tree_(std::move(tree)) {}

  std::optional<std::string> ReadFile(const std::string& path,
                                      std::string* error) const override {
    std::lock_guard<std::mutex> lock(*mutex_);
    Entry entry = Find(path);
    if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) {
      *error = "does not exist in the commit";
      return std::nullopt;
    }
    if (git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK) {
      *error = "is a symbolic link; links are not followed";
      return std::nullopt;
    }
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_, git_tree_entry_id(entry.get())) != 0) {
      *error = "cannot be read: " + LastError();
      return std::nullopt;
    }
    Blob blob(raw);
    const char* bytes =
        static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(bytes,
                       static_cast<size_t>(git_blob_rawsize(blob.get())));
  }

  std::vector<DirEntry> ListDir(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(*mutex_);
    std::vector<DirEntry> entries;
    Tree sub;
    const git_tree* tree = tree_.get();
    if (!path.empty()) {
      Entry entry = Find(path);
      if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
        return entries;
      git_tree* raw = nullptr;
      if (git_tree_lookup(&raw, repo_, git_tree_entry_id(entry.get())) != 0)
        return entries;
      sub.reset(raw);
      tree = sub.get();
    }
    size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      git_object_t type = git_tree_entry_type(e);
      if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
        entries.push_back({git_tree_entry_name(e), false, true});
        continue;
      }
      if (type != GIT_OBJECT_TREE && type != GIT_OBJECT_BLOB) continue;
      entries.push_back({git_tree_entry_name(e), type == GIT_OBJECT_TREE});
    }
    std::sort(
        entries.begin(), entries.end(),
        [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
    return entries;
  }

  bool IsFile(const std::string& path) const override {
    std::lock_guard<std::mutex> lock(*mutex_);
    Entry entry = Find(path);
    return entry && git_tree_entry_type(entry.get()) == GIT_OBJECT_BLOB &&
           git_tree_entry_filemode(entry.get()) != GIT_FILEMODE_LINK;
  }

  bool IsDir(const std::string& path) const override {
    if (path.empty()) return true;
    std::lock_guard<std::mutex> lock(*mutex_);
    Entry entry = Find(path);
    return entry && git_tree_entry_type(entry.get()) == GIT_OBJECT_TREE;
  }

  std::optional<std::uintmax_t> FileSize(
      const std::string& path) const override {
    std::lock_guard<std::mutex> lock(*mutex_);
    Entry entry = Find(path);
    if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
      return std::nullopt;
    git_blob* raw = nullptr;
    if (git_blob_lookup(&raw, repo_, git_tree_entry_id(entry.get())) != 0)
      return std::nullopt;
    Blob blob(raw);
    return static_cast<std::uintmax_t>(git_blob_rawsize(blob.get()));
  }

 private:
  Entry Find(const std::string& path) const {
    git_tree_entry* raw = nullptr;
    if (path.empty() ||
        git_tree_entry_bypath(&raw, tree_.get(), path.c_str()) != 0) {
      return Entry(nullptr);
    }
    return Entry(raw);
  }

  git_repository* repo_;
  std::mutex* mutex_;
  Tree tree_;
};

}  // namespace

struct GitRepository::Impl {
  Repo repo;
  mutable std::mutex mutex;
};

GitRepository::GitRepository(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
GitRepository::~GitRepository() = default;

std::unique_ptr<GitRepository> GitRepository::Open(const std::string& path,
                                                   std::string* error) {
  InitOnce();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), 0, nullptr) != 0) {
    *error = "no git repository at or above " + path + ": " + LastError();
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->repo.reset(raw);
  return std::unique_ptr<GitRepository>(new GitRepository(std::move(impl)));
}

std::string GitRepository::Workdir() const {
  const char* dir = git_repository_workdir(impl_->repo.get());
  return dir ? dir : "";
}

std::optional<GitCommitInfo> GitRepository::Resolve(const std::string& ref,
                                                    std::string* error) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, impl_->repo.get(), ref.c_str()) != 0) {
    *error = "git ref `" + ref + "` does not exist in this repository";
    return std::nullopt;
  }
  Object object(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) {
    *error = "git ref `" + ref + "` does not name a commit";
    return std::nullopt;
  }
  Commit commit(reinterpret_cast<git_commit*>(peeled));
  return InfoOf(commit.get());
}

std::unique_ptr<FileSystem> GitRepository::TreeAt(const std::string& commit_id,
                                                  const std::string& dir,
                                                  std::string* error) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  git_oid oid;
  git_commit* raw_commit = nullptr;
  if (git_oid_fromstr(&oid, commit_id.c_str()) != 0 ||
      git_commit_lookup(&raw_commit, impl_->repo.get(), &oid) != 0) {
    *error = "commit " + commit_id + " cannot be read: " + LastError();
    return nullptr;
  }
  Commit commit(raw_commit);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit.get()) != 0) {
    *error = "the tree of commit " + commit_id + " cannot be read";
    return nullptr;
  }
  Tree tree(raw_tree);
  if (!dir.empty()) {
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree.get(), dir.c_str()) != 0) {
      *error =
          "commit " + commit_id.substr(0, 12) + " has no folder `" + dir + "`";
      return nullptr;
    }
    Entry entry(raw_entry);
    git_tree* raw_sub = nullptr;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE ||
        git_tree_lookup(&raw_sub, impl_->repo.get(),
                        git_tree_entry_id(entry.get())) != 0) {
      *error =
          "`" + dir + "` is not a folder in commit " + commit_id.substr(0, 12);
      return nullptr;
    }
    tree.reset(raw_sub);
  }
  return std::make_unique<GitTreeFileSystem>(impl_->repo.get(), &impl_->mutex,
                                             std::move(tree));
}

std::map<std::string, std::vector<FileChange>> GitRepository::FileChanges(
    const std::string& commit_id, const std::vector<std::string>& paths,
    size_t limit) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::map<std::string, std::vector<FileChange>> changes;
  git_revwalk* raw_walk = nullptr;
  git_oid start;
  if (git_oid_fromstr(&start, commit_id.c_str()) != 0 ||
      git_revwalk_new(&raw_walk, impl_->repo.get()) != 0) {
    return changes;
  }
  Walk walk(raw_walk);
  // The line of the published history: a merged branch counts once, at
  // its merge, compared with what the line had before it.
  git_revwalk_simplify_first_parent(walk.get());
  git_revwalk_push(walk.get(), &start);
  // The blob id of `path` in a tree ("" when absent).
  auto blob_of = [](git_tree* tree, const std::string& path) {
    git_tree_entry* raw_entry = nullptr;
    if (!tree || git_tree_entry_bypath(&raw_entry, tree, path.c_str()) != 0) {
      return std::string();
    }
    Entry entry(raw_entry);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
      return std::string();
    return Hex(git_tree_entry_id(entry.get()));
  };
  auto tree_of = [](git_commit* commit) {
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit) != 0) raw_tree = nullptr;
    return Tree(raw_tree);
  };
  std::map<std::string, std::string> current;  // path -> blob in the commit
  git_oid oid;
  bool first = true;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, impl_->repo.get(), &oid) != 0) break;
    Commit commit(raw);
    if (first) {
      Tree tree = tree_of(commit.get());
      for (const std::string& path : paths) {
        current[path] = blob_of(tree.get(), path);
      }
      first = false;
    }
    Tree parent_tree;
    git_commit* raw_parent = nullptr;
    Commit parent;
    if (git_commit_parentcount(commit.get()) > 0 &&
        git_commit_parent(&raw_parent, commit.get(), 0) == 0) {
      parent.reset(raw_parent);
      parent_tree = tree_of(parent.get());
    }
    bool wanted = false;
    GitCommitInfo info = InfoOf(commit.get());
    // When the change entered the line, not when its author wrote it.
    info.time = git_commit_time(commit.get());
    info.offset_minutes = git_commit_time_offset(commit.get());
    for (const std::string& path : paths) {
      std::vector<FileChange>& list = changes[path];
      if (list.size() >= limit) continue;
      wanted = true;
      std::string before = blob_of(parent_tree.get(), path);
      std::string& after = current[path];
      if (before != after) list.push_back({info, before, after});
      after = before;
    }
    if (!wanted) break;
  }
  for (auto it = changes.begin(); it != changes.end();) {
    it = it->second.empty() ? changes.erase(it) : std::next(it);
  }
  return changes;
}

std::optional<std::string> GitRepository::ReadBlob(
    const std::string& blob_id) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  git_oid oid;
  git_blob* raw = nullptr;
  if (git_oid_fromstr(&oid, blob_id.c_str()) != 0 ||
      git_blob_lookup(&raw, impl_->repo.get(), &oid) != 0) {
    return std::nullopt;
  }
  Blob blob(raw);
  const char* bytes = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(bytes, static_cast<size_t>(git_blob_rawsize(blob.get())));
}

}  // namespace sakip
