#include "render/scene_renderer.hpp"

#include "render/gl.hpp"

#include <glm/gtc/type_ptr.hpp>

namespace dorsum::render {

FrameParams frameFor(const core::OrbitCamera& camera, int width, int height) {
  FrameParams f;
  f.width = width;
  f.height = height;
  f.view = camera.view();
  f.projection = camera.projection(height > 0 ? float(width) / float(height) : 1.0f);
  f.eye = camera.eye();
  return f;
}

SceneRenderer::SceneRenderer(std::optional<std::filesystem::path> shaderDir) : shaders_(std::move(shaderDir)) {
  meshProgram_ = shaders_.add("mesh.vert", "mesh.frag");
  backgroundProgram_ = shaders_.add("background.vert", "background.frag");
  emptyVao_ = VertexArray();
}

void SceneRenderer::upload(const core::Scene& scene) {
  meshes_.clear();
  triangles_ = 0;
  struct Vertex {
    glm::vec3 p, n;
    glm::vec2 uv;
    glm::vec4 color;  // tint and striation strength; white and none without vertex colours
  };
  for (const auto& m : scene.meshes) {
    GpuMesh g;
    std::vector<Vertex> verts(m.positions.size());
    for (std::size_t i = 0; i < verts.size(); ++i) {
      verts[i].p = m.positions[i];
      verts[i].n = i < m.normals.size() ? m.normals[i] : glm::vec3(0, 1, 0);
      verts[i].uv = i < m.uvs.size() ? m.uvs[i] : glm::vec2(0.0f);
      verts[i].color = i < m.colors.size() ? m.colors[i] : glm::vec4(1.0f, 1.0f, 1.0f, 0.0f);
    }
    glBindVertexArray(g.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices.id());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(verts.size() * sizeof(Vertex)), verts.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(m.indices.size() * sizeof(std::uint32_t)), m.indices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, p)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, n)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, uv)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, color)));
    glBindVertexArray(0);
    g.indexCount = int(m.indices.size());
    g.color = m.color;
    triangles_ += m.triangleCount();
    meshes_.push_back(std::move(g));
  }
}

void SceneRenderer::setVisible(const std::vector<bool>& visible) {
  for (std::size_t i = 0; i < meshes_.size(); ++i) meshes_[i].visible = i < visible.size() ? visible[i] : true;
}

void SceneRenderer::draw(const FrameParams& f) {
  glViewport(0, 0, f.width, f.height);
  glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);

  // Background: drawn first without depth writes.
  glDisable(GL_DEPTH_TEST);
  glDepthMask(GL_FALSE);
  const GLuint bg = shaders_.program(backgroundProgram_).id();
  glUseProgram(bg);
  glUniform3f(glGetUniformLocation(bg, "uTop"), 0.16f, 0.18f, 0.22f);
  glUniform3f(glGetUniformLocation(bg, "uBottom"), 0.035f, 0.04f, 0.05f);
  glBindVertexArray(emptyVao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glDepthMask(GL_TRUE);

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  glDisable(GL_BLEND);
  const GLuint prog = shaders_.program(meshProgram_).id();
  glUseProgram(prog);
  const glm::mat4 viewProj = f.projection * f.view;
  glUniformMatrix4fv(glGetUniformLocation(prog, "uViewProj"), 1, GL_FALSE, glm::value_ptr(viewProj));
  glUniform3fv(glGetUniformLocation(prog, "uEye"), 1, glm::value_ptr(f.eye));
  // Lights follow the camera, so every view of the body is lit the same way.
  const glm::mat3 camToWorld = glm::transpose(glm::mat3(f.view));
  const glm::vec3 key = glm::normalize(camToWorld * glm::vec3(-0.45f, 0.6f, 0.65f));
  const glm::vec3 fill = glm::normalize(camToWorld * glm::vec3(0.7f, -0.1f, 0.5f));
  glUniform3fv(glGetUniformLocation(prog, "uKeyDir"), 1, glm::value_ptr(key));
  glUniform3fv(glGetUniformLocation(prog, "uFillDir"), 1, glm::value_ptr(fill));
  glUniform1f(glGetUniformLocation(prog, "uAlpha"), 1.0f);
  const GLint colorLoc = glGetUniformLocation(prog, "uColor");
  for (const auto& m : meshes_) {
    if (!m.visible) continue;
    glUniform3fv(colorLoc, 1, glm::value_ptr(m.color));
    glBindVertexArray(m.vao.id());
    glDrawElements(GL_TRIANGLES, m.indexCount, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
}

}  // namespace dorsum::render
