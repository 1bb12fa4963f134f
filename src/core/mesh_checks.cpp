#include "core/mesh_checks.hpp"

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
