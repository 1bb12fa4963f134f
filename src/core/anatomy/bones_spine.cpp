// Vertebrae by level (body, pedicles, laminae, spinous and transverse processes, articular
// processes; the atlas ring and the dens of the axis), the sacrum, the coccyx and the ligamentum
// nuchae. Tips of the processes are the measured landmarks; the bodies come from BodyFrame.
#include "core/anatomy/bone_shapes.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>

namespace dorsum::core {

glm::vec3 BoneContext::at(const std::string& landmark, const std::string& bone) const {
  const Landmark* l = atlas.landmark(landmark);
  if (!l) throw UserError("The bone '" + bone + "' is built on the landmark '" + landmark + "', which the atlas does not have.");
  return l->position;
}

Mesh BoneContext::solid(const std::string& name, const ImplicitShape& shape, float cell, float keep) const {
  PolygonizeOptions o;
  // Each bone names the spacing its finest feature needs; 1.2 times that still resolves it, and
  // keeping proportionally more of the (fewer) triangles leaves the final mesh about as fine.
  constexpr float kCoarser = 1.12f;
  o.cell = kCoarser * cell / std::max(resolution, 0.25f);
  o.keepFraction = std::min(1.0f, keep * kCoarser * kCoarser);
  o.maxError = o.cell * 0.5f;
  o.threads = 1;  // the skeleton builder runs bones side by side
  ImplicitShape prepared = shape;
  prepared.prepare(std::max(0.015f, 6.0f * o.cell));
  Mesh m = polygonize(name, std::cref(prepared), prepared.bounds(), o);
  m.color = kBoneColor;
  return m;
}

namespace {
const glm::mat3 kUpright(1.0f);
}  // namespace

Mesh vertebraShape(const BoneContext& c, const std::string& id) {
  const SpineLevel* l = c.frame.level(id);
  if (!l) throw UserError("The vertebra '" + id + "' needs its spinous and transverse process landmarks.");
  const glm::vec3 b = l->body, h = l->bodyHalf, sp = l->spinous, tp = l->transverse;
  const char region = l->region();
  const int n = l->number();
  ImplicitShape s;
  const float k = 0.0025f;  // how smoothly the parts of a vertebra blend

  if (id == "c1") {
    // The atlas: a ring of two arches and two lateral masses, no body.
    const float y = tp.y;
    const glm::vec3 mass(0.019f, y, tp.z);
    for (float side : {1.0f, -1.0f}) {
      auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
      s.ellipsoid(S(mass), kUpright, {0.007f, 0.009f, 0.010f}, k);
      s.chain({S(mass), S({0.020f, y + 0.001f, sp.z + 0.014f}), S({0.010f, y + 0.002f, sp.z + 0.003f}), sp},
              {0.0045f, 0.0035f, 0.0035f, 0.0045f}, k);
      s.chain({S(mass), S({0.012f, y - 0.001f, mass.z + 0.015f}), {0.0f, y - 0.001f, mass.z + 0.018f}},
              {0.0045f, 0.0035f, 0.004f}, k);
      s.cone(S(mass), S(tp), 0.005f, 0.0045f, k);
    }
    return c.solid(id, s, 0.0013f, 0.14f);
  }

  const glm::mat3 axes = kUpright;
  s.disc(b, axes, h, 0.002f, k);
  // Articular pillar: where pedicle, lamina and the transverse and articular processes meet.
  glm::vec3 pillar;
  if (region == 'c') pillar = glm::vec3(0.021f, tp.y - 0.001f, 0.5f * (sp.z + tp.z) - 0.002f);
  else if (region == 't') pillar = glm::vec3(std::min(tp.x - 0.014f, 0.017f), tp.y - 0.002f, tp.z + 0.009f);
  else pillar = glm::vec3(0.021f, tp.y + 0.004f, sp.z + 0.4f * (tp.z - sp.z));
  const float laminaR = region == 'l' ? 0.0045f : region == 't' ? 0.0035f : 0.003f;
  const glm::vec3 root(0.0f, pillar.y - (region == 't' ? 0.006f : 0.002f), pillar.z - (region == 'l' ? 0.004f : 0.005f));
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    // Pedicle from the back of the body to the pillar.
    const glm::vec3 pedicleStart(0.6f * h.x, b.y + 0.3f * h.y, b.z - 0.75f * h.z);
    s.cone(S(pedicleStart), S(pillar), region == 'l' ? 0.005f : 0.0038f, 0.004f, k);
    // Lamina to the root of the spinous process.
    s.cone(S(pillar), root, laminaR, laminaR, k);
    // Articular processes above and below the pillar.
    s.capsule(S(pillar + glm::vec3(0.001f, 0.007f, 0.001f)), S(pillar + glm::vec3(0.0f, -0.008f, -0.003f)),
              region == 'l' ? 0.0045f : 0.0035f, k);
    // Transverse process to its measured tip, clubbed in the thorax.
    if (region == 'c') {
      const glm::vec3 base(h.x + 0.001f, tp.y, b.z - 0.002f);
      s.cone(S(base), S(tp), 0.0035f, 0.003f, k);
      s.cone(S(pillar), S(tp), 0.003f, 0.003f, k);
    } else if (region == 't') {
      s.cone(S(pillar), S(tp), 0.0045f, 0.004f, k);
      s.sphere(S(tp - glm::vec3(0.0015f, 0.0f, -0.001f)), 0.0048f, k);
    } else {
      const glm::vec3 base(0.016f, tp.y, tp.z - 0.001f);
      s.flatCapsule(S(base), S(tp), 0.0045f, {0, 0, 1}, 0.6f, k);
      s.sphere(S(pillar + glm::vec3(0.001f, 0.006f, -0.002f)), 0.0042f, k);  // mammillary process
    }
  }
  // Spinous process from its root to the measured tip: thin from side to side; tall and square
  // in the lumbar spine; bifid in C2-C6.
  const glm::vec3 along = sp - root;
  if (region == 'l') {
    const glm::vec3 ax = glm::normalize(along);
    const glm::vec3 side(1.0f, 0.0f, 0.0f);
    const glm::vec3 up = glm::normalize(glm::cross(ax, side));
    s.box(0.5f * (root + sp) - ax * 0.002f, glm::mat3(ax, up, side), {0.5f * glm::length(along) + 0.002f, 0.0085f, 0.0028f},
          0.0022f, k);
  } else {
    // Tapering to the measured tip, which is the process's most posterior point.
    const float r0 = region == 't' ? 0.0055f : 0.0045f;
    const glm::vec3 mid = glm::mix(root, sp, 0.55f);
    s.flatCapsule(root, mid, r0, {1, 0, 0}, 0.55f, k);
    s.flatCapsule(mid, sp - glm::normalize(along) * 0.003f, 0.0035f, {1, 0, 0}, 0.6f, k);
    if (region == 'c' && n >= 2 && n <= 6) {
      for (float side : {1.0f, -1.0f}) s.sphere(sp + glm::vec3(side * 0.0035f, 0.0015f, 0.0005f), 0.003f, k);
    } else {
      s.sphere(sp + glm::vec3(0.0f, 0.002f, 0.002f), region == 't' ? 0.0035f : 0.004f, k);
    }
  }
  if (id == "c2") {
    // The dens rises into the ring of the atlas.
    const SpineLevel* atlasRing = c.frame.level("c1");
    const float top = atlasRing ? atlasRing->transverse.y + 0.007f : b.y + 0.02f;
    const float z = atlasRing ? atlasRing->transverse.z + 0.010f : b.z;
    s.cone({0.0f, b.y + h.y, b.z}, {0.0f, top, z}, 0.0055f, 0.0042f, k);
  }
  return c.solid(id, s, region == 'c' ? 0.0012f : 0.0016f, 0.13f);
}

Mesh sacrumShape(const BoneContext& c) {
  const std::string bone = "sacrum";
  const glm::vec3 s1 = c.at("s1_median_crest", bone), s2 = c.at("s2_median_crest", bone);
  const glm::vec3 s3 = c.at("s3_median_crest", bone), apex = c.at("sacral_apex", bone);
  const glm::vec3 s4 = c.has("s4_median_crest") ? c.at("s4_median_crest", bone) : glm::mix(s3, apex, 0.4f);
  const glm::vec3 psis = c.at("ilium_psis", bone);
  ImplicitShape s;
  const float k = 0.008f;
  // Five fused segments, each wide and deep at the base and tapering to the apex, their backs
  // on the median crest, their fronts curving forward (the sacral hollow).
  const glm::vec3 crest[] = {s1, s2, s3, s4, glm::mix(s4, apex, 0.55f)};
  const glm::vec3 radii[] = {{0.050f, 0.015f, 0.030f}, {0.042f, 0.014f, 0.022f}, {0.033f, 0.013f, 0.016f},
                             {0.024f, 0.012f, 0.012f}, {0.015f, 0.011f, 0.009f}};
  for (int i = 0; i < 5; ++i) s.ellipsoid(crest[i] + glm::vec3(0.0f, 0.0f, radii[i].z + 0.003f), kUpright, radii[i], k);
  s.sphere(apex + glm::vec3(0.0f, 0.004f, 0.004f), 0.007f, k);
  // The base of S1 (its body under L5) and the alae reaching out to the sacroiliac joints.
  s.disc(s1 + glm::vec3(0.0f, 0.006f, 0.048f), kUpright, {0.024f, 0.008f, 0.016f}, 0.002f, k);
  for (float side : {1.0f, -1.0f}) {
    const glm::vec3 joint(side * (std::abs(psis.x) - 0.006f), psis.y - 0.012f, psis.z + 0.030f);
    s.ellipsoid(joint, kUpright, {0.012f, 0.026f, 0.022f}, k);
    s.cone(s1 + glm::vec3(side * 0.02f, 0.004f, 0.035f), joint + glm::vec3(0, 0.01f, 0.01f), 0.012f, 0.01f, k);
  }
  // The median crest.
  s.chain({s1 + glm::vec3(0, 0.004f, 0.002f), s2, s3, s4}, {0.0045f, 0.004f, 0.0035f, 0.003f}, 0.004f);
  return c.solid(bone, s, 0.0022f, 0.12f);
}

Mesh coccyxShape(const BoneContext& c) {
  const glm::vec3 apex = c.at("sacral_apex", "coccyx"), tip = c.at("coccyx_tip", "coccyx");
  ImplicitShape s;
  const glm::vec3 bend = glm::mix(apex, tip, 0.5f) + glm::vec3(0.0f, 0.0f, -0.004f);
  s.chain({apex + glm::vec3(0, -0.004f, 0.006f), bend, tip}, {0.0075f, 0.0055f, 0.0035f}, 0.003f);
  for (float t : {0.25f, 0.55f, 0.8f}) s.ellipsoid(glm::mix(apex, tip, t), kUpright, glm::vec3(0.007f - 0.004f * t, 0.004f, 0.004f), 0.003f);
  return c.solid("coccyx", s, 0.0014f, 0.25f);
}

Mesh nuchalLigamentShape(const BoneContext& c) {
  // A thin fibrous septum in the midline, from the occiput down to C7: its free border is behind
  // the cervical spinous processes, its deep border on them. Drawn as a membrane, never a rod.
  const std::string bone = "ligamentum_nuchae";
  std::vector<glm::vec3> outline = {c.at("eop", bone) + glm::vec3(0, -0.004f, 0.004f), c.at("lig_nuchae_upper", bone),
                                    c.at("lig_nuchae_mid", bone), c.at("lig_nuchae_lower", bone),
                                    c.at("c7_sp", bone) + glm::vec3(0, 0.004f, 0.0f)};
  for (const char* v : {"c6_sp", "c5_sp", "c4_sp", "c3_sp", "c2_sp"})
    if (c.has(v)) outline.push_back(c.at(v, bone) + glm::vec3(0.0f, 0.002f, -0.003f));
  outline.push_back(c.at("c1_pt", bone) + glm::vec3(0.0f, 0.003f, -0.004f));
  if (c.has("occ_opisthion")) outline.push_back(c.at("occ_opisthion", bone) + glm::vec3(0.0f, 0.0f, -0.006f));
  for (auto& p : outline) p.x = 0.0f;
  ImplicitShape s;
  s.plate(Plate::through(outline, {1, 0, 0}, 0.0014f), 0.0f);
  Mesh m = c.solid(bone, s, 0.0011f, 0.08f);
  m.color = glm::vec3(0.60f, 0.58f, 0.50f);
  return m;
}

}  // namespace dorsum::core
