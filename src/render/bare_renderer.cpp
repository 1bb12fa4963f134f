#include "render/bare_renderer.hpp"

#include "render/gl.hpp"

#include <glm/gtc/type_ptr.hpp>

namespace dorsum::render {

BareRenderer::BareRenderer(const core::Scene& scene) : shaders_(std::nullopt) {
  program_ = shaders_.add("bare.vert", "bare.frag");
  std::vector<glm::vec3> positions;
  std::vector<std::uint32_t> indices;
  for (const auto& m : scene.meshes) {
    const auto base = std::uint32_t(positions.size());
    positions.insert(positions.end(), m.positions.begin(), m.positions.end());
    for (const auto i : m.indices) indices.push_back(base + i);
  }
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices_.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(positions.size() * sizeof(glm::vec3)), positions.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size() * sizeof(std::uint32_t)), indices.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(glm::vec3), nullptr);
  glBindVertexArray(0);
  indexCount_ = int(indices.size());
}

void BareRenderer::draw(const FrameParams& f) {
  glViewport(0, 0, f.width, f.height);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glDepthMask(GL_TRUE);
  glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glEnable(GL_CULL_FACE);
  glCullFace(GL_BACK);
  const GLuint prog = shaders_.program(program_).id();
  glUseProgram(prog);
  const glm::mat4 viewProj = f.projection * f.view;
  glUniformMatrix4fv(glGetUniformLocation(prog, "uViewProj"), 1, GL_FALSE, glm::value_ptr(viewProj));
  glBindVertexArray(vao_.id());
  glDrawElements(GL_TRIANGLES, indexCount_, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

}  // namespace dorsum::render
