#include "core/mesh_checks.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <vector>
#include <tuple>

namespace dorsum::core {

std::string TopologyReport::describe() const {
  return std::to_string(boundaryEdges) + " boundary, " + std::to_string(nonManifoldEdges) + " non-manifold, " +
         std::to_string(misorientedEdges) + " misoriented edges; " + std::to_string(nonManifoldVertices) +
         " non-manifold vertices; " + std::to_string(components) + " piece" + (components == 1 ? "" : "s");
}

TopologyReport checkTopology(const Mesh& mesh) {
  // Weld by exact position: seams duplicate vertices bit for bit.
  std::map<std::tuple<float, float, float>, std::uint32_t> ids;
  std::vector<std::uint32_t> weld(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const auto& p = mesh.positions[i];
    weld[i] = ids.emplace(std::make_tuple(p.x, p.y, p.z), std::uint32_t(ids.size())).first->second;
  }
  // For each undirected edge: how often it is used and the sum of its directions (+1 / -1).
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<int, int>> edges;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {weld[mesh.indices[t]], weld[mesh.indices[t + 1]], weld[mesh.indices[t + 2]]};
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;
    for (int e = 0; e < 3; ++e) {
      const std::uint32_t a = v[e], b = v[(e + 1) % 3];
      auto& entry = edges[{std::min(a, b), std::max(a, b)}];
      entry.first += 1;
      entry.second += a < b ? 1 : -1;
    }
  }
  TopologyReport r;
  // Pieces, and fans round each vertex: triangles joined through shared edges (union-find).
  std::vector<std::uint32_t> parent(mesh.indices.size() / 3);
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = std::uint32_t(i);
  auto find = [&](std::uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> firstOfEdge;
  std::vector<std::vector<std::uint32_t>> around(ids.size());
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {weld[mesh.indices[t]], weld[mesh.indices[t + 1]], weld[mesh.indices[t + 2]]};
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;
    const auto tri = std::uint32_t(t / 3);
    for (int e = 0; e < 3; ++e) {
      around[v[e]].push_back(tri);
      const auto key = std::make_pair(std::min(v[e], v[(e + 1) % 3]), std::max(v[e], v[(e + 1) % 3]));
      const auto [it, fresh] = firstOfEdge.emplace(key, tri);
      if (!fresh) parent[find(tri)] = find(it->second);
    }
  }
  std::vector<bool> seenRoot(parent.size(), false);
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v0 = weld[mesh.indices[t]], v1 = weld[mesh.indices[t + 1]], v2 = weld[mesh.indices[t + 2]];
    if (v0 == v1 || v1 == v2 || v0 == v2) continue;
    const auto root = find(std::uint32_t(t / 3));
    if (!seenRoot[root]) {
      seenRoot[root] = true;
      ++r.components;
    }
  }
  // A vertex is manifold when its triangles form one fan: linked through the edges at the vertex.
  for (std::uint32_t v = 0; v < around.size(); ++v) {
    const auto& tris = around[v];
    if (tris.size() < 2) continue;
    std::map<std::uint32_t, std::vector<std::size_t>> byOther;  // the other corner of each edge at v
    for (std::size_t i = 0; i < tris.size(); ++i)
      for (int c = 0; c < 3; ++c) {
        const std::uint32_t w = weld[mesh.indices[3 * std::size_t(tris[i]) + c]];
        if (w != v) byOther[w].push_back(i);
      }
    std::vector<std::size_t> fan(tris.size());
    for (std::size_t i = 0; i < fan.size(); ++i) fan[i] = i;
    auto root = [&](std::size_t x) {
      while (fan[x] != x) x = fan[x] = fan[fan[x]];
      return x;
    };
    for (const auto& [w, list] : byOther)
      for (std::size_t i = 1; i < list.size(); ++i) fan[root(list[i])] = root(list[0]);
    std::size_t fans = 0;
    for (std::size_t i = 0; i < fan.size(); ++i) fans += root(i) == i ? 1 : 0;
    if (fans > 1) ++r.nonManifoldVertices;
  }
  for (const auto& [edge, use] : edges) {
    if (use.first == 1) ++r.boundaryEdges;
    else if (use.first > 2) ++r.nonManifoldEdges;
    else if (use.second != 0) ++r.misorientedEdges;
  }
  return r;
}

}  // namespace dorsum::core

namespace dorsum::core {

bool closedOutward(const Mesh& mesh) {
  if (mesh.indices.size() < 12 || mesh.indices.size() % 3 != 0) return false;  // no closed surface has fewer than 4 faces
  for (const auto i : mesh.indices)
    if (i >= mesh.positions.size()) return false;
  // Weld by exact position (seams duplicate vertices bit for bit): sort vertex numbers by their bits.
  std::vector<std::uint32_t> order(mesh.positions.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = std::uint32_t(i);
  auto bits = [&](std::uint32_t i) {
    const auto& p = mesh.positions[i];
    return std::make_tuple(std::bit_cast<std::uint32_t>(p.x), std::bit_cast<std::uint32_t>(p.y), std::bit_cast<std::uint32_t>(p.z));
  };
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return bits(a) < bits(b); });
  std::vector<std::uint32_t> weld(mesh.positions.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    weld[order[k]] = k > 0 && bits(order[k]) == bits(order[k - 1]) ? weld[order[k - 1]] : std::uint32_t(k);
  // Closed and consistently oriented: each directed edge occurs once, and so does its reverse.
  std::vector<std::uint64_t> edges, reversed;
  edges.reserve(mesh.indices.size());
  reversed.reserve(mesh.indices.size());
  double volume = 0.0;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const std::uint32_t v[3] = {weld[mesh.indices[t]], weld[mesh.indices[t + 1]], weld[mesh.indices[t + 2]]};
    if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;  // degenerate (a sphere's poles)
    for (int e = 0; e < 3; ++e) {
      const std::uint64_t a = v[e], b = v[(e + 1) % 3];
      edges.push_back(a << 32 | b);
      reversed.push_back(b << 32 | a);
    }
    const glm::dvec3 p0(mesh.positions[mesh.indices[t]]), p1(mesh.positions[mesh.indices[t + 1]]),
        p2(mesh.positions[mesh.indices[t + 2]]);
    volume += glm::dot(p0, glm::cross(p1, p2));
  }
  if (edges.empty()) return false;
  std::sort(edges.begin(), edges.end());
  if (std::adjacent_find(edges.begin(), edges.end()) != edges.end()) return false;  // an edge run twice the same way
  std::sort(reversed.begin(), reversed.end());
  return edges == reversed && volume > 0.0;  // NaN positions fail here too
}

}  // namespace dorsum::core
