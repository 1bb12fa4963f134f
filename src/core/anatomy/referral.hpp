#pragma once
// Referred pain on the body: the atlas's regions laid on the skin (a weight per skin vertex, 1
// inside, falling to 0 over the outer fifth of the shape's radius, the radius counted from the
// skin over the landmarks), trigger points placed on their
// muscles by their surface coordinates, and the zones a point refers to. Pure (no GL): built once
// per loaded body from the atlas and the scene, for the viewer, `dorsum render`, `dorsum atlas`
// and the tests.
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"
#include "core/view/view_state.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

struct SkinRegion {
  std::string id;
  std::optional<Side> side;  // none for a midline region
  std::vector<float> weight; // per skin vertex
  glm::vec3 centroid{0.0f};  // the weighted centre of its skin, moved onto the skin
  float areaCm2 = 0.0f;
  Bounds bounds;
  int pieces = 0;            // connected pieces of the skin it covers (1 once built)
};

// A zone on the skin: what a trigger point refers to. Per skin vertex, 0 to 1.
struct ReferralZone {
  std::vector<float> essential, spillover;
  Bounds bounds;  // of the painted skin
};

// The point of a muscle part's outer surface at its own coordinates (u along the fibres from the
// origin, v across from the first attachment landmark, both 0 to 1): v a share of the part's
// widest breadth, or with acrossHere of its breadth at this u (for paths along a tapering muscle).
std::optional<SurfacePoint> pointOnPart(const Mesh& mesh, const std::string& node, float u, float v, bool acrossHere = false);

class ReferralMap {
public:
  // Throws UserError when the scene has no skin or a trigger point's part is not in it. Keeps a
  // copy of the atlas (Referrer points into it).
  ReferralMap(const Atlas& atlas, const Scene& scene, const std::vector<Structure>& structures);

  std::size_t skinMesh() const { return skin_; }
  const std::vector<SkinRegion>& regions() const { return regions_; }
  // The region on a side (a midline region whatever the side); null when unknown.
  const SkinRegion* region(const std::string& id, Side side) const;
  // Where a trigger point lies on its muscle part, on a side.
  const SurfacePoint* triggerPoint(const std::string& id, Side side) const;
  ReferralZone zone(const std::string& triggerPoint, Side side) const;
  // The regions a skin vertex lies in (weight at least one half), with the side of each.
  std::vector<const SkinRegion*> regionsAt(std::uint32_t skinVertex) const;

  // What refers to a region: each trigger point (on the region's side, or both sides for a
  // midline region) and whether the region is in its essential or its spillover zone.
  struct Referrer {
    const TriggerPoint* point;
    Side side;
    bool essential;
  };
  std::vector<Referrer> referrersOf(const std::string& regionId, Side side) const;

private:
  Atlas atlas_;  // its own copy: the map outlives moves of whatever it was built from
  std::size_t skin_ = 0;
  std::size_t skinVertices_ = 0;
  std::vector<SkinRegion> regions_;
  std::map<std::pair<std::string, int>, SurfacePoint> points_;
};

// `dorsum atlas --json`'s regions[] and trigger_points[] (keys documented in the README): each
// region with its centre on the skin and its area, each point with its position on its muscle
// (left side).
nlohmann::json referralJson(const Atlas& atlas, const ReferralMap& map);

}  // namespace dorsum::core
