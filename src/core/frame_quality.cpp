#include "core/frame_quality.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace dorsum::core {

bool isSoftwareRenderer(std::string_view glRenderer) {
  std::string lower(glRenderer);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  constexpr std::array<std::string_view, 3> names = {"llvmpipe", "softpipe", "swiftshader"};
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return lower.find(n) != std::string::npos; });
}

int frameSamples(bool softwareRenderer, bool moving, int stillSamples) {
  if (softwareRenderer && moving) return 0;
  return std::max(0, stillSamples);
}

bool lighterWhileMoving(bool softwareRenderer, bool moving) { return softwareRenderer && moving; }

std::vector<std::uint32_t> motionIndices(const Mesh& mesh) {
  const std::size_t triangles = mesh.indices.size() / 3;
  if (triangles < 400 || mesh.positions.empty()) return {};
  for (const std::uint32_t i : mesh.indices)
    if (i >= mesh.positions.size()) return {};
  std::vector<std::uint32_t> out(mesh.indices.size());
  out.resize(meshopt_simplify(out.data(), mesh.indices.data(), triangles * 3, &mesh.positions[0].x, mesh.positions.size(),
                              sizeof(glm::vec3), triangles / 2 * 3, 0.004f, 0, nullptr));
  if (out.size() > triangles * 3 / 4 * 3) return {};  // not worth a second list
  return out;
}

float meanEdgeLength(const Mesh& mesh) {
  const auto& p = mesh.positions;
  double total = 0.0;
  std::size_t edges = 0;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t t[3] = {mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]};
    if (t[0] >= p.size() || t[1] >= p.size() || t[2] >= p.size()) continue;
    for (int k = 0; k < 3; ++k) {
      const double e = glm::length(glm::dvec3(p[t[(k + 1) % 3]]) - glm::dvec3(p[t[k]]));
      if (!std::isfinite(e)) continue;
      total += e;
      ++edges;
    }
  }
  return edges == 0 ? 0.0f : float(total / double(edges));
}

float projectedPixels(float length, const Bounds& bounds, const glm::vec3& eye, const glm::mat4& view, const glm::mat4& projection,
                      int height) {
  constexpr float kInfinite = std::numeric_limits<float>::infinity();
  if (bounds.empty()) return kInfinite;
  const float pixelsPerUnit = projection[1][1] * 0.5f * float(std::max(height, 0));  // at distance 1
  const bool perspective = projection[2][3] != 0.0f;
  if (!perspective) return length * pixelsPerUnit;
  const glm::vec3 nearest = glm::clamp(eye, bounds.min, bounds.max);
  const float depth = -(view * glm::vec4(nearest, 1.0f)).z;  // along the view axis
  if (!(depth > 1e-6f)) return kInfinite;  // the eye inside the bounds, or level with them
  return length * pixelsPerUnit / depth;
}

}  // namespace dorsum::core
