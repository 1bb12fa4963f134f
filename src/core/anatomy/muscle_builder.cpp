#include "core/anatomy/muscle_builder.hpp"

#include "core/anatomy/fibre_sheet.hpp"
#include "core/anatomy/sheet.hpp"
#include "core/error.hpp"
#include "core/geometry/bvh.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>

namespace dorsum::core {

namespace {

constexpr float kPi = 3.14159265f;

float interpolateAcross(const std::vector<float>& values, float v, float fallback) {
  if (values.size() < 2) return fallback;
  const float f = std::clamp(v, 0.0f, 1.0f) * float(values.size() - 1);
  const int i = std::min(int(f), int(values.size()) - 2);
  return values[i] + (values[i + 1] - values[i]) * (f - float(i));
}

using Solids = std::vector<std::shared_ptr<const SupportSolid>>;

// One part's mesh from its columns of the laid fibre grid: thickness along the sheet's normal,
// tendon and aponeurosis at the ends, the tint and how much striation shows in the vertex colours.
BuiltMuscle partMesh(const Atlas& atlas, const Muscle& muscle, const MusclePart& part, int partIndex,
                     const FibreGrid& grid, int first, int last, const OutwardField& outward) {
  const int nu = grid.nu, nv = last - first + 1;
  SheetGrid g(nu, nv);
  const PartShape& shape = part.shape;
  const glm::vec3 base = muscleColor(atlas, muscle.id, partIndex);
  const glm::vec3 tendonColor(0.46f, 0.45f, 0.42f);  // pearly fascia, darker than bone
  g.color.resize(g.inner.size());
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const int col = first + j;
      const std::size_t k = g.at(i, j);
      const glm::vec3 p = grid.at(i, col);
      const glm::vec3 shift = grid.innerShift.empty() ? glm::vec3(0.0f) : grid.innerShift[std::size_t(i) * grid.columns + col];
      // Normal: across the fibres crossed with along them, turned outward.
      const glm::vec3 du = grid.at(std::min(i + 1, nu - 1), col) - grid.at(std::max(i - 1, 0), col);
      glm::vec3 dv = grid.at(i, std::min(col + 1, grid.columns - 1)) - grid.at(i, std::max(col - 1, 0));
      if (glm::length(dv) < 1e-6f) dv = grid.at(i, std::min(col + 1, grid.columns - 1)) - grid.at(i, col);
      glm::vec3 n = glm::cross(du, dv);
      const glm::vec3 out = outward.at(p);
      n = glm::length(n) > 1e-9f ? glm::normalize(n) : out;
      if (glm::dot(n, out) < 0.0f) n = -n;
      g.outward[k] = glm::normalize(n + out * 0.15f);
      const float u = float(i) / float(nu - 1);
      const float v = float(j) / float(std::max(nv - 1, 1));
      const float vGlobal = grid.across[col];
      const float tO = interpolateAcross(shape.originTendonAcross, v, shape.originTendon);
      const float tI = shape.insertionTendon;
      const float across = 0.12f + 0.88f * std::pow(std::sin(kPi * vGlobal), 0.5f);  // edges taper
      const float along = 0.1f + 0.9f * glm::smoothstep(tO * 0.7f, tO + 0.22f, u) *
                                     glm::smoothstep(1.0f - tI * 0.7f, 1.0f - tI - 0.22f, u);
      const float profile = interpolateAcross(shape.thicknessAlong, u, 1.0f);
      const float thickness = std::max(0.0006f, shape.thicknessMm * 0.001f * across * along * profile);
      // The outer surface where the thickness puts it; the inner one dipped to its attachments.
      const glm::vec3 outer = p + g.outward[k] * thickness;
      g.inner[k] = p + shift;
      g.inner[k].x = std::max(g.inner[k].x, 0.0005f);  // a left muscle stays on its side of the midline
      const glm::vec3 outerClamped(std::max(outer.x, 0.0005f), outer.y, outer.z);
      g.outward[k] = glm::normalize(outerClamped - g.inner[k] + glm::vec3(0.0f, 0.0f, 1e-9f));
      g.thickness[k] = std::max(glm::length(outerClamped - g.inner[k]), 0.0004f);
      const float tendon = std::max(1.0f - glm::smoothstep(tO - 0.02f, tO + 0.03f, u),
                                    glm::smoothstep(1.0f - tI - 0.03f, 1.0f - tI + 0.02f, u));
      g.color[k] = glm::vec4(glm::mix(base, tendonColor, tendon), 1.0f - tendon);
    }
  BuiltMuscle built;
  built.mesh = makeSheet(part.id + "_l", g);
  for (const auto& q : built.mesh.positions)
    if (!std::isfinite(q.x) || !std::isfinite(q.y) || !std::isfinite(q.z))
      throw UserError("The muscle part '" + part.id + "' cannot be built from its landmarks (its geometry degenerates); check its origin and insertion.");
  built.mesh.color = glm::vec3(1.0f);  // the tint lives in the vertex colours
  built.muscleId = muscle.id;
  built.partId = part.id;
  built.layer = muscle.layer;
  built.gridVertices = std::size_t(nu) * nv;
  return built;
}

// Each sheet was laid on what lay beneath it, but only at its grid points: between them the
// raised edge of a deeper muscle (its end going up to a bone, its border) can show through. Settle
// every deeper vertex that lies outside a more superficial muscle to just under it: from the
// vertex, a ray inward that meets a more superficial muscle within 2 cm finds it sticking out.
void settleUnderSuperficial(std::vector<BuiltMuscle>& muscles, const OutwardField& outward, float gap) {
  int deepest = 0;
  for (const auto& m : muscles) deepest = std::max(deepest, m.layer);
  for (int layer = 2; layer <= deepest; ++layer) {
    MuscleSupport above;
    for (const auto& m : muscles)
      if (m.layer < layer) above.add(std::make_shared<const SupportSolid>(m.mesh));
    if (above.empty()) continue;
    std::vector<BuiltMuscle*> todo;
    for (auto& m : muscles)
      if (m.layer == layer) todo.push_back(&m);
    auto settle = [&](BuiltMuscle* m) {
      bool moved = false;
      for (std::size_t v = 0; v < m->mesh.positions.size(); ++v) {
        glm::vec3& p = m->mesh.positions[v];
        // Going inward, the last point where the ray leaves a superficial solid within 2 cm: the
        // vertex belongs beyond it. Near the muscle's own attachments (which must stay on their
        // bones) it moves at most 5 mm.
        const glm::vec3 inward = -outward.at(p);
        if (const auto t = above.lastExitAlong(p, inward, 0.02f)) {
          const float u = m->mesh.uvs[v].x;
          const bool end = u < kAttachmentZone || u > 1.0f - kAttachmentZone;
          p += inward * std::min(*t + gap, end ? 0.005f : 1.0f);
          p.x = std::max(p.x, 0.0005f);
          moved = true;
        }
      }
      if (moved) m->mesh.computeNormals();
    };
    auto other = std::async(std::launch::async, [&] {
      for (std::size_t i = 0; i < todo.size(); i += 2) settle(todo[i]);
    });
    for (std::size_t i = 1; i < todo.size(); i += 2) settle(todo[i]);
    other.get();
  }
}

// Ambient occlusion baked into the vertex tint of the outer surfaces: a few short rays over the
// hemisphere around the normal, against the bones and the muscles of the same or deeper layers only,
// so that peeling a layer leaves no shadow of what was removed.
void bakeOcclusion(std::vector<BuiltMuscle>& muscles, const Solids& bones, const Solids& built) {
  const glm::vec3 dirs[] = {{0.0f, 0.0f, 1.0f},   {0.55f, 0.0f, 0.83f}, {-0.55f, 0.0f, 0.83f},
                            {0.0f, 0.55f, 0.83f}, {0.0f, -0.55f, 0.83f}, {0.7f, 0.7f, 0.2f},
                            {-0.7f, 0.7f, 0.2f},  {0.7f, -0.7f, 0.2f},  {-0.7f, -0.7f, 0.2f}};
  int maxLayer = 0;
  for (const auto& m : muscles) maxLayer = std::max(maxLayer, m.layer);
  for (int layer = 1; layer <= maxLayer; ++layer) {
    MuscleSupport occluders;
    occluders.add(bones);
    for (std::size_t i = 0; i < muscles.size(); ++i)
      if (muscles[i].layer >= layer) occluders.add(built[i]);
    std::vector<BuiltMuscle*> todo;
    for (auto& m : muscles)
      if (m.layer == layer) todo.push_back(&m);
    auto shade = [&](BuiltMuscle* m) {
      Mesh& mesh = m->mesh;
      for (std::size_t v = m->gridVertices; v < 2 * m->gridVertices; ++v) {  // the outer surface
        const glm::vec3 n = mesh.normals[v];
        const glm::vec3 helper = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
        const glm::vec3 t = glm::normalize(glm::cross(helper, n)), b = glm::cross(n, t);
        int blocked = 0;
        for (const auto& d : dirs) {
          const glm::vec3 dir = t * d.x + b * d.y + n * d.z;
          blocked += occluders.anyHit(mesh.positions[v] + n * 0.0015f, dir, 0.03f) ? 1 : 0;
        }
        const float ao = 0.45f + 0.55f * (1.0f - float(blocked) / float(std::size(dirs)));
        mesh.colors[v].r *= ao;
        mesh.colors[v].g *= ao;
        mesh.colors[v].b *= ao;
      }
    };
    auto other = std::async(std::launch::async, [&] {
      for (std::size_t i = 0; i < todo.size(); i += 2) shade(todo[i]);
    });
    for (std::size_t i = 1; i < todo.size(); i += 2) shade(todo[i]);
    other.get();
  }
}

}  // namespace

glm::vec3 muscleColor(const Atlas& atlas, const std::string& muscleId, int partIndex) {
  int index = 0;
  for (std::size_t i = 0; i < atlas.muscles.size(); ++i)
    if (atlas.muscles[i].id == muscleId) index = int(i);
  // Red-brown, with small deterministic shifts in hue and value between muscles and parts.
  const float k = float(index) * 2.39996f + float(partIndex) * 0.9f;
  const glm::vec3 base(0.43f, 0.10f, 0.075f);
  return base * glm::vec3(1.0f + 0.14f * std::sin(k), 1.0f + 0.18f * std::sin(k * 1.7f + 1.0f),
                          1.0f + 0.2f * std::cos(k * 1.3f));  // never as far as orange
}

std::vector<BuiltMuscle> buildMuscles(const Atlas& atlas, const BodyFrame& frame, const std::vector<BuiltBone>& bones,
                                      const Mesh& deepCore, const MuscleBuildOptions& o) {
  const OutwardField outward(atlas, frame);
  // What every muscle may rest on: the core and the axial skeleton; the shoulder girdle and the
  // arm only for the layers that lie on them (the scapular layers and the superficial sheets).
  // Left side only: the right side is the mirror image.
  Solids axial = {std::make_shared<const SupportSolid>(deepCore)}, girdle;
  for (const auto& b : bones) {
    if (b.mesh.name.ends_with("_r")) continue;
    (b.girdle ? girdle : axial).push_back(std::make_shared<const SupportSolid>(b.mesh));
  }
  Solids allBones = axial;
  allBones.insert(allBones.end(), girdle.begin(), girdle.end());

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

  FibreOptions fo;
  fo.resolution = o.resolution;
  fo.gap = o.layerGap;
  fo.relaxIterations = o.relaxIterations;
  std::vector<BuiltMuscle> left;
  Solids built;  // parallel to left
  for (const Muscle* muscle : order) {
    // Groups of parts: joined parts form one sheet. Later groups lie deeper and are built first.
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t p = 0; p < muscle->parts.size(); ++p) {
      if (p == 0 || !muscle->parts[p - 1].shape.joinsNext) groups.emplace_back();
      groups.back().push_back(p);
    }
    for (auto g = groups.rbegin(); g != groups.rend(); ++g) {
      MuscleSupport support;
      support.add(axial);
      if (muscle->layer <= 2) support.add(girdle);
      support.add(built);  // every muscle built so far lies deeper
      std::vector<const MusclePart*> parts;
      for (std::size_t p : *g) parts.push_back(&muscle->parts[p]);
      const FibreGrid grid = layFibres(atlas, *muscle, parts, outward, support, fo);
      for (std::size_t k = 0; k < parts.size(); ++k) {
        left.push_back(partMesh(atlas, *muscle, *parts[k], int((*g)[k]), grid, grid.partColumns[k].first,
                                grid.partColumns[k].second, outward));
        built.push_back(std::make_shared<const SupportSolid>(left.back().mesh));
      }
    }
  }

  settleUnderSuperficial(left, outward, fo.gap);
  for (std::size_t i = 0; i < left.size(); ++i) built[i] = std::make_shared<const SupportSolid>(left[i].mesh);
  bakeOcclusion(left, allBones, built);

  std::vector<BuiltMuscle> out;
  // Output in atlas order (superficial first), left then right: stable node order for the bake.
  for (const auto& m : atlas.muscles)
    for (const auto& part : m.parts)
      for (const auto& b : left)
        if (b.partId == part.id && b.muscleId == m.id) {
          out.push_back(b);
          BuiltMuscle right = b;
          right.mesh = mirrorX(b.mesh, part.id + "_r");
          right.side = Side::Right;
          out.push_back(std::move(right));
        }
  return out;
}

}  // namespace dorsum::core
