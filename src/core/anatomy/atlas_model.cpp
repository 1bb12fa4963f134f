#include "core/anatomy/atlas_model.hpp"

#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/muscle_builder.hpp"
#include "core/anatomy/skeleton_builder.hpp"
#include "core/anatomy/skin_builder.hpp"

namespace dorsum::core {

AtlasModel buildAtlasModel(const Atlas& atlas, float resolution) {
  const BodyFrame frame(atlas);
  const Mesh core = frame.deepCore();
  std::vector<BuiltBone> bones = buildSkeleton(atlas, frame, resolution);
  MuscleBuildOptions options;
  options.resolution = resolution;
  std::vector<BuiltMuscle> muscles = buildMuscles(atlas, frame, bones, core, options);

  AtlasModel model;
  std::vector<const Mesh*> inside;
  for (const auto& m : muscles) inside.push_back(&m.mesh);
  for (const auto& b : bones)
    if (b.boneId != "humerus" && b.boneId != "occipital") inside.push_back(&b.mesh);  // arms and head have their own skin
  Mesh skin = buildSkin(frame, inside, resolution);

  // Node order: muscles superficial to deep, then bones, then skin.
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
