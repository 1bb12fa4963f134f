#include "core/anatomy/skin_builder.hpp"

#include "core/anatomy/implicit_shape.hpp"
#include "core/error.hpp"
#include "core/geometry/polygonize.hpp"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace dorsum::core {

namespace {

constexpr float kTau = glm::two_pi<float>();

// The trunk's cross-section by height: half-width, back and front (z) and superellipse exponent.
// ANSUR II men (stature 1756 mm) scaled to the atlas's 1.65 m: chest breadth 27 cm and depth 24 cm,
// waist breadth 31 cm, hip breadth 33 cm (Gordon et al. 2014). The back is set a little inside the
// muscles so that their relief, not the envelope, shapes it.
struct Section {
  float y, halfWidth, back, front, exponent;
};
const Section kTrunk[] = {
    {0.77f, 0.120f, 0.030f, 0.168f, 3.0f}, {0.82f, 0.150f, 0.010f, 0.188f, 3.2f}, {0.88f, 0.160f, 0.010f, 0.185f, 3.2f},
    {0.95f, 0.155f, 0.025f, 0.195f, 3.0f}, {1.03f, 0.146f, 0.030f, 0.210f, 2.7f}, {1.10f, 0.138f, 0.025f, 0.220f, 2.6f},
    {1.20f, 0.138f, 0.015f, 0.232f, 2.6f}, {1.27f, 0.140f, 0.012f, 0.222f, 2.6f}, {1.32f, 0.136f, 0.018f, 0.195f, 2.5f},
    {1.37f, 0.112f, 0.030f, 0.160f, 2.4f}, {1.42f, 0.070f, 0.040f, 0.120f, 2.3f}};

Section sectionAt(float y) {
  const int n = int(std::size(kTrunk));
  if (y <= kTrunk[0].y) return kTrunk[0];
  for (int i = 0; i + 1 < n; ++i)
    if (y <= kTrunk[i + 1].y) {
      const float t = glm::smoothstep(kTrunk[i].y, kTrunk[i + 1].y, y);
      const Section &a = kTrunk[i], &b = kTrunk[i + 1];
      return {y, glm::mix(a.halfWidth, b.halfWidth, t), glm::mix(a.back, b.back, t), glm::mix(a.front, b.front, t),
              glm::mix(a.exponent, b.exponent, t)};
    }
  return kTrunk[n - 1];
}

float trunkEnvelope(const glm::vec3& p) {
  const Section s = sectionAt(std::clamp(p.y, kTrunk[0].y, kTrunk[std::size(kTrunk) - 1].y));
  const float zc = 0.5f * (s.back + s.front), halfDepth = 0.5f * (s.front - s.back);
  const float across = sdf::superellipse(p.x, p.z - zc, s.halfWidth, halfDepth, s.exponent);
  const float below = kTrunk[0].y - p.y, above = p.y - kTrunk[std::size(kTrunk) - 1].y;
  // Rounded bottom (the crotch) and top (under the neck, which overlaps it).
  const float ends = std::max(below, above);
  // Scaled down: the sections change quickly with height near the shoulders, where the horizontal
  // distance to the section overstates the distance to the surface.
  return 0.6f * (std::min(std::max(across, ends), 0.0f) + glm::length(glm::max(glm::vec2(across, ends), glm::vec2(0.0f))));
}

// The relief of the trunk and neck: how far from the trunk's axis the outermost structure lies, in
// bins of height and angle round the axis, from the structures' vertices.
class Relief {
public:
  Relief(const std::vector<const Mesh*>& meshes, float resolution) {
    rows_ = std::max(40, int(std::round((kTop - kBottom) / 0.005f * resolution)));
    cols_ = std::max(48, int(std::round(144 * resolution)));
    radius_.assign(std::size_t(rows_ + 1) * cols_, 0.0f);
    // Every vertex on the back and sides raises the four bins round it to its own radius (so the
    // interpolated field covers it); the closing below bridges the bins no vertex fell in.
    for (const Mesh* m : meshes)
      for (const auto& p : m->positions) {
        if (p.y < kBottom || p.y > kTop) continue;
        const glm::vec2 d(p.x, p.z - axisZ(p.y));
        const float radial = glm::length(d);
        if (radial < 1e-4f || -d.y / radial < -0.2f) continue;  // the front stays soft
        const float a = std::atan2(d.x, -d.y);
        const float fc = (a < 0.0f ? a + kTau : a) / kTau * float(cols_);
        const float fr = (p.y - kBottom) / (kTop - kBottom) * float(rows_);
        const int c0 = int(std::floor(fc)) % cols_, r0 = std::min(int(fr), rows_ - 1);
        for (int r : {r0, r0 + 1})
          for (int c : {c0, (c0 + 1) % cols_}) {
            float& v = radius_[std::size_t(r) * cols_ + c];
            v = std::max(v, radial);
          }
      }
    close(0.025f);
    // Fade the relief out toward the front (no step where the vertices stop counting), then keep every slope
    // gentle enough for the polygoniser.
    for (int r = 0; r <= rows_; ++r)
      for (int c = 0; c < cols_; ++c) radius_[std::size_t(r) * cols_ + c] *= glm::smoothstep(-0.6f, -0.2f, std::cos(kTau * float(c) / float(cols_)));
    limitSlope(0.9f);
    // Drape: relax the field like a membrane that may not sink below what must be covered, then
    // smooth it a little more, sinking at most 3 mm into the fat over the structures.
    const std::vector<float> need = radius_;
    const int passes = 60;
    const int freePasses = 6;
    for (int pass = 0; pass < passes + freePasses; ++pass) {
      std::vector<float> next = radius_;
      for (int r = 0; r <= rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
          float sum = 0.0f;
          int count = 0;
          for (auto [dr, dc] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
            const int rr = r + dr;
            if (rr < 0 || rr > rows_) continue;
            sum += radius_[std::size_t(rr) * cols_ + (c + dc + cols_) % cols_];
            ++count;
          }
          const std::size_t k = std::size_t(r) * cols_ + c;
          const float smooth = 0.5f * radius_[k] + 0.5f * sum / float(count);
          next[k] = std::max(need[k] - (pass < passes ? 0.0f : 0.003f), smooth);
        }
      radius_.swap(next);
    }
  }

  // Morphological closing of the radius field by a ball of radius R: fills hollows and steps
  // narrower than the ball (the skin and fat bridge them), never sinks below the structures.
  void close(float R) {
    const float rowStep = (kTop - kBottom) / float(rows_);
    auto pass = [&](const std::vector<float>& in, bool dilate) {
      std::vector<float> out(in.size());
      for (int r = 0; r <= rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
          const float here = in[std::size_t(r) * cols_ + c];
          const float colStep = std::max(here, 0.08f) * kTau / float(cols_);
          const int dr = int(R / rowStep), dc = std::min(cols_ / 4, int(R / colStep));
          float best = dilate ? -1e9f : 1e9f;
          for (int i = -dr; i <= dr; ++i) {
            const int rr = r + i;
            if (rr < 0 || rr > rows_) continue;
            for (int j = -dc; j <= dc; ++j) {
              const float d2 = (float(i) * rowStep) * (float(i) * rowStep) + (float(j) * colStep) * (float(j) * colStep);
              if (d2 > R * R) continue;
              const float cap = std::sqrt(R * R - d2);
              const float v = in[std::size_t(rr) * cols_ + (c + j + cols_) % cols_];
              if (dilate) {
                if (v > 0.0f) best = std::max(best, v + cap);
              } else {
                best = std::min(best, v - cap);
              }
            }
          }
          out[std::size_t(r) * cols_ + c] = dilate ? (best > -1e8f ? best - R : 0.0f) : std::max(best + R, 0.0f);
        }
      return out;
    };
    const std::vector<float> before = radius_;
    radius_ = pass(pass(radius_, true), false);
    for (std::size_t k = 0; k < radius_.size(); ++k) radius_[k] = std::max(radius_[k], before[k]);
  }

  // The field must not fall faster than about one metre per metre away from the structures (or the
  // polygoniser's skipping of empty space would miss the surface): raise the radius wherever a
  // neighbour's, less the slope times the distance, is larger (chamfer passes both ways).
  void limitSlope(float slope) {
    const float rowStep = (kTop - kBottom) / float(rows_);
    for (int sweep = 0; sweep < 2; ++sweep) {
      for (int r = 1; r <= rows_; ++r)
        for (int c = 0; c < cols_; ++c) {
          float& v = radius_[std::size_t(r) * cols_ + c];
          v = std::max(v, radius_[std::size_t(r - 1) * cols_ + c] - slope * rowStep);
        }
      for (int r = rows_ - 1; r >= 0; --r)
        for (int c = 0; c < cols_; ++c) {
          float& v = radius_[std::size_t(r) * cols_ + c];
          v = std::max(v, radius_[std::size_t(r + 1) * cols_ + c] - slope * rowStep);
        }
      for (int r = 0; r <= rows_; ++r)
        for (int pass = 0; pass < 2; ++pass)
          for (int c = 0; c < 2 * cols_; ++c) {
            const int here = pass == 0 ? c % cols_ : (2 * cols_ - 1 - c) % cols_;
            const int prev = pass == 0 ? (here - 1 + cols_) % cols_ : (here + 1) % cols_;
            float& v = radius_[std::size_t(r) * cols_ + here];
            const float step = std::max(v, 0.08f) * kTau / float(cols_);
            v = std::max(v, radius_[std::size_t(r) * cols_ + prev] - slope * step);
          }
    }
  }

  static float axisZ(float y) { return y > 1.40f ? glm::mix(0.085f, 0.065f, glm::smoothstep(1.40f, 1.50f, y)) : 0.085f; }

  // Negative inside: the radius the skin must reach here (the structure plus fat) minus the
  // point's distance from the axis.
  float operator()(const glm::vec3& p) const {
    const float az = axisZ(p.y);
    const glm::vec2 d(p.x, p.z - az);
    const float radial = glm::length(d);
    const float a = std::atan2(d.x, -d.y);  // 0 straight back
    const float fc = (a < 0.0f ? a + kTau : a) / kTau * float(cols_);
    const float fr = std::clamp((p.y - kBottom) / (kTop - kBottom), 0.0f, 1.0f) * float(rows_);
    const int c0 = int(std::floor(fc)) % cols_, c1 = (c0 + 1) % cols_;
    const int r0 = std::min(int(fr), rows_ - 1), r1 = r0 + 1;
    const float tc = fc - std::floor(fc), tr = fr - float(r0);
    auto at = [&](int r, int c) { return radius_[std::size_t(r) * cols_ + c]; };
    const float need = glm::mix(glm::mix(at(r0, c0), at(r0, c1), tc), glm::mix(at(r1, c0), at(r1, c1), tc), tr);
    // Fat: about 6 mm over the back and neck, thicker over the buttocks and the flanks.
    const float back = std::max(0.0f, -d.y / std::max(radial, 1e-6f));
    const float buttock = glm::smoothstep(0.96f, 0.86f, p.y) * back;
    const float fat = 0.006f + 0.012f * buttock + 0.004f * (1.0f - back);
    // The relief is a band of the trunk: cut by planes (rounded) at its top and bottom, so the
    // field stays a distance and the envelope takes over beyond.
    const float band = std::max(kBottom - p.y, p.y - kTop);
    return sdf::smax(radial - need - fat, band, 0.02f);
  }

private:
  static constexpr float kBottom = 0.74f, kTop = 1.56f;
  int rows_ = 0, cols_ = 0;
  std::vector<float> radius_;
};

// Radii of a limb segment from a to b that enclose the covered vertices near it, plus `margin`.
std::vector<float> enclosingRadii(const glm::vec3& a, const glm::vec3& b, const std::vector<float>& base,
                                  const std::vector<const Mesh*>& covered, float margin) {
  std::vector<float> radii = base;
  const int n = int(base.size());
  const glm::vec3 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  for (const Mesh* m : covered)
    for (const auto& p : m->positions) {
      const float t = glm::dot(p - a, ab) / len2;
      if (t < 0.0f || t > 1.0f) continue;  // what lies beyond the ends is the trunk's or the forearm's
      const float d = std::min(glm::length(p - (a + ab * t)) + margin, 0.068f);
      const int i = std::clamp(int(std::round(t * float(n - 1))), 0, n - 1);
      radii[i] = std::max(radii[i], d);
    }
  // A limb tapers smoothly: never thinner than its neighbours' mean less a little.
  for (int pass = 0; pass < 3; ++pass)
    for (int i = 1; i + 1 < n; ++i) radii[i] = std::max(radii[i], 0.5f * (radii[i - 1] + radii[i + 1]) - 0.001f);
  return radii;
}

}  // namespace

Mesh buildSkin(const Atlas& atlas, const BodyFrame& frame, const std::vector<const Mesh*>& reliefMeshes,
               const std::vector<const Mesh*>& covered, float res) {
  auto at = [&](const std::string& id) {
    const Landmark* l = atlas.landmark(id);
    if (!l) throw UserError("The skin is shaped on the landmark '" + id + "', which the atlas does not have.");
    return l->position;
  };
  (void)frame;
  const Relief relief(reliefMeshes, res);
  ImplicitShape body;
  // Trunk envelope (bounds cover the trunk's sections).
  Bounds trunkBox;
  trunkBox.add(glm::vec3(-0.17f, 0.74f, -0.02f));
  trunkBox.add(glm::vec3(0.17f, 1.43f, 0.24f));
  body.add(trunkEnvelope, trunkBox, 0.0f, 0.6f);
  // Neck, from the root of the neck up under the skull.
  const glm::vec3 c7 = at("c7_sp"), eop = at("eop"), nasion = at("skull_nasion"), vertex = at("skull_vertex");
  body.cone({0.0f, c7.y - 0.01f, c7.z + 0.045f}, {0.0f, eop.y - 0.055f, eop.z + 0.072f}, 0.058f, 0.052f, 0.04f);
  // Head: the scalp over the cranium (an ellipsoid from the measured vertex, opisthocranion,
  // parietal eminences and nasion, 6 mm out), the face over the maxillae and zygomas, the jaw,
  // chin, nose and ears. Smooth on purpose: seen from behind, the head is a context.
  const glm::vec3 porion = at("skull_porion");
  const glm::vec3 occiput = at("skull_opisthocranion"), parietal = at("skull_parietal"), zygion = at("skull_zygion");
  const float craniumBack = occiput.z - 0.009f, craniumFront = nasion.z + 0.012f;
  body.ellipsoid({0.0f, 0.5f * (vertex.y + 0.006f + porion.y), 0.5f * (craniumBack + craniumFront)}, glm::mat3(1.0f),
                 {parietal.x + 0.010f, 0.5f * (vertex.y + 0.006f - porion.y) + 0.01f, 0.5f * (craniumFront - craniumBack)}, 0.03f);
  body.ellipsoid({0.0f, nasion.y + 0.02f, nasion.z - 0.03f}, glm::mat3(1.0f), {0.062f, 0.042f, 0.046f}, 0.03f);  // forehead
  body.ellipsoid({0.0f, zygion.y - 0.02f, zygion.z - 0.025f}, glm::mat3(1.0f), {zygion.x + 0.016f, 0.066f, 0.072f}, 0.03f);
  const glm::vec3 chin = at("mandible_gnathion"), gonion = at("mandible_gonion");
  body.ellipsoid({0.0f, 0.5f * (nasion.y + chin.y), chin.z - 0.045f}, glm::mat3(1.0f), {0.058f, 0.072f, 0.058f}, 0.03f);
  body.ellipsoid(chin + glm::vec3(0.0f, 0.006f, -0.006f), glm::mat3(1.0f), {0.032f, 0.018f, 0.018f}, 0.02f);
  body.cone(nasion + glm::vec3(0.0f, -0.010f, 0.006f), nasion + glm::vec3(0.0f, -0.046f, 0.030f), 0.007f, 0.010f, 0.012f);
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    body.ellipsoid(S(gonion + glm::vec3(0.004f, 0.01f, 0.01f)), glm::mat3(1.0f), {0.018f, 0.03f, 0.03f}, 0.025f);  // jaw
    body.ellipsoid(S(porion + glm::vec3(0.012f, 0.006f, -0.008f)), glm::mat3(1.0f), {0.007f, 0.031f, 0.019f}, 0.008f);  // ear
    body.ellipsoid(S(porion + glm::vec3(-0.002f, -0.014f, -0.022f)), glm::mat3(1.0f), {0.014f, 0.022f, 0.02f}, 0.02f);  // mastoid
    body.cone(S(gonion + glm::vec3(0.002f, 0.008f, 0.004f)), S(chin + glm::vec3(0.022f, 0.008f, -0.014f)), 0.019f, 0.018f, 0.02f);  // jaw line
    body.ellipsoid(S(at("skull_orbitale") + glm::vec3(0.014f, -0.012f, -0.008f)), glm::mat3(1.0f), {0.022f, 0.022f, 0.02f}, 0.02f);  // cheek
  }

  // Limbs (left, mirrored): the arm hanging slightly away from the trunk, palm forward.
  const glm::vec3 head = at("hum_head"), elbow = at("hum_elbow"), styloidR = at("radius_styloid"), styloidU = at("ulna_styloid");
  const glm::vec3 wrist = glm::mix(styloidR, styloidU, 0.5f) + glm::vec3(0.0f, 0.0f, 0.002f);
  const glm::vec3 shoulder = head + glm::vec3(0.010f, 0.004f, -0.002f);
  const std::vector<float> armRadii = enclosingRadii(shoulder, elbow, {0.050f, 0.047f, 0.044f, 0.042f, 0.040f, 0.038f}, covered, 0.005f);
  const glm::vec3 palm = glm::mix(wrist, at("hand_mc3_head"), 0.5f) + glm::vec3(0.0f, 0.0f, 0.002f);
  const glm::vec3 palmAxis = glm::normalize(at("hand_mc3_head") - wrist);
  const glm::vec3 palmNormal(0.0f, 0.0f, 1.0f);
  const glm::vec3 palmAcross = glm::normalize(glm::cross(palmAxis, palmNormal));
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    std::vector<glm::vec3> arm;
    for (std::size_t i = 0; i < armRadii.size(); ++i) arm.push_back(S(glm::mix(shoulder, elbow, float(i) / float(armRadii.size() - 1))));
    for (std::size_t i = 0; i + 1 < arm.size(); ++i) body.cone(arm[i], arm[i + 1], armRadii[i], armRadii[i + 1], 0.002f);  // round cones meet without a blend's bulge
    const glm::vec3 forearmMid = glm::mix(elbow, wrist, 0.35f);
    body.flatCapsule(S(elbow), S(forearmMid), 0.040f, {0, 0, 1}, 0.8f, 0.004f);
    body.flatCapsule(S(forearmMid), S(wrist), 0.034f, {0, 0, 1}, 0.68f, 0.004f);
    const glm::mat3 palmFrame(S(palmAcross) * glm::vec3(side, 1.0f, 1.0f), S(palmAxis), palmNormal);
    body.box(S(palm), palmFrame, {0.041f, 0.050f, 0.0135f}, 0.011f, 0.014f);
    for (int d = 2; d <= 5; ++d) {
      const glm::vec3 knuckle = at("hand_mc" + std::to_string(d) + "_head"), tip = at("hand_finger" + std::to_string(d) + "_tip");
      const float r = d == 5 ? 0.0082f : 0.0092f;
      body.cone(S(knuckle - palmAxis * 0.012f), S(tip - glm::normalize(tip - knuckle) * 0.006f), r, r * 0.8f, 0.005f);
    }
    const glm::vec3 thumbBase = wrist + glm::vec3(0.018f, -0.022f, 0.014f);
    body.cone(S(thumbBase), S(at("hand_mc1_head")), 0.016f, 0.0105f, 0.012f);
    body.cone(S(at("hand_mc1_head")), S(at("hand_thumb_tip") - glm::vec3(0.002f, -0.004f, 0.0f)), 0.0105f, 0.0085f, 0.005f);
    // Thigh, below the buttock.
    const glm::vec3 hip = at("femur_head_centre"), mid = at("femur_shaft_mid");
    body.cone(S(hip + glm::vec3(0.012f, 0.02f, -0.005f)), S(glm::mix(hip, mid, 1.25f) + glm::vec3(0.0f, 0.0f, 0.0f)), 0.088f, 0.068f, 0.03f);
  }

  // The relief of the trunk and neck joins the envelope.
  Bounds reliefBox;
  reliefBox.add(glm::vec3(-0.25f, 0.72f, -0.12f));
  reliefBox.add(glm::vec3(0.25f, 1.58f, 0.28f));
  body.add(std::cref(relief), reliefBox, 0.012f, 0.5f);

  PolygonizeOptions o;
  o.cell = 0.0045f / std::max(res, 0.25f);
  o.keepFraction = 0.15f;
  o.maxError = o.cell * 0.5f;
  body.prepare(0.035f);
  Bounds all = body.bounds();
  all.add(all.min - glm::vec3(0.03f));  // blends swell a shape a little beyond its pieces
  all.add(all.max + glm::vec3(0.03f));
  Mesh skin = polygonize("skin", std::cref(body), all, o);
  keepLargestPiece(skin);  // the skin is one surface: no stray bubble where the field runs thin
  skin.color = glm::vec3(0.80f, 0.60f, 0.50f);
  return skin;
}

}  // namespace dorsum::core
