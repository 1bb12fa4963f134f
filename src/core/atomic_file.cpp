#include "core/atomic_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <random>
#include <unistd.h>

namespace dorsum::core {

namespace fs = std::filesystem;

void writeFileAtomically(const fs::path& requested, std::string_view bytes) {
  std::error_code ec;
  // A link is written through (its target is replaced, the link stays), but only a link of the
  // user's own: another user's link in a shared folder (/tmp/out.png -> ~/.bashrc) is refused.
  fs::path path = requested;
  struct stat link {};
  if (::lstat(requested.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    if (link.st_uid != ::geteuid())
      throw UserError("Cannot write '" + requested.string() + "': it is a link that belongs to another user.");
    const fs::path target = fs::read_symlink(requested, ec);
    if (!ec) path = target.is_absolute() ? target : requested.parent_path() / target;
  }
  // Never replace a device, a pipe or a socket (--out /dev/null as root would remove the device).
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode))
    throw UserError("Cannot write '" + path.string() + "': it is not a regular file (a device, pipe or socket).");
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    throw UserError("Cannot write '" + path.string() + "': the folder '" + dir.string() + "' does not exist.");
  if (fs::is_directory(path, ec))
    throw UserError("Cannot write '" + path.string() + "': it is a directory.");
  std::random_device rd;
  // A short temporary name, so that it fits wherever the target's name fits.
  const fs::path tmp = dir / (".dorsum-" + std::to_string(rd() % 1000000) + ".tmp");
  // The new file keeps the mode of the one it replaces.
  struct stat old {};
  const mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  // Written unnamed (O_TMPFILE) where the file system allows: a kill while writing leaves nothing
  // behind; it gets its temporary name only once complete, just before the rename.
  bool unnamed = true;
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0) {
    unnamed = false;
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  }
  if (fd < 0)
    throw UserError("Cannot write '" + path.string() + "': " + std::strerror(errno) + ".");
  if (unnamed) ::fchmod(fd, mode);  // O_TMPFILE applies the umask
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      if (!unnamed) ::unlink(tmp.c_str());
      throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
    }
    done += std::size_t(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    if (!unnamed) ::unlink(tmp.c_str());
    throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
  }
  if (unnamed) {
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      const int err = errno;
      ::close(fd);
      throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
    }
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
  }
  // Make the rename itself durable: flush the folder's entry.
  if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
}

}  // namespace dorsum::core
