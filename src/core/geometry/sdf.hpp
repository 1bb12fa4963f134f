#pragma once
// Signed distance functions (negative inside) for building bones and the skin as implicit shapes:
// primitives (after Quilez's distance functions) and smooth blends. Distances are in metres and
// bounded by the true distance (or close to it), so a polygoniser may skip space far from the
// surface. Header-only: they sit on the hot path of the bake.
#include <glm/glm.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core::sdf {

inline float sphere(const glm::vec3& p, const glm::vec3& c, float r) { return glm::length(p - c) - r; }

// Ellipsoid (Quilez's bound-corrected approximation: exact on the axes, close elsewhere).
inline float ellipsoid(const glm::vec3& p, const glm::vec3& c, const glm::vec3& r) {
  const glm::vec3 q = p - c;
  const float k0 = glm::length(q / r);
  const float k1 = glm::length(q / (r * r));
  return k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, std::min(r.y, r.z));
}

// Ellipsoid with its own axes (columns of `axes`, unit length, orthogonal).
inline float orientedEllipsoid(const glm::vec3& p, const glm::vec3& c, const glm::mat3& axes, const glm::vec3& r) {
  const glm::vec3 q = glm::transpose(axes) * (p - c);
  return ellipsoid(q, glm::vec3(0.0f), r);
}

inline float capsule(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float r) {
  const glm::vec3 pa = p - a, ba = b - a;
  const float d = glm::dot(ba, ba);
  const float h = d > 0.0f ? std::clamp(glm::dot(pa, ba) / d, 0.0f, 1.0f) : 0.0f;
  return glm::length(pa - ba * h) - r;
}

// A capsule whose radius runs from ra at a to rb at b (Quilez's round cone, exact).
inline float roundCone(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float ra, float rb) {
  const glm::vec3 ba = b - a;
  const float l2 = glm::dot(ba, ba);
  if (l2 < 1e-12f) return glm::length(p - a) - std::max(ra, rb);
  const float rr = ra - rb;
  const float a2 = l2 - rr * rr;
  if (a2 <= 0.0f) return ra > rb ? glm::length(p - a) - ra : glm::length(p - b) - rb;  // one sphere holds the other
  const float il2 = 1.0f / l2;
  const glm::vec3 pa = p - a;
  const float y = glm::dot(pa, ba);
  const float z = y - l2;
  const glm::vec3 xv = pa * l2 - ba * y;
  const float x2 = glm::dot(xv, xv);
  const float y2 = y * y * l2;
  const float z2 = z * z * l2;
  const float k = std::copysign(1.0f, rr) * rr * rr * x2;
  if (std::copysign(1.0f, z) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
  if (std::copysign(1.0f, y) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

// A capsule flattened across one direction: the distance is measured in a space squeezed by
// `flat` (< 1) along `axis`, so the section is an ellipse; a slight overestimate off the axes.
inline float flatCapsule(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, float r, const glm::vec3& axis,
                         float flat) {
  const glm::vec3 pa = p - a, ba = b - a;
  const float d = glm::dot(ba, ba);
  const float h = d > 0.0f ? std::clamp(glm::dot(pa, ba) / d, 0.0f, 1.0f) : 0.0f;
  glm::vec3 q = pa - ba * h;
  const float along = glm::dot(q, axis);
  q += axis * (along / flat - along);
  return (glm::length(q) - r) * flat;
}

inline float box(const glm::vec3& p, const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round) {
  const glm::vec3 q = glm::abs(glm::transpose(axes) * (p - c)) - (half - glm::vec3(round));
  return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - round;
}

// Signed distance to the plane through c with unit normal n (positive on the normal's side).
inline float plane(const glm::vec3& p, const glm::vec3& c, const glm::vec3& n) { return glm::dot(p - c, n); }

// Polynomial smooth minimum: blends two shapes over a band of width k (metres); never above min.
inline float smin(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  const float h = std::max(k - std::abs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}
inline float smax(float a, float b, float k) { return -smin(-a, -b, k); }

// A superellipse section |x/a|^n + |z/b|^n = 1 as an approximate signed distance (scaled so that
// it is exact on the axes): trunk and limb cross-sections.
inline float superellipse(float x, float z, float a, float b, float n) {
  const float ax = std::abs(x) / a, az = std::abs(z) / b;
  const float r = std::pow(std::pow(ax, n) + std::pow(az, n), 1.0f / n);
  // r is 1 on the curve; scale the level by the local radius so the value is roughly metres.
  const float len = std::sqrt(x * x + z * z);
  return r > 1e-6f ? (r - 1.0f) * len / r : -std::min(a, b);
}

}  // namespace dorsum::core::sdf
