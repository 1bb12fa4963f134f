#include "app/offscreen_render.hpp"

#include "render/offscreen.hpp"

namespace dorsum::app {

core::OrbitCamera cameraFor(const core::Scene& scene, core::StandardView view) {
  core::OrbitCamera camera;
  camera.frame(scene.bounds(), view);
  return camera;
}

core::Image renderOffscreen(render::SceneRenderer& renderer, const core::Scene& scene, const RenderRequest& request) {
  render::OffscreenTarget target(request.width, request.height);
  target.bind();
  renderer.draw(render::frameFor(cameraFor(scene, request.view), request.width, request.height));
  return target.read();
}

}  // namespace dorsum::app
