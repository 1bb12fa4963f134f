#pragma once
// A thick sheet between an inner surface and an outer one, closed by four walls: the shape of every
// generated muscle (and of plate-like bones). u runs along the grid's first axis (the fibres).
#include "core/mesh.hpp"

#include <vector>

namespace dorsum::core {

struct SheetGrid {
  int nu = 0, nv = 0;                  // vertices along u (fibres) and v (across)
  std::vector<glm::vec3> inner;        // nu * nv, row-major in u
  std::vector<glm::vec3> outward;      // unit direction of the thickness at each vertex
  std::vector<float> thickness;        // metres
  std::vector<glm::vec4> color;        // optional tint per vertex
  SheetGrid(int nu_, int nv_)
      : nu(nu_), nv(nv_), inner(std::size_t(nu_) * nv_), outward(inner.size()), thickness(inner.size()) {}
  std::size_t at(int i, int j) const { return std::size_t(i) * nv + j; }
};

// Builds the closed mesh. UV: x = u in 0..1 along the fibres, y = distance across the fibres in
// centimetres (so striations keep their width on wide and narrow muscles).
Mesh makeSheet(const std::string& name, const SheetGrid& grid);

// Mirrors a left-side mesh into the right side (x -> -x), keeping triangles facing outward.
Mesh mirrorX(const Mesh& mesh, const std::string& name);

}  // namespace dorsum::core
