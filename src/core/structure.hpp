#pragma once
// What a mesh of the body is: a muscle part, a bone, the skin (or, in a user's model, nothing
// known). Written into the baked GLB with each node (core/model_io.hpp) and read back from there.
#include "core/atlas/atlas.hpp"

#include <optional>
#include <string>

namespace dorsum::core {

enum class StructureKind { Muscle, Bone, Skin, Other };

struct Structure {
  std::string node;      // mesh / node name, e.g. "rhomboid_major_l"
  std::string id;        // atlas id of the part or bone, e.g. "rhomboid_major"
  std::string muscleId;  // for muscle parts: the muscle, e.g. "trapezius" for "trapezius_ascending"
  StructureKind kind = StructureKind::Other;
  int layer = 0;  // muscles only
  std::optional<Side> side;
};

}  // namespace dorsum::core
