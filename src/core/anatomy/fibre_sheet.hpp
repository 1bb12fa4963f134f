#pragma once
// Laying a muscle's fibres on what lies beneath it: the grid of fibre paths of one sheet (one
// part, or several joined parts sharing their boundary fibres), before it is given thickness.
#include "core/anatomy/muscle_support.hpp"
#include "core/atlas/atlas.hpp"

#include <vector>

namespace dorsum::core {

struct FibreGrid {
  int nu = 0;                        // samples along each fibre, origin (0) to insertion (nu - 1)
  int columns = 0;                   // fibres across the whole sheet
  std::vector<glm::vec3> points;     // nu * columns, row-major in u: points[i * columns + j]
  // Where the inner surface dips from `points` to reach an attachment along a column (the outer
  // surface stays where `points` and the thickness put it).
  std::vector<glm::vec3> innerShift;
  std::vector<float> across;         // per column: 0..1 across the whole sheet
  std::vector<std::pair<int, int>> partColumns;  // per part: first and last column (shared at joins)
  const glm::vec3& at(int i, int j) const { return points[std::size_t(i) * columns + j]; }
  glm::vec3& at(int i, int j) { return points[std::size_t(i) * columns + j]; }
};

struct FibreOptions {
  float resolution = 1.0f;
  float gap = 0.0012f;
  int relaxIterations = 10;
};

// Lays the fibres of `parts` (one part, or consecutive parts of one muscle that join) on the
// support. Left side. Throws UserError naming the part when its landmarks are missing.
FibreGrid layFibres(const Atlas& atlas, const Muscle& muscle, const std::vector<const MusclePart*>& parts,
                    const OutwardField& outward, const MuscleSupport& support, const FibreOptions& options);

}  // namespace dorsum::core
