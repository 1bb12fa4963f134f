#include "app/scene_source.hpp"

#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"
#include "core/model_io.hpp"

#include <unistd.h>

namespace dorsum::app {

namespace fs = std::filesystem;

fs::path bakedAtlasPath() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "assets" / "atlas.glb";
}

LoadedScene loadScene(const SceneRequest& request) {
  LoadedScene out;
  if (request.model) {
    out.scene = core::loadModel(*request.model);
    out.title = request.model->filename().string();
    for (const auto& m : out.scene.meshes) out.structures.push_back({m.name, m.name, "", core::StructureKind::Other, 0, {}});
    return out;
  }
  core::Atlas atlas = core::loadAtlasOrThrow(request.atlasDir);
  const fs::path baked = bakedAtlasPath();
  std::error_code ec;
  core::Scene scene;
  if (!request.atlasDir && !baked.empty() && fs::exists(baked, ec)) {
    scene = core::loadModel(baked);
  } else {
    // No baked file (an installed binary, or edited atlas files): bake now, in memory.
    const std::string glb = core::sceneToGlb(core::buildAtlasModel(atlas).scene);
    scene = core::loadModelFromMemory(glb, "glb", "The atlas baked in memory");
  }
  core::AtlasModel model = core::describeScene(atlas, std::move(scene));
  out.scene = std::move(model.scene);
  out.structures = std::move(model.structures);
  out.atlas = std::move(atlas);
  out.title = "the back";
  return out;
}

std::vector<bool> visibleMeshes(const LoadedScene& loaded, const Visibility& v) {
  std::vector<bool> visible(loaded.scene.meshes.size(), true);
  for (std::size_t i = 0; i < loaded.structures.size() && i < visible.size(); ++i) {
    const auto& s = loaded.structures[i];
    if (s.kind == core::StructureKind::Skin) visible[i] = v.skin;
    else if (s.kind == core::StructureKind::Bone) visible[i] = v.skeleton;
    else if (s.kind == core::StructureKind::Muscle) visible[i] = s.layer > v.peel;
  }
  return visible;
}

}  // namespace dorsum::app
