#pragma once
// What a muscle is laid on: the bones, the hidden core and the muscles already built beneath it,
// queried for the nearest surface point (to keep a sheet on it), for whether a point is inside any
// of them, and along rays (to lift a fibre out of a solid it was drawn through). Each solid keeps
// a bounding volume hierarchy of its own, so whether a point is inside one is decided by that
// solid's own nearest surface, never by a neighbour's. Also the body's outward field: a smooth
// direction away from the trunk, neck, shoulders, limbs and pelvis, used where "out" must be known
// before any surface is (which way to lift, which side of a sheet is its outer face).
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
  glm::vec3 at(const glm::vec3& p) const;    // unit direction
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

// One closed solid, searchable.
struct SupportSolid {
  explicit SupportSolid(const Mesh& mesh);
  Bvh bvh;
  Bounds bounds;
};

struct SupportContact {
  ClosestPoint nearest;  // the nearest surface point of any solid
  bool inside = false;   // the point lies inside at least one solid
};

class MuscleSupport {
public:
  void add(std::shared_ptr<const SupportSolid> solid) { solids_.push_back(std::move(solid)); }
  void add(const std::vector<std::shared_ptr<const SupportSolid>>& solids) {
    solids_.insert(solids_.end(), solids.begin(), solids.end());
  }
  bool empty() const { return solids_.empty(); }
  // The nearest surface within reach, and whether p is inside any solid (only solids within reach
  // are asked).
  std::optional<SupportContact> contact(const glm::vec3& p, float reach) const;
  // The first point along the ray from p where it has left every solid it was inside (p itself when
  // it is inside none), looking no farther than `reach`.
  glm::vec3 exitAlong(const glm::vec3& p, const glm::vec3& direction, float reach) const;
  // The farthest point within `reach` along the ray where it leaves a solid (through its inside
  // face), as a distance along the ray; none when it leaves none.
  std::optional<float> lastExitAlong(const glm::vec3& p, const glm::vec3& direction, float reach) const;
  // Whether anything lies along the ray within `reach` (occlusion).
  bool anyHit(const glm::vec3& p, const glm::vec3& direction, float reach) const;

private:
  std::vector<std::shared_ptr<const SupportSolid>> solids_;
};

}  // namespace dorsum::core
