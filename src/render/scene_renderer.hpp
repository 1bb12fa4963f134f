#pragma once
// Draws a core::Scene: the GPU mirror of the CPU meshes, uploaded once and re-uploaded only when
// the scene changes. Used by the window and by headless renders alike.
#include "core/camera.hpp"
#include "core/mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_library.hpp"

#include <glm/glm.hpp>

#include <memory>
#include <optional>
#include <vector>

namespace dorsum::render {

struct FrameParams {
  int width = 0, height = 0;  // framebuffer pixels
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
  glm::vec3 eye{0.0f};
};

FrameParams frameFor(const core::OrbitCamera& camera, int width, int height);

class SceneRenderer {
public:
  // Needs a current GL 3.3 context. Throws UserError when the built-in shaders do not compile.
  explicit SceneRenderer(std::optional<std::filesystem::path> shaderDir = std::nullopt);

  // Mirrors the scene on the GPU (replacing what was there).
  void upload(const core::Scene& scene);
  // Which meshes are drawn (by index in the uploaded scene); no re-upload.
  void setVisible(const std::vector<bool>& visible);
  // Draws into the currently bound framebuffer.
  void draw(const FrameParams& frame);

  ShaderLibrary& shaders() { return shaders_; }
  std::size_t gpuTriangles() const { return triangles_; }

private:
  struct GpuMesh {
    VertexArray vao;
    Buffer vertices;
    Buffer indices;
    int indexCount = 0;
    glm::vec3 color{0.8f};
    bool visible = true;
  };
  ShaderLibrary shaders_;
  std::size_t meshProgram_ = 0, backgroundProgram_ = 0;
  VertexArray emptyVao_{NoCreate};
  std::vector<GpuMesh> meshes_;
  std::size_t triangles_ = 0;
};

}  // namespace dorsum::render
