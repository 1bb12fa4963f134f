#include "core/geometry/picking.hpp"

namespace dorsum::core {

Ray pixelRay(const OrbitCamera& camera, int width, int height, float px, float py) {
  const float aspect = float(width) / float(height);
  const glm::vec2 ndc(2.0f * px / float(width) - 1.0f, 1.0f - 2.0f * py / float(height));
  const glm::mat4 inv = glm::inverse(camera.projection(aspect) * camera.view());
  glm::vec4 nearPoint = inv * glm::vec4(ndc, -1.0f, 1.0f);
  glm::vec4 farPoint = inv * glm::vec4(ndc, 1.0f, 1.0f);
  nearPoint /= nearPoint.w;
  farPoint /= farPoint.w;
  return {glm::vec3(nearPoint), glm::normalize(glm::vec3(farPoint - nearPoint))};
}

std::optional<RayHit> pick(const Bvh& bvh, const Ray& ray, const std::vector<Pickable>& pickable) {
  auto is = [&](Pickable kind) {
    return [&pickable, kind](std::uint32_t mesh) { return mesh < pickable.size() && pickable[mesh] == kind; };
  };
  if (auto solid = bvh.nearest(ray, 0.0f, 1e30f, is(Pickable::Solid))) return solid;
  return bvh.nearest(ray, 0.0f, 1e30f, is(Pickable::Ghosted));
}

}  // namespace dorsum::core
