#pragma once
// One offscreen render of a scene from a standard view: what `dorsum render`, the bench and the
// golden tests share. Needs a current GL context (HeadlessContext).
#include "core/camera.hpp"
#include "core/image.hpp"
#include "core/mesh.hpp"
#include "render/scene_renderer.hpp"

namespace dorsum::app {

struct RenderRequest {
  int width = 1280, height = 720;
  core::StandardView view = core::StandardView::Posterior;
};

core::OrbitCamera cameraFor(const core::Scene& scene, core::StandardView view);
core::Image renderOffscreen(render::SceneRenderer& renderer, const core::Scene& scene, const RenderRequest& request);

}  // namespace dorsum::app
