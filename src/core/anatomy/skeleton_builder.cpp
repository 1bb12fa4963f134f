#include "core/anatomy/skeleton_builder.hpp"

#include "core/anatomy/sheet.hpp"
#include "core/primitives.hpp"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
const glm::vec3 kBone(0.62f, 0.57f, 0.46f);  // ivory (linear)

glm::vec3 at(const Atlas& a, const std::string& id, glm::vec3 fallback = glm::vec3(0.0f)) {
  const Landmark* l = a.landmark(id);
  return l ? l->position : fallback;
}

int segs(float res, int base) { return std::max(6, int(std::round(base * res))); }

Mesh vertebra(const std::string& id, const SpineLevel& level, const BodyFrame& frame, float res) {
  const char region = id[0];
  // Body: anterior to the spinous process tip by the depth of the arch; larger going down.
  const float depth = region == 'c' ? 0.045f : region == 't' ? 0.062f : 0.072f;
  const float lift = region == 't' ? 0.014f : 0.006f;  // thoracic spines slope down to their tips
  const float rx = region == 'c' ? 0.011f : region == 't' ? 0.014f + 0.0005f * float(std::stoi(id.substr(1))) : 0.022f;
  const float ry = region == 'c' ? 0.0055f : region == 't' ? 0.009f : 0.012f;
  const float rz = region == 'c' ? 0.008f : region == 't' ? 0.012f : 0.016f;
  const glm::vec3 body(0.0f, level.y + lift, level.spZ + depth);
  Mesh m = makeEllipsoid(id, body, {rx, ry, rz}, segs(res, 10), segs(res, 16));
  const glm::vec3 arch(0.0f, level.y + lift * 0.8f, body.z - rz - 0.012f);
  const float r = region == 'l' ? 0.0055f : 0.0042f;
  appendMesh(m, makeTube(id, {body - glm::vec3(0, 0, rz * 0.8f), arch, glm::vec3(0.0f, level.y, level.spZ + r * 0.8f)},  // tip surface at the landmark
                         {r * 1.2f, r, r * 0.9f}, 4, segs(res, 8), 0.6f, glm::vec3(1, 0, 0)));
  for (float side : {1.0f, -1.0f}) {
    const glm::vec3 tp(side * level.tpX, level.y + lift * 0.9f, level.tpZ);
    const glm::vec3 pedicle(side * rx * 0.7f, body.y, body.z - rz * 0.7f);
    appendMesh(m, makeTube(id, {pedicle, (pedicle + arch) * 0.5f + glm::vec3(side * 0.006f, 0, 0), tp},
                           {r, r * 0.9f, r * 0.8f}, 4, segs(res, 8)));
  }
  m.color = kBone;
  return m;
}

Mesh scapula(const Atlas& a, const BodyFrame& frame, float res) {
  // The blade: a thin plate from the medial border to the lateral border.
  const std::vector<glm::vec3> medial = {at(a, "scap_superior_angle"), at(a, "scap_spine_root"),
                                         at(a, "scap_medial_border_mid"), at(a, "scap_inferior_angle")};
  const glm::vec3 glenoid = at(a, "scap_glenoid");
  const glm::vec3 neck = glenoid + glm::vec3(-0.012f, 0.0f, -0.02f);
  const std::vector<glm::vec3> lateral = {
      glm::mix(at(a, "scap_superior_angle"), neck, 0.55f) + glm::vec3(0, 0.012f, 0), neck + glm::vec3(0, 0.012f, 0),
      at(a, "scap_lat_border_upper"), at(a, "scap_lat_border_mid"), at(a, "scap_lat_border_lower"),
      // Just beside the inferior angle: were it the same point as the medial line's end, the
      // blade's last row would collapse and leave a non-manifold edge.
      at(a, "scap_inferior_angle") + glm::vec3(0.004f, 0.003f, 0.0f)};
  auto along = [](const std::vector<glm::vec3>& line, float t) {
    const float f = t * float(line.size() - 1);
    const int i = std::min(int(f), int(line.size()) - 2);
    return glm::mix(line[i], line[i + 1], f - float(i));
  };
  const int nu = segs(res, 10), nv = segs(res, 16);
  SheetGrid g(nu, nv);
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const float u = float(i) / float(nu - 1), v = float(j) / float(nv - 1);
      const glm::vec3 p = glm::mix(along(medial, v), along(lateral, v), u);
      const std::size_t k = g.at(i, j);
      g.outward[k] = frame.outward(p);
      g.inner[k] = p - g.outward[k] * 0.003f;
      g.thickness[k] = 0.004f;
    }
  Mesh m = makeSheet("scapula", g);
  // The spine of the scapula, rising from the blade to the acromion.
  const glm::vec3 acrTip = at(a, "scap_acromion_tip");
  appendMesh(m, makeTube("scapula",
                         {at(a, "scap_spine_root") + glm::vec3(0, 0, 0.004f), at(a, "scap_spine_medial_tubercle"),
                          at(a, "scap_spine_mid"), at(a, "scap_acromial_angle"), acrTip},
                         {0.003f, 0.005f, 0.006f, 0.007f, 0.006f}, 5, segs(res, 10), 0.55f, glm::vec3(0, 1, 0)));
  appendMesh(m, makeEllipsoid("scapula", glm::mix(at(a, "scap_acromial_angle"), acrTip, 0.5f), {0.017f, 0.005f, 0.02f},
                              segs(res, 8), segs(res, 12)));
  appendMesh(m, makeEllipsoid("scapula", glenoid, {0.006f, 0.017f, 0.012f}, segs(res, 8), segs(res, 12)));
  m.color = kBone;
  return m;
}

Mesh rib(int n, const Atlas& a, const BodyFrame& frame, float res) {
  const std::string id = "rib_" + std::to_string(n);
  const glm::vec3 angle = at(a, "rib" + std::to_string(n) + "_angle");
  const std::string tpId = "t" + std::to_string(n) + "_tp";
  const glm::vec3 head = at(a, tpId, angle - glm::vec3(0.03f, -0.01f, -0.02f)) + glm::vec3(-0.006f, 0.0f, 0.008f);
  // Around the core's section from the angle to the front, descending as ribs do.
  std::vector<glm::vec3> pts = {head, angle};
  std::vector<float> radii = {0.004f, 0.005f};
  const float reach = n <= 10 ? 0.92f : (n == 11 ? 0.55f : 0.42f);  // fraction of the way to the sternum
  const float drop = n <= 10 ? 0.07f + 0.004f * float(n) : 0.05f;  // ribs slope down toward the front
  const glm::vec2 half0 = frame.coreHalfSize(angle.y);
  const float startAngle = std::atan2(angle.z - frame.coreCentreZ(angle.y), angle.x * half0.y / half0.x);
  const int steps = 6;
  for (int k = 1; k <= steps; ++k) {
    const float t = float(k) / float(steps) * reach;
    const float y = angle.y - drop * t * t;
    const glm::vec2 half = frame.coreHalfSize(y);
    // The section's angle runs from the rib's angle (behind, negative) round the side (0) to
    // the front (+pi/2).
    const float th = startAngle + t * (glm::half_pi<float>() - startAngle);
    const float c = std::cos(th), s = std::sin(th);
    const float e = 2.0f / 2.6f;
    const glm::vec3 p(half.x * 0.96f * std::copysign(std::pow(std::abs(c), e), c), y,
                      frame.coreCentreZ(y) + half.y * 0.96f * std::copysign(std::pow(std::abs(s), e), s));
    pts.push_back(p);
    radii.push_back(k == steps ? 0.0035f : 0.0055f);
  }
  Mesh m = makeTube(id + "_l", pts, radii, 4, segs(res, 8), 0.55f, glm::vec3(0, 1, 0));
  m.color = kBone;
  return m;
}

Mesh ilium(const Atlas& a, float res) {
  const std::vector<glm::vec3> crest = {at(a, "ilium_psis"), at(a, "ilium_crest_post"), at(a, "ilium_crest_high"),
                                        at(a, "ilium_crest_mid"), at(a, "ilium_crest_mid") + glm::vec3(-0.02f, -0.04f, 0.06f)};
  const glm::vec3 acetabulum(0.085f, 0.905f, 0.01f);
  const std::vector<glm::vec3> lower = {at(a, "ilium_psis") + glm::vec3(-0.005f, -0.04f, 0.01f),
                                        glm::vec3(0.06f, 0.93f, -0.05f), acetabulum + glm::vec3(0, 0, -0.02f),
                                        acetabulum, acetabulum + glm::vec3(0.005f, 0.02f, 0.03f)};
  const int nu = segs(res, 8), nv = segs(res, 14);
  SheetGrid g(nu, nv);
  auto along = [](const std::vector<glm::vec3>& line, float t) {
    const float f = t * float(line.size() - 1);
    const int i = std::min(int(f), int(line.size()) - 2);
    return glm::mix(line[i], line[i + 1], f - float(i));
  };
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const float u = float(i) / float(nu - 1), v = float(j) / float(nv - 1);
      const glm::vec3 p = glm::mix(along(crest, v), along(lower, v), u);
      const std::size_t k = g.at(i, j);
      // The wing faces out and back.
      g.outward[k] = glm::normalize(glm::vec3(p.x, 0.0f, p.z - 0.0f) + glm::vec3(0, 0.2f, 0));
      // The gluteal surface bulges outward between crest and acetabulum; the wing is not flat.
      const float bulge = 0.014f * std::sin(3.14159265f * u) * std::sin(3.14159265f * v);
      g.inner[k] = p - g.outward[k] * 0.004f + g.outward[k] * bulge;
      g.thickness[k] = u < 0.1f ? 0.009f : 0.006f;  // the crest is thicker than the wing
    }
  Mesh m = makeSheet("ilium_l", g);
  appendMesh(m, makeEllipsoid("ilium_l", acetabulum, {0.022f, 0.022f, 0.022f}, segs(res, 8), segs(res, 12)));
  m.color = kBone;
  return m;
}

Mesh sacrum(const Atlas& a, const BodyFrame& frame, float res) {
  const glm::vec3 s1 = at(a, "s1_median_crest"), apex = at(a, "sacral_apex");
  const int nu = segs(res, 10), nv = segs(res, 10);
  SheetGrid g(nu, nv);
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) {
      const float u = float(i) / float(nu - 1), v = float(j) / float(nv - 1);
      const float halfW = glm::mix(0.052f, 0.012f, u * u);
      const glm::vec3 mid = glm::mix(s1, apex, u);
      const float x = (v * 2.0f - 1.0f) * halfW;
      const glm::vec3 p = mid + glm::vec3(x, 0.0f, 0.012f + 0.25f * x * x / 0.05f);
      const std::size_t k = g.at(i, j);
      g.outward[k] = glm::normalize(glm::vec3(x * 0.5f, 0.15f, -1.0f));
      g.inner[k] = p;
      g.thickness[k] = glm::mix(0.028f, 0.008f, u);
    }
  Mesh m = makeSheet("sacrum", g);
  m.color = kBone;
  (void)frame;
  return m;
}

}  // namespace

std::vector<BuiltBone> buildSkeleton(const Atlas& a, const BodyFrame& frame, float res) {
  std::vector<BuiltBone> out;
  auto add = [&](Mesh m, const std::string& boneId, bool bilateral, bool girdle) {
    m.color = kBone;
    if (bilateral) {
      m.name = boneId + "_l";
      Mesh right = mirrorX(m, boneId + "_r");
      out.push_back({std::move(m), boneId, girdle});
      out.push_back({std::move(right), boneId, girdle});
    } else {
      m.name = boneId;
      out.push_back({std::move(m), boneId, girdle});
    }
  };
  for (const Bone& b : a.bones) {
    if (b.kind == "vertebra" && b.id != "sacrum" && b.id != "coccyx") {
      const SpineLevel* level = nullptr;
      for (const auto& l : frame.levels())
        if (l.vertebra == b.id) level = &l;
      if (level) add(vertebra(b.id, *level, frame, res), b.id, false, false);
    } else if (b.id == "sacrum") {
      add(sacrum(a, frame, res), b.id, false, false);
    } else if (b.id == "coccyx") {
      add(makeTube(b.id, {at(a, "sacral_apex") + glm::vec3(0, 0.004f, 0.01f), at(a, "coccyx_tip")}, {0.007f, 0.003f}, 4,
                   segs(res, 8)),
          b.id, false, false);
    } else if (b.kind == "rib") {
      add(rib(std::stoi(b.id.substr(4)), a, frame, res), b.id, true, false);
    } else if (b.id == "scapula") {
      add(scapula(a, frame, res), b.id, true, true);
    } else if (b.id == "clavicle") {
      const glm::vec3 lat = at(a, "clav_lat_end"), med = at(a, "clav_sternal_end");
      add(makeTube(b.id, {med, glm::mix(med, lat, 0.45f) + glm::vec3(0, 0.008f, 0.012f), at(a, "clav_lat_third_medial"), lat},
                   {0.007f, 0.006f, 0.006f, 0.007f}, 5, segs(res, 10), 0.7f, glm::vec3(0, 1, 0)),
          b.id, true, true);
    } else if (b.id == "humerus") {
      const glm::vec3 head = at(a, "hum_head");
      const glm::vec3 elbow(head.x + 0.02f, 1.095f, head.z - 0.015f);
      Mesh m = makeEllipsoid(b.id, head, {0.024f, 0.025f, 0.024f}, segs(res, 10), segs(res, 14));
      appendMesh(m, makeEllipsoid(b.id, at(a, "hum_gt_middle_facet") + glm::vec3(-0.006f, 0, 0.004f),
                                  {0.01f, 0.018f, 0.012f}, segs(res, 6), segs(res, 10)));
      appendMesh(m, makeTube(b.id, {head + glm::vec3(0.004f, -0.02f, 0.002f), glm::mix(head, elbow, 0.5f), elbow},
                             {0.013f, 0.011f, 0.012f}, 5, segs(res, 10)));
      appendMesh(m, makeEllipsoid(b.id, elbow, {0.032f, 0.012f, 0.015f}, segs(res, 6), segs(res, 10)));
      add(std::move(m), b.id, true, true);
    } else if (b.id == "ilium" || b.kind == "pelvis") {
      add(ilium(a, res), b.id, true, false);
    } else if (b.id == "occipital") {
      const glm::vec3 eop = at(a, "eop");
      // The skull, placed so the external occipital protuberance lies on its back.
      const glm::vec3 centre(0.0f, eop.y + 0.055f, eop.z + 0.094f);
      Mesh m = makeEllipsoid(b.id, centre, {0.074f, 0.108f, 0.1f}, segs(res, 18), segs(res, 24));
      appendMesh(m, makeEllipsoid(b.id, {0.0f, centre.y - 0.085f, centre.z + 0.06f}, {0.048f, 0.03f, 0.05f},
                                  segs(res, 10), segs(res, 14)));  // the jaw
      add(std::move(m), b.id, false, false);
    } else if (b.id == "temporal") {
      const glm::vec3 mastoid = at(a, "mastoid_process");
      add(makeEllipsoid(b.id, mastoid + glm::vec3(-0.004f, 0.012f, 0.004f), {0.009f, 0.016f, 0.011f}, segs(res, 8),
                        segs(res, 10)),
          b.id, true, false);
    } else if (b.kind == "ligament") {
      std::vector<glm::vec3> pts;
      for (const auto& id : {"eop", "lig_nuchae_upper", "lig_nuchae_mid", "lig_nuchae_lower", "c7_sp"})
        pts.push_back(at(a, id) + glm::vec3(0, 0, 0.004f));
      add(makeTube(b.id, pts, {0.0025f}, 4, segs(res, 8), 0.5f, glm::vec3(1, 0, 0)), b.id, false, false);
    }
  }
  return out;
}

}  // namespace dorsum::core
