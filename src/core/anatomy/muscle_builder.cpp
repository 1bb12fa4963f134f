#include "core/anatomy/muscle_builder.hpp"

#include "core/anatomy/sheet.hpp"
#include "core/error.hpp"
#include "core/geometry/bvh.hpp"

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {

// A polyline through landmarks, sampled by arc length.
struct Polyline {
  std::vector<glm::vec3> points;
  std::vector<float> cumulative;
  void finish() {
    cumulative.assign(points.size(), 0.0f);
    for (std::size_t i = 1; i < points.size(); ++i)
      cumulative[i] = cumulative[i - 1] + glm::length(points[i] - points[i - 1]);
  }
  float length() const { return cumulative.empty() ? 0.0f : cumulative.back(); }
  glm::vec3 at(float t) const {
    if (points.size() == 1 || length() <= 0.0f) return points.front();
    const float s = std::clamp(t, 0.0f, 1.0f) * length();
    std::size_t i = 1;
    while (i + 1 < points.size() && cumulative[i] < s) ++i;
    const float seg = cumulative[i] - cumulative[i - 1];
    return glm::mix(points[i - 1], points[i], seg > 0 ? (s - cumulative[i - 1]) / seg : 0.0f);
  }
};

Polyline attachmentLine(const Atlas& atlas, const Attachment& a, float midlineShift) {
  Polyline line;
  const std::size_t n = a.landmarks.size();
  for (std::size_t k = 0; k < n; ++k) {
    const Landmark* l = atlas.landmark(a.landmarks[k]);
    if (!l) continue;
    glm::vec3 p = l->on(Side::Left);
    // A bilateral muscle attaches to the side of a midline process, not to the plane between the
    // two sides: shift midline points toward its own side.
    if (!l->bilateral && std::abs(p.x) < 0.001f) p.x += midlineShift;
    line.points.push_back(p);
  }
  return line;
}

bool onMidline(const Atlas& atlas, const Attachment& a) {
  for (const auto& id : a.landmarks)
    if (const Landmark* l = atlas.landmark(id); l && (l->bilateral || std::abs(l->position.x) >= 0.001f)) return false;
  return true;
}

// A tendon that ends on one point still has some width: spread it across the fibres.
void widenPoint(Polyline& line, const glm::vec3& towardOther, const glm::vec3& outward, float halfWidth) {
  if (line.points.size() != 1) return;
  const glm::vec3 along = glm::length(towardOther) > 1e-6f ? glm::normalize(towardOther) : glm::vec3(0, 1, 0);
  glm::vec3 across = glm::cross(along, outward);
  if (glm::length(across) < 1e-6f) across = glm::vec3(0, 0, 1);
  across = glm::normalize(across);
  const glm::vec3 p = line.points[0];
  line.points = {p - across * halfWidth, p + across * halfWidth};
}

float interpolateAcross(const std::vector<float>& values, float v, float fallback) {
  if (values.size() < 2) return fallback;
  const float f = std::clamp(v, 0.0f, 1.0f) * float(values.size() - 1);
  const int i = std::min(int(f), int(values.size()) - 2);
  return values[i] + (values[i + 1] - values[i]) * (f - float(i));
}

// Ambient occlusion baked into the vertex tint of the outer surfaces: a few short rays over the
// hemisphere around the normal, against the bones and the muscles of the same or deeper layers only,
// so that peeling a layer leaves no shadow of what was removed. Grooves between columns, the
// borders of the scapula and the edges of overlapping sheets darken, and the layers read as depth.
void bakeOcclusion(std::vector<BuiltMuscle>& muscles, const std::vector<BuiltBone>& bones, const Mesh& deepCore) {
  const int maxLayer = 9;
  // Fixed directions in the normal's frame (a cosine-weighted spread), the same for every vertex.
  const glm::vec3 dirs[] = {{0.0f, 0.0f, 1.0f},     {0.55f, 0.0f, 0.83f},  {-0.55f, 0.0f, 0.83f},
                            {0.0f, 0.55f, 0.83f},   {0.0f, -0.55f, 0.83f}, {0.7f, 0.7f, 0.2f},
                            {-0.7f, 0.7f, 0.2f},    {0.7f, -0.7f, 0.2f},   {-0.7f, -0.7f, 0.2f}};
  for (int layer = 1; layer <= maxLayer; ++layer) {
    Scene occluders;
    occluders.meshes.push_back(deepCore);
    for (const auto& b : bones)
      if (!b.mesh.name.ends_with("_r")) occluders.meshes.push_back(b.mesh);
    bool any = false;
    for (const auto& m : muscles)
      if (m.layer >= layer) occluders.meshes.push_back(m.mesh);
    for (const auto& m : muscles) any = any || m.layer == layer;
    if (!any) continue;
    const Bvh bvh(occluders);
    for (auto& m : muscles) {
      if (m.layer != layer) continue;
      Mesh& mesh = m.mesh;
      for (std::size_t v = m.gridVertices; v < 2 * m.gridVertices; ++v) {  // the outer surface
        const glm::vec3 n = mesh.normals[v];
        const glm::vec3 helper = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
        const glm::vec3 t = glm::normalize(glm::cross(helper, n)), b = glm::cross(n, t);
        int blocked = 0;
        for (const auto& d : dirs) {
          const glm::vec3 dir = t * d.x + b * d.y + n * d.z;
          if (bvh.anyHit({mesh.positions[v] + n * 0.0015f, dir}, 0.0f, 0.03f)) ++blocked;
        }
        const float open = 1.0f - float(blocked) / float(std::size(dirs));
        const float ao = 0.45f + 0.55f * open;
        mesh.colors[v].r *= ao;
        mesh.colors[v].g *= ao;
        mesh.colors[v].b *= ao;
      }
    }
  }
}

}  // namespace

float attachmentBlend(float u, float ramp) {
  return glm::smoothstep(0.0f, ramp, u) * glm::smoothstep(1.0f, 1.0f - ramp, u);
}

glm::vec3 muscleColor(const Atlas& atlas, const std::string& muscleId, int partIndex) {
  int index = 0;
  for (std::size_t i = 0; i < atlas.muscles.size(); ++i)
    if (atlas.muscles[i].id == muscleId) index = int(i);
  // Red-brown, with small deterministic shifts in hue and value between muscles and parts.
  const float k = float(index) * 2.39996f + float(partIndex) * 0.9f;
  const glm::vec3 base(0.43f, 0.10f, 0.075f);
  return base * glm::vec3(1.0f + 0.16f * std::sin(k), 1.0f + 0.35f * std::sin(k * 1.7f + 1.0f),
                          1.0f + 0.3f * std::cos(k * 1.3f));
}

std::vector<BuiltMuscle> buildMuscles(const Atlas& atlas, const BodyFrame& frame, const std::vector<BuiltBone>& bones,
                                      const Mesh& deepCore, const MuscleBuildOptions& o) {
  // Deepest layer first; within a layer, later entries first (they lie deeper).
  std::vector<const Muscle*> order;
  for (const auto& m : atlas.muscles) order.push_back(&m);
  std::stable_sort(order.begin(), order.end(), [](const Muscle* a, const Muscle* b) { return a->layer > b->layer; });
  for (std::size_t s = 0; s < order.size();) {
    std::size_t e = s;
    while (e < order.size() && order[e]->layer == order[s]->layer) ++e;
    std::reverse(order.begin() + long(s), order.begin() + long(e));
    s = e;
  }

  std::vector<BuiltMuscle> left;
  const glm::vec3 tendonColor(0.44f, 0.43f, 0.41f);  // pearly fascia, darker than bone
  const int nu = std::max(6, int(std::round(30 * o.resolution)));
  const int nv = std::max(4, int(std::round(14 * o.resolution)));

  for (const Muscle* muscle : order) {
    // Parts too: later parts lie deeper, so they are built first and the earlier ones rest on them.
    for (std::size_t p = muscle->parts.size(); p-- > 0;) {
      const std::size_t partIndex = p;
      const MusclePart& part = muscle->parts[partIndex];
      // What this part may rest on: the core, the axial skeleton, the shoulder girdle for the
      // layers that lie on it, and every muscle already built (all deeper). Left side only: the
      // right side is the mirror image.
      Scene support;
      support.meshes.push_back(deepCore);
      for (const auto& b : bones) {
        const bool leftOrMidline = b.mesh.name.size() < 2 || b.mesh.name.substr(b.mesh.name.size() - 2) != "_r";
        if (leftOrMidline && (!b.girdle || muscle->layer <= 2)) support.meshes.push_back(b.mesh);
      }
      for (const auto& m : left) support.meshes.push_back(m.mesh);
      const Bvh bvh(support);
      // A muscle running from midline to midline (spinalis) lies beside the spinous processes.
      const bool midlineToMidline = onMidline(atlas, part.origin) && onMidline(atlas, part.insertion);
      Polyline origin = attachmentLine(atlas, part.origin, 0.0025f);
      Polyline insertion = attachmentLine(atlas, part.insertion, 0.0025f);
      if (origin.points.empty() || insertion.points.empty()) continue;
      const glm::vec3 oc = origin.points[origin.points.size() / 2], ic = insertion.points[insertion.points.size() / 2];
      widenPoint(origin, ic - oc, frame.outward(oc), 0.007f);
      widenPoint(insertion, oc - ic, frame.outward(ic), 0.007f);
      origin.finish();
      insertion.finish();

      const PartShape& shape = part.shape;
      SheetGrid g(nu, nv);
      std::vector<float> height(std::size_t(nu) * nv, 0.0f);
      std::vector<glm::vec3> rayOrigin(height.size()), chord(height.size());
      for (int i = 0; i < nu; ++i)
        for (int j = 0; j < nv; ++j) {
          const float u = float(i) / float(nu - 1), v = float(j) / float(nv - 1);
          glm::vec3 p = glm::mix(origin.at(v), insertion.at(v), u);
          // The belly spreads sideways (belly_spread_mm: first fibre medial, last lateral) while
          // its ends stay on their landmarks; a muscle from midline to midline (spinalis) also
          // moves off the spinous processes into the groove beside them.
          const float belly = std::sqrt(std::max(0.0f, std::sin(3.14159265f * u)));
          p.x += ((midlineToMidline ? 0.004f : 0.0f) + shape.bellySpreadMm * 0.001f * v) * belly;
          const glm::vec3 n = frame.outward(p);
          const std::size_t k = g.at(i, j);
          chord[k] = p;
          g.outward[k] = n;
          rayOrigin[k] = p - n * o.rayReach;
          float farthest = -1.0f;
          bvh.forEachHit({rayOrigin[k], n}, 0.0f, 2.0f * o.rayReach,
                         [&](const RayHit& h) { farthest = std::max(farthest, h.t); });
          height[k] = farthest >= 0.0f ? farthest + o.layerGap : o.rayReach;
        }
      // Upper-envelope smoothing: fill gaps between what lies beneath without sinking into them.
      for (int pass = 0; pass < 10; ++pass) {
        std::vector<float> next = height;
        for (int i = 0; i < nu; ++i)
          for (int j = 0; j < nv; ++j) {
            float sum = 0.0f;
            int count = 0;
            for (auto [di, dj] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
              const int a = i + di, b = j + dj;
              if (a < 0 || b < 0 || a >= nu || b >= nv) continue;
              sum += height[g.at(a, b)];
              ++count;
            }
            next[g.at(i, j)] = std::max(height[g.at(i, j)], sum / float(count));
          }
        height.swap(next);
      }
      const glm::vec3 base = muscleColor(atlas, muscle->id, int(partIndex));
      g.color.resize(height.size());
      for (int i = 0; i < nu; ++i)
        for (int j = 0; j < nv; ++j) {
          const float u = float(i) / float(nu - 1), v = float(j) / float(nv - 1);
          const std::size_t k = g.at(i, j);
          const glm::vec3 laid = rayOrigin[k] + g.outward[k] * height[k];
          g.inner[k] = glm::mix(chord[k], laid, attachmentBlend(u, o.attachmentRamp));
          const float tO = interpolateAcross(shape.originTendonAcross, v, shape.originTendon);
          const float tI = shape.insertionTendon;
          const float across = 0.3f + 0.7f * std::pow(std::sin(3.14159265f * v), 0.6f);
          const float along = 0.1f + 0.9f * glm::smoothstep(tO * 0.7f, tO + 0.22f, u) *
                                         glm::smoothstep(1.0f - tI * 0.7f, 1.0f - tI - 0.22f, u);
          g.thickness[k] = std::max(0.0006f, shape.thicknessMm * 0.001f * across * along);
          const float tendon = std::max(1.0f - glm::smoothstep(tO - 0.02f, tO + 0.03f, u),
                                        glm::smoothstep(1.0f - tI - 0.03f, 1.0f - tI + 0.02f, u));
          g.color[k] = glm::vec4(glm::mix(base, tendonColor, tendon), 1.0f - tendon);
        }
      BuiltMuscle built;
      built.mesh = makeSheet(part.id + "_l", g);
      for (const auto& p : built.mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
          throw UserError("The muscle part '" + part.id + "' cannot be built from its landmarks (its geometry degenerates); check its origin and insertion.");
      built.mesh.color = glm::vec3(1.0f);  // the tint lives in the vertex colours
      built.muscleId = muscle->id;
      built.partId = part.id;
      built.layer = muscle->layer;
      built.gridVertices = std::size_t(nu) * nv;
      left.push_back(std::move(built));
    }
  }

  bakeOcclusion(left, bones, deepCore);

  std::vector<BuiltMuscle> all;
  // Output in atlas order (superficial first), left then right: stable node order for the bake.
  for (const auto& m : atlas.muscles)
    for (const auto& part : m.parts)
      for (const auto& b : left)
        if (b.partId == part.id && b.muscleId == m.id) {
          all.push_back(b);
          BuiltMuscle right = b;
          right.mesh = mirrorX(b.mesh, part.id + "_r");
          right.side = Side::Right;
          all.push_back(std::move(right));
        }
  return all;
}

}  // namespace dorsum::core
