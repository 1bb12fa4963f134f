#pragma once
// The built body: every structure's mesh with what it is (muscle part, bone, skin), its layer and
// side. Mesh names are node names in the baked GLB: the atlas id, with _l / _r for a side.
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <optional>
#include <string>
#include <vector>

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

struct AtlasModel {
  Scene scene;
  std::vector<Structure> structures;  // parallel to scene.meshes
  // How long each stage of the build took (milliseconds): skeleton, muscles, skin (for bench).
  std::vector<std::pair<std::string, double>> stageMs;
};

// Builds the body from the atlas. resolution 1 is the default; 0.5 coarser, 2 finer.
AtlasModel buildAtlasModel(const Atlas& atlas, float resolution = 1.0f);

// What a node name stands for in this atlas (kind Other when it is none of its structures).
Structure describeNode(const Atlas& atlas, const std::string& node);
// Attaches structure descriptions to a scene loaded from a GLB.
AtlasModel describeScene(const Atlas& atlas, Scene scene);

}  // namespace dorsum::core
