#pragma once
// The built body: every structure's mesh with what it is (muscle part, bone, skin), its layer and
// side. Mesh names are node names in the baked GLB: the atlas id, with _l / _r for a side.
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"
#include "core/structure.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

struct AtlasModel {
  Scene scene;
  std::vector<Structure> structures;  // parallel to scene.meshes
  // How long each stage of the build took (milliseconds): skeleton, muscles, skin (for bench).
  std::vector<std::pair<std::string, double>> stageMs;
};

// Builds the body from the atlas. resolution 1 is the default; 0.5 coarser, 2 finer.
AtlasModel buildAtlasModel(const Atlas& atlas, float resolution = 1.0f);

// Attaches the structure table read with the GLB (glbStructureTable) to its scene, checked against
// the atlas; throws UserError naming `what` when the table is missing or does not fit.
AtlasModel describeScene(const Atlas& atlas, Scene scene, const std::vector<Structure>& table, const std::string& what);

}  // namespace dorsum::core
