#pragma once
// Turns an implicit shape (a signed distance function, negative inside) into a closed, outward
// triangle mesh: surface nets on a regular grid, evaluated only in blocks near the surface, each
// vertex projected onto the surface, area-weighted normals, then (optionally) reduced
// by meshoptimizer's edge-collapse simplifier. Bones and the skin are built this way.
#include "core/mesh.hpp"

#include <functional>
#include <string>

namespace dorsum::core {

using DistanceFunction = std::function<float(const glm::vec3&)>;

struct PolygonizeOptions {
  float cell = 0.002f;        // grid spacing (metres): details finer than about two cells are lost
  int projectSteps = 2;       // Newton steps taking each vertex onto the surface
  float keepFraction = 1.0f;  // simplify to about this fraction of the triangles (1: no simplification)
  float maxError = 0.0005f;   // largest deviation the simplifier may introduce (metres)
  int threads = 2;            // the field is evaluated on this many threads
};

// `bounds` must contain the whole shape; it is grown by two cells so the surface never meets the
// edge of the grid. The field must be safe to call from several threads at once.
Mesh polygonize(const std::string& name, const DistanceFunction& field, const Bounds& bounds,
                const PolygonizeOptions& options = {});

// Gives each fan of triangles round a vertex its own vertex where several fans meet there (as
// edge collapse can leave two sheets pinched together at a point or along an edge), so the mesh
// is a 2-manifold again; each copy is nudged by `nudge` into its fan.
void separateFans(Mesh& mesh, float nudge);

// Keeps the piece (triangles linked through shared vertices) with the most triangles: a surface
// that must be one, without the stray bubbles a field's thin spots can leave.
void keepLargestPiece(Mesh& mesh);

// Simplifies a closed mesh in place to about keepFraction of its triangles, moving its surface by
// at most maxError (metres); keeps vertex attributes of the vertices it keeps.
void simplifyMesh(Mesh& mesh, float keepFraction, float maxError);

}  // namespace dorsum::core
