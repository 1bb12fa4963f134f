#include "app/offscreen_render.hpp"

#include "render/offscreen.hpp"

namespace dorsum::app {

core::Bounds framingBounds(const LoadedScene& loaded) { return viewContext(loaded).framing; }

core::OrbitCamera cameraFor(const core::Bounds& bounds, core::StandardView view) {
  core::OrbitCamera camera;
  camera.frame(bounds, view);
  return camera;
}

core::Image renderOffscreen(render::SceneRenderer& renderer, const core::Bounds& bounds, const RenderRequest& request,
                            const std::function<void()>& overlay) {
  return renderOffscreen(renderer, cameraFor(bounds, request.view), request, overlay);
}

core::Image renderOffscreen(render::SceneRenderer& renderer, const core::OrbitCamera& camera, const RenderRequest& request,
                            const std::function<void()>& overlay) {
  render::OffscreenTarget target(request.width, request.height);
  target.bind();
  renderer.draw(render::frameFor(camera, request.width, request.height));
  if (overlay) overlay();
  return target.read();
}

}  // namespace dorsum::app
