#include "app/commands.hpp"
#include "app/headless_context.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
#include "core/image.hpp"

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
  const LoadedScene loaded = loadScene(o.model);
  HeadlessContext context;
  render::SceneRenderer renderer;
  renderer.upload(loaded.scene);
  const core::Image image = renderOffscreen(renderer, loaded.scene, request);
  core::writePng(image, o.out);
  std::cout << "Wrote " << o.out.string() << " (" << size.width << "x" << size.height << ", "
            << core::viewName(request.view) << " view of the " << loaded.title << ").\n";
  return 0;
}

}  // namespace dorsum::app
