#include "core/geometry/bvh.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dorsum::core {

void Bvh::buildOnFirstUse(const Scene& scene) {
  tris_.clear();
  cornerNormals_.clear();
  nodes_.clear();
  pending_ = &scene;
}

void Bvh::ensureBuilt() const {
  if (!pending_) return;
  const Scene* scene = pending_;
  pending_ = nullptr;
  // Only a non-const Bvh can have a pending scene (buildOnFirstUse is non-const): the cast is sound.
  const_cast<Bvh*>(this)->build(*scene);
}

void Bvh::build(const Scene& scene) {
  pending_ = nullptr;
  tris_.clear();
  cornerNormals_.clear();
  nodes_.clear();
  std::vector<glm::vec3> centroids;
  for (std::uint32_t m = 0; m < scene.meshes.size(); ++m) {
    const Mesh& mesh = scene.meshes[m];
    for (std::uint32_t f = 0; f < mesh.triangleCount(); ++f) {
      const glm::vec3& a = mesh.positions[mesh.indices[3 * f]];
      const glm::vec3& b = mesh.positions[mesh.indices[3 * f + 1]];
      const glm::vec3& c = mesh.positions[mesh.indices[3 * f + 2]];
      tris_.push_back({a, b - a, c - a, m, f});
      if (mesh.normals.size() == mesh.positions.size()) {
        for (int k = 0; k < 3; ++k) cornerNormals_.push_back(mesh.normals[mesh.indices[3 * f + k]]);
      } else {
        const glm::vec3 n = glm::normalize(glm::cross(b - a, c - a));
        cornerNormals_.insert(cornerNormals_.end(), {n, n, n});
      }
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
    std::vector<glm::vec3> cents(count), normals(3 * std::size_t(count));
    for (std::uint32_t i = 0; i < count; ++i) {
      tris[i] = tris_[order[i]];
      cents[i] = centroids[order[i]];
      for (int k = 0; k < 3; ++k) normals[3 * i + k] = cornerNormals_[3 * std::size_t(order[i]) + k];
    }
    std::copy(tris.begin(), tris.end(), tris_.begin() + start);
    std::copy(normals.begin(), normals.end(), cornerNormals_.begin() + 3 * std::size_t(start));
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
  ensureBuilt();
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

namespace {
// Closest point on triangle (a, a + e1, a + e2) to p, as barycentric weights (Ericson, Real-Time
// Collision Detection, 5.1.5).
glm::vec3 closestBarycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& ab, const glm::vec3& ac) {
  const glm::vec3 ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return {1, 0, 0};
  const glm::vec3 bp = ap - ab;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return {0, 1, 0};
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const float v = d1 / (d1 - d3);
    return {1 - v, v, 0};
  }
  const glm::vec3 cp = ap - ac;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return {0, 0, 1};
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const float w = d2 / (d2 - d6);
    return {1 - w, 0, w};
  }
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
    const float w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return {0, 1 - w, w};
  }
  const float denom = 1.0f / (va + vb + vc);
  const float v = vb * denom, w = vc * denom;
  return {1 - v - w, v, w};
}

float boxDistance2(const glm::vec3& p, const glm::vec3& bmin, const glm::vec3& bmax) {
  const glm::vec3 d = glm::max(glm::max(bmin - p, p - bmax), glm::vec3(0.0f));
  return glm::dot(d, d);
}
}  // namespace

std::optional<ClosestPoint> Bvh::closest(const glm::vec3& p, float maxDistance) const {
  ensureBuilt();
  if (nodes_.empty()) return std::nullopt;
  float best2 = maxDistance * maxDistance;
  std::int64_t bestTri = -1;
  glm::vec3 bestBary(0.0f);
  // Each entry carries its box's distance, measured once when pushed.
  struct Entry {
    std::uint32_t node;
    float d2;
  };
  Entry stack[64];
  int top = 0;
  stack[top++] = {0, boxDistance2(p, nodes_[0].min, nodes_[0].max)};
  while (top > 0) {
    const Entry e = stack[--top];
    if (e.d2 >= best2) continue;
    const Node& n = nodes_[e.node];
    if (n.count > 0) {
      for (std::uint32_t i = n.start; i < n.start + n.count; ++i) {
        const Tri& t = tris_[i];
        const glm::vec3 b = closestBarycentric(p, t.a, t.e1, t.e2);
        const glm::vec3 q = t.a + t.e1 * b.y + t.e2 * b.z;
        const float d2 = glm::dot(q - p, q - p);
        if (d2 < best2) {
          best2 = d2;
          bestTri = i;
          bestBary = b;
        }
      }
    } else if (top < 62) {
      // Nearer child last, so it is visited first; a child farther than the best so far is not pushed.
      const Node& l = nodes_[n.left];
      const Node& r = nodes_[n.right];
      const float dl = boxDistance2(p, l.min, l.max), dr = boxDistance2(p, r.min, r.max);
      const Entry near = dl < dr ? Entry{n.left, dl} : Entry{n.right, dr};
      const Entry far = dl < dr ? Entry{n.right, dr} : Entry{n.left, dl};
      if (far.d2 < best2) stack[top++] = far;
      if (near.d2 < best2) stack[top++] = near;
    }
  }
  if (bestTri < 0) return std::nullopt;
  const Tri& t = tris_[std::size_t(bestTri)];
  ClosestPoint c;
  c.mesh = t.mesh;
  c.face = t.face;
  c.barycentric = bestBary;
  c.point = t.a + t.e1 * bestBary.y + t.e2 * bestBary.z;
  c.distance = std::sqrt(best2);
  const glm::vec3* cn = &cornerNormals_[3 * std::size_t(bestTri)];
  const glm::vec3 n = cn[0] * bestBary.x + cn[1] * bestBary.y + cn[2] * bestBary.z;
  const float len = glm::length(n);
  c.normal = len > 1e-8f ? n / len : glm::normalize(glm::cross(t.e1, t.e2));
  return c;
}

}  // namespace dorsum::core
