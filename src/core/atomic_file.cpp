#include "core/atomic_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace dorsum::core {

namespace fs = std::filesystem;

void writeFileAtomically(const fs::path& path, std::string_view bytes) {
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw UserError("Cannot write '" + path.string() + "': the folder '" + dir.string() + "' does not exist.");
  if (fs::is_directory(path, ec))
    throw UserError("Cannot write '" + path.string() + "': it is a directory.");
  std::random_device rd;
  const fs::path tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
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
}

}  // namespace dorsum::core
