// Every change that a build makes to the disk beside its content: the
// output folder, its spare, the lock, the caches (as ninja's DiskInterface
// or LevelDB's Env, for writes only). One place, so that a test can stop a
// build at each change in turn and check that what it leaves is sound.
//
// Test-only, read from the environment once (ConfigureFromEnvironment):
//   SAKIP_CRASH_AT_CHANGE=N  the N-th change ends the process before it is
//                            made, as SIGKILL would (_exit: nothing flushed,
//                            no destructors);
//   SAKIP_COUNT_CHANGES=1    prints `sakip: N file-system changes` at exit.
// Each function makes one change (a write of a new file: two, its creation
// and its bytes) and reports failures like the std::filesystem overloads
// with an error_code; none throws.
#ifndef SAKIP_OUTPUT_DISK_H_
#define SAKIP_OUTPUT_DISK_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace sakip::disk {

// The exit status of a process ended by SAKIP_CRASH_AT_CHANGE.
inline constexpr int kCrashExit = 137;

void ConfigureFromEnvironment();
// The number of changes made so far.
long Changes();

bool MakeFolders(const std::filesystem::path& folder, std::error_code& ec);
// Removes a file or an empty folder; true when something was removed.
bool Remove(const std::filesystem::path& path, std::error_code& ec);
bool RemoveAll(const std::filesystem::path& path, std::error_code& ec);
bool HardLink(const std::filesystem::path& from,
              const std::filesystem::path& to, std::error_code& ec);
bool CopyFile(const std::filesystem::path& from,
              const std::filesystem::path& to, std::error_code& ec);
bool Rename(const std::filesystem::path& from, const std::filesystem::path& to,
            std::error_code& ec);
// Swaps two folders in one step (renameat2 RENAME_EXCHANGE).
bool Exchange(const std::filesystem::path& a, const std::filesystem::path& b,
              std::error_code& ec);
// Sets a folder's modification time (see SealFolders).
bool SetTime(const std::filesystem::path& path, time_t seconds);

// A file that must not exist yet (O_EXCL, never through a link): its
// descriptor, or -1 with errno set.
int CreateNew(const std::filesystem::path& file);
// Opens (making it when missing) the lock file `file`.
int OpenLockFile(const std::filesystem::path& file);
// Writes all of `bytes` at the descriptor's position.
bool Write(int fd, std::string_view bytes);
bool Truncate(int fd, off_t size);
// copy_file_range of up to `length` bytes from `from` at `*offset` to `to`.
ssize_t CopyRange(int from, loff_t* offset, int to, size_t length);
// Writes `bytes` as the new file `file` (which must not exist) and closes it.
bool WriteNewFile(const std::filesystem::path& file, std::string_view bytes);
// Replaces `file` whole, or leaves it as it was: written beside it and
// renamed over it (a cache or a list read by the next build).
bool ReplaceFile(const std::filesystem::path& file, std::string_view bytes);
// Removes the files ReplaceFile left in `folder` when its process ended
// before the rename (a killed build): those of processes no longer running.
void RemoveAbandonedTemporaries(const std::filesystem::path& folder);

}  // namespace sakip::disk

#endif  // SAKIP_OUTPUT_DISK_H_
