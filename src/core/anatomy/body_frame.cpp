#include "core/anatomy/body_frame.hpp"

#include "core/error.hpp"
#include "core/primitives.hpp"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {

// Body half-sizes (width, height, depth) by region, top and bottom of the region: cervical 17-21 mm
// wide, thoracic 27-40 mm, lumbar 42-50 mm; depths 15-34 mm (Busscher et al. 2010; Panjabi 1991-92).
glm::vec3 bodyHalfSize(char region, int n) {
  switch (region) {
    case 'c': return glm::mix(glm::vec3(0.0085f, 0.0065f, 0.0075f), glm::vec3(0.0105f, 0.0070f, 0.0080f), float(n - 2) / 5.0f);
    case 't': return glm::mix(glm::vec3(0.0135f, 0.0085f, 0.0085f), glm::vec3(0.0200f, 0.0115f, 0.0145f), float(n - 1) / 11.0f);
    default: return glm::mix(glm::vec3(0.0210f, 0.0125f, 0.0160f), glm::vec3(0.0250f, 0.0130f, 0.0170f), float(n - 1) / 4.0f);
  }
}

// How far in front of the transverse process tips the body's centre lies: cervical transverse
// processes spring from the side of the body, thoracic ones from behind the pedicles.
float bodyDepthOffset(char region, int n) {
  if (region == 'c') return 0.010f;
  if (region == 'l') return 0.025f;
  return n == 1 ? 0.022f : n == 2 ? 0.025f : n == 3 ? 0.028f : 0.030f;
}

}  // namespace

BodyFrame::BodyFrame(const Atlas& atlas) : atlas_(atlas) {
  static const char* names[] = {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "t1", "t2", "t3", "t4", "t5",
                                "t6", "t7", "t8", "t9", "t10", "t11", "t12", "l1", "l2", "l3", "l4", "l5"};
  for (const char* v : names) {
    const std::string id = v;
    const Landmark* sp = atlas.landmark(id == "c1" ? "c1_pt" : id + "_sp");
    const Landmark* tp = atlas.landmark(id + "_tp");
    if (!sp || !tp) continue;
    SpineLevel level;
    level.vertebra = id;
    level.spinous = sp->position;
    level.transverse = tp->position;
    const char region = id[0];
    const int n = level.number();
    level.bodyHalf = id == "c1" ? glm::vec3(0.010f, 0.005f, 0.004f) : bodyHalfSize(region, std::max(n, 1));
    const float drop = region == 't' ? 0.004f : region == 'l' ? 0.003f : 0.002f;
    level.body = glm::vec3(0.0f, tp->position.y - drop, tp->position.z + (id == "c1" ? 0.016f : bodyDepthOffset(region, n)));
    levels_.push_back(level);
  }
  std::stable_sort(levels_.begin(), levels_.end(), [](const SpineLevel& a, const SpineLevel& b) { return a.body.y > b.body.y; });
  // Bodies never overlap: at most 72% of the spacing to the neighbours is bone (the rest is disc).
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    float gap = 1.0f;
    if (i > 0) gap = std::min(gap, levels_[i - 1].body.y - levels_[i].body.y);
    if (i + 1 < levels_.size()) gap = std::min(gap, levels_[i].body.y - levels_[i + 1].body.y);
    levels_[i].bodyHalf.y = std::min(levels_[i].bodyHalf.y, 0.36f * gap);
  }
}

const SpineLevel* BodyFrame::level(const std::string& vertebra) const {
  for (const auto& l : levels_)
    if (l.vertebra == vertebra) return &l;
  return nullptr;
}

namespace {

// A closed ring through left-side control points (posterior midline first, anterior midline last),
// mirrored to the right, resampled to `count` points evenly by arc length.
std::vector<glm::vec3> ring(const std::vector<glm::vec3>& left, int count) {
  std::vector<glm::vec3> loop = left;
  for (int i = int(left.size()) - 2; i >= 1; --i) loop.push_back({-left[i].x, left[i].y, left[i].z});
  // Catmull-Rom through the closed loop, densely, then even arc-length samples.
  std::vector<glm::vec3> dense;
  const int n = int(loop.size());
  for (int i = 0; i < n; ++i) {
    const glm::vec3 &p0 = loop[(i - 1 + n) % n], &p1 = loop[i], &p2 = loop[(i + 1) % n], &p3 = loop[(i + 2) % n];
    for (int s = 0; s < 12; ++s) {
      const float t = float(s) / 12.0f, t2 = t * t, t3 = t2 * t;
      dense.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                              (3.0f * p1 - p0 - 3.0f * p2 + p3) * t3));
    }
  }
  std::vector<float> along(dense.size() + 1, 0.0f);
  for (std::size_t i = 0; i < dense.size(); ++i) along[i + 1] = along[i] + glm::length(dense[(i + 1) % dense.size()] - dense[i]);
  std::vector<glm::vec3> out;
  std::size_t k = 0;
  for (int s = 0; s < count; ++s) {
    const float target = along.back() * float(s) / float(count);
    while (k + 1 < along.size() && along[k + 1] < target) ++k;
    const float seg = along[k + 1] - along[k];
    out.push_back(glm::mix(dense[k], dense[(k + 1) % dense.size()], seg > 0 ? (target - along[k]) / seg : 0.0f));
  }
  return out;
}

}  // namespace

Mesh BodyFrame::deepCore(float resolution) const {
  auto at = [&](const std::string& id) -> glm::vec3 {
    const Landmark* l = atlas_.landmark(id);
    if (!l) throw UserError("The body's core needs the landmark '" + id + "', which the atlas does not have.");
    return l->position;
  };
  auto has = [&](const std::string& id) { return atlas_.landmark(id) != nullptr; };
  // Rings from the top of the neck to the pelvis, each from the posterior midline round the left
  // side to the anterior midline. The posterior part runs just in front of the laminae and the
  // transverse processes (which stand out of it), then along the ribs' centre lines.
  std::vector<std::vector<glm::vec3>> rings;
  for (const SpineLevel& l : levels_) {
    const glm::vec3 tp = l.transverse;
    const float back = tp.z + (l.region() == 'c' ? -0.006f : 0.006f);
    std::vector<glm::vec3> pts = {{0.0f, tp.y, back + 0.004f}, {0.012f, tp.y, back}, {tp.x - 0.004f, tp.y, back}};
    const int n = l.number();
    const std::string rib = "rib" + std::to_string(n);
    if (l.region() == 'c') {
      const glm::vec3 b = l.body;
      pts.push_back({tp.x + 0.010f, tp.y, tp.z + 0.020f});
      pts.push_back({0.040f, tp.y, b.z + 0.035f});
      pts.push_back({0.0f, tp.y, b.z + 0.050f});
    } else if (l.region() == 't' && has(rib + "_angle")) {
      // The ribs lie just inside the core's surface: the intercostal muscles and serratus anterior
      // (not modelled) cover them, so sheets drape over the cage rather than between its bars.
      std::vector<glm::vec3> ribPts = {at(rib + "_angle")};
      for (const char* part : {"_posterolateral", "_axillary", "_anterolateral", "_anterior", "_tip"})
        if (has(rib + part)) ribPts.push_back(at(rib + part));
      if (n == 12 && has("rib12_lat")) ribPts.push_back(at("rib12_lat"));
      const float zc = l.body.z + 0.06f;
      for (auto p : ribPts) {
        const glm::vec3 away = glm::normalize(glm::vec3(p.x, 0.0f, p.z - zc));
        pts.push_back(p + away * 0.0055f);
      }
      const glm::vec3 last = pts.back();
      if (n <= 7 && has("sternum_angle")) {
        pts.push_back({0.016f, last.y, last.z + 0.004f});
        pts.push_back({0.0f, last.y, last.z + 0.006f});
      } else {
        // Below the sternum the costal margin and the abdominal wall close the ring in front.
        pts.push_back({last.x * 0.6f, last.y, last.z + 0.03f});
        pts.push_back({0.0f, last.y, last.z + 0.04f});
      }
    } else {
      // Lumbar: the posterior abdominal wall lateral to the transverse processes, then round.
      pts.push_back({tp.x + 0.045f, tp.y, back + 0.006f});
      pts.push_back({tp.x + 0.075f, tp.y, back + 0.045f});
      pts.push_back({tp.x + 0.070f, tp.y, back + 0.110f});
      pts.push_back({0.0f, tp.y, back + 0.150f});
    }
    rings.push_back(std::move(pts));
  }
  if (rings.empty()) return {};
  const int count = std::max(24, int(std::round(56 * resolution)));
  std::vector<std::vector<glm::vec3>> sampled;
  for (const auto& r : rings) sampled.push_back(ring(r, count));
  // Close the top and bottom a little beyond the last rings.
  const int rows = int(sampled.size());
  return makeLoft(
      "deep_core",
      [&](float v, float angle) {
        const float f = (1.0f - v) * float(rows - 1);  // v = 0 at the bottom ring
        const int i = std::clamp(int(std::floor(f)), 0, rows - 2);
        const float t = f - float(i);
        const float a = angle / glm::two_pi<float>() * float(count);
        const int s0 = int(std::floor(a)) % count, s1 = (s0 + 1) % count;
        const float u = a - std::floor(a);
        const glm::vec3 p0 = glm::mix(sampled[i][s0], sampled[i][s1], u);
        const glm::vec3 p1 = glm::mix(sampled[i + 1][s0], sampled[i + 1][s1], u);
        return glm::mix(p0, p1, t);
      },
      std::max(12, int(std::round(float(rows - 1) * 3.0f * resolution))), count);
}

}  // namespace dorsum::core
