#include "core/mesh_checks.hpp"

#include <map>
#include <tuple>

namespace dorsum::core {

std::string TopologyReport::describe() const {
  return std::to_string(boundaryEdges) + " boundary, " + std::to_string(nonManifoldEdges) + " non-manifold, " +
         std::to_string(misorientedEdges) + " misoriented edges";
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
  for (const auto& [edge, use] : edges) {
    if (use.first == 1) ++r.boundaryEdges;
    else if (use.first > 2) ++r.nonManifoldEdges;
    else if (use.second != 0) ++r.misorientedEdges;
  }
  return r;
}

}  // namespace dorsum::core
