#pragma once
// Topology checks on CPU meshes: closed (watertight) and consistently oriented. Used by tests, by
// the atlas builder's self-checks and by the renderer's choice to cull back faces.
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

// Whether the renderer may cull the mesh's back faces: every edge (vertices welded by position) is
// shared by exactly two triangles running it in opposite directions, and the triangles face outward
// (positive enclosed volume). Decided once per loaded mesh, so it is cheap: sorting, no maps.
bool closedOutward(const Mesh& mesh);

}  // namespace dorsum::core
