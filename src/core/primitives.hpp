#pragma once
// Procedural closed meshes (ellipsoids, capsules, lofted rings) used by the test figure now and by
// the bone and body-surface builders later. All are closed, outward-facing, with smooth normals.
#include "core/mesh.hpp"

#include <functional>

namespace dorsum::core {

Mesh makeEllipsoid(const std::string& name, glm::vec3 center, glm::vec3 radii, int rings = 24, int segments = 32);
// A capsule from a to b (hemispherical ends) of radius r.
Mesh makeCapsule(const std::string& name, glm::vec3 a, glm::vec3 b, float r, int rings = 16, int segments = 24);
// A closed tube swept along v in [0,1]: ring(v, angle) gives the surface point; the two ends are
// closed with a fan to ring(0, *) and ring(1, *) centroids. u = angle / 2pi, v as given.
Mesh makeLoft(const std::string& name, const std::function<glm::vec3(float v, float angle)>& ring, int rings,
              int segments);

// A closed tube through the points (a Catmull-Rom curve), radius interpolated along it; flatten
// < 1 squashes the section along `flatAxis` (ribs, the clavicle).
Mesh makeTube(const std::string& name, const std::vector<glm::vec3>& points, const std::vector<float>& radii,
              int samplesPerSpan = 6, int segments = 12, float flatten = 1.0f,
              glm::vec3 flatAxis = glm::vec3(0, 1, 0));

// Appends b's triangles to a (a mesh made of several closed parts).
void appendMesh(Mesh& a, const Mesh& b);

// A simple figure (head, neck, trunk, arms) for renderer tests that must not depend on the atlas.
Scene makeTestFigure();

}  // namespace dorsum::core
