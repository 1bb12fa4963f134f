#include "app/commands.hpp"
#include "app/headless_context.hpp"
#include "app/body_labels.hpp"
#include "app/display_styles.hpp"
#include "render/overlay_renderer.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/atomic_file.hpp"
#include "core/image.hpp"
#include "core/model_io.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace dorsum::app {

namespace fs = std::filesystem;

core::StandardView requireView(const std::string& name) {
  if (auto v = core::parseView(name)) return *v;
  throw core::usageError("The view '" + name + "' is unknown; choose one of " + core::viewNamesJoined() + ".");
}

void requireWritableOutput(const fs::path& out) {
  if (out.empty()) throw core::usageError("The output path is empty; give a file name such as --out back.png.");
  const fs::path dir = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw core::UserError("Cannot write '" + out.string() + "': the folder '" + dir.string() + "' does not exist.");
  if (fs::is_directory(out, ec)) throw core::UserError("Cannot write '" + out.string() + "': it is a directory.");
}

int runRender(const RenderOptions& o) {
  RenderRequest request;
  const core::Size size = core::parseSize(o.size);
  request.width = size.width;
  request.height = size.height;
  request.view = requireView(o.view);
  requireWritableOutput(o.out);
  const LoadedScene loaded = loadScene({o.model, o.atlasDir});
  const int deepest = loaded.atlas ? loaded.atlas->deepestLayer() : 0;
  if (o.peel < 0 || o.peel > deepest)
    throw core::usageError("The peel level " + std::to_string(o.peel) + " is out of range: use 0 (all layers) to " +
                           std::to_string(deepest) + (loaded.atlas ? " (every layer removed)." : " for a model."));
  requireKnownIds(loaded, o.hide, "--hide");
  requireKnownIds(loaded, o.ghost, "--ghost");
  if (o.select) requireKnownIds(loaded, {*o.select}, "--select");
  if (o.isolate) requireKnownIds(loaded, {*o.isolate}, "--isolate");
  core::DisplayState state;
  state.peel = o.peel;
  state.skin = o.skin ? core::Display::Shown : core::Display::Hidden;
  for (const auto& id : o.ghost) state.byId[id] = core::Display::Ghosted;
  for (const auto& id : o.hide) state.byId[id] = core::Display::Hidden;
  state.isolated = o.isolate;
  // An isolated structure is also the selection (highlighted, its attachments pinned), unless
  // another one was selected.
  const std::optional<std::string> selected = o.select ? o.select : o.isolate;
  HeadlessContext context;
  render::SceneRenderer renderer;
  renderer.upload(loaded.scene);
  renderer.setCullBackFaces(loaded.atlas.has_value());  // a user's model may be open: two-sided
  renderer.setStyles(meshStyles(loaded, core::resolveDisplay(state, loaded.structures), selected, std::nullopt));
  renderer.setMarkers(attachmentMarkers(loaded, selected));
  // An isolated structure is framed with some of its surroundings; otherwise the whole back.
  core::Bounds framing = framingBounds(loaded);
  if (o.isolate) {
    core::Bounds b;
    for (std::size_t i = 0; i < loaded.structures.size(); ++i)
      if (core::matchesId(loaded.structures[i], *o.isolate)) b.add(loaded.scene.meshes[i].bounds());
    const glm::vec3 c = b.center(), half = glm::vec3(std::max(b.radius(), 0.05f) * 1.6f);
    framing = core::Bounds{c - half, c + half};
  }
  std::optional<render::OverlayRenderer> overlay;
  std::vector<core::PlacedLabel> labels;
  if (o.labels) {
    // Label text scales with the image so that a projector-sized render stays readable.
    overlay.emplace(renderer.shaders(), std::max(13.0f, float(request.height) / 45.0f));
    if (!overlay->available()) throw core::UserError(overlay->whyUnavailable());
    const core::Bvh bvh(loaded.scene);
    labels = layoutBodyLabels(loaded, core::resolveDisplay(state, loaded.structures), bvh,
                              cameraFor(framing, request.view), request.width, request.height,
                              [&](const std::string& t) { return overlay->measure(t); });
  }
  const core::Image image = renderOffscreen(renderer, framing, request, [&] {
    if (overlay) overlay->drawLabels(labels, request.width, request.height);
  });
  core::writePng(image, o.out);
  std::cout << "Wrote " << o.out.string() << " (" << size.width << "x" << size.height << ", "
            << core::viewName(request.view) << " view of " << loaded.title
            << (o.peel > 0 ? ", " + std::to_string(o.peel) + " layer" + (o.peel > 1 ? "s" : "") + " peeled" : "") << ").\n";
  return 0;
}

int runBake(const BakeOptions& o) {
  requireWritableOutput(o.out);
  if (!(o.resolution >= 0.25f && o.resolution <= 4.0f))
    throw core::usageError("The resolution " + std::to_string(o.resolution) + " is out of range: use 0.25 to 4.");
  const core::Atlas atlas = core::loadAtlasOrThrow(o.atlasDir);
  const core::AtlasModel model = core::buildAtlasModel(atlas, o.resolution);
  core::writeFileAtomically(o.out, core::sceneToGlb(model.scene));
  std::cout << "Baked " << model.scene.meshes.size() << " structures (" << model.scene.triangleCount()
            << " triangles) to " << o.out.string() << ".\n";
  return 0;
}

}  // namespace dorsum::app
