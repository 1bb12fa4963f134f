#pragma once
// A shape built from implicit primitives blended together (bones, the skin): each primitive knows
// its bounds, so a point far from a primitive skips it, which keeps a shape of dozens of pieces
// cheap to evaluate. Primitives are kept in order: later ones blend into, or cut from, what is
// there so far.
#include "core/geometry/polygonize.hpp"
#include "core/geometry/sdf.hpp"
#include "core/mesh.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace dorsum::core {

// A thin plate: a polygon in its own plane (u, v), bent by a quadratic bowl, with a half-thickness
// that may grow toward the polygon's edge. Scapula blade, iliac wing, acromion, sternum.
struct Plate {
  glm::vec3 origin{0.0f};
  glm::vec3 u{1, 0, 0}, v{0, 1, 0}, w{0, 0, 1};  // orthonormal; w is the plate's normal
  std::vector<glm::vec2> outline;                // polygon in (u, v), metres
  float halfThickness = 0.002f;
  float bendU = 0.0f, bendV = 0.0f;  // mid-surface height w = bendU u^2 + bendV v^2 (about the centroid)
  glm::vec2 centre{0.0f};
  float round = 0.001f;

  // A plate through the given 3-D outline points, in the plane that fits them best, whose normal
  // points along `facing` (roughly).
  static Plate through(const std::vector<glm::vec3>& points, const glm::vec3& facing, float halfThickness);
  float distance(const glm::vec3& p) const;
  Bounds bounds() const;
};

// Signed distance to a polygon in 2-D (negative inside), after Quilez.
float polygonDistance(const std::vector<glm::vec2>& poly, const glm::vec2& p);

class ImplicitShape {
public:
  using Field = std::function<float(const glm::vec3&)>;

  // `bounds` holds the shape; `scale` (<= 1) is how much the field may understate the distance
  // outside them (field >= scale * distance), so far pieces can be skipped exactly.
  void add(Field f, const Bounds& bounds, float blend, float scale = 1.0f);
  void cut(Field f, const Bounds& bounds, float blend, float scale = 1.0f);
  // Another shape, grown by `offset` (the skin over the skull).
  void addShape(const ImplicitShape& shape, float offset, float blend);
  // The smallest scale of any piece, and the most a blend lowers the field (a quarter of it).
  float scale() const { return scale_; }
  float lowering() const { return lowering_; }

  void sphere(const glm::vec3& c, float r, float blend);
  void ellipsoid(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& radii, float blend);
  void capsule(const glm::vec3& a, const glm::vec3& b, float r, float blend) { cone(a, b, r, r, blend); }
  void cone(const glm::vec3& a, const glm::vec3& b, float ra, float rb, float blend);  // round cone
  // A chain of round cones through points with radii (one per point).
  void chain(const std::vector<glm::vec3>& points, const std::vector<float>& radii, float blend);
  void flatCapsule(const glm::vec3& a, const glm::vec3& b, float r, const glm::vec3& flatAxis, float flat, float blend);
  void box(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend);
  // A short elliptic cylinder (a vertebral body): half width, half height (along `up`), half depth.
  void disc(const glm::vec3& c, const glm::mat3& axes, const glm::vec3& half, float round, float blend);
  void plate(const Plate& plate, float blend);
  // A thin folded sheet between two rows of points (rowA[i] faces rowB[i]): two flat triangles per
  // quad, blended at their shared edges. The iliac wing, the spine of the scapula.
  void sheet(const std::vector<glm::vec3>& rowA, const std::vector<glm::vec3>& rowB, float halfThickness, float blend);
  void cutSphere(const glm::vec3& c, float r, float blend);
  void cutCapsule(const glm::vec3& a, const glm::vec3& b, float r, float blend);

  float operator()(const glm::vec3& p) const;
  // Sorts the pieces into bins of space so that a point looks only at the pieces within `margin`
  // of its bin (a lower bound stands in for the rest). Call once the shape is complete, before it
  // is evaluated from several threads; a shape that was not prepared looks at every piece.
  void prepare(float margin);
  Bounds bounds() const { return bounds_; }
  bool empty() const { return pieces_.empty(); }

private:
  // Primitives are evaluated by kind (no indirect call on the hot path); Custom wraps a Field.
  enum class Kind : std::uint8_t { Sphere, Ellipsoid, Cone, FlatCapsule, Box, Disc, Plate, Custom };
  struct Piece {
    Kind kind = Kind::Custom;
    glm::vec3 a{0.0f}, b{0.0f}, r{0.0f};  // centre or ends; radii or half sizes
    glm::mat3 axes{1.0f};
    float ra = 0.0f, rb = 0.0f, flat = 1.0f, round = 0.0f;
    std::uint32_t plate = 0;  // index into plates_
    Field field;
    glm::vec3 min{0.0f}, max{0.0f};  // bounds grown so that outside them the field exceeds (d + blend) / scale
    float blend = 0.0f;
    float scale = 1.0f;
    bool subtract = false;
  };
  void push(Piece piece, const Bounds& bounds);
  float value(const Piece& piece, const glm::vec3& p) const;
  std::vector<Plate> plates_;
  float evaluate(const glm::vec3& p, const std::uint32_t* list, std::size_t count) const;
  std::vector<Piece> pieces_;
  Bounds bounds_;
  float scale_ = 1.0f, lowering_ = 0.0f;
  // Bins: the pieces near each, and a lower bound on the field of all the others.
  glm::vec3 binOrigin_{0.0f}, binSize_{1.0f};
  glm::ivec3 bins_{0};
  std::vector<std::uint32_t> binStart_, binPieces_;
  std::vector<float> binFloor_, binCutFloor_;
};

// An orthonormal frame whose third axis is `w` (the others chosen stably).
glm::mat3 frameAround(const glm::vec3& w);

}  // namespace dorsum::core
