#include "app/commands.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "app/scene_source.hpp"
#include "core/anatomy/referral.hpp"

#include <nlohmann/json.hpp>

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
  if (!o.json) {
    std::cout << core::atlasSummary(core::loadAtlasOrThrow(o.atlasDir));
    return 0;
  }
  // Regions and trigger points are placed on the body: their centres and positions need it.
  const LoadedScene body = loadScene({std::nullopt, o.atlasDir});
  nlohmann::json doc = nlohmann::json::parse(core::atlasToJson(*body.atlas));
  const nlohmann::json referral = core::referralJson(*body.atlas, *body.referral);
  for (const auto& [key, value] : referral.items()) doc[key] = value;
  std::cout << doc.dump(2) << "\n";
  return 0;
}

}  // namespace dorsum::app
