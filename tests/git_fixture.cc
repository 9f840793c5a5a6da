#include "git_fixture.h"

#include <git2.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace sakip::testing {
namespace {

void Check(int rc, const char* what) {
  if (rc != 0) {
    const git_error* e = git_error_last();
    throw std::runtime_error(std::string(what) + ": " + (e ? e->message : "?"));
  }
}

}  // namespace

GitFixture::GitFixture() {
  git_libgit2_init();
  static int counter = 0;
  dir_ = (fs::temp_directory_path() / ("sakip-git-" + std::to_string(getpid()) +
                                       "-" + std::to_string(++counter)))
             .string();
  fs::remove_all(dir_);
  git_repository* repo = nullptr;
  Check(git_repository_init(&repo, dir_.c_str(), 0), "init");
  repo_ = repo;
}

GitFixture::~GitFixture() {
  git_repository_free(static_cast<git_repository*>(repo_));
  fs::remove_all(dir_);
  git_libgit2_shutdown();
}

void GitFixture::Write(const std::string& path, const std::string& text) {
  fs::path full = fs::path(dir_) / path;
  fs::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << text;
}

void GitFixture::Remove(const std::string& path) {
  fs::remove(fs::path(dir_) / path);
}

std::string GitFixture::CommitAndTag(const std::string& message,
                                     const std::string& tag) {
  auto* repo = static_cast<git_repository*>(repo_);
  git_index* index = nullptr;
  Check(git_repository_index(&index, repo), "index");
  git_strarray all = {nullptr, 0};
  Check(git_index_add_all(index, &all, 0, nullptr, nullptr), "add");
  Check(git_index_update_all(index, &all, nullptr, nullptr), "update");
  git_oid tree_id, commit_id;
  Check(git_index_write_tree(&tree_id, index), "write tree");
  Check(git_index_write(index), "write index");
  git_index_free(index);
  git_tree* tree = nullptr;
  Check(git_tree_lookup(&tree, repo, &tree_id), "tree");
  git_signature* sig = nullptr;
  Check(git_signature_new(&sig, "Perencana", "perencana@example.go.id",
                          1700000000, 420),
        "sig");
  git_object* head = nullptr;
  const git_commit* parents[1];
  int parent_count = 0;
  if (git_revparse_single(&head, repo, "HEAD") == 0) {
    parents[0] = reinterpret_cast<git_commit*>(head);
    parent_count = 1;
  }
  Check(git_commit_create(&commit_id, repo, "HEAD", sig, sig, nullptr,
                          message.c_str(), tree, parent_count, parents),
        "commit");
  git_object* commit = nullptr;
  Check(git_object_lookup(&commit, repo, &commit_id, GIT_OBJECT_COMMIT),
        "lookup");
  git_oid tag_id;
  Check(git_tag_create_lightweight(&tag_id, repo, tag.c_str(), commit, 0),
        "tag");
  git_object_free(commit);
  if (head) git_object_free(head);
  git_signature_free(sig);
  git_tree_free(tree);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &commit_id);
  return hex;
}

}  // namespace sakip::testing
