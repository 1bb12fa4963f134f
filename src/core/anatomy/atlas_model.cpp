#include "core/anatomy/atlas_model.hpp"

#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/muscle_builder.hpp"
#include "core/anatomy/skeleton_builder.hpp"
#include "core/anatomy/skin_builder.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace dorsum::core {

AtlasModel buildAtlasModel(const Atlas& atlas, float resolution) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::pair<std::string, double>> stageMs;
  auto start = Clock::now();
  auto lap = [&](const char* stage) {
    const auto now = Clock::now();
    stageMs.emplace_back(stage, std::chrono::duration<double, std::milli>(now - start).count());
    start = now;
  };
  const BodyFrame frame(atlas);
  const Mesh core = frame.deepCore(resolution);
  std::vector<BuiltBone> bones = buildSkeleton(atlas, frame, resolution);
  lap("skeleton");
  MuscleBuildOptions options;
  options.resolution = resolution;
  std::vector<BuiltMuscle> muscles = buildMuscles(atlas, frame, bones, core, options);
  lap("muscles");
  // The skin follows the trunk's muscles and bones; the limbs and the skull have envelopes of
  // their own, sized to enclose the deltoid and the humeral head.
  std::vector<const Mesh*> relief, covered;
  for (const auto& m : muscles) {
    relief.push_back(&m.mesh);  // the deltoid too: it rounds the shoulder and the axillary fold
    if (m.muscleId == "deltoid") covered.push_back(&m.mesh);
  }
  for (const auto& b : bones) {
    static const char* const limbOrHead[] = {"humerus", "radius", "ulna", "hand", "femur", "cranium", "occipital", "temporal", "mandible"};
    const bool skip = std::find(std::begin(limbOrHead), std::end(limbOrHead), b.boneId) != std::end(limbOrHead);
    if (!skip) relief.push_back(&b.mesh);
    if (b.boneId == "humerus" && b.mesh.name.ends_with("_l")) covered.push_back(&b.mesh);
  }
  std::vector<const Mesh*> coveredLeft;
  for (const Mesh* m : covered)
    if (m->name.ends_with("_l")) coveredLeft.push_back(m);
  Mesh skin = buildSkin(atlas, frame, relief, coveredLeft, resolution);
  lap("skin");
  AtlasModel model;
  model.stageMs = stageMs;
  for (auto& m : muscles) {
    Structure s{m.mesh.name, m.partId, m.muscleId, StructureKind::Muscle, m.layer, m.side};
    model.scene.meshes.push_back(std::move(m.mesh));
    model.structures.push_back(s);
  }
  for (auto& b : bones) {
    model.structures.push_back({b.mesh.name, b.boneId, "", StructureKind::Bone, 0, b.side});
    model.scene.meshes.push_back(std::move(b.mesh));
  }
  model.structures.push_back({"skin", "skin", "", StructureKind::Skin, 0, std::nullopt});
  model.scene.meshes.push_back(std::move(skin));
  return model;
}

AtlasModel describeScene(const Atlas& atlas, Scene scene, const std::vector<Structure>& table, const std::string& what) {
  if (table.empty())
    throw UserError(what + " carries no table of its structures; bake it again with this version ('dorsum bake').");
  AtlasModel model;
  for (const auto& m : scene.meshes) {
    const auto it = std::find_if(table.begin(), table.end(), [&](const Structure& s) { return s.node == m.name; });
    if (it == table.end())
      throw UserError(what + " has a part '" + m.name + "' its structure table does not describe; bake it again.");
    // The table must agree with the atlas it is shown with.
    const Structure& s = *it;
    const bool known = s.kind == StructureKind::Skin ||
                       (s.kind == StructureKind::Bone && atlas.bone(s.id)) ||
                       (s.kind == StructureKind::Muscle && atlas.muscle(s.muscleId) && [&] {
                         for (const auto& p : atlas.muscle(s.muscleId)->parts)
                           if (p.id == s.id) return true;
                         return false;
                       }());
    if (!known)
      throw UserError(what + " names a structure '" + s.id + "' the atlas does not have; bake it again from these atlas files.");
    model.structures.push_back(s);
  }
  model.scene = std::move(scene);
  return model;
}

}  // namespace dorsum::core
