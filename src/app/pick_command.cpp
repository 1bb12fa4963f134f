#include "app/commands.hpp"
#include "core/json_text.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
#include "core/geometry/picking.hpp"
#include "app/structure_card.hpp"

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
nlohmann::json pickJson(const LoadedScene& loaded, const core::ViewContext& ctx, const core::ViewState& state,
                        const core::Bvh& bvh, int width, int height, float px, float py) {
  core::OrbitCamera camera;
  camera.jumpTo(state.camera);
  const auto hit = core::pick(bvh, core::pixelRay(camera, width, height, px, py), core::pickableOf(core::displaysOf(ctx, state)));
  if (!hit) return nullptr;
  const core::Structure& s = loaded.structures[hit->mesh];
  nlohmann::json out = {{"id", s.id},
                        {"node", s.node},
                        {"name", displayName(loaded, s)},
                        {"side", s.side ? nlohmann::json(core::sideName(*s.side)) : nlohmann::json(nullptr)},
                        {"layer", s.kind == core::StructureKind::Muscle ? nlohmann::json(s.layer) : nlohmann::json(nullptr)},
                        {"point", {hit->point.x, hit->point.y, hit->point.z}},
                        {"face", hit->face},
                        {"barycentric", {hit->barycentric.x, hit->barycentric.y, hit->barycentric.z}}};
  if (!s.muscleId.empty()) out["muscle"] = s.muscleId;
  return out;
}
}  // namespace

std::string pickAtPixel(const LoadedScene& loaded, const core::ViewContext& ctx, const core::ViewState& state,
                        const core::Bvh& bvh, int width, int height, int x, int y) {
  return core::jsonText(pickJson(loaded, ctx, state, bvh, width, height, float(x) + 0.5f, float(y) + 0.5f));
}

int runPick(const PickOptions& o) {
  const core::Size size = core::parseSize(o.size);
  const core::StandardView view = requireView(o.view);
  const auto [px, py] = parsePixel(o.at);
  if (px < 0 || py < 0 || px >= float(size.width) || py >= float(size.height))
    throw core::usageError("The pixel " + o.at + " lies outside the " + o.size + " image.");
  const LoadedScene loaded = loadScene({o.model, o.atlasDir});
  const core::Bvh bvh(loaded.scene);
  const core::ViewContext ctx = viewContext(loaded, &bvh);
  ctx.requirePeel(o.peel);
  core::ViewState state = o.state ? loadViewState(*o.state, ctx) : core::initialState(ctx, view);
  if (o.state && o.viewGiven) state = core::apply(ctx, state, core::Command::goToView(view));
  if (o.peel > 0) state = core::apply(ctx, state, core::Command::setPeel(o.peel));
  if (o.skin) state = core::apply(ctx, state, core::Command::setSkin(core::Display::Shown));
  std::cout << pickAtPixel(loaded, ctx, state, bvh, size.width, size.height, int(px), int(py)) << "\n";
  return 0;
}

}  // namespace dorsum::app
