#pragma once
// A shape built from implicit primitives blended together (bones, the skin): each primitive knows
// its bounds, so a point far from a primitive skips it, which keeps a shape of dozens of pieces
// cheap to evaluate. Primitives are kept in order: later ones blend into, or cut from, what is
// there so far.
#include "core/geometry/polygonize.hpp"
#include "core/geometry/sdf.hpp"
#include "core/mesh.hpp"

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

  void add(Field f, const Bounds& bounds, float blend);
  void cut(Field f, const Bounds& bounds, float blend);

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
  Bounds bounds() const { return bounds_; }
  bool empty() const { return pieces_.empty(); }

private:
  struct Piece {
    Field field;
    glm::vec3 min, max;  // bounds grown by the blend
    float blend;
    bool subtract;
  };
  std::vector<Piece> pieces_;
  Bounds bounds_;
};

// An orthonormal frame whose third axis is `w` (the others chosen stably).
glm::mat3 frameAround(const glm::vec3& w);

}  // namespace dorsum::core
