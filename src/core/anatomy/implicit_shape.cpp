#include "core/anatomy/implicit_shape.hpp"

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
float boxDistance(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi) {
  return glm::length(glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f)));
}
Bounds around(std::initializer_list<glm::vec3> points, float grow) {
  Bounds b;
  for (const auto& p : points) {
    b.add(p - glm::vec3(grow));
    b.add(p + glm::vec3(grow));
  }
  return b;
}
}  // namespace

glm::mat3 frameAround(const glm::vec3& w) {
  const glm::vec3 n = glm::normalize(w);
  const glm::vec3 helper = std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  const glm::vec3 u = glm::normalize(glm::cross(helper, n));
  return glm::mat3(u, glm::cross(n, u), n);
}

float polygonDistance(const std::vector<glm::vec2>& v, const glm::vec2& p) {
  if (v.size() < 3) return 1e3f;
  float d = glm::dot(p - v[0], p - v[0]);
  float s = 1.0f;
  for (std::size_t i = 0, j = v.size() - 1; i < v.size(); j = i, ++i) {
    const glm::vec2 e = v[j] - v[i];
    const glm::vec2 w = p - v[i];
    const glm::vec2 b = w - e * std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
    d = std::min(d, glm::dot(b, b));
    const bool c0 = p.y >= v[i].y, c1 = p.y < v[j].y, c2 = e.x * w.y > e.y * w.x;
    if ((c0 && c1 && c2) || (!c0 && !c1 && !c2)) s = -s;
  }
  return s * std::sqrt(d);
}

Plate Plate::through(const std::vector<glm::vec3>& points, const glm::vec3& facing, float halfThickness) {
  Plate plate;
  plate.halfThickness = halfThickness;
  glm::vec3 centroid(0.0f), normal(0.0f);
  for (std::size_t i = 0; i < points.size(); ++i) {
    centroid += points[i];
    // Newell's method: the area-weighted normal of the polygon.
    const glm::vec3& a = points[i];
    const glm::vec3& b = points[(i + 1) % points.size()];
    normal += glm::vec3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), (a.x - b.x) * (a.y + b.y));
  }
  centroid /= float(points.size());
  if (glm::length(normal) < 1e-9f) normal = facing;
  normal = glm::normalize(normal);
  if (glm::dot(normal, facing) < 0.0f) normal = -normal;
  const glm::mat3 f = frameAround(normal);
  plate.u = f[0];
  plate.v = f[1];
  plate.w = f[2];
  plate.origin = centroid;
  for (const auto& p : points) plate.outline.emplace_back(glm::dot(p - centroid, plate.u), glm::dot(p - centroid, plate.v));
  return plate;
}

float Plate::distance(const glm::vec3& p) const {
  const glm::vec3 q = p - origin;
  const glm::vec2 uv(glm::dot(q, u), glm::dot(q, v));
  const glm::vec2 c = uv - centre;
  const float mid = bendU * c.x * c.x + bendV * c.y * c.y;
  const float r = std::min(round, halfThickness * 0.9f);
  const float across = std::abs(glm::dot(q, w) - mid) - (halfThickness - r);
  const float inPlane = polygonDistance(outline, uv) + r;
  // Extrusion of the outline (Quilez), with rounded edges.
  return std::min(std::max(inPlane, across), 0.0f) + glm::length(glm::max(glm::vec2(inPlane, across), glm::vec2(0.0f))) - r;
}

Bounds Plate::bounds() const {
  Bounds b;
  float bend = 0.0f;
  for (const auto& o : outline) {
    const glm::vec2 c = o - centre;
    bend = std::max(bend, std::abs(bendU * c.x * c.x + bendV * c.y * c.y));
  }
  const float t = halfThickness + bend;
  for (const auto& o : outline)
    for (float s : {-1.0f, 1.0f}) b.add(origin + u * o.x + v * o.y + w * (s * t));
  return b;
}

void ImplicitShape::add(Field f, const Bounds& b, float blend) {
  pieces_.push_back({std::move(f), b.min - glm::vec3(blend), b.max + glm::vec3(blend), blend, false});
  bounds_.add(b);
}

void ImplicitShape::cut(Field f, const Bounds& b, float blend) {
  pieces_.push_back({std::move(f), b.min - glm::vec3(blend), b.max + glm::vec3(blend), blend, true});
}

void ImplicitShape::sphere(const glm::vec3& c, float r, float blend) {
  add([=](const glm::vec3& p) { return sdf::sphere(p, c, r); }, around({c}, r), blend);
}

void ImplicitShape::ellipsoid(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& radii, float blend) {
  const float reach = std::max(radii.x, std::max(radii.y, radii.z));
  add([=](const glm::vec3& p) { return sdf::orientedEllipsoid(p, c, axes, radii); }, around({c}, reach), blend);
}

void ImplicitShape::cone(const glm::vec3& a, const glm::vec3& b, float ra, float rb, float blend) {
  Bounds box = around({a}, ra);
  box.add(around({b}, rb));
  add([=](const glm::vec3& p) { return sdf::roundCone(p, a, b, ra, rb); }, box, blend);
}

void ImplicitShape::chain(const std::vector<glm::vec3>& points, const std::vector<float>& radii, float blend) {
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    cone(points[i], points[i + 1], radii[std::min(i, radii.size() - 1)], radii[std::min(i + 1, radii.size() - 1)], blend);
}

void ImplicitShape::flatCapsule(const glm::vec3& a, const glm::vec3& b, float r, const glm::vec3& flatAxis, float flat,
                                float blend) {
  const glm::vec3 axis = glm::normalize(flatAxis);
  add([=](const glm::vec3& p) { return sdf::flatCapsule(p, a, b, r, axis, flat); }, around({a, b}, r), blend);
}

void ImplicitShape::box(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend) {
  const glm::vec3 reach = glm::abs(axes[0]) * half.x + glm::abs(axes[1]) * half.y + glm::abs(axes[2]) * half.z;
  Bounds b;
  b.add(c - reach);
  b.add(c + reach);
  add([=](const glm::vec3& p) { return sdf::box(p, c, axes, half, round); }, b, blend);
}

void ImplicitShape::disc(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend) {
  const glm::vec3 reach = glm::abs(axes[0]) * half.x + glm::abs(axes[1]) * half.y + glm::abs(axes[2]) * half.z;
  Bounds b;
  b.add(c - reach);
  b.add(c + reach);
  add(
      [=](const glm::vec3& p) {
        const glm::vec3 q = glm::transpose(axes) * (p - c);
        const float r = std::min(round, 0.9f * std::min(half.y, std::min(half.x, half.z)));
        // Elliptic section (Quilez's bound-corrected ellipse distance).
        const glm::vec2 e(half.x - r, half.z - r), xz(q.x, q.z);
        const float k0 = glm::length(xz / e), k1 = glm::length(xz / (e * e));
        const float section = k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(e.x, e.y);
        const float height = std::abs(q.y) - (half.y - r);
        return std::min(std::max(section, height), 0.0f) + glm::length(glm::max(glm::vec2(section, height), glm::vec2(0.0f))) - r;
      },
      b, blend);
}

void ImplicitShape::plate(const Plate& plate, float blend) {
  add([plate](const glm::vec3& p) { return plate.distance(p); }, plate.bounds(), blend);
}

void ImplicitShape::sheet(const std::vector<glm::vec3>& a, const std::vector<glm::vec3>& b, float halfThickness,
                          float blend) {
  for (std::size_t i = 0; i + 1 < std::min(a.size(), b.size()); ++i) {
    const glm::vec3 facing = glm::cross(a[i + 1] - a[i], b[i] - a[i]);
    for (const auto& tri : {std::vector<glm::vec3>{a[i], a[i + 1], b[i + 1]}, std::vector<glm::vec3>{a[i], b[i + 1], b[i]}}) {
      if (glm::length(glm::cross(tri[1] - tri[0], tri[2] - tri[0])) < 1e-8f) continue;
      Plate p = Plate::through(tri, facing, halfThickness);
      p.round = halfThickness * 0.8f;
      plate(p, blend);
    }
  }
}

void ImplicitShape::cutSphere(const glm::vec3& c, float r, float blend) {
  cut([=](const glm::vec3& p) { return sdf::sphere(p, c, r); }, around({c}, r), blend);
}

void ImplicitShape::cutCapsule(const glm::vec3& a, const glm::vec3& b, float r, float blend) {
  cut([=](const glm::vec3& p) { return sdf::capsule(p, a, b, r); }, around({a, b}, r), blend);
}

float ImplicitShape::operator()(const glm::vec3& p) const {
  float d = 1e3f;
  for (const Piece& piece : pieces_) {
    const float reach = boxDistance(p, piece.min, piece.max);
    // Outside a piece's grown bounds its field is at least `reach + blend`, so it cannot change d
    // when it is farther than d (an addition) or than -d (a cut).
    if (!piece.subtract) {
      if (reach > 0.0f && reach >= d) continue;
      d = sdf::smin(d, piece.field(p), piece.blend);
    } else {
      if (reach > 0.0f && reach >= -d) continue;
      d = sdf::smax(d, -piece.field(p), piece.blend);
    }
  }
  return d;
}

}  // namespace dorsum::core
