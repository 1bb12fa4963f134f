#include "core/strokes/stroke_glyphs.hpp"

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
constexpr float kPi = 3.14159265358979f;
constexpr float kLift = 0.0015f;  // flat marks float this far over the skin

struct Builder {
  Mesh mesh;
  void vertex(const glm::vec3& p, const glm::vec3& n, const glm::vec4& c) {
    mesh.positions.push_back(p);
    mesh.normals.push_back(n);
    mesh.colors.push_back(c);
  }
  void tri(std::uint32_t a, std::uint32_t b, std::uint32_t c) { mesh.indices.insert(mesh.indices.end(), {a, b, c}); }
  std::uint32_t next() const { return std::uint32_t(mesh.positions.size()); }
  // A flat quad strip: pairs (left, right) of points.
  void strip(const std::vector<glm::vec3>& left, const std::vector<glm::vec3>& right, const std::vector<glm::vec3>& normals,
             const std::vector<glm::vec4>& colors) {
    const std::uint32_t base = next();
    for (std::size_t i = 0; i < left.size(); ++i) {
      vertex(left[i], normals[i], colors[i]);
      vertex(right[i], normals[i], colors[i]);
    }
    for (std::uint32_t i = 0; i + 1 < left.size(); ++i) {
      const std::uint32_t a = base + 2 * i;
      tri(a, a + 1, a + 3);
      tri(a, a + 3, a + 2);
    }
  }
  void flatTriangle(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& n, const glm::vec4& col) {
    const std::uint32_t base = next();
    vertex(a, n, col);
    vertex(b, n, col);
    vertex(c, n, col);
    tri(base, base + 1, base + 2);
  }
  // A half ellipsoid (a dome) standing on a base ellipse: semi-axes ax along `x`, by along `y`,
  // height h along n.
  void dome(const glm::vec3& centre, const glm::vec3& x, const glm::vec3& y, const glm::vec3& n, float ax, float by, float h,
            const glm::vec4& col, bool whole = false) {
    constexpr int seg = 14;
    const int rings = whole ? 8 : 4;
    const std::uint32_t base = next();
    for (int r = 0; r <= rings; ++r) {
      // 0 at the rim, pi/2 at the top (a whole ellipsoid: from -pi/2 at the bottom)
      const float phi = whole ? kPi * (float(r) / float(rings) - 0.5f) : 0.5f * kPi * float(r) / float(rings);
      for (int s = 0; s < seg; ++s) {
        const float th = 2.0f * kPi * float(s) / float(seg);
        const float cx = std::cos(th) * std::cos(phi), cy = std::sin(th) * std::cos(phi), cz = std::sin(phi);
        const glm::vec3 p = centre + x * (ax * cx) + y * (by * cy) + n * (h * cz);
        const glm::vec3 normal = glm::normalize(x * (cx / ax) + y * (cy / by) + n * (cz / h));
        vertex(p, normal, col);
      }
    }
    for (int r = 0; r < rings; ++r)
      for (int s = 0; s < seg; ++s) {
        const std::uint32_t a = base + std::uint32_t(r * seg + s), b = base + std::uint32_t(r * seg + (s + 1) % seg);
        const std::uint32_t c = a + seg, d = b + seg;
        tri(a, b, d);
        tri(a, d, c);
      }
  }
};

glm::vec3 tangentOf(const glm::vec3& v, const glm::vec3& n, const glm::vec3& fallback) {
  const glm::vec3 t = v - n * glm::dot(v, n);
  const float l = glm::length(t);
  if (l > 1e-6f) return t / l;
  const glm::vec3 f = fallback - n * glm::dot(fallback, n);
  return glm::length(f) > 1e-6f ? glm::normalize(f) : glm::normalize(glm::cross(n, glm::vec3(1, 0, 0)));
}

// One part of a glyph: a dome at (x, y) millimetres in the contact's frame (x ahead, y to its
// left), semi-axes a, b, height h, turned by `turn` radians. A limb (the forearm behind an elbow,
// the hand behind a thumb) is a whole ellipsoid raised `lift` mm off the skin and tilted up
// `tilt` radians toward the therapist.
struct Part {
  float x, y, a, b, h, turn = 0.0f, lift = 0.0f, tilt = 0.0f;
};

std::vector<Part> partsOf(Tool tool) {
  switch (tool) {
    case Tool::Palm:
    case Tool::BothPalms:
      return {{0, 0, 42, 38, 11},       {52, -27, 20, 8, 8},  {58, -9, 23, 8, 8}, {56, 9, 22, 8, 8},
              {50, 25, 18, 7, 7},       {8, 42, 20, 9, 8, 0.9f}};
    case Tool::Thumb:
    case Tool::BothThumbs:  // the pad and the thumb, the rest of the hand raised behind it
      return {{0, 0, 12, 9, 9}, {-22, 0, 20, 10, 10}, {-55, -22, 40, 34, 12, 0.3f, 28, 0.45f}};
    case Tool::Fingertips:
      return {{0, -13, 8, 7, 7}, {2, 0, 8, 7, 7}, {0, 13, 8, 7, 7}, {-22, -13, 18, 7, 7}, {-20, 0, 18, 7, 7}, {-22, 13, 18, 7, 7},
              {-60, 0, 40, 34, 12, 0.0f, 22, 0.4f}};
    case Tool::Knuckles:  // four knuckles of a loose fist, its back and the wrist rising behind
      return {{0, -26, 9, 9, 10}, {2, -9, 9, 9, 10}, {2, 9, 9, 9, 10}, {0, 26, 9, 9, 10}, {-24, 0, 24, 38, 15},
              {-75, 0, 55, 24, 20, 0.0f, 40, 0.6f}};
    case Tool::Fist:
      return {{0, 0, 26, 40, 22}, {14, -26, 10, 10, 14}, {17, -9, 10, 10, 14}, {17, 9, 10, 10, 14}, {14, 26, 10, 10, 14},
              {-70, 0, 60, 26, 22, 0.0f, 45, 0.7f}};
    case Tool::Elbow:  // the point of the elbow, the forearm and the upper arm rising from it
      return {{0, 0, 13, 12, 14}, {-60, 0, 60, 22, 20, 0.0f, 40, 0.6f}, {40, 0, 60, 26, 24, 0.0f, 45, -0.7f}};
    case Tool::Forearm: return {{0, 0, 80, 20, 16}, {-95, 0, 40, 30, 12, 0.0f, 25, 0.45f}};
  }
  return {{0, 0, 10, 10, 10}};
}

// How far the glyph sinks into the skin at full pressure (drawn, not measured: the reach says
// what the pressure does).
float sinkOf(Pressure p) { return p == Pressure::Light ? 0.002f : p == Pressure::Medium ? 0.004f : 0.007f; }
}  // namespace

glm::vec3 pressureColor(Pressure p) {
  switch (p) {
    case Pressure::Light: return {0.35f, 0.8f, 1.0f};
    case Pressure::Medium: return {1.0f, 0.72f, 0.2f};
    case Pressure::Deep: return {1.0f, 0.25f, 0.2f};
  }
  return {1, 1, 1};
}

Mesh strokeGlyphs(const RoutineMotion& motion, const StrokeSample& now, const GlyphOptions& o) {
  Builder b;
  b.mesh.name = "stroke glyphs";
  if (now.contacts.empty()) return b.mesh;
  const MassageBody& body = motion.body();
  const float start = motion.strokeStart(now.stroke);
  const ToolShape shape = toolShape(now.tool);
  const float radius = shape.radiusMm * 0.001f;

  // The trail: where each contact has been over the last seconds of this stroke, fading with age.
  const int steps = std::max(2, int(o.trailSeconds / o.trailStep));
  std::vector<StrokeSample> past;
  for (int k = 0; k <= steps; ++k) {
    const float t = now.t - float(k) * o.trailStep;
    if (t < start - 1e-4f) break;
    past.push_back(k == 0 ? now : motion.sample(t, false));
  }
  for (std::size_t c = 0; c < now.contacts.size(); ++c) {
    std::vector<glm::vec3> left, right, normals;
    std::vector<glm::vec4> colors;
    for (std::size_t k = 0; k < past.size(); ++k) {
      if (c >= past[k].contacts.size()) break;
      const Contact& p = past[k].contacts[c];
      // The trail is where this contact went: it ends where the tool changed sides or jumped.
      if (k > 0 && (p.side != past[k - 1].contacts[c].side || glm::length(p.position - past[k - 1].contacts[c].position) > 0.05f)) break;
      const glm::vec3 ahead = k + 1 < past.size() && c < past[k + 1].contacts.size() ? p.position - past[k + 1].contacts[c].position
                                                                                     : p.motion;
      const glm::vec3 t = tangentOf(ahead, p.normal, glm::vec3(0, 1, 0));
      const glm::vec3 side = glm::normalize(glm::cross(p.normal, t));
      const float age = float(k) / float(steps);
      const float w = std::max(0.004f, radius * 0.3f) * (1.0f - 0.6f * age);
      const glm::vec3 at = p.position + p.normal * kLift;
      left.push_back(at + side * w);
      right.push_back(at - side * w);
      normals.push_back(p.normal);
      colors.push_back(glm::vec4(kTrailColor, 0.9f * std::pow(1.0f - age, 1.2f) * (0.45f + 0.55f * std::max(p.pressing, 0.2f))));
    }
    if (left.size() >= 2) b.strip(left, right, normals, colors);
  }

  for (std::size_t c = 0; c < now.contacts.size(); ++c) {
    const Contact& k = now.contacts[c];
    const glm::vec3 n = k.normal;
    const bool holding = glm::dot(k.motion, n) < -0.9f;
    // The glyph faces the way it moves; holding still, it faces up the body; rubbing to and fro
    // across the fibres, it lies along them (the hand does not swing round at each turn).
    const bool friction = now.technique == Technique::CrossFibreFriction && glm::length(now.fibre) > 0.5f;
    const glm::vec3 heading = friction ? now.fibre : holding ? glm::vec3(0, 1, 0) : k.motion;
    const glm::vec3 x = tangentOf(heading, n, glm::vec3(0, 1, 0));
    const glm::vec3 y = glm::normalize(glm::cross(n, x));
    const glm::vec3 pc = pressureColor(now.pressure);

    // The pressure ring on the skin: the contact's size, as strong as it presses.
    if (k.pressing > 0.02f) {
      constexpr int seg = 40;
      std::vector<glm::vec3> inner, outer, normals;
      std::vector<glm::vec4> colors;
      for (int s = 0; s <= seg; ++s) {
        const float th = 2.0f * kPi * float(s) / float(seg);
        const glm::vec3 dir = x * std::cos(th) + y * std::sin(th);
        const glm::vec3 base = k.position + n * kLift;
        inner.push_back(base + dir * (radius * 1.05f));
        outer.push_back(base + dir * (radius * 1.05f + 0.007f));
        normals.push_back(n);
        colors.push_back(glm::vec4(pc, 0.45f + 0.55f * k.pressing));
      }
      b.strip(outer, inner, normals, colors);
    }

    // The glyph: the tool's parts laid on the skin, sunk in by the pressure.
    const float sink = sinkOf(now.pressure) * k.pressing;
    const glm::vec4 glove(glm::mix(glm::vec3(0.85f, 0.88f, 0.95f), pc, 0.25f + 0.45f * k.pressing), 0.95f);
    // Left hands mirror right hands: the thumb lies toward the spine.
    const float mirror = k.side == Side::Left ? -1.0f : 1.0f;
    for (const Part& part : partsOf(now.tool)) {
      const glm::vec3 offset = x * (part.x * 0.001f) + y * (part.y * 0.001f * mirror);
      const ClosestPoint under = body.onSkin(k.position + offset);
      const glm::vec3 pn = under.normal;
      const glm::vec3 px = tangentOf(x * std::cos(part.turn) + y * (std::sin(part.turn) * mirror), pn, x);
      const glm::vec3 py = glm::normalize(glm::cross(pn, px));
      if (part.lift > 0.0f) {  // a limb: tilted up away from the contact (behind it: x < 0)
        const float a = part.x < 0.0f ? part.tilt : -part.tilt;
        const glm::vec3 tx = px * std::cos(a) - pn * std::sin(a), tn = px * std::sin(a) + pn * std::cos(a);
        b.dome(under.point + pn * (part.lift * 0.001f - sink), tx, py, tn, part.a * 0.001f, part.b * 0.001f, part.h * 0.001f, glove, true);
      } else {
        b.dome(under.point - pn * sink, px, py, pn, part.a * 0.001f, part.b * 0.001f, part.h * 0.001f, glove);
      }
    }

    // The way it moves: an arrow ahead of the contact (none while it holds still).
    if (!holding && c == 0) {
      const glm::vec3 base = k.position + n * (kLift * 2.0f);
      const float len = std::max(0.03f, radius * 0.9f);
      const glm::vec3 ax = tangentOf(k.motion, n, x), ay = glm::normalize(glm::cross(n, ax));
      const glm::vec3 from = base + ax * (radius + 0.008f), to = from + ax * len;
      const glm::vec4 ac(kArrowColor, 0.95f);
      const float w = 0.0028f;
      b.strip({from + ay * w, to + ay * w}, {from - ay * w, to - ay * w}, {n, n}, {ac, ac});
      b.flatTriangle(to + ay * 0.009f, to + ax * 0.014f, to - ay * 0.009f, n, ac);
    }
  }

  // Cross-fibre friction and stripping: the fibres under the contact, beside it, both ways.
  const bool showFibres = now.technique == Technique::CrossFibreFriction || now.technique == Technique::Stripping;
  if (showFibres && glm::length(now.fibre) > 0.5f) {
    const Contact& k = now.contacts.front();
    const glm::vec3 n = k.normal;
    const glm::vec3 f = tangentOf(now.fibre, n, glm::vec3(0, 1, 0));
    const glm::vec3 across = glm::normalize(glm::cross(n, f));
    // Beside the contact, on the side away from where it moves across.
    const glm::vec3 centreGuess = k.position + across * (radius + 0.03f);
    const ClosestPoint c = body.onSkin(centreGuess);
    const glm::vec3 cn = c.normal, cf = tangentOf(f, cn, f), ca = glm::normalize(glm::cross(cn, cf));
    const glm::vec3 base = c.point + cn * (kLift * 2.0f);
    const float half = 0.028f, w = 0.0022f;
    const glm::vec4 fc(kFibreColor, 0.95f);
    b.strip({base - cf * half + ca * w, base + cf * half + ca * w}, {base - cf * half - ca * w, base + cf * half - ca * w}, {cn, cn}, {fc, fc});
    b.flatTriangle(base + cf * half + ca * 0.007f, base + cf * (half + 0.011f), base + cf * half - ca * 0.007f, cn, fc);
    b.flatTriangle(base - cf * half - ca * 0.007f, base - cf * (half + 0.011f), base - cf * half + ca * 0.007f, cn, fc);
  }
  return b.mesh;
}

}  // namespace dorsum::core
