#pragma once
// What a muscle is laid on: the bones, the hidden core and the muscles already built beneath it,
// queried for the nearest surface point (to keep a sheet on it) and along rays (to lift a fibre
// out of a solid it was drawn through). Also the body's outward field: a smooth direction away
// from the trunk, neck, shoulders, limbs and pelvis, used where "out" must be known before any
// surface is (which way to lift, which side of a sheet is its outer face).
#include "core/anatomy/body_frame.hpp"
#include "core/atlas/atlas.hpp"
#include "core/geometry/bvh.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace dorsum::core {

class OutwardField {
public:
  OutwardField(const Atlas& atlas, const BodyFrame& frame);
  glm::vec3 at(const glm::vec3& p) const;  // unit direction
  float distance(const glm::vec3& p) const;  // signed, to the smooth body core (negative inside)

private:
  struct Capsule {
    glm::vec3 a, b;
    float r;
  };
  struct Ellipsoid {
    glm::vec3 c, r;
  };
  std::vector<Capsule> capsules_;
  std::vector<Ellipsoid> ellipsoids_;
};

class MuscleSupport {
public:
  // Adds a set of meshes as one searchable group (kept alive by the support).
  void add(std::shared_ptr<const Bvh> group) { groups_.push_back(std::move(group)); }
  bool empty() const { return groups_.empty(); }
  // Nearest surface point within reach over every group.
  std::optional<ClosestPoint> closest(const glm::vec3& p, float reach) const;
  // The first point along the ray from p where p's ray has left every solid it was inside
  // (p itself when it is inside none), looking no farther than `reach`.
  glm::vec3 exitAlong(const glm::vec3& p, const glm::vec3& direction, float reach) const;
  // Whether anything lies along the ray within `reach` (occlusion).
  bool anyHit(const glm::vec3& p, const glm::vec3& direction, float reach) const;

private:
  std::vector<std::shared_ptr<const Bvh>> groups_;
};

}  // namespace dorsum::core
