// Temporary git repositories for tests, written with libgit2.
#ifndef SAKIP_TESTS_GIT_FIXTURE_H_
#define SAKIP_TESTS_GIT_FIXTURE_H_

#include <string>

namespace sakip::testing {

class GitFixture {
 public:
  GitFixture();  // an empty repository in a new temporary folder
  ~GitFixture();
  const std::string& dir() const { return dir_; }
  void Write(const std::string& path, const std::string& text);
  void Remove(const std::string& path);
  // Commits the whole working tree and tags the commit.
  std::string CommitAndTag(const std::string& message, const std::string& tag);

 private:
  std::string dir_;
  void* repo_ = nullptr;
};

}  // namespace sakip::testing

#endif  // SAKIP_TESTS_GIT_FIXTURE_H_
