// dorsum-import: the child process Dorsum reads a user's model in (core/model_import.hpp).
// Usage: dorsum-import MODEL. Writes the scene to standard output (encodeScene) and exits 0; on a
// file it cannot read, writes one sentence to standard error and exits 2; out of memory, exits 3.
// Whatever Assimp does to this process (a crash, a runaway allocation, a loop), Dorsum survives.
#include "core/error.hpp"
#include "core/model_import.hpp"
#include "core/model_io.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: dorsum-import MODEL (Dorsum starts this itself to read a model safely)\n", stderr);
    return 64;
  }
  std::string bytes;
  try {
    bytes = dorsum::core::encodeScene(dorsum::core::loadModel(argv[1]));
  } catch (const dorsum::core::UserError& e) {
    // Assimp catches an allocation failure itself and reports it as the file's problem.
    if (std::strstr(e.what(), "bad_alloc")) return 3;
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    return 3;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "The model file '%s' cannot be read: %s.\n", argv[1], e.what());
    return 2;
  }
  std::size_t at = 0;
  while (at < bytes.size()) {
    const ssize_t n = write(1, bytes.data() + at, bytes.size() - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 5;  // Dorsum stopped listening
    at += std::size_t(n);
  }
  return 0;
}
