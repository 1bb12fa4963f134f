#include "core/anatomy/skin_builder.hpp"

#include "core/primitives.hpp"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
constexpr float kTop = 1.60f, kBottom = 0.80f;  // the trunk piece: under the skull to the buttocks
constexpr float kMargin = 0.004f;               // skin and fat over the outermost structure

// The default outline of the trunk at height y: half-width and half-depth, before shrink-wrap.
glm::vec2 outline(float y) {
  // Keyframes (height, half-width, half-depth) of an adult of 1.75 m (Drillis & Contini proportions).
  static const float keys[][3] = {{0.80f, 0.150f, 0.100f}, {0.90f, 0.175f, 0.115f}, {1.00f, 0.165f, 0.105f},
                                  {1.10f, 0.145f, 0.100f}, {1.22f, 0.150f, 0.110f}, {1.34f, 0.165f, 0.115f},
                                  {1.40f, 0.172f, 0.105f}, {1.45f, 0.145f, 0.090f}, {1.49f, 0.095f, 0.070f},
                                  {1.53f, 0.062f, 0.060f}, {1.60f, 0.055f, 0.058f}};
  const int n = sizeof(keys) / sizeof(keys[0]);
  if (y <= keys[0][0]) return {keys[0][1], keys[0][2]};
  for (int i = 0; i + 1 < n; ++i)
    if (y <= keys[i + 1][0]) {
      const float t = glm::smoothstep(keys[i][0], keys[i + 1][0], y);
      return {glm::mix(keys[i][1], keys[i + 1][1], t), glm::mix(keys[i][2], keys[i + 1][2], t)};
    }
  return {keys[n - 1][1], keys[n - 1][2]};
}
}  // namespace

Mesh buildSkin(const BodyFrame& frame, const std::vector<const Mesh*>& inside, float res) {
  const int rings = std::max(24, int(std::round(80 * res)));
  const int segments = std::max(24, int(std::round(72 * res)));
  auto centreZ = [&](float y) {
    // The trunk's centre: the spine's core above the pelvis, the pelvis's centre below.
    return std::min(frame.coreCentreZ(std::max(y, 0.95f)), 0.02f) * 0.8f;
  };
  // Radius the skin must reach in each (ring, angle) bin to cover what lies inside.
  std::vector<float> need(std::size_t(rings + 1) * segments, 0.0f);
  for (const Mesh* m : inside)
    for (const auto& p : m->positions) {
      if (p.y < kBottom - 0.02f || p.y > kTop + 0.02f) continue;
      const float cz = centreZ(p.y);
      const float r = std::sqrt(p.x * p.x + (p.z - cz) * (p.z - cz)) + kMargin;
      const float a = std::atan2(p.z - cz, p.x);
      const int ring = std::clamp(int(std::round((p.y - kBottom) / (kTop - kBottom) * rings)), 0, rings);
      const int seg = (int(std::floor((a + glm::pi<float>()) / glm::two_pi<float>() * segments)) % segments + segments) %
                      segments;
      // Spread each point over neighbouring bins so the wrap has no notches between samples.
      for (int dr = -1; dr <= 1; ++dr)
        for (int ds = -1; ds <= 1; ++ds) {
          const int rr = ring + dr;
          if (rr < 0 || rr > rings) continue;
          const int ss = (seg + ds + segments) % segments;
          float& slot = need[std::size_t(rr) * segments + ss];
          slot = std::max(slot, r);
        }
    }
  // The default outline, then the wrap, then smoothing that never shrinks below what is needed.
  std::vector<float> radius(need.size());
  for (int r = 0; r <= rings; ++r) {
    const float y = kBottom + (kTop - kBottom) * float(r) / float(rings);
    const glm::vec2 half = outline(y);
    for (int s = 0; s < segments; ++s) {
      const float a = -glm::pi<float>() + glm::two_pi<float>() * (float(s) + 0.5f) / float(segments);
      const float c = std::cos(a), sn = std::sin(a);
      const float e = 2.0f / 2.4f;
      const float ex = half.x * std::pow(std::abs(c), e), ez = half.y * std::pow(std::abs(sn), e);
      const float base = std::sqrt(ex * ex + ez * ez);
      radius[std::size_t(r) * segments + s] = std::max(base, need[std::size_t(r) * segments + s]);
    }
  }
  for (int pass = 0; pass < 6; ++pass) {
    std::vector<float> next = radius;
    for (int r = 0; r <= rings; ++r)
      for (int s = 0; s < segments; ++s) {
        float sum = 0.0f;
        int count = 0;
        for (auto [dr, ds] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
          const int rr = r + dr;
          if (rr < 0 || rr > rings) continue;
          sum += radius[std::size_t(rr) * segments + (s + ds + segments) % segments];
          ++count;
        }
        const std::size_t k = std::size_t(r) * segments + s;
        next[k] = std::max(need[k], 0.5f * radius[k] + 0.5f * sum / float(count));
      }
    radius.swap(next);
  }
  Mesh skin = makeLoft(
      "skin",
      [&](float v, float angle) {
        const int r = std::clamp(int(std::round(v * rings)), 0, rings);
        const float y = kBottom + (kTop - kBottom) * v;
        // makeLoft's angle runs 0..2pi; the bins run from -pi.
        float a = angle;
        if (a > glm::pi<float>()) a -= glm::two_pi<float>();
        const float f = (a + glm::pi<float>()) / glm::two_pi<float>() * float(segments) - 0.5f;
        const int s0 = (int(std::floor(f)) % segments + segments) % segments;
        const int s1 = (s0 + 1) % segments;
        const float t = f - std::floor(f);
        const float rad = glm::mix(radius[std::size_t(r) * segments + s0], radius[std::size_t(r) * segments + s1], t);
        const float cz = centreZ(y);
        return glm::vec3(std::cos(a) * rad, y, cz + std::sin(a) * rad);
      },
      rings, segments);
  const int q = std::max(8, int(std::round(24 * res)));
  // Head: over the skull and jaw.
  appendMesh(skin, makeEllipsoid("skin", {0.0f, 1.69f, -0.01f}, {0.082f, 0.12f, 0.112f}, q, q + 8));
  // The nape, where the neck meets the occiput over the upper trapezius and splenius.
  appendMesh(skin, makeEllipsoid("skin", {0.0f, 1.61f, -0.045f}, {0.075f, 0.05f, 0.075f}, q / 2 + 4, q));
  appendMesh(skin, makeEllipsoid("skin", {0.0f, 1.608f, 0.055f}, {0.056f, 0.04f, 0.058f}, q / 2 + 4, q));
  for (float side : {1.0f, -1.0f}) {
    // Arm hanging at the side, palm forward (anatomical position); hand and fingers as one mitt.
    const glm::vec3 shoulder(side * 0.18f, 1.42f, -0.012f), elbow(side * 0.205f, 1.095f, -0.024f),
        wrist(side * 0.222f, 0.845f, 0.0f);
    appendMesh(skin, makeTube("skin", {shoulder, glm::mix(shoulder, elbow, 0.5f), elbow, wrist},
                              {0.054f, 0.046f, 0.044f, 0.028f}, 6, q));
    appendMesh(skin, makeEllipsoid("skin", {side * 0.228f, 0.765f, 0.004f}, {0.045f, 0.09f, 0.018f}, q / 2 + 4, q));
    appendMesh(skin, makeEllipsoid("skin", {side * 0.2f, 0.80f, 0.02f}, {0.012f, 0.035f, 0.014f}, 8, 12));  // thumb
    // Upper thigh below the buttock.
    appendMesh(skin, makeTube("skin", {{side * 0.085f, 0.90f, -0.005f}, {side * 0.095f, 0.72f, 0.0f}, {side * 0.1f, 0.56f, 0.01f}},
                              {0.085f, 0.075f, 0.062f}, 6, q));
  }
  skin.color = glm::vec3(0.80f, 0.60f, 0.50f);
  return skin;
}

}  // namespace dorsum::core
