#include "core/geometry/polygonize.hpp"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <thread>
#include <vector>

namespace dorsum::core {

namespace {

constexpr int kBlock = 2;  // cells per block side: the unit of evaluation
constexpr int kSuper = 4;  // blocks per superblock side: the first, coarser pass
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

  // Two coarse passes: a superblock (8 cells across), then each block (2 cells) of a superblock
  // that may hold surface, is skipped when its centre is farther from the surface than its half
  // diagonal, with a margin for fields that change up to half as fast again as a distance.
  constexpr float kLipschitz = 1.35f;
  const std::size_t blockCount = std::size_t(blocks.x) * blocks.y * blocks.z;
  const glm::ivec3 supers = (blocks + glm::ivec3(kSuper - 1)) / kSuper;
  const std::size_t superCount = std::size_t(supers.x) * supers.y * supers.z;
  const float superReach = kLipschitz * 0.5f * std::sqrt(3.0f) * float(kBlock * kSuper) * o.cell + 2.0f * o.cell;
  const float blockReach = kLipschitz * 0.5f * std::sqrt(3.0f) * float(kBlock) * o.cell + o.cell;
  std::vector<std::uint8_t> superActive(superCount, 0);
  parallelFor(superCount, o.threads, [&](std::size_t b) {
    const int si = int(b % supers.x), sj = int((b / supers.x) % supers.y), sk = int(b / (std::size_t(supers.x) * supers.y));
    const glm::vec3 centre = g.origin + (glm::vec3(si, sj, sk) + 0.5f) * float(kBlock * kSuper) * o.cell;
    superActive[b] = std::abs(field(centre)) < superReach ? 1 : 0;
  });
  std::vector<std::uint8_t> active(blockCount, 0);
  std::vector<std::size_t> candidates;
  for (std::size_t b = 0; b < blockCount; ++b) {
    const int bi = int(b % blocks.x), bj = int((b / blocks.x) % blocks.y), bk = int(b / (std::size_t(blocks.x) * blocks.y));
    if (superActive[(std::size_t(bk / kSuper) * supers.y + bj / kSuper) * supers.x + bi / kSuper]) candidates.push_back(b);
  }
  parallelFor(candidates.size(), o.threads, [&](std::size_t n) {
    const std::size_t b = candidates[n];
    const int bi = int(b % blocks.x), bj = int((b / blocks.x) % blocks.y), bk = int(b / (std::size_t(blocks.x) * blocks.y));
    const glm::vec3 centre = g.origin + (glm::vec3(bi, bj, bk) + 0.5f) * float(kBlock) * o.cell;
    active[b] = std::abs(field(centre)) < blockReach ? 1 : 0;
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

  // One vertex per piece of surface in each cell the surface crosses (manifold dual contouring,
  // after Schaefer, Ju & Warren 2007): the crossed edges of a cell are grouped into the pieces of
  // surface they bound, faces with four crossings split by the sign at the face's centre (the same
  // decision in both cells that share the face), so the mesh is a manifold. A piece's vertex is the
  // mean of its crossings.
  static const int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                    {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  static const int kFaces[6][4] = {{0, 2, 6, 4}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 5, 7, 6}};
  static const auto kEdgeOf = [] {
    std::array<std::array<int, 8>, 8> e{};
    for (auto& row : e) row.fill(-1);
    for (int i = 0; i < 12; ++i) e[kEdges[i][0]][kEdges[i][1]] = e[kEdges[i][1]][kEdges[i][0]] = i;
    return e;
  }();
  std::vector<std::int32_t> cellSlot(std::size_t(g.n.x - 1) * (g.n.y - 1) * (g.n.z - 1), -1);
  std::vector<std::array<std::int32_t, 12>> cellEdgeVertex;  // per visited cell: the vertex of each crossed edge
  std::vector<glm::ivec3> vertexCell;
  auto vertexOf = [&](int i, int j, int k, int edge) -> std::int32_t {
    if (i < 0 || j < 0 || k < 0 || i >= g.n.x - 1 || j >= g.n.y - 1 || k >= g.n.z - 1) return -1;
    std::int32_t& slot = cellSlot[g.cellIndex(i, j, k)];
    if (slot < 0) {
      float v[8];
      glm::vec3 p[8];
      for (int c = 0; c < 8; ++c) {
        const int di = c & 1, dj = (c >> 1) & 1, dk = (c >> 2) & 1;
        v[c] = valueAt(i + di, j + dj, k + dk);
        p[c] = g.at(i + di, j + dj, k + dk);
      }
      int group[12];
      for (int e = 0; e < 12; ++e) group[e] = e;
      auto root = [&](int x) {
        while (group[x] != x) x = group[x] = group[group[x]];
        return x;
      };
      auto join = [&](int x, int y) { group[root(x)] = root(y); };
      auto crossed = [&](int a, int b2) { return (v[a] < 0.0f) != (v[b2] < 0.0f); };
      for (const auto& f : kFaces) {
        int cut[4], n = 0;
        for (int s2 = 0; s2 < 4; ++s2)
          if (crossed(f[s2], f[(s2 + 1) % 4])) cut[n++] = s2;
        if (n == 2) {
          join(kEdgeOf[f[cut[0]]][f[(cut[0] + 1) % 4]], kEdgeOf[f[cut[1]]][f[(cut[1] + 1) % 4]]);
        } else if (n == 4) {
          // The corners alternate; the surface separates the corners whose sign differs from the
          // face's centre: join the two edges around each of those corners.
          const bool centreInside = v[f[0]] + v[f[1]] + v[f[2]] + v[f[3]] < 0.0f;
          for (int s2 = 0; s2 < 4; ++s2)
            if ((v[f[s2]] < 0.0f) != centreInside)
              join(kEdgeOf[f[(s2 + 3) % 4]][f[s2]], kEdgeOf[f[s2]][f[(s2 + 1) % 4]]);
        }
      }
      std::array<std::int32_t, 12> vertexOfEdge;
      vertexOfEdge.fill(-1);
      std::array<glm::vec3, 12> sum;
      std::array<int, 12> count{};
      for (int e = 0; e < 12; ++e) {
        if (!crossed(kEdges[e][0], kEdges[e][1])) continue;
        const float a = v[kEdges[e][0]], b2 = v[kEdges[e][1]];
        const int r = root(e);
        if (count[r] == 0) sum[r] = glm::vec3(0.0f);
        sum[r] += glm::mix(p[kEdges[e][0]], p[kEdges[e][1]], std::clamp(a / (a - b2), 0.0f, 1.0f));
        ++count[r];
      }
      for (int e = 0; e < 12; ++e) {
        if (!crossed(kEdges[e][0], kEdges[e][1])) continue;
        const int r = root(e);
        if (vertexOfEdge[r] < 0) {
          vertexOfEdge[r] = std::int32_t(mesh.positions.size());
          mesh.positions.push_back(sum[r] / float(count[r]));
          vertexCell.emplace_back(i, j, k);
        }
        vertexOfEdge[e] = vertexOfEdge[r];
      }
      slot = std::int32_t(cellEdgeVertex.size());
      cellEdgeVertex.push_back(vertexOfEdge);
    }
    return cellEdgeVertex[std::size_t(slot)][std::size_t(edge)];
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
              // This grid edge as one of that cell's twelve.
              glm::ivec3 local(0);
              local[a1] = -kAround[c][0];
              local[a2] = -kAround[c][1];
              const int from = local.x + 2 * local.y + 4 * local.z;
              q[c] = vertexOf(cellAt.x, cellAt.y, cellAt.z, kEdgeOf[from][from + (1 << axis)]);
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
      separateFans(mesh, o.cell * 0.01f);
    mesh.computeNormals();
    }
  return mesh;
}

void separateFans(Mesh& mesh, float nudge) {
  // Edge collapse can fold a pair of triangles onto the same three corners, back to back: a
  // pocket of no volume glued into the surface. Remove such pairs first.
  {
    std::map<std::array<std::uint32_t, 3>, std::vector<std::size_t>> byCorners;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
      std::array<std::uint32_t, 3> key = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
      std::sort(key.begin(), key.end());
      byCorners[key].push_back(t);
    }
    std::vector<bool> drop(mesh.indices.size() / 3, false);
    for (const auto& [key, list] : byCorners)
      for (std::size_t i = 0; i + 1 < list.size(); i += 2) drop[list[i] / 3] = drop[list[i + 1] / 3] = true;
    std::vector<std::uint32_t> kept;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
      if (!drop[t / 3]) kept.insert(kept.end(), {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
    mesh.indices.swap(kept);
  }
  // Triangles round each vertex (compressed rows), and how many triangles use each edge (a sorted
  // list of edges, searched by binary search).
  const std::size_t triangles = mesh.indices.size() / 3;
  std::vector<std::uint32_t> rowStart(mesh.positions.size() + 1, 0), aroundList(mesh.indices.size());
  for (std::uint32_t i : mesh.indices) ++rowStart[i + 1];
  for (std::size_t v = 0; v < mesh.positions.size(); ++v) rowStart[v + 1] += rowStart[v];
  {
    std::vector<std::uint32_t> fill(rowStart.begin(), rowStart.end() - 1);
    for (std::uint32_t t = 0; t < triangles; ++t)
      for (int c = 0; c < 3; ++c) aroundList[fill[mesh.indices[3 * t + c]]++] = t;
  }
  std::vector<std::uint64_t> edgeList;
  edgeList.reserve(mesh.indices.size());
  for (std::uint32_t t = 0; t < triangles; ++t)
    for (int c = 0; c < 3; ++c) {
      const std::uint32_t a = mesh.indices[3 * t + c], b = mesh.indices[3 * t + (c + 1) % 3];
      edgeList.push_back((std::uint64_t(std::min(a, b)) << 32) | std::max(a, b));
    }
  std::sort(edgeList.begin(), edgeList.end());
  auto uses = [&](std::uint32_t a, std::uint32_t b) {
    const std::uint64_t key = (std::uint64_t(std::min(a, b)) << 32) | std::max(a, b);
    const auto range = std::equal_range(edgeList.begin(), edgeList.end(), key);
    return int(range.second - range.first);
  };
  // First find every vertex's fans on the mesh as it is, then give the extra fans their vertices.
  const std::size_t original = mesh.positions.size();
  struct Split {
    std::uint32_t vertex;
    std::vector<std::uint32_t> fan;
  };
  std::vector<Split> splits;
  for (std::uint32_t v = 0; v < original; ++v) {
    const std::vector<std::uint32_t> tris(aroundList.begin() + rowStart[v], aroundList.begin() + rowStart[v + 1]);
    if (tris.size() < 2) continue;
    // Join triangles that share an edge at v used by exactly two triangles: each group is a fan.
    std::vector<std::size_t> group(tris.size());
    for (std::size_t i = 0; i < group.size(); ++i) group[i] = i;
    auto root = [&](std::size_t x) {
      while (group[x] != x) x = group[x] = group[group[x]];
      return x;
    };
    std::map<std::uint32_t, std::size_t> firstWith;  // other corner of an edge at v -> first triangle
    for (std::size_t i = 0; i < tris.size(); ++i)
      for (int c = 0; c < 3; ++c) {
        const std::uint32_t w = mesh.indices[3 * std::size_t(tris[i]) + c];
        if (w == v || uses(v, w) != 2) continue;
        const auto [it, fresh] = firstWith.emplace(w, i);
        if (!fresh) group[root(i)] = root(it->second);
      }
    std::map<std::size_t, std::vector<std::uint32_t>> fans;
    for (std::size_t i = 0; i < tris.size(); ++i) fans[root(i)].push_back(tris[i]);
    bool first = true;
    for (auto& [r, fan] : fans) {
      if (!first) splits.push_back({v, std::move(fan)});
      first = false;
    }
  }
  for (const Split& split : splits) {
    // The copy is nudged into its fan, so the fans can be told apart by position too.
    glm::vec3 centre(0.0f);
    for (std::uint32_t t : split.fan)
      for (int c = 0; c < 3; ++c) centre += mesh.positions[mesh.indices[3 * std::size_t(t) + c]];
    centre /= float(3 * split.fan.size());
    const glm::vec3 here = mesh.positions[split.vertex];
    const float len = glm::length(centre - here);
    const auto copy = std::uint32_t(mesh.positions.size());
    mesh.positions.push_back(here + (len > 0.0f ? (centre - here) / len * nudge : glm::vec3(0.0f)));
    for (std::uint32_t t : split.fan)
      for (int c = 0; c < 3; ++c)
        if (mesh.indices[3 * std::size_t(t) + c] == split.vertex) mesh.indices[3 * std::size_t(t) + c] = copy;
  }
  mesh.normals.resize(mesh.positions.size(), glm::vec3(0, 1, 0));
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

void keepLargestPiece(Mesh& mesh) {
  const std::size_t nv = mesh.positions.size(), nt = mesh.indices.size() / 3;
  if (nt == 0) return;
  std::vector<std::uint32_t> parent(nv);
  for (std::uint32_t v = 0; v < nv; ++v) parent[v] = v;
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t t = 0; t < nt; ++t)
    for (int c = 1; c < 3; ++c) parent[find(mesh.indices[3 * t + c])] = find(mesh.indices[3 * t]);
  std::vector<std::size_t> count(nv, 0);
  for (std::size_t t = 0; t < nt; ++t) ++count[find(mesh.indices[3 * t])];
  const auto largest = std::uint32_t(std::max_element(count.begin(), count.end()) - count.begin());
  if (count[largest] == nt) return;
  std::vector<std::uint32_t> remap(nv, UINT32_MAX);
  Mesh kept = mesh;
  kept.positions.clear();
  kept.normals.clear();
  kept.uvs.clear();
  kept.colors.clear();
  kept.fibres.clear();
  kept.indices.clear();
  for (std::size_t t = 0; t < nt; ++t) {
    if (find(mesh.indices[3 * t]) != largest) continue;
    for (int c = 0; c < 3; ++c) {
      const std::uint32_t v = mesh.indices[3 * t + c];
      if (remap[v] == UINT32_MAX) {
        remap[v] = std::uint32_t(kept.positions.size());
        kept.positions.push_back(mesh.positions[v]);
        if (v < mesh.normals.size()) kept.normals.push_back(mesh.normals[v]);
        if (v < mesh.uvs.size()) kept.uvs.push_back(mesh.uvs[v]);
        if (v < mesh.colors.size()) kept.colors.push_back(mesh.colors[v]);
        if (v < mesh.fibres.size()) kept.fibres.push_back(mesh.fibres[v]);
      }
      kept.indices.push_back(remap[v]);
    }
  }
  mesh = std::move(kept);
}

}  // namespace dorsum::core
