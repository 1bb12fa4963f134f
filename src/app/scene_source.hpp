#pragma once
// Where the scene comes from: a model file the user names, or the body built from the atlas
// (the GLB baked at build time, or baked in memory when that file is absent or --atlas is given).
// Both go through Assimp, so the body loads exactly as a user's model does.
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"
#include "core/view/view_state.hpp"
#include "core/anatomy/referral.hpp"
#include "core/strokes/stroke_motion.hpp"

#include <memory>

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
  // Trigger points on their muscles and regions on the skin (the body only). Shared: the viewer
  // copies LoadedScene values around, the map is built once.
  std::shared_ptr<const core::ReferralMap> referral;
  std::string title;                          // shown in the window title and the UI
  std::vector<core::Structure> structures;    // parallel to scene.meshes
  std::optional<core::Atlas> atlas;           // present for the body
  // The massage routines (the body only), checked against its atlas; when they cannot be read,
  // why (the body still opens).
  std::shared_ptr<const core::RoutineSet> routines;
  std::string routinesProblem;
  // Filled by massageBody() on first use; shared by the copies of this value.
  std::shared_ptr<std::shared_ptr<const core::MassageBody>> massage = std::make_shared<std::shared_ptr<const core::MassageBody>>();
};

// The body as massage strokes see it (its skin and what lies under it): built on first use, as it
// costs two ray-cast hierarchies. Throws UserError for a scene that is not the body.
std::shared_ptr<const core::MassageBody> massageBody(const LoadedScene& loaded);
// A routine laid on the body; throws UserError naming an unknown id and the known ones.
core::RoutineMotion routineMotion(const LoadedScene& loaded, const std::string& id);

// Throws core::UserError when the model or the atlas cannot be read.
LoadedScene loadScene(const SceneRequest& request);

// The GLB baked by the build, next to the executable (bin/../assets/atlas.glb).
std::filesystem::path bakedAtlasPath();

// What the view state needs of this scene (core::ViewContext); with a BVH, a selection can ghost
// what covers it.
core::ViewContext viewContext(const LoadedScene& loaded, const core::Bvh* bvh = nullptr);

// A view state saved as JSON (`--state FILE`); throws UserError naming the file and what is wrong.
core::ViewState loadViewState(const std::filesystem::path& path, const core::ViewContext& ctx);

}  // namespace dorsum::app
