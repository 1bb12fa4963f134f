#include "core/geometry/polygonize.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace dorsum::core {

namespace {

constexpr int kBlock = 4;  // cells per block side in the coarse pass
constexpr float kUnset = std::numeric_limits<float>::quiet_NaN();

// Runs body(i) for i in [0, count) on `threads` threads, in chunks handed out in order.
template <typename Body>
void parallelFor(std::size_t count, int threads, Body&& body) {
  if (threads <= 1 || count < 512) {
    for (std::size_t i = 0; i < count; ++i) body(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (;;) {
      const std::size_t start = next.fetch_add(128);
      if (start >= count) return;
      const std::size_t end = std::min(count, start + 128);
      for (std::size_t i = start; i < end; ++i) body(i);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

struct Grid {
  glm::vec3 origin{0.0f};
  float cell = 0.0f;
  glm::ivec3 n{0};  // corners per axis
  std::size_t corner(int i, int j, int k) const { return (std::size_t(k) * n.y + j) * n.x + i; }
  std::size_t cellIndex(int i, int j, int k) const { return (std::size_t(k) * (n.y - 1) + j) * (n.x - 1) + i; }
  glm::vec3 at(int i, int j, int k) const { return origin + glm::vec3(float(i), float(j), float(k)) * cell; }
};

}  // namespace

Mesh polygonize(const std::string& name, const DistanceFunction& field, const Bounds& bounds,
                const PolygonizeOptions& o) {
  Mesh mesh;
  mesh.name = name;
  if (bounds.empty() || !(o.cell > 0.0f)) return mesh;
  Grid g;
  g.cell = o.cell;
  g.origin = bounds.min - glm::vec3(2.0f * o.cell);
  const glm::vec3 extent = bounds.max - bounds.min + glm::vec3(4.0f * o.cell);
  g.n = glm::ivec3(glm::ceil(extent / o.cell)) + glm::ivec3(1);
  const glm::ivec3 blocks = (g.n - glm::ivec3(1) + glm::ivec3(kBlock - 1)) / kBlock;

  // Coarse pass: a block whose centre is farther from the surface than its half diagonal (with a
  // margin for fields that are only close to a distance) holds no surface.
  const float halfDiagonal = 0.5f * std::sqrt(3.0f) * float(kBlock) * o.cell;
  const std::size_t blockCount = std::size_t(blocks.x) * blocks.y * blocks.z;
  std::vector<std::uint8_t> active(blockCount, 0);
  parallelFor(blockCount, o.threads, [&](std::size_t b) {
    const int bi = int(b % blocks.x), bj = int((b / blocks.x) % blocks.y), bk = int(b / (std::size_t(blocks.x) * blocks.y));
    const glm::vec3 centre = g.origin + (glm::vec3(bi, bj, bk) + 0.5f) * float(kBlock) * o.cell;
    active[b] = std::abs(field(centre)) < 1.5f * halfDiagonal + 2.0f * o.cell ? 1 : 0;
  });

  // The corners of active blocks, evaluated in parallel (each slot written once).
  std::vector<float> value(std::size_t(g.n.x) * g.n.y * g.n.z, kUnset);
  std::vector<std::size_t> todo;
  {
    std::vector<std::uint8_t> needed(value.size(), 0);
    for (std::size_t b = 0; b < blockCount; ++b) {
      if (!active[b]) continue;
      const int bi = int(b % blocks.x), bj = int((b / blocks.x) % blocks.y), bk = int(b / (std::size_t(blocks.x) * blocks.y));
      for (int k = bk * kBlock; k <= std::min((bk + 1) * kBlock, g.n.z - 1); ++k)
        for (int j = bj * kBlock; j <= std::min((bj + 1) * kBlock, g.n.y - 1); ++j)
          for (int i = bi * kBlock; i <= std::min((bi + 1) * kBlock, g.n.x - 1); ++i) {
            const std::size_t c = g.corner(i, j, k);
            if (!needed[c]) {
              needed[c] = 1;
              todo.push_back(c);
            }
          }
    }
  }
  parallelFor(todo.size(), o.threads, [&](std::size_t t) {
    const std::size_t c = todo[t];
    const int i = int(c % g.n.x), j = int((c / g.n.x) % g.n.y), k = int(c / (std::size_t(g.n.x) * g.n.y));
    value[c] = field(g.at(i, j, k));
  });
  // A corner outside the active blocks, should a quad need one (a field far from a distance).
  auto valueAt = [&](int i, int j, int k) {
    float& v = value[g.corner(i, j, k)];
    if (std::isnan(v)) v = field(g.at(i, j, k));
    return v;
  };

  // One vertex per cell the surface crosses: the mean of the crossings on the cell's edges.
  static const int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                    {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  std::vector<std::int32_t> cellVertex(std::size_t(g.n.x - 1) * (g.n.y - 1) * (g.n.z - 1), -1);
  std::vector<glm::ivec3> vertexCell;
  auto vertexOf = [&](int i, int j, int k) -> std::int32_t {
    if (i < 0 || j < 0 || k < 0 || i >= g.n.x - 1 || j >= g.n.y - 1 || k >= g.n.z - 1) return -1;
    std::int32_t& slot = cellVertex[g.cellIndex(i, j, k)];
    if (slot >= 0) return slot;
    float v[8];
    glm::vec3 p[8];
    int inside = 0;
    for (int c = 0; c < 8; ++c) {
      const int di = c & 1, dj = (c >> 1) & 1, dk = (c >> 2) & 1;
      v[c] = valueAt(i + di, j + dj, k + dk);
      p[c] = g.at(i + di, j + dj, k + dk);
      inside += v[c] < 0.0f ? 1 : 0;
    }
    if (inside == 0 || inside == 8) return -1;
    glm::vec3 sum(0.0f);
    int crossings = 0;
    for (const auto& e : kEdges) {
      const float a = v[e[0]], b = v[e[1]];
      if ((a < 0.0f) == (b < 0.0f)) continue;
      sum += glm::mix(p[e[0]], p[e[1]], std::clamp(a / (a - b), 0.0f, 1.0f));
      ++crossings;
    }
    slot = std::int32_t(mesh.positions.size());
    mesh.positions.push_back(sum / float(crossings));
    vertexCell.emplace_back(i, j, k);
    return slot;
  };

  // One quad per grid edge the surface crosses, joining the vertices of the four cells around it.
  for (std::size_t b = 0; b < blockCount; ++b) {
    if (!active[b]) continue;
    const int bi = int(b % blocks.x), bj = int((b / blocks.x) % blocks.y), bk = int(b / (std::size_t(blocks.x) * blocks.y));
    for (int k = bk * kBlock; k < std::min((bk + 1) * kBlock, g.n.z - 1); ++k)
      for (int j = bj * kBlock; j < std::min((bj + 1) * kBlock, g.n.y - 1); ++j)
        for (int i = bi * kBlock; i < std::min((bi + 1) * kBlock, g.n.x - 1); ++i) {
          const float v0 = valueAt(i, j, k);
          for (int axis = 0; axis < 3; ++axis) {
            glm::ivec3 e(0);
            e[axis] = 1;
            const float v1 = valueAt(i + e.x, j + e.y, k + e.z);
            if ((v0 < 0.0f) == (v1 < 0.0f)) continue;
            const int a1 = (axis + 1) % 3, a2 = (axis + 2) % 3;
            std::int32_t q[4];
            bool complete = true;
            static const int kAround[4][2] = {{-1, -1}, {0, -1}, {0, 0}, {-1, 0}};
            for (int c = 0; c < 4; ++c) {
              glm::ivec3 cellAt(i, j, k);
              cellAt[a1] += kAround[c][0];
              cellAt[a2] += kAround[c][1];
              q[c] = vertexOf(cellAt.x, cellAt.y, cellAt.z);
              complete = complete && q[c] >= 0;
            }
            if (!complete) continue;
            // Outward: from the inside corner toward the outside one.
            const glm::vec3 out = glm::vec3(e) * (v0 < 0.0f ? 1.0f : -1.0f);
            const glm::vec3 n = glm::cross(mesh.positions[q[2]] - mesh.positions[q[0]], mesh.positions[q[3]] - mesh.positions[q[1]]);
            if (glm::dot(n, out) < 0.0f) std::swap(q[1], q[3]);
            // Split along the shorter diagonal.
            const float d02 = glm::length(mesh.positions[q[0]] - mesh.positions[q[2]]);
            const float d13 = glm::length(mesh.positions[q[1]] - mesh.positions[q[3]]);
            if (d02 <= d13)
              mesh.indices.insert(mesh.indices.end(), {std::uint32_t(q[0]), std::uint32_t(q[1]), std::uint32_t(q[2]),
                                                       std::uint32_t(q[0]), std::uint32_t(q[2]), std::uint32_t(q[3])});
            else
              mesh.indices.insert(mesh.indices.end(), {std::uint32_t(q[0]), std::uint32_t(q[1]), std::uint32_t(q[3]),
                                                       std::uint32_t(q[1]), std::uint32_t(q[2]), std::uint32_t(q[3])});
          }
        }
  }

  // Onto the surface: Newton steps along the gradient of the trilinear interpolant of the cell's
  // corners (no extra evaluations for the gradient), kept near the vertex's own cell so that
  // neighbouring vertices cannot cross. Normals from the finished mesh.
  parallelFor(mesh.positions.size(), o.threads, [&](std::size_t v) {
    const glm::ivec3 cell = vertexCell[v];
    float corner[8];
    for (int c = 0; c < 8; ++c) corner[c] = value[g.corner(cell.x + (c & 1), cell.y + ((c >> 1) & 1), cell.z + ((c >> 2) & 1))];
    const glm::vec3 lo = g.at(cell.x, cell.y, cell.z);
    glm::vec3 p = mesh.positions[v];
    for (int s = 0; s < o.projectSteps; ++s) {
      const glm::vec3 t = glm::clamp((p - lo) / o.cell, glm::vec3(0.0f), glm::vec3(1.0f));
      // d/dx, d/dy, d/dz of the trilinear interpolant at t.
      auto lerp4 = [&](int axis) {
        float d = 0.0f;
        for (int c = 0; c < 8; ++c) {
          const glm::ivec3 bit(c & 1, (c >> 1) & 1, (c >> 2) & 1);
          float w = (bit[axis] ? 1.0f : -1.0f);
          for (int a = 0; a < 3; ++a)
            if (a != axis) w *= bit[a] ? t[a] : 1.0f - t[a];
          d += w * corner[c];
        }
        return d / o.cell;
      };
      const glm::vec3 grad(lerp4(0), lerp4(1), lerp4(2));
      const float g2 = glm::dot(grad, grad);
      if (!(g2 > 1e-8f)) break;
      p = glm::clamp(p - grad * (field(p) / g2), lo - glm::vec3(0.5f * o.cell), lo + glm::vec3(1.5f * o.cell));
    }
    mesh.positions[v] = p;
  });
  mesh.computeNormals();

  if (o.keepFraction < 1.0f) {
    simplifyMesh(mesh, o.keepFraction, o.maxError);
    mesh.computeNormals();
  }
  return mesh;
}

void simplifyMesh(Mesh& mesh, float keepFraction, float maxError) {
  if (mesh.indices.empty() || keepFraction >= 1.0f) return;
  const float scale = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
  const std::size_t target = std::size_t(double(mesh.indices.size()) * keepFraction) / 3 * 3;
  std::vector<std::uint32_t> out(mesh.indices.size());
  float achieved = 0.0f;
  out.resize(meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                              mesh.positions.size(), sizeof(glm::vec3), target, scale > 0.0f ? maxError / scale : 0.0f,
                              0, &achieved));
  // Keep only the vertices still used, in their old order (deterministic).
  std::vector<std::int64_t> remap(mesh.positions.size(), -1);
  std::size_t used = 0;
  for (std::uint32_t i : out)
    if (remap[i] < 0) remap[i] = 0;
  for (auto& r : remap)
    if (r >= 0) r = std::int64_t(used++);
  auto compact = [&](auto& attribute) {
    if (attribute.size() != remap.size()) return;
    std::remove_reference_t<decltype(attribute)> kept(used);
    for (std::size_t v = 0; v < remap.size(); ++v)
      if (remap[v] >= 0) kept[std::size_t(remap[v])] = attribute[v];
    attribute.swap(kept);
  };
  compact(mesh.normals);
  compact(mesh.uvs);
  compact(mesh.colors);
  compact(mesh.fibres);
  compact(mesh.positions);
  for (auto& i : out) i = std::uint32_t(remap[i]);
  mesh.indices.swap(out);
}

}  // namespace dorsum::core
