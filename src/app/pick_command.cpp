#include "app/commands.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
#include "core/geometry/picking.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <iostream>

namespace dorsum::app {

namespace {
std::pair<float, float> parsePixel(const std::string& text) {
  const auto comma = text.find(',');
  float x = 0, y = 0;
  auto parse = [&](std::string_view part, float& out) {
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
    return !part.empty() && ec == std::errc() && ptr == part.data() + part.size() && std::isfinite(out);
  };
  if (comma == std::string::npos || !parse(std::string_view(text).substr(0, comma), x) ||
      !parse(std::string_view(text).substr(comma + 1), y))
    throw core::usageError("The pixel '" + text + "' is not of the form X,Y, for example 640,360.");
  return {x, y};
}
}  // namespace

namespace {
nlohmann::json pickJson(const LoadedScene& loaded, const core::Bvh& bvh, const core::OrbitCamera& camera, int width,
                        int height, float px, float py, const std::vector<bool>& visible) {
  std::vector<core::Pickable> pickable(visible.size());
  for (std::size_t i = 0; i < visible.size(); ++i) pickable[i] = visible[i] ? core::Pickable::Solid : core::Pickable::Hidden;
  const auto hit = core::pick(bvh, core::pixelRay(camera, width, height, px, py), pickable);
  if (!hit) return nullptr;
  const core::Structure& s = loaded.structures[hit->mesh];
  std::string name = s.node;
  if (loaded.atlas) {
    if (const core::Muscle* m = loaded.atlas->muscle(s.muscleId)) {
      name = m->name;
      for (const auto& p : m->parts)
        if (p.id == s.id && m->parts.size() > 1) name = m->name + ", " + p.name;
    } else if (const core::Bone* b = loaded.atlas->bone(s.id)) {
      name = b->name;
    } else if (s.kind == core::StructureKind::Skin) {
      name = "Skin";
    }
  }
  nlohmann::json out = {{"id", s.id},
                        {"node", s.node},
                        {"name", name},
                        {"side", s.side ? nlohmann::json(core::sideName(*s.side)) : nlohmann::json(nullptr)},
                        {"layer", s.kind == core::StructureKind::Muscle ? nlohmann::json(s.layer) : nlohmann::json(nullptr)},
                        {"point", {hit->point.x, hit->point.y, hit->point.z}}};
  if (!s.muscleId.empty()) out["muscle"] = s.muscleId;
  return out;
}
}  // namespace

std::string pickAtPixel(const LoadedScene& loaded, const core::Bvh& bvh, const core::OrbitCamera& camera, int width,
                        int height, int x, int y, const std::vector<bool>& visible) {
  return pickJson(loaded, bvh, camera, width, height, float(x) + 0.5f, float(y) + 0.5f, visible).dump(2);
}

int runPick(const PickOptions& o) {
  const core::Size size = core::parseSize(o.size);
  const core::StandardView view = requireView(o.view);
  const auto [px, py] = parsePixel(o.at);
  if (px < 0 || py < 0 || px >= float(size.width) || py >= float(size.height))
    throw core::usageError("The pixel " + o.at + " lies outside the " + o.size + " image.");
  const LoadedScene loaded = loadScene({o.model, o.atlasDir});
  const int deepest = loaded.atlas ? loaded.atlas->deepestLayer() : 0;
  if (o.peel < 0 || o.peel > deepest)
    throw core::usageError("The peel level " + std::to_string(o.peel) + " is out of range: use 0 to " +
                           std::to_string(deepest) + ".");
  const core::Bvh bvh(loaded.scene);
  const core::OrbitCamera camera = cameraFor(framingBounds(loaded), view);
  const auto visible = visibleMeshes(loaded, {o.peel, o.skin, true, {}});
  std::cout << pickAtPixel(loaded, bvh, camera, size.width, size.height, int(px), int(py), visible) << "\n";
  return 0;
}

}  // namespace dorsum::app
