#pragma once
// Where the scene comes from: a model file the user names, or the body built from the atlas
// (the GLB baked at build time, or baked in memory when that file is absent or --atlas is given).
// Both go through Assimp, so the body loads exactly as a user's model does.
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace dorsum::app {

struct SceneRequest {
  std::optional<std::filesystem::path> model;     // a user's model instead of the body
  std::optional<std::filesystem::path> atlasDir;  // edited atlas files instead of the built-in ones
};

struct LoadedScene {
  core::Scene scene;
  std::string title;                          // shown in the window title and the UI
  std::vector<core::Structure> structures;    // parallel to scene.meshes
  std::optional<core::Atlas> atlas;           // present for the body
};

// Throws core::UserError when the model or the atlas cannot be read.
LoadedScene loadScene(const SceneRequest& request);

// The GLB baked by the build, next to the executable (bin/../assets/atlas.glb).
std::filesystem::path bakedAtlasPath();

// Which structures to draw.
struct Visibility {
  int peel = 0;         // layers removed from the surface (0: all layers present)
  bool skin = false;    // the body surface, opaque
  bool skeleton = true;
  std::vector<std::string> hidden;  // structure ids: a muscle, a part, a bone, a node (with _l/_r), "skin"
};

// Whether an id names a structure of the scene (for --hide and the like).
bool matchesStructure(const core::Structure& s, const std::string& id);
// Throws a usage UserError naming the id and the nearest valid ids when an id matches nothing.
void requireKnownIds(const LoadedScene& loaded, const std::vector<std::string>& ids, const char* option);
std::vector<bool> visibleMeshes(const LoadedScene& loaded, const Visibility& visibility);

}  // namespace dorsum::app
