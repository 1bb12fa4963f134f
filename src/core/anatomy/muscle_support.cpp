#include "core/anatomy/muscle_support.hpp"

#include "core/geometry/sdf.hpp"

#include <algorithm>

namespace dorsum::core {

OutwardField::OutwardField(const Atlas& atlas, const BodyFrame& frame) {
  auto at = [&](const char* id, glm::vec3 fallback) {
    const Landmark* l = atlas.landmark(id);
    return l ? l->position : fallback;
  };
  const SpineLevel* c7 = frame.level("c7");
  const SpineLevel* c1 = frame.level("c1");
  const SpineLevel* t1 = frame.level("t1");
  const SpineLevel* t12 = frame.level("t12");
  const SpineLevel* l3 = frame.level("l3");
  const glm::vec3 c7b = c7 ? c7->body : glm::vec3(0, 1.40f, 0.07f);
  const glm::vec3 c1b = c1 ? c1->body : glm::vec3(0, 1.48f, 0.09f);
  const glm::vec3 t1b = t1 ? t1->body : glm::vec3(0, 1.38f, 0.08f);
  const glm::vec3 t12b = t12 ? t12->body : glm::vec3(0, 1.10f, 0.07f);
  const glm::vec3 l3b = l3 ? l3->body : glm::vec3(0, 1.0f, 0.09f);
  // Trunk: the thorax and abdomen as ellipsoids a little in front of the vertebral bodies.
  const float thoraxMid = 0.5f * (t1b.y + t12b.y);
  ellipsoids_.push_back({{0.0f, thoraxMid, t12b.z + 0.035f}, {0.095f, 0.5f * (t1b.y - t12b.y) + 0.03f, 0.075f}});
  ellipsoids_.push_back({{0.0f, l3b.y, l3b.z + 0.03f}, {0.09f, 0.10f, 0.07f}});
  const glm::vec3 hip = at("femur_head_centre", {0.08f, 0.83f, 0.09f});
  ellipsoids_.push_back({{0.0f, hip.y + 0.04f, hip.z - 0.01f}, {0.10f, 0.08f, 0.07f}});
  // Neck and head.
  capsules_.push_back({c7b, c1b + glm::vec3(0, 0.02f, 0), 0.035f});
  const glm::vec3 eop = at("eop", {0, 1.56f, 0.0f});
  ellipsoids_.push_back({{0.0f, eop.y + 0.03f, eop.z + 0.085f}, {0.065f, 0.085f, 0.085f}});
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    const glm::vec3 acromion = at("scap_acromion_tip", {0.17f, 1.36f, 0.05f});
    const glm::vec3 head = at("hum_head", {0.16f, 1.33f, 0.07f});
    const glm::vec3 elbow = at("hum_elbow", {0.2f, 1.05f, 0.06f});
    const glm::vec3 wrist = at("radius_styloid", {0.25f, 0.8f, 0.07f});
    // The shoulder girdle: from the root of the neck out to the shoulder joint.
    capsules_.push_back({S(glm::vec3(0.02f, c7b.y - 0.02f, c7b.z)), S(glm::mix(acromion, head, 0.5f)), 0.03f});
    capsules_.push_back({S(head), S(elbow), 0.028f});
    capsules_.push_back({S(elbow), S(wrist), 0.022f});
    const glm::vec3 knee = at("femur_shaft_mid", {0.11f, 0.64f, 0.1f});
    capsules_.push_back({S(hip + glm::vec3(0.02f, 0, 0)), S(knee), 0.05f});
  }
}

float OutwardField::distance(const glm::vec3& p) const {
  float d = 1e3f;
  for (const auto& c : capsules_) d = sdf::smin(d, sdf::capsule(p, c.a, c.b, c.r), 0.05f);
  for (const auto& e : ellipsoids_) d = sdf::smin(d, sdf::ellipsoid(p, e.c, e.r), 0.05f);
  return d;
}

glm::vec3 OutwardField::at(const glm::vec3& p) const {
  const float h = 0.002f;
  const glm::vec3 g(distance(p + glm::vec3(h, 0, 0)) - distance(p - glm::vec3(h, 0, 0)),
                    distance(p + glm::vec3(0, h, 0)) - distance(p - glm::vec3(0, h, 0)),
                    distance(p + glm::vec3(0, 0, h)) - distance(p - glm::vec3(0, 0, h)));
  const float len = glm::length(g);
  return len > 1e-8f ? g / len : glm::vec3(0, 0, -1);
}

SupportSolid::SupportSolid(const Mesh& mesh) : bounds(mesh.bounds()) {
  Scene s;
  s.meshes.push_back(mesh);
  bvh.build(s);
}

namespace {
float boxGap(const glm::vec3& p, const Bounds& b) {
  return glm::length(glm::max(glm::max(b.min - p, p - b.max), glm::vec3(0.0f)));
}
bool rayMeetsBox(const glm::vec3& o, const glm::vec3& d, float reach, const Bounds& b) {
  const glm::vec3 inv = 1.0f / d;
  const glm::vec3 t0 = (b.min - o) * inv, t1 = (b.max - o) * inv;
  const glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
  return std::max(std::max(lo.x, lo.y), std::max(lo.z, 0.0f)) <= std::min(std::min(hi.x, hi.y), std::min(hi.z, reach));
}
}  // namespace

std::optional<SupportContact> MuscleSupport::contact(const glm::vec3& p, float reach) const {
  std::optional<SupportContact> out;
  bool inside = false;
  for (const auto& s : solids_) {
    const float gap = boxGap(p, s->bounds);
    if (gap > reach) continue;
    // A solid whose box holds p must be asked even beyond the nearest point found so far: p may
    // be inside it (up to 2.5 cm deep; what lies deeper in a solid is found by exitAlong's rays).
    const float nearest = out ? std::min(out->nearest.distance, reach) : reach;
    const float limit = gap > 0.0f ? nearest : std::max(nearest, std::min(reach, 0.025f));
    const auto c = s->bvh.closest(p, limit);
    if (!c) continue;
    if (!c->outside(p)) inside = true;
    if (!out || c->distance < out->nearest.distance) out = SupportContact{*c, false};
  }
  if (out) out->inside = inside;
  return out;
}

glm::vec3 MuscleSupport::exitAlong(const glm::vec3& p, const glm::vec3& d, float reach) const {
  // Every crossing along the ray: leaving a solid through its inside face, or entering one.
  std::vector<std::pair<float, int>> crossings;
  for (const auto& s : solids_) {
    if (!rayMeetsBox(p, d, reach, s->bounds)) continue;
    s->bvh.forEachHit({p, d}, 0.0f, reach, [&](const RayHit& h) { crossings.emplace_back(h.t, h.frontFacing ? 1 : -1); });
  }
  // How many solids contain p: each solid the ray leaves (and does not re-enter) contained it.
  int depth = 0;
  for (const auto& c : crossings) depth -= c.second;
  if (depth <= 0) return p;
  std::sort(crossings.begin(), crossings.end());
  for (const auto& c : crossings) {
    depth += c.second;
    if (depth <= 0) return p + d * c.first;
  }
  return p;
}

std::optional<float> MuscleSupport::lastExitAlong(const glm::vec3& p, const glm::vec3& d, float reach) const {
  std::optional<float> last;
  for (const auto& s : solids_) {
    if (!rayMeetsBox(p, d, reach, s->bounds)) continue;
    s->bvh.forEachHit({p, d}, 0.0f, reach, [&](const RayHit& h) {
      if (!h.frontFacing && (!last || h.t > *last)) last = h.t;
    });
  }
  return last;
}

bool MuscleSupport::anyHit(const glm::vec3& p, const glm::vec3& d, float reach) const {
  for (const auto& s : solids_)
    if (rayMeetsBox(p, d, reach, s->bounds) && s->bvh.anyHit({p, d}, 0.0f, reach)) return true;
  return false;
}

}  // namespace dorsum::core
