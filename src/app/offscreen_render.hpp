#pragma once
// One offscreen render of a scene from a standard view: what `dorsum render`, the bench and the
// golden tests share. Needs a current GL context (HeadlessContext).
#include "core/camera.hpp"
#include "core/image.hpp"
#include "core/mesh.hpp"
#include "app/scene_source.hpp"
#include "render/scene_renderer.hpp"

#include <functional>

namespace dorsum::app {

struct RenderRequest {
  int width = 1280, height = 720;
  core::StandardView view = core::StandardView::Posterior;
};

// What the camera frames: the muscles for the body (the back fills the view), else everything.
core::Bounds framingBounds(const LoadedScene& loaded);
core::OrbitCamera cameraFor(const core::Bounds& bounds, core::StandardView view);
// Draws the renderer's uploaded scene from the standard view around the bounds.
// `overlay`, when given, draws over the scene before the pixels are read (labels).
// From a camera pose (the view state's), or framing the bounds from request.view.
core::Image renderOffscreen(render::SceneRenderer& renderer, const core::OrbitCamera& camera, const RenderRequest& request,
                            const std::function<void()>& overlay = {});
core::Image renderOffscreen(render::SceneRenderer& renderer, const core::Bounds& bounds, const RenderRequest& request,
                            const std::function<void()>& overlay = {});

}  // namespace dorsum::app
