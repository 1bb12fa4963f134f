#include "core/anatomy/referral.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace dorsum::core {

namespace {

// The direction a shape's skin must face, on a side (lateral points away from the midline).
std::optional<glm::vec3> facingDirection(const std::string& facing, std::optional<Side> side) {
  const float out = side == Side::Right ? -1.0f : 1.0f;
  if (facing == "posterior") return glm::vec3(0, 0, -1);
  if (facing == "anterior") return glm::vec3(0, 0, 1);
  if (facing == "superior") return glm::vec3(0, 1, 0);
  if (facing == "inferior") return glm::vec3(0, -1, 0);
  if (facing == "lateral") return glm::vec3(out, 0, 0);
  if (facing == "medial") return glm::vec3(-out, 0, 0);
  return std::nullopt;
}

// Connected pieces of the marked vertices, through the triangles' edges; `keep`, when given, is
// cleared outside the piece of greatest total weight.
int countPieces(const Mesh& mesh, const std::vector<bool>& marked, std::vector<float>* keep = nullptr) {
  std::vector<std::uint32_t> parent(mesh.positions.size());
  std::iota(parent.begin(), parent.end(), 0u);
  std::function<std::uint32_t(std::uint32_t)> find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = mesh.indices[t + e], b = mesh.indices[t + (e + 1) % 3];
      if (marked[a] && marked[b]) parent[find(a)] = find(b);
    }
  int pieces = 0;
  for (std::uint32_t v = 0; v < marked.size(); ++v)
    if (marked[v] && find(v) == v) ++pieces;
  if (keep && pieces > 1) {
    std::vector<float> total(marked.size(), 0.0f);
    for (std::uint32_t v = 0; v < marked.size(); ++v)
      if (marked[v]) total[find(v)] += (*keep)[v];
    const auto best = std::uint32_t(std::max_element(total.begin(), total.end()) - total.begin());
    for (std::uint32_t v = 0; v < marked.size(); ++v)
      if (marked[v] && find(v) != best) (*keep)[v] = 0.0f;
    pieces = 1;
  }
  return pieces;
}

}  // namespace

std::optional<SurfacePoint> pointOnPart(const Mesh& m, const std::string& node, float u, float v, bool acrossHere) {
  float width = 0.0f;
  for (const auto& uv : m.uvs) width = std::max(width, uv.y);
  glm::vec2 target(u, v * width);
  if (acrossHere && !m.uvs.empty()) {
    // v as a share of the part's width at this u (a tapering muscle is narrower at one end).
    float lo = 1e30f, hi = -1e30f, uMin = 1e30f, uMax = -1e30f;
    for (const auto& uv : m.uvs) {
      uMin = std::min(uMin, uv.x);
      uMax = std::max(uMax, uv.x);
    }
    const float band = std::max(0.02f, (uMax - uMin) * 0.03f);
    for (const auto& uv : m.uvs)
      if (std::abs(uv.x - u) < band) {
        lo = std::min(lo, uv.y);
        hi = std::max(hi, uv.y);
      }
    if (lo <= hi) target.y = lo + (hi - lo) * v;
  }
  std::optional<SurfacePoint> best;
  float bestOut = -1e30f, bestMiss = 1e30f;
  for (std::size_t k = 0; k + 2 < m.indices.size() && !m.uvs.empty(); k += 3) {
    const std::uint32_t i0 = m.indices[k], i1 = m.indices[k + 1], i2 = m.indices[k + 2];
    const glm::vec2 a = m.uvs[i0], b = m.uvs[i1], c = m.uvs[i2];
    const float det = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
    if (std::abs(det) < 1e-12f) continue;
    const float l1 = ((target.x - a.x) * (c.y - a.y) - (c.x - a.x) * (target.y - a.y)) / det;
    const float l2 = ((b.x - a.x) * (target.y - a.y) - (target.x - a.x) * (b.y - a.y)) / det;
    const glm::vec3 bary(1.0f - l1 - l2, l1, l2);
    const float miss = std::max({-bary.x, -bary.y, -bary.z, 0.0f});
    if (miss > 0.02f) continue;
    const glm::vec3 p = m.positions[i0] * bary.x + m.positions[i1] * bary.y + m.positions[i2] * bary.z;
    const glm::vec3 n = glm::normalize(glm::cross(m.positions[i1] - m.positions[i0], m.positions[i2] - m.positions[i0]));
    // The outer surface faces away from the trunk's axis; the inner one toward it.
    const glm::vec3 axis(0.0f, p.y, 0.06f);
    const float out = glm::dot(n, glm::normalize(p - axis + glm::vec3(1e-6f)));
    if (miss < bestMiss - 1e-4f || (std::abs(miss - bestMiss) <= 1e-4f && out > bestOut)) {
      bestMiss = miss;
      bestOut = out;
      const glm::vec3 inside = glm::clamp(bary, 0.0f, 1.0f);
      best = SurfacePoint{node, std::uint32_t(k / 3), inside / std::max(1e-6f, inside.x + inside.y + inside.z), p};
    }
  }
  return best;
}

ReferralMap::ReferralMap(const Atlas& atlas, const Scene& scene, const std::vector<Structure>& structures) : atlas_(atlas) {
  std::optional<std::size_t> skin;
  for (std::size_t i = 0; i < structures.size() && i < scene.meshes.size(); ++i)
    if (structures[i].kind == StructureKind::Skin) skin = i;
  if (!skin) throw UserError("The body has no skin to show referred pain on.");
  skin_ = *skin;
  const Mesh& s = scene.meshes[skin_];
  skinVertices_ = s.positions.size();

  // Regions: a weight per skin vertex, for each side of a bilateral region.
  for (const Region& g : atlas.regions) {
    const std::vector<std::optional<Side>> sides =
        g.bilateral ? std::vector<std::optional<Side>>{Side::Left, Side::Right} : std::vector<std::optional<Side>>{std::nullopt};
    for (const auto& side : sides) {
      SkinRegion r;
      r.id = g.id;
      r.side = side;
      r.weight.assign(s.positions.size(), 0.0f);
      const Side on = side.value_or(Side::Left);
      for (const RegionShape& shape : g.shapes) {
        const auto a = atlas.point(shape.from, on), b = atlas.point(shape.to, on);
        if (!a || !b) continue;  // reported by validation
        // The radius counts from the skin: a landmark lies on the bone, some way beneath it.
        auto depth = [&](const glm::vec3& q) {
          float best = 1e30f;
          for (const auto& p : s.positions) best = std::min(best, glm::length(p - q));
          return best;
        };
        const float depthA = depth(*a), depthB = *a == *b ? depthA : depth(*b);
        const float radius = shape.radiusMm * 0.001f;
        const auto facing = facingDirection(shape.facing, side);
        const std::optional<float> above = shape.above ? std::optional<float>(atlas.point(*shape.above, on).value_or(glm::vec3(-1e9f)).y) : std::nullopt;
        const std::optional<float> below = shape.below ? std::optional<float>(atlas.point(*shape.below, on).value_or(glm::vec3(1e9f)).y) : std::nullopt;
        for (std::size_t v = 0; v < s.positions.size(); ++v) {
          const glm::vec3& p = s.positions[v];
          if (side && (side == Side::Left ? p.x : -p.x) < -0.005f) continue;  // a side's region stays on its side
          if (above && p.y < *above) continue;
          if (below && p.y > *below) continue;
          const glm::vec3 ab = *b - *a;
          const float len2 = glm::dot(ab, ab);
          const float t = len2 > 0.0f ? std::clamp(glm::dot(p - *a, ab) / len2, 0.0f, 1.0f) : 0.0f;
          const float d = std::max(0.0f, glm::length(p - (*a + ab * t)) - glm::mix(depthA, depthB, t));
          if (d > radius) continue;
          if (facing && v < s.normals.size()) {
            const float along = glm::dot(s.normals[v], *facing);
            // A midline region facing "lateral" means either side.
            const float f = !side && (shape.facing == "lateral" || shape.facing == "medial") ? std::abs(s.normals[v].x) : along;
            if (f < shape.facingMin) continue;
          }
          const float w = 1.0f - glm::smoothstep(0.8f * radius, radius, d);
          r.weight[v] = std::max(r.weight[v], w);
        }
      }
      // One region is one piece of skin: stray bits a facing or height limit leaves are dropped.
      {
        std::vector<bool> any(s.positions.size());
        for (std::size_t v = 0; v < any.size(); ++v) any[v] = r.weight[v] > 0.0f;
        countPieces(s, any, &r.weight);
      }
      // Centre, area, bounds and pieces of the part where the weight is at least one half.
      std::vector<bool> marked(s.positions.size(), false);
      glm::vec3 sum(0.0f);
      float total = 0.0f;
      for (std::size_t v = 0; v < s.positions.size(); ++v)
        if (r.weight[v] >= 0.5f) {
          marked[v] = true;
          sum += s.positions[v] * r.weight[v];
          total += r.weight[v];
          r.bounds.add(s.positions[v]);
        }
      for (std::size_t t = 0; t + 2 < s.indices.size(); t += 3) {
        const std::uint32_t i0 = s.indices[t], i1 = s.indices[t + 1], i2 = s.indices[t + 2];
        const float w = (r.weight[i0] + r.weight[i1] + r.weight[i2]) / 3.0f;
        if (w <= 0.0f) continue;
        const float area = 0.5f * glm::length(glm::cross(s.positions[i1] - s.positions[i0], s.positions[i2] - s.positions[i0]));
        r.areaCm2 += area * w * 1e4f;
      }
      if (total > 0.0f) {
        const glm::vec3 c = sum / total;
        // Onto the skin: the marked vertex nearest the weighted centre.
        float best = 1e30f;
        for (std::size_t v = 0; v < s.positions.size(); ++v)
          if (marked[v]) {
            const float d = glm::length(s.positions[v] - c);
            if (d < best) {
              best = d;
              r.centroid = s.positions[v];
            }
          }
      }
      std::vector<bool> any(s.positions.size());
      for (std::size_t v = 0; v < any.size(); ++v) any[v] = r.weight[v] > 0.0f;
      r.pieces = countPieces(s, any);
      regions_.push_back(std::move(r));
    }
  }

  // Trigger points on their muscle parts: the point of the part's outer surface at (u, v).
  for (const TriggerPoint& t : atlas.triggerPoints)
    for (const Side side : {Side::Left, Side::Right}) {
      const std::string node = t.part + sideSuffix(side);
      std::optional<std::size_t> mesh;
      for (std::size_t i = 0; i < structures.size(); ++i)
        if (structures[i].node == node) mesh = i;
      if (!mesh) throw UserError("The trigger point '" + t.id + "' lies on the part '" + t.part + "', which the body does not have.");
      const std::optional<SurfacePoint> best = pointOnPart(scene.meshes[*mesh], node, t.u, t.v);
      if (!best) throw UserError("The trigger point '" + t.id + "' could not be placed on its part '" + node + "'.");
      points_[{t.id, int(side)}] = *best;
    }
}

const SkinRegion* ReferralMap::region(const std::string& id, Side side) const {
  for (const auto& r : regions_)
    if (r.id == id && (!r.side || *r.side == side)) return &r;
  return nullptr;
}

const SurfacePoint* ReferralMap::triggerPoint(const std::string& id, Side side) const {
  const auto it = points_.find({id, int(side)});
  return it == points_.end() ? nullptr : &it->second;
}

ReferralZone ReferralMap::zone(const std::string& id, Side side) const {
  ReferralZone z;
  z.essential.assign(skinVertices_, 0.0f);
  z.spillover.assign(skinVertices_, 0.0f);
  const TriggerPoint* t = atlas_.triggerPoint(id);
  if (!t) return z;
  for (const auto* list : {&t->essential, &t->spillover}) {
    std::vector<float>& out = list == &t->essential ? z.essential : z.spillover;
    for (const auto& rid : *list)
      if (const SkinRegion* r = region(rid, side)) {
        for (std::size_t v = 0; v < skinVertices_; ++v) out[v] = std::max(out[v], r->weight[v]);
        z.bounds.add(r->bounds);
      }
  }
  for (std::size_t v = 0; v < skinVertices_; ++v) z.spillover[v] *= 1.0f - z.essential[v];  // essential wins
  if (const SurfacePoint* p = triggerPoint(id, side)) z.bounds.add(p->point);
  return z;
}

std::vector<const SkinRegion*> ReferralMap::regionsAt(std::uint32_t v) const {
  std::vector<const SkinRegion*> out;
  for (const auto& r : regions_)
    if (v < r.weight.size() && r.weight[v] >= 0.5f) out.push_back(&r);
  return out;
}

std::vector<ReferralMap::Referrer> ReferralMap::referrersOf(const std::string& regionId, Side side) const {
  std::vector<Referrer> out;
  const Region* g = atlas_.region(regionId);
  if (!g) return out;
  for (const bool essential : {true, false})
    for (const TriggerPoint& t : atlas_.triggerPoints) {
      const auto& list = essential ? t.essential : t.spillover;
      if (std::find(list.begin(), list.end(), regionId) != list.end()) out.push_back({&t, side, essential});
    }
  return out;
}

nlohmann::json referralJson(const Atlas& atlas, const ReferralMap& map) {
  using nlohmann::json;
  json regions = json::array();
  for (const Region& g : atlas.regions) {
    const SkinRegion* r = map.region(g.id, Side::Left);
    regions.push_back({{"id", g.id},
                       {"name", g.name},
                       {"description", g.description},
                       {"sides", g.bilateral ? json::array({"left", "right"}) : json::array({"midline"})},
                       {"centroid", r ? json::array({r->centroid.x, r->centroid.y, r->centroid.z}) : json(nullptr)},
                       {"area_cm2", r ? r->areaCm2 : 0.0f},
                       {"sources", g.sources}});
  }
  json points = json::array();
  for (const TriggerPoint& t : atlas.triggerPoints) {
    const SurfacePoint* p = map.triggerPoint(t.id, Side::Left);
    json disagreements = json::array();
    for (const auto& d : t.disagreements)
      disagreements.push_back({{"field", d.field}, {"text", d.text}, {"follow", d.follow}, {"sources", d.sources}});
    points.push_back({{"id", t.id},
                      {"muscle", t.muscle},
                      {"part", t.part},
                      {"name", t.name},
                      {"location", t.location.text},
                      {"surface", {{"u", t.u}, {"v", t.v}}},
                      {"position", p ? json::array({p->point.x, p->point.y, p->point.z}) : json(nullptr)},
                      {"essential", t.essential},
                      {"spillover", t.spillover},
                      {"activation", t.activation.text},
                      {"disagreements", disagreements},
                      {"sources", t.sources}});
  }
  return {{"regions", regions}, {"trigger_points", points}};
}

}  // namespace dorsum::core
