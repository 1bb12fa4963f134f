#pragma once
// CPU meshes: the truth the GPU mirrors. A Scene is a flat list of named meshes in world space;
// the names are structure ids (atlas ids, or node names of a model the user opened).
#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dorsum::core {

struct Bounds {
  glm::vec3 min{1e30f};
  glm::vec3 max{-1e30f};
  bool empty() const { return min.x > max.x; }
  void add(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
  void add(const Bounds& b) {
    if (!b.empty()) {
      add(b.min);
      add(b.max);
    }
  }
  glm::vec3 center() const { return (min + max) * 0.5f; }
  float radius() const { return empty() ? 0.0f : glm::length(max - min) * 0.5f; }
};

struct Mesh {
  std::string name;
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;    // per vertex, unit length
  std::vector<glm::vec2> uvs;        // u runs along the fibres for muscles; may be empty
  std::vector<glm::vec4> colors;     // optional per-vertex tint; alpha = how much striation shows
  std::vector<glm::vec3> fibres;     // optional per-vertex fibre direction (dP/du), from the UVs
  std::vector<std::uint32_t> indices;  // triangles, counter-clockwise seen from outside
  glm::vec3 color{0.8f, 0.8f, 0.8f};   // base colour (linear RGB)

  std::size_t triangleCount() const { return indices.size() / 3; }
  Bounds bounds() const;
  // Recomputes smooth area-weighted vertex normals from the triangles.
  void computeNormals();
};

// Volume enclosed by a closed mesh; positive when its triangles face outward.
float signedVolume(const Mesh& mesh);

struct Scene {
  std::vector<Mesh> meshes;
  Bounds bounds() const;
  std::size_t triangleCount() const;
  const Mesh* find(const std::string& name) const;
};

}  // namespace dorsum::core
