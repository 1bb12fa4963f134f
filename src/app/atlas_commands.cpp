#include "app/commands.hpp"
#include "core/json_text.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "app/scene_source.hpp"
#include "core/anatomy/referral.hpp"

#include <nlohmann/json.hpp>

#include "core/strokes/routine.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace dorsum::app {

namespace {
namespace fs = std::filesystem;

// A routine file (or the techniques file) rather than an atlas file: by its top-level key.
bool isRoutineText(const std::string& text) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(text);
    return doc.is_object() && (doc.contains("routine") || doc.contains("techniques"));
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

// An atlas file: its top level names one of the atlas's kinds.
bool isAtlasText(const std::string& text) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(text);
    if (doc.is_object())
      for (const char* k : {"sources", "layers", "landmarks", "bones", "muscles", "regions", "trigger_points"})
        if (doc.contains(k)) return true;
  } catch (const nlohmann::json::exception&) {
  }
  return false;
}

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Splits the paths into routine files (checked against the built-in atlas) and the rest (atlas
// files and folders, checked as before). A folder of routine files is routine files.
std::vector<core::Diagnostic> validateRoutinesAmong(std::vector<fs::path>& paths, bool& anyRoutines) {
  std::vector<core::AtlasFile> routines;
  std::vector<fs::path> rest;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(path, ec))
        if (e.path().extension() == ".json" && e.is_regular_file(ec)) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      // A folder of routines: some routine file and no atlas file (a broken file there is then
      // reported as a routine file).
      const bool routineFolder =
          std::any_of(files.begin(), files.end(), [](const fs::path& f) { return isRoutineText(readAll(f)); }) &&
          std::none_of(files.begin(), files.end(), [](const fs::path& f) { return isAtlasText(readAll(f)); });
      if (routineFolder) {
        for (const auto& f : files) routines.push_back({f.string(), readAll(f)});
        continue;
      }
    } else if (fs::is_regular_file(path, ec)) {
      const std::string text = readAll(path);
      if (isRoutineText(text)) {
        routines.push_back({path.string(), text});
        continue;
      }
    }
    rest.push_back(path);
  }
  paths = rest;
  anyRoutines = !routines.empty();
  if (routines.empty()) return {};
  core::AtlasLoad atlas = core::loadEmbeddedAtlas();
  return core::loadRoutineFiles(routines, atlas.atlas).problems;
}
}  // namespace

int runValidate(const std::vector<std::filesystem::path>& given) {
  std::vector<core::Diagnostic> problems;
  bool anyRoutines = true, anyAtlas = true;
  if (given.empty()) {  // the atlas and the routines built into this binary
    core::AtlasLoad atlas = core::loadEmbeddedAtlas();
    problems = atlas.problems;
    if (atlas.ok()) {
      const auto routines = core::loadEmbeddedRoutines(atlas.atlas).problems;
      problems.insert(problems.end(), routines.begin(), routines.end());
    }
  } else {
    std::vector<fs::path> paths = given;
    problems = validateRoutinesAmong(paths, anyRoutines);
    anyAtlas = !paths.empty();
    if (!paths.empty()) {
      const auto more = core::validatePaths(paths);
      problems.insert(problems.end(), more.begin(), more.end());
    }
  }
  for (const auto& d : problems) std::cerr << d.str() << "\n";
  if (!problems.empty()) {
    std::cerr << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " found.\n";
    return 1;
  }
  std::cout << (anyAtlas && anyRoutines ? "The atlas and routine files are valid.\n"
                 : anyRoutines          ? "The routine files are valid.\n"
                                        : "The atlas files are valid.\n");
  return 0;
}

int runAtlas(const AtlasOptions& o) {
  if (!o.json) {
    std::cout << core::atlasSummary(core::loadAtlasOrThrow(o.atlasDir));
    return 0;
  }
  // Regions and trigger points are placed on the body: their centres and positions need it.
  const LoadedScene body = loadScene({std::nullopt, o.atlasDir});
  nlohmann::json doc = nlohmann::json::parse(core::atlasToJson(*body.atlas));
  const nlohmann::json referral = core::referralJson(*body.atlas, *body.referral);
  for (const auto& [key, value] : referral.items()) doc[key] = value;
  std::cout << core::jsonText(doc) << "\n";
  return 0;
}

}  // namespace dorsum::app
