#pragma once
// A bounding volume hierarchy over the triangles of a scene, for exact CPU ray casts: picking
// (nearest hit that passes a filter) and the atlas builder (all hits along a ray). No GL.
#include "core/mesh.hpp"

#include <functional>
#include <optional>
#include <vector>

namespace dorsum::core {

struct Ray {
  glm::vec3 origin;
  glm::vec3 direction;  // need not be unit length; t is in units of it
};

struct RayHit {
  std::uint32_t mesh = 0;  // index into the scene's meshes
  std::uint32_t face = 0;  // triangle index within that mesh
  float t = 0.0f;
  glm::vec3 barycentric{0.0f};  // weights of the triangle's three corners
  glm::vec3 point{0.0f};
  bool frontFacing = true;  // the ray met the outward side
};

// The nearest point of the scene's surfaces to a query point.
struct ClosestPoint {
  std::uint32_t mesh = 0, face = 0;
  glm::vec3 point{0.0f};
  glm::vec3 barycentric{0.0f};
  float distance = 0.0f;
  glm::vec3 normal{0.0f};  // the mesh's vertex normals interpolated there (the face's if it has none)
  // Whether the query point lies on the outward side of the surface there.
  bool outside(const glm::vec3& query) const { return glm::dot(query - point, normal) >= 0.0f; }
};

class Bvh {
public:
  Bvh() = default;
  explicit Bvh(const Scene& scene) { build(scene); }
  void build(const Scene& scene);
  // Keeps a reference to the scene (which must outlive the BVH or the next build) and builds on the
  // first query instead: the viewer draws its first frame before anything is picked. The result is
  // the same as build(); queries from one thread only.
  void buildOnFirstUse(const Scene& scene);

  // Nearest hit with t in (tMin, tMax) on a mesh accepted by the filter (all when empty).
  std::optional<RayHit> nearest(const Ray& ray, float tMin = 0.0f, float tMax = 1e30f,
                                const std::function<bool(std::uint32_t mesh)>& accept = {}) const;
  // Whether anything is hit with t in (tMin, tMax): stops at the first hit (occlusion queries).
  bool anyHit(const Ray& ray, float tMin, float tMax) const;
  // Every hit with t in (tMin, tMax), in no particular order.
  void forEachHit(const Ray& ray, float tMin, float tMax, const std::function<void(const RayHit&)>& visit) const;
  // Nearest surface point within maxDistance, on any mesh.
  std::optional<ClosestPoint> closest(const glm::vec3& p, float maxDistance = 1e30f) const;
  std::size_t triangleCount() const {
    ensureBuilt();
    return tris_.size();
  }

private:
  struct Tri {
    glm::vec3 a, e1, e2;  // corner and edges
    std::uint32_t mesh, face;
  };
  struct Node {
    glm::vec3 min, max;
    std::uint32_t start, count;  // leaf: range in tris_; inner: count == 0
    std::uint32_t left, right;
  };
  void ensureBuilt() const;
  std::uint32_t buildNode(std::uint32_t start, std::uint32_t count, std::vector<glm::vec3>& centroids);
  template <typename Visit>
  void traverse(const Ray& ray, float tMin, float& tMax, Visit&& visit) const;
  std::vector<Tri> tris_;
  std::vector<glm::vec3> cornerNormals_;  // three per triangle, in tris_ order
  std::vector<Node> nodes_;
  mutable const Scene* pending_ = nullptr;  // set by buildOnFirstUse until the first query
};

}  // namespace dorsum::core
