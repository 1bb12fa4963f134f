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
  // A link is written through: its target is replaced, the link stays.
  fs::path path = requested;
  if (fs::is_symlink(requested, ec)) {
    const fs::path target = fs::read_symlink(requested, ec);
    if (!ec) path = target.is_absolute() ? target : requested.parent_path() / target;
  }
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
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0)
    throw UserError("Cannot write '" + path.string() + "': " + std::strerror(errno) + ".");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw UserError("Cannot write '" + path.string() + "': " + std::strerror(err) + ".");
    }
    done += std::size_t(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
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
