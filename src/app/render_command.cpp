#include "app/commands.hpp"
#include "app/headless_context.hpp"
#include "app/body_labels.hpp"
#include "app/display_styles.hpp"
#include "render/overlay_renderer.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "app/stroke_view.hpp"
#include "core/error.hpp"
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/atomic_file.hpp"
#include "core/image.hpp"
#include "core/model_io.hpp"
#include "core/text_args.hpp"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cctype>
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
  core::imageFormatFor(o.out);  // .png or .jpg, refused before any work
  const LoadedScene loaded = loadScene({o.model, o.atlasDir});
  const core::Bvh bvh(loaded.scene);
  const core::ViewContext ctx = viewContext(loaded, &bvh);
  // The flags are commands on the state the body opens in, checked (with the flag's name) first.
  ctx.requirePeel(o.peel);
  for (const auto& id : o.hide) ctx.requireKnown(id, "given to --hide");
  for (const auto& id : o.ghost) ctx.requireKnown(id, "given to --ghost");
  if (o.select) ctx.requireKnown(*o.select, "given to --select");
  if (o.isolate) ctx.requireKnown(*o.isolate, "given to --isolate");
  core::ViewState state = o.state ? loadViewState(*o.state, ctx) : core::initialState(ctx, request.view);
  if (o.state && o.viewGiven) state = core::apply(ctx, state, core::Command::goToView(request.view));
  if (o.peel > 0) state = core::apply(ctx, state, core::Command::setPeel(o.peel));
  if (o.skin) state = core::apply(ctx, state, core::Command::setSkin(core::Display::Shown));
  for (const auto& id : o.ghost) state = core::apply(ctx, state, core::Command::setDisplay(id, core::Display::Ghosted));
  for (const auto& id : o.hide) state = core::apply(ctx, state, core::Command::setDisplay(id, core::Display::Hidden));
  if (o.isolate) state = core::apply(ctx, state, core::Command::isolate(*o.isolate));
  if (o.select) state = core::apply(ctx, state, core::Command::select(*o.select));  // revealed, as in the window
  if (o.labels) state = core::apply(ctx, state, core::Command::setLabels(true));
  if (o.side != "left" && o.side != "right") throw core::usageError("The side '" + o.side + "' is unknown; use left or right.");
  const core::Side side = o.side == "right" ? core::Side::Right : core::Side::Left;
  if (o.triggerPoint) state = core::apply(ctx, state, core::Command::selectTriggerPoint(*o.triggerPoint, side));
  if (o.region) state = core::apply(ctx, state, core::Command::selectRegion(*o.region, side));
  // A massage routine at an instant, as the window plays it (a routine in a saved state too).
  if (o.routine) {
    if (o.select || o.isolate || o.triggerPoint || o.region)
      throw core::usageError("--routine shows its own strokes and what they work; it cannot be combined with --select, --isolate, --trigger-point or --region.");
    ctx.requireRoutine(*o.routine);
    state = core::apply(ctx, state, core::Command::playRoutine(*o.routine));
    if (o.viewGiven) state = core::apply(ctx, state, core::Command::goToView(request.view));
    if (o.skin) state = core::apply(ctx, state, core::Command::setSkin(core::Display::Shown));
  } else if (o.time != 0.0f && !state.routine) {
    throw core::usageError("--time needs --routine ID.");
  }
  std::optional<core::RoutineMotion> motion;
  if (state.routine) {
    motion.emplace(routineMotion(loaded, *state.routine));
    if (o.routine || o.time != 0.0f) {
      if (!(o.time >= 0.0f && o.time <= motion->duration()))
        throw core::usageError("The time " + core::shortNumber(o.time) + " s is outside the routine '" + *state.routine +
                               "', which lasts " + core::shortNumber(motion->duration()) + " s.");
      state = core::apply(ctx, state, core::Command::seekRoutine(o.time));
    }
  }
  request.view = state.view;
  HeadlessContext context;
  render::SceneRenderer renderer;
  renderer.upload(loaded.scene);
  renderer.setCullBackFaces(closedMeshes(loaded));  // an open or inward mesh: two-sided
  const auto displays = core::displaysOf(ctx, state);
  renderer.setStyles(meshStyles(loaded, displays, state.selected, std::nullopt));
  renderer.setMarkers(attachmentMarkers(loaded, state.selected));
  if (const auto paint = referralPaint(loaded, state)) renderer.setOverlay(paint->mesh, paint->values);
  std::optional<StrokeFrame> stroke;
  if (motion) {
    stroke = strokeFrame(*motion, state.routineTime);
    showStrokeFrame(renderer, loaded, meshStyles(loaded, displays, state.selected, std::nullopt), *stroke);
  }
  core::OrbitCamera camera;
  camera.jumpTo(state.camera);
  std::optional<render::OverlayRenderer> overlay;
  std::vector<core::PlacedLabel> labels;
  if (state.labels) {
    // Label text scales with the image so that a projector-sized render stays readable.
    overlay.emplace(renderer.shaders(), std::max(13.0f, float(request.height) / 45.0f));
    if (!overlay->available()) throw core::UserError(overlay->whyUnavailable());
    labels = layoutBodyLabels(loaded, displays, bvh, camera, request.width, request.height,
                              [&](const std::string& t) { return overlay->measure(t); });
  }
  // X marks: every trigger point with --marks, the chosen one with --trigger-point.
  std::vector<render::OverlayRenderer::Cross> crosses;
  if (o.marks || state.triggerPoint) {
    const float size = std::max(10.0f, float(request.height) / 55.0f);
    for (const auto& m : triggerPointMarks(loaded, displays, bvh, camera, request.width, request.height, state))
      if (o.marks || m.chosen)
        crosses.push_back({m.at, m.chosen ? size * 1.5f : size, m.chosen ? glm::vec4(1.0f, 0.84f, 0.25f, 1.0f) : glm::vec4(0.95f, 0.95f, 0.98f, 0.95f)});
    if (!overlay) overlay.emplace(renderer.shaders(), std::max(13.0f, float(request.height) / 45.0f));
  }
  if (stroke && !overlay) overlay.emplace(renderer.shaders(), std::max(13.0f, float(request.height) / 45.0f));
  const core::Image image = renderOffscreen(renderer, camera, request, [&] {
    if (overlay) overlay->drawCrosses(crosses, request.width, request.height);
    if (overlay) overlay->drawLabels(labels, request.width, request.height);
    if (overlay && stroke) overlay->drawCaption(stroke->title, stroke->caption, request.width, request.height);
  });
  core::writeImage(image, o.out);
  std::cout << "Wrote " << o.out.string() << " (" << size.width << "x" << size.height << ", "
            << core::viewName(request.view) << " view of " << loaded.title
            << (state.display.peel > 0 ? ", " + std::to_string(state.display.peel) + " layer" + (state.display.peel > 1 ? "s" : "") + " peeled" : "")
            << ").\n";
  return 0;
}

int runBake(const BakeOptions& o) {
  std::string ext = o.out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext != ".glb") throw core::usageError("Cannot write '" + o.out.string() + "': the baked body's name must end in .glb.");
  requireWritableOutput(o.out);
  if (!(o.resolution >= 0.25f && o.resolution <= 4.0f))
    throw core::usageError("The resolution " + core::shortNumber(o.resolution) + " is out of range: use 0.25 to 4.");
  const core::Atlas atlas = core::loadAtlasOrThrow(o.atlasDir);
  const core::AtlasModel model = core::buildAtlasModel(atlas, o.resolution);
  core::writeFileAtomically(o.out, core::sceneToGlb(model.scene, &model.structures, core::bakeStamp(core::atlasToJson(atlas, -1))));
  std::cout << "Baked " << model.scene.meshes.size() << " structures (" << model.scene.triangleCount()
            << " triangles) to " << o.out.string() << ".\n";
  return 0;
}

}  // namespace dorsum::app
