#pragma once
// Topology checks on CPU meshes: closed (watertight) and consistently oriented. Used by tests and
// by the atlas builder's self-checks.
#include "core/mesh.hpp"

#include <string>

namespace dorsum::core {

struct TopologyReport {
  std::size_t boundaryEdges = 0;      // edges used by one triangle only (holes)
  std::size_t nonManifoldEdges = 0;   // edges used by more than two triangles
  std::size_t misorientedEdges = 0;   // edges whose two triangles run the same way round
  std::size_t nonManifoldVertices = 0;  // vertices where two fans of triangles touch at a point
  std::size_t components = 0;         // pieces connected through shared edges
  bool closedAndOriented() const { return boundaryEdges == 0 && nonManifoldEdges == 0 && misorientedEdges == 0; }
  // One closed, oriented 2-manifold surface in one piece.
  bool singleClosedManifold() const { return closedAndOriented() && nonManifoldVertices == 0 && components == 1; }
  std::string describe() const;
};

// Vertices at the same position are welded first (UV seams duplicate them); degenerate triangles
// (two corners at one point, as at the poles of a sphere) are ignored.
TopologyReport checkTopology(const Mesh& mesh);

}  // namespace dorsum::core
