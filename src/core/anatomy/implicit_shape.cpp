#include "core/anatomy/implicit_shape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

void ImplicitShape::push(Piece piece, const Bounds& b) {
  const float grow = piece.blend / piece.scale;
  piece.min = b.min - glm::vec3(grow);
  piece.max = b.max + glm::vec3(grow);
  if (!piece.subtract) {
    bounds_.add(b);
    lowering_ = std::max(lowering_, 0.25f * piece.blend);
  }
  scale_ = std::min(scale_, piece.scale);
  pieces_.push_back(std::move(piece));
}

void ImplicitShape::add(Field f, const Bounds& b, float blend, float scale) {
  Piece piece;
  piece.field = std::move(f);
  piece.blend = blend;
  piece.scale = scale;
  push(std::move(piece), b);
}

void ImplicitShape::cut(Field f, const Bounds& b, float blend, float scale) {
  Piece piece;
  piece.field = std::move(f);
  piece.blend = blend;
  piece.scale = scale;
  piece.subtract = true;
  push(std::move(piece), b);
}

void ImplicitShape::addShape(const ImplicitShape& shape, float offset, float blend) {
  // Outside its bounds the shape's field is at least scale * distance - lowering; the offset moves
  // its surface out by `offset`.
  Bounds b = shape.bounds();
  const float margin = offset + shape.lowering() / shape.scale();
  b.add(b.min - glm::vec3(margin));
  b.add(b.max + glm::vec3(margin));
  ImplicitShape prepared = shape;
  prepared.prepare(0.03f);
  add([prepared, offset](const glm::vec3& p) { return prepared(p) - offset; }, b, blend, shape.scale());
}

void ImplicitShape::sphere(const glm::vec3& c, float r, float blend) {
  Piece piece;
  piece.kind = Kind::Sphere;
  piece.a = c;
  piece.ra = r;
  piece.blend = blend;
  push(std::move(piece), around({c}, r));
}

void ImplicitShape::ellipsoid(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& radii, float blend) {
  const float reach = std::max(radii.x, std::max(radii.y, radii.z));
  const float least = std::min(radii.x, std::min(radii.y, radii.z));
  Piece piece;
  piece.kind = Kind::Ellipsoid;
  piece.a = c;
  piece.axes = glm::transpose(axes);  // world to local
  piece.r = radii;
  piece.blend = blend;
  piece.scale = least / reach;
  push(std::move(piece), around({c}, reach));
}

void ImplicitShape::cone(const glm::vec3& a, const glm::vec3& b, float ra, float rb, float blend) {
  Bounds box = around({a}, ra);
  box.add(around({b}, rb));
  Piece piece;
  piece.kind = Kind::Cone;
  piece.a = a;
  piece.b = b;
  piece.ra = ra;
  piece.rb = rb;
  piece.blend = blend;
  push(std::move(piece), box);
}

void ImplicitShape::chain(const std::vector<glm::vec3>& points, const std::vector<float>& radii, float blend) {
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    cone(points[i], points[i + 1], radii[std::min(i, radii.size() - 1)], radii[std::min(i + 1, radii.size() - 1)], blend);
}

void ImplicitShape::flatCapsule(const glm::vec3& a, const glm::vec3& b, float r, const glm::vec3& flatAxis, float flat,
                                float blend) {
  Piece piece;
  piece.kind = Kind::FlatCapsule;
  piece.a = a;
  piece.b = b;
  piece.r = glm::normalize(flatAxis);
  piece.ra = r;
  piece.flat = flat;
  piece.blend = blend;
  piece.scale = flat;
  push(std::move(piece), around({a, b}, r));
}

void ImplicitShape::box(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend) {
  const glm::vec3 reach = glm::abs(axes[0]) * half.x + glm::abs(axes[1]) * half.y + glm::abs(axes[2]) * half.z;
  Bounds b;
  b.add(c - reach);
  b.add(c + reach);
  Piece piece;
  piece.kind = Kind::Box;
  piece.a = c;
  piece.axes = axes;
  piece.r = half;
  piece.round = round;
  piece.blend = blend;
  push(std::move(piece), b);
}

void ImplicitShape::disc(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend) {
  const glm::vec3 reach = glm::abs(axes[0]) * half.x + glm::abs(axes[1]) * half.y + glm::abs(axes[2]) * half.z;
  Bounds b;
  b.add(c - reach);
  b.add(c + reach);
  Piece piece;
  piece.kind = Kind::Disc;
  piece.a = c;
  piece.axes = glm::transpose(axes);
  piece.r = half;
  piece.round = std::min(round, 0.9f * std::min(half.y, std::min(half.x, half.z)));
  piece.blend = blend;
  push(std::move(piece), b);
}

void ImplicitShape::plate(const Plate& plate, float blend) {
  Piece piece;
  piece.kind = Kind::Plate;
  piece.plate = std::uint32_t(plates_.size());
  plates_.push_back(plate);
  piece.blend = blend;
  push(std::move(piece), plate.bounds());
}

float ImplicitShape::value(const Piece& piece, const glm::vec3& p) const {
  switch (piece.kind) {
    case Kind::Sphere: return sdf::sphere(p, piece.a, piece.ra);
    case Kind::Ellipsoid: return sdf::ellipsoid(piece.axes * (p - piece.a), glm::vec3(0.0f), piece.r);
    case Kind::Cone: return sdf::roundCone(p, piece.a, piece.b, piece.ra, piece.rb);
    case Kind::FlatCapsule: return sdf::flatCapsule(p, piece.a, piece.b, piece.ra, piece.r, piece.flat);
    case Kind::Box: return sdf::box(p, piece.a, piece.axes, piece.r, piece.round);
    case Kind::Disc: {
      const glm::vec3 q = piece.axes * (p - piece.a);
      const float r = piece.round;
      // Elliptic section (Quilez's bound-corrected ellipse distance), extruded.
      const glm::vec2 e(piece.r.x - r, piece.r.z - r), xz(q.x, q.z);
      const float k0 = glm::length(xz / e), k1 = glm::length(xz / (e * e));
      const float section = k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(e.x, e.y);
      const float height = std::abs(q.y) - (piece.r.y - r);
      return std::min(std::max(section, height), 0.0f) + glm::length(glm::max(glm::vec2(section, height), glm::vec2(0.0f))) - r;
    }
    case Kind::Plate: return plates_[piece.plate].distance(p);
    case Kind::Custom: break;
  }
  return piece.field(p);
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
  Piece piece;
  piece.kind = Kind::Sphere;
  piece.a = c;
  piece.ra = r;
  piece.blend = blend;
  piece.subtract = true;
  push(std::move(piece), around({c}, r));
}

void ImplicitShape::cutCapsule(const glm::vec3& a, const glm::vec3& b, float r, float blend) {
  Piece piece;
  piece.kind = Kind::Cone;
  piece.a = a;
  piece.b = b;
  piece.ra = piece.rb = r;
  piece.blend = blend;
  piece.subtract = true;
  push(std::move(piece), around({a, b}, r));
}

void ImplicitShape::prepare(float margin) {
  Bounds all;
  for (const auto& piece : pieces_) {
    all.add(piece.min);
    all.add(piece.max);
  }
  binStart_.clear();
  binPieces_.clear();
  binFloor_.clear();
  binCutFloor_.clear();
  if (all.empty() || pieces_.size() < 8) {
    bins_ = glm::ivec3(0);
    return;
  }
  const glm::vec3 extent = all.max - all.min;
  const float target = std::max(0.01f, std::cbrt(extent.x * extent.y * extent.z / 4096.0f));  // about 16^3 bins
  bins_ = glm::clamp(glm::ivec3(glm::ceil(extent / target)), glm::ivec3(1), glm::ivec3(40));
  binOrigin_ = all.min;
  binSize_ = extent / glm::vec3(bins_);
  for (int k = 0; k < bins_.z; ++k)
    for (int j = 0; j < bins_.y; ++j)
      for (int i = 0; i < bins_.x; ++i) {
        const glm::vec3 lo = binOrigin_ + glm::vec3(i, j, k) * binSize_, hi = lo + binSize_;
        binStart_.push_back(std::uint32_t(binPieces_.size()));
        float floor = 1e3f, cutFloor = 1e3f;
        for (std::size_t n = 0; n < pieces_.size(); ++n) {
          const Piece& piece = pieces_[n];
          const float gap = glm::length(glm::max(glm::max(piece.min - hi, lo - piece.max), glm::vec3(0.0f)));
          if (gap <= margin) binPieces_.push_back(std::uint32_t(n));
          else if (!piece.subtract) floor = std::min(floor, piece.scale * gap);
          else cutFloor = std::min(cutFloor, gap);
        }
        binFloor_.push_back(floor);
        binCutFloor_.push_back(cutFloor);
      }
  binStart_.push_back(std::uint32_t(binPieces_.size()));
}

float ImplicitShape::operator()(const glm::vec3& p) const {
  if (bins_.x > 0) {
    const glm::ivec3 b = glm::ivec3(glm::floor((p - binOrigin_) / binSize_));
    if (b.x >= 0 && b.y >= 0 && b.z >= 0 && b.x < bins_.x && b.y < bins_.y && b.z < bins_.z) {
      const std::size_t bin = (std::size_t(b.z) * bins_.y + b.y) * bins_.x + b.x;
      const float d = evaluate(p, binPieces_.data() + binStart_[bin], binStart_[bin + 1] - binStart_[bin]);
      // The pieces left out of the bin are far: an addition there is no nearer than the floor, and
      // a cut there leaves no surface nearer than its own floor.
      return std::clamp(d, -binCutFloor_[bin], binFloor_[bin]);
    }
  }
  return evaluate(p, nullptr, pieces_.size());
}

float ImplicitShape::evaluate(const glm::vec3& p, const std::uint32_t* list, std::size_t count) const {
  float d = 1e3f;
  for (std::size_t n = 0; n < count; ++n) {
    const Piece& piece = pieces_[list ? list[n] : n];
    const float reach = boxDistance(p, piece.min, piece.max);
    // Outside a piece's grown bounds its field is at least (d + blend) / scale, so it cannot change
    // d when it is farther than d (an addition) or than -d (a cut).
    if (!piece.subtract) {
      if (reach > 0.0f && piece.scale * reach >= d) continue;
      d = sdf::smin(d, value(piece, p), piece.blend);
    } else {
      if (reach > 0.0f && piece.scale * reach >= -d) continue;
      d = sdf::smax(d, -value(piece, p), piece.blend);
    }
  }
  return d;
}

}  // namespace dorsum::core
