#pragma once
// The bench's yardstick: the same triangles in one buffer, drawn with a trivial shader (no
// lighting, no transparency, no overlays) into the same target, so that `dorsum bench` can say
// what the real renderer costs over a bare draw of the same geometry, measured in the same run.
#include "core/mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/scene_renderer.hpp"
#include "render/shader_library.hpp"

namespace dorsum::render {

class BareRenderer {
public:
  explicit BareRenderer(const core::Scene& scene);
  // Draws into the currently bound framebuffer (cleared first), depth-tested, back faces culled.
  void draw(const FrameParams& frame);

private:
  ShaderLibrary shaders_;
  std::size_t program_ = 0;
  VertexArray vao_;
  Buffer vertices_, indices_;
  int indexCount_ = 0;
};

}  // namespace dorsum::render
