#pragma once
// Reading and validating atlas files. Every problem names the file, the field and the reason; a
// broken atlas is refused as a whole (the viewer shows the same messages as `dorsum validate`).
#include "core/atlas/atlas.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace dorsum::core {

// Text from a file, shortened for a message: at most `most` bytes, the middle elided (whole UTF-8
// characters kept), so a megabyte id never floods a terminal.
std::string elided(const std::string& s, std::size_t most = 300);

struct Diagnostic {
  std::string file;    // e.g. "muscles.json"
  std::string field;   // e.g. "muscles[rhomboid_major].parts[0].origin.landmarks[2]"
  std::string reason;  // e.g. "unknown landmark 't13_sp'"
  std::string str() const { return elided(file) + ": " + (field.empty() ? "" : elided(field) + ": ") + elided(reason); }
};

struct AtlasFile {
  std::string name;  // shown in messages
  std::string text;
};

struct AtlasLoad {
  Atlas atlas;
  std::vector<Diagnostic> problems;
  bool ok() const { return problems.empty(); }
};

// Parses and checks a set of files; each file's kind is its top-level key (sources, layers,
// landmarks, bones, muscles). Cross-references are checked across all of them.
AtlasLoad loadAtlasFiles(const std::vector<AtlasFile>& files);

// The atlas built into the binary (a copy of assets/atlas made at build time).
const std::map<std::string, std::string>& embeddedAtlasFiles();
AtlasLoad loadEmbeddedAtlas();

// Reads every *.json of a folder. Unreadable files become diagnostics.
AtlasLoad loadAtlasDirectory(const std::filesystem::path& dir);

// `dorsum validate`: each path is a folder (a whole atlas) or a file; a file is checked together
// with the other kinds from its own folder, or from the built-in atlas where its folder lacks them.
std::vector<Diagnostic> validatePaths(const std::vector<std::filesystem::path>& paths);

// Loads the atlas for the app: the folder when given, else the built-in copy. Throws UserError
// with the first problems when the atlas is broken.
Atlas loadAtlasOrThrow(const std::optional<std::filesystem::path>& dir);

}  // namespace dorsum::core
