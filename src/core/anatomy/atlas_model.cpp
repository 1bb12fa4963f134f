#include "core/anatomy/atlas_model.hpp"

#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/muscle_builder.hpp"
#include "core/anatomy/skeleton_builder.hpp"
#include "core/anatomy/skin_builder.hpp"

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
    model.structures.push_back(describeNode(atlas, b.mesh.name));
    model.scene.meshes.push_back(std::move(b.mesh));
  }
  model.structures.push_back({"skin", "skin", "", StructureKind::Skin, 0, std::nullopt});
  model.scene.meshes.push_back(std::move(skin));
  return model;
}

Structure describeNode(const Atlas& atlas, const std::string& node) {
  Structure s;
  s.node = node;
  std::string base = node;
  if (node.size() > 2 && (node.ends_with("_l") || node.ends_with("_r"))) {
    base = node.substr(0, node.size() - 2);
    s.side = node.back() == 'l' ? Side::Left : Side::Right;
  }
  if (node == "skin") {
    s.id = "skin";
    s.kind = StructureKind::Skin;
    return s;
  }
  for (const auto& m : atlas.muscles)
    for (const auto& p : m.parts)
      if (p.id == base) {
        s.id = p.id;
        s.muscleId = m.id;
        s.kind = StructureKind::Muscle;
        s.layer = m.layer;
        return s;
      }
  if (atlas.bone(base)) {
    s.id = base;
    s.kind = StructureKind::Bone;
    return s;
  }
  if (atlas.bone(node)) {  // a midline bone whose id ends like a side, should one ever exist
    s.id = node;
    s.kind = StructureKind::Bone;
    s.side.reset();
    return s;
  }
  s.id = node;
  s.side.reset();
  return s;
}

AtlasModel describeScene(const Atlas& atlas, Scene scene) {
  AtlasModel model;
  for (const auto& m : scene.meshes) model.structures.push_back(describeNode(atlas, m.name));
  model.scene = std::move(scene);
  return model;
}

}  // namespace dorsum::core
