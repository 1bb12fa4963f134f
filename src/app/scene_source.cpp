#include "app/scene_source.hpp"
#include "core/atlas/atlas_json.hpp"

#include <iostream>

#include "core/anatomy/atlas_model.hpp"
#include "core/display_state.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"
#include "core/model_import.hpp"
#include "core/model_io.hpp"


#include <algorithm>
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
    out.scene = core::importModelIsolated(*request.model, core::importLimitsFromEnvironment());
    out.title = request.model->filename().string();
    for (const auto& m : out.scene.meshes) out.structures.push_back({m.name, m.name, "", core::StructureKind::Other, 0, {}});
    return out;
  }
  core::Atlas atlas = core::loadAtlasOrThrow(request.atlasDir);
  const fs::path baked = bakedAtlasPath();
  std::error_code ec;
  std::string glb, what;
  const std::string stamp = core::bakeStamp(core::atlasToJson(atlas, -1));
  if (!request.atlasDir && !baked.empty() && fs::exists(baked, ec)) {
    try {
      glb = core::readTextFile(baked, "The baked body");
    } catch (const core::UserError&) {
      glb.clear();
    }
    what = "The baked body '" + baked.string() + "'";
    // A truncated file, or a GLB of another atlas or build put in its place, is not the back.
    if (!core::glbMatchesStamp(glb, stamp)) {
      std::cerr << "dorsum: the baked body '" << baked.string()
                << "' is incomplete or was not baked from this atlas; building the body in memory instead.\n";
      glb.clear();
    }
  }
  if (glb.empty()) {
    // No usable baked file (an installed binary, edited atlas files, a damaged file): bake now.
    const core::AtlasModel built = core::buildAtlasModel(atlas);
    glb = core::sceneToGlb(built.scene, &built.structures, stamp);
    what = "The body baked in memory";
  }
  // What each node is comes from the table written with the bake, not from its name.
  core::AtlasModel model =
      core::describeScene(atlas, core::loadModelFromMemory(glb, "glb", what, true), core::glbStructureTable(glb, what), what);
  out.scene = std::move(model.scene);
  out.structures = std::move(model.structures);
  out.atlas = std::move(atlas);
  out.referral = std::make_shared<const core::ReferralMap>(*out.atlas, out.scene, out.structures);
  out.title = "the back";
  try {
    out.routines = std::make_shared<const core::RoutineSet>(core::loadRoutinesOrThrow(*out.atlas));
  } catch (const core::UserError& e) {
    out.routinesProblem = e.what();
  }
  return out;
}

std::shared_ptr<const core::MassageBody> massageBody(const LoadedScene& loaded) {
  if (!loaded.atlas || !loaded.referral)
    throw core::UserError("Massage routines play on the body; '" + loaded.title + "' is a model without it.");
  if (!*loaded.massage) *loaded.massage = std::make_shared<const core::MassageBody>(loaded.scene, loaded.structures, loaded.referral);
  return *loaded.massage;
}

core::RoutineMotion routineMotion(const LoadedScene& loaded, const std::string& id) {
  if (!loaded.routines) {
    if (!loaded.routinesProblem.empty()) throw core::UserError(loaded.routinesProblem);
    throw core::UserError("Massage routines play on the body; '" + loaded.title + "' is a model without them.");
  }
  const core::Routine* r = loaded.routines->routine(id);
  if (!r) {
    std::string known;
    for (const auto& x : loaded.routines->routines) known += (known.empty() ? "" : ", ") + x.id;
    throw core::usageError("The routine '" + id + "' is unknown; the routines are " + known + ".");
  }
  return core::RoutineMotion(*r, *loaded.atlas, massageBody(loaded));
}

core::ViewState loadViewState(const fs::path& path, const core::ViewContext& ctx) {
  return core::viewStateFromText(core::readTextFile(path, "The view state file"), "The view state file '" + path.string() + "'", ctx);
}

core::ViewContext viewContext(const LoadedScene& loaded, const core::Bvh* bvh) {
  core::ViewContext ctx = core::ViewContext::of(loaded.scene, loaded.structures, loaded.atlas ? loaded.atlas->deepestLayer() : 0);
  ctx.bvh = bvh;
  ctx.referral = loaded.referral.get();
  ctx.routines = loaded.routines.get();
  ctx.atlas = loaded.atlas ? &*loaded.atlas : nullptr;
  return ctx;
}

}  // namespace dorsum::app
