#pragma once
// The body's frame of reference, derived from the atlas landmarks: the spine line, an outward
// direction at any point (the direction in which tissue layers stack), and the hidden deep core
// (thorax, abdomen and neck under the back muscles) that the deepest layer lies on.
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <vector>

namespace dorsum::core {

struct SpineLevel {
  std::string vertebra;  // "c1" ... "l5", "s1"
  float y = 0.0f;        // height of the spinous process tip
  float spZ = 0.0f;      // depth of the spinous process tip
  float tpX = 0.0f, tpZ = 0.0f;  // transverse process tip (left side), interpolated when absent
};

class BodyFrame {
public:
  explicit BodyFrame(const Atlas& atlas);

  // Spine quantities interpolated by height (clamped to the spine's extent).
  SpineLevel levelAt(float y) const;
  float coreCentreZ(float y) const;  // depth of the trunk's central axis at height y
  // Unit direction in which layers stack at p: away from the trunk's axis, upward over the
  // shoulders, outward from the skull.
  glm::vec3 outward(const glm::vec3& p) const;
  // The hidden core the deepest muscles lie on (never drawn).
  Mesh deepCore(int rings = 48, int segments = 40) const;
  // Half-width and half-depth of the core's cross-section at height y.
  glm::vec2 coreHalfSize(float y) const;
  const std::vector<SpineLevel>& levels() const { return levels_; }
  glm::vec3 acromion() const { return acromion_; }

private:
  float field(const glm::vec3& p) const;
  std::vector<SpineLevel> levels_;  // top (C1) to bottom
  glm::vec3 acromion_{0.19f, 1.445f, -0.01f};
  float thoraxHalfWidth_ = 0.14f;
};

}  // namespace dorsum::core
