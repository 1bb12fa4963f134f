#pragma once
// Shader programs built from the files of shaders/: embedded in the binary by default; with a
// developer directory they are read from disk and hot-reloaded, and a program that fails to
// compile keeps the last good one and reports the compile log.
#include "render/gl_objects.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::render {

const std::map<std::string, std::string>& embeddedShaders();  // generated at build time

struct ShaderSource {
  std::string name;  // file name, e.g. "mesh.frag"
  std::string text;
};

// Compiles and links; on failure returns an empty Program and fills log with the reason.
Program buildProgram(const ShaderSource& vertex, const ShaderSource& fragment, std::string& log);

class ShaderLibrary {
public:
  // No directory: embedded sources. With one: files are read from it (and watched).
  explicit ShaderLibrary(std::optional<std::filesystem::path> devDirectory = std::nullopt);

  ShaderSource source(const std::string& name) const;

  // A program that may be rebuilt when its files change on disk.
  struct Entry {
    std::string vertex, fragment;
    std::string defines;  // "#define ..." lines put after #version: a variant of the same files
    Program program{NoCreate};
    std::string log;  // last compile error, empty when the current program is up to date
    std::filesystem::file_time_type stamp{};
  };

  // Builds (or finds) the program of the two files (with `defines` after their #version line, for
  // a variant that leaves out work); returns the entry index.
  std::size_t add(const std::string& vertex, const std::string& fragment, const std::string& defines = "");
  const Program& program(std::size_t index) const { return entries_[index].program; }
  // Checks the files' times and rebuilds what changed. Returns true when a program or its error changed.
  bool reloadChanged();
  // Compile errors of programs currently running on an older version ("" when all is well).
  std::string errors() const;
  bool fromDisk() const { return dir_.has_value(); }

private:
  std::filesystem::file_time_type stampOf(const Entry& e) const;
  void rebuild(Entry& e);
  std::optional<std::filesystem::path> dir_;
  std::vector<Entry> entries_;
};

}  // namespace dorsum::render
