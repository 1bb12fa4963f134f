#include "core/mesh.hpp"

namespace dorsum::core {

Bounds Mesh::bounds() const {
  Bounds b;
  for (const auto& p : positions) b.add(p);
  return b;
}

void Mesh::computeNormals() {
  normals.assign(positions.size(), glm::vec3(0.0f));
  for (std::size_t i = 0; i + 2 < indices.size(); i += 3) {
    const auto a = indices[i], b = indices[i + 1], c = indices[i + 2];
    // Unnormalised cross product weights each face by its area.
    const glm::vec3 n = glm::cross(positions[b] - positions[a], positions[c] - positions[a]);
    normals[a] += n;
    normals[b] += n;
    normals[c] += n;
  }
  for (auto& n : normals) {
    const float len = glm::length(n);
    n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
}

float signedVolume(const Mesh& mesh) {
  double v = 0.0;
  const auto& p = mesh.positions;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    v += glm::dot(glm::dvec3(p[mesh.indices[i]]),
                  glm::cross(glm::dvec3(p[mesh.indices[i + 1]]), glm::dvec3(p[mesh.indices[i + 2]])));
  return float(v / 6.0);
}

Bounds Scene::bounds() const {
  Bounds b;
  for (const auto& m : meshes) b.add(m.bounds());
  return b;
}

std::size_t Scene::triangleCount() const {
  std::size_t n = 0;
  for (const auto& m : meshes) n += m.triangleCount();
  return n;
}

const Mesh* Scene::find(const std::string& name) const {
  for (const auto& m : meshes)
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace dorsum::core
