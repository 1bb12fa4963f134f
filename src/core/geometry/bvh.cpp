#include "core/geometry/bvh.hpp"

#include <algorithm>
#include <numeric>

namespace dorsum::core {

void Bvh::build(const Scene& scene) {
  tris_.clear();
  nodes_.clear();
  std::vector<glm::vec3> centroids;
  for (std::uint32_t m = 0; m < scene.meshes.size(); ++m) {
    const Mesh& mesh = scene.meshes[m];
    for (std::uint32_t f = 0; f < mesh.triangleCount(); ++f) {
      const glm::vec3& a = mesh.positions[mesh.indices[3 * f]];
      const glm::vec3& b = mesh.positions[mesh.indices[3 * f + 1]];
      const glm::vec3& c = mesh.positions[mesh.indices[3 * f + 2]];
      tris_.push_back({a, b - a, c - a, m, f});
      centroids.push_back((a + b + c) / 3.0f);
    }
  }
  if (tris_.empty()) return;
  nodes_.reserve(tris_.size() * 2 / 3 + 1);
  buildNode(0, std::uint32_t(tris_.size()), centroids);
}

std::uint32_t Bvh::buildNode(std::uint32_t start, std::uint32_t count, std::vector<glm::vec3>& centroids) {
  const auto index = std::uint32_t(nodes_.size());
  nodes_.push_back({});
  Bounds box, centres;
  for (std::uint32_t i = start; i < start + count; ++i) {
    const Tri& t = tris_[i];
    box.add(t.a);
    box.add(t.a + t.e1);
    box.add(t.a + t.e2);
    centres.add(centroids[i]);
  }
  Node node{box.min, box.max, start, count, 0, 0};
  if (count > 4) {
    const glm::vec3 extent = centres.max - centres.min;
    const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
    // Median split: balanced, and deterministic for the same input.
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), start);
    const std::uint32_t half = count / 2;
    std::nth_element(order.begin(), order.begin() + half, order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return centroids[a][axis] < centroids[b][axis] || (centroids[a][axis] == centroids[b][axis] && a < b);
    });
    std::vector<Tri> tris(count);
    std::vector<glm::vec3> cents(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      tris[i] = tris_[order[i]];
      cents[i] = centroids[order[i]];
    }
    std::copy(tris.begin(), tris.end(), tris_.begin() + start);
    std::copy(cents.begin(), cents.end(), centroids.begin() + start);
    node.count = 0;
    node.left = buildNode(start, half, centroids);
    node.right = buildNode(start + half, count - half, centroids);
  }
  nodes_[index] = node;
  return index;
}

namespace {
bool hitBox(const glm::vec3& bmin, const glm::vec3& bmax, const glm::vec3& origin, const glm::vec3& invDir, float tMin,
            float tMax) {
  const glm::vec3 t0 = (bmin - origin) * invDir;
  const glm::vec3 t1 = (bmax - origin) * invDir;
  const glm::vec3 lo = glm::min(t0, t1), hi = glm::max(t0, t1);
  const float enter = std::max(std::max(lo.x, lo.y), std::max(lo.z, tMin));
  const float exit = std::min(std::min(hi.x, hi.y), std::min(hi.z, tMax));
  return enter <= exit;
}
}  // namespace

template <typename Visit>
void Bvh::traverse(const Ray& ray, float tMin, float& tMax, Visit&& visit) const {
  if (nodes_.empty()) return;
  const glm::vec3 invDir = 1.0f / ray.direction;  // infinities are fine for the slab test
  std::uint32_t stack[64];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& n = nodes_[stack[--top]];
    if (!hitBox(n.min, n.max, ray.origin, invDir, tMin, tMax)) continue;
    if (n.count > 0) {
      for (std::uint32_t i = n.start; i < n.start + n.count; ++i) {
        const Tri& tri = tris_[i];
        // Moeller-Trumbore, two-sided.
        const glm::vec3 p = glm::cross(ray.direction, tri.e2);
        const float det = glm::dot(tri.e1, p);
        if (std::abs(det) < 1e-12f) continue;
        const float inv = 1.0f / det;
        const glm::vec3 s = ray.origin - tri.a;
        const float u = glm::dot(s, p) * inv;
        if (u < 0.0f || u > 1.0f) continue;
        const glm::vec3 q = glm::cross(s, tri.e1);
        const float v = glm::dot(ray.direction, q) * inv;
        if (v < 0.0f || u + v > 1.0f) continue;
        const float t = glm::dot(tri.e2, q) * inv;
        if (t <= tMin || t >= tMax) continue;
        RayHit hit{tri.mesh, tri.face, t, {1.0f - u - v, u, v}, ray.origin + ray.direction * t, det > 0.0f};
        visit(hit, tMax);
      }
    } else if (top < 62) {
      stack[top++] = n.left;
      stack[top++] = n.right;
    }
  }
}

std::optional<RayHit> Bvh::nearest(const Ray& ray, float tMin, float tMax,
                                   const std::function<bool(std::uint32_t)>& accept) const {
  std::optional<RayHit> best;
  traverse(ray, tMin, tMax, [&](const RayHit& hit, float& limit) {
    if (accept && !accept(hit.mesh)) return;
    if (!best || hit.t < best->t || (hit.t == best->t && hit.mesh < best->mesh)) {
      best = hit;
      limit = hit.t;  // shrink the search to what can still be nearer
    }
  });
  return best;
}

bool Bvh::anyHit(const Ray& ray, float tMin, float tMax) const {
  bool hit = false;
  float limit = tMax;
  traverse(ray, tMin, limit, [&](const RayHit&, float& l) {
    hit = true;
    l = -1.0f;  // an empty interval: the traversal stops testing boxes
  });
  return hit;
}

void Bvh::forEachHit(const Ray& ray, float tMin, float tMax, const std::function<void(const RayHit&)>& visit) const {
  float limit = tMax;
  traverse(ray, tMin, limit, [&](const RayHit& hit, float&) { visit(hit); });
}

}  // namespace dorsum::core
