#include "app/commands.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"

#include <iostream>

namespace dorsum::app {

int runValidate(const std::vector<std::filesystem::path>& paths) {
  const auto problems = paths.empty() ? core::loadEmbeddedAtlas().problems : core::validatePaths(paths);
  for (const auto& d : problems) std::cerr << d.str() << "\n";
  if (!problems.empty()) {
    std::cerr << problems.size() << " problem" << (problems.size() == 1 ? "" : "s") << " found.\n";
    return 1;
  }
  std::cout << "The atlas files are valid.\n";
  return 0;
}

int runAtlas(const AtlasOptions& o) {
  const core::Atlas atlas = core::loadAtlasOrThrow(o.atlasDir);
  std::cout << (o.json ? core::atlasToJson(atlas) + "\n" : core::atlasSummary(atlas));
  return 0;
}

}  // namespace dorsum::app
