#pragma once
// The shapes of the bones, built as implicit solids around the atlas landmarks (measured
// BodyParts3D points and points derived from them) and turned into meshes. Each function builds
// one bone on the left side (or on the midline); the skeleton builder mirrors the right side.
// Dimensions that are not landmarks come from the sources cited in the atlas's bones.json.
#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/implicit_shape.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <string>

namespace dorsum::core {

struct BoneContext {
  const Atlas& atlas;
  const BodyFrame& frame;
  float resolution = 1.0f;
  // A landmark's position on the left side; a missing landmark is a clear error naming the bone.
  glm::vec3 at(const std::string& landmark, const std::string& bone) const;
  bool has(const std::string& landmark) const { return atlas.landmark(landmark) != nullptr; }
  // Polygonises a bone's shape at a grid spacing of `cell` (scaled by the resolution), keeping
  // about `keep` of the triangles.
  Mesh solid(const std::string& name, const ImplicitShape& shape, float cell, float keep) const;
};

// Ivory bone, and the bluish white of cartilage (linear RGB).
inline constexpr glm::vec3 kBoneColor{0.62f, 0.57f, 0.46f};
inline constexpr glm::vec3 kCartilageColor{0.56f, 0.60f, 0.62f};

Mesh vertebraShape(const BoneContext& c, const std::string& id);
Mesh sacrumShape(const BoneContext& c);
Mesh coccyxShape(const BoneContext& c);
Mesh nuchalLigamentShape(const BoneContext& c);

Mesh ribShape(const BoneContext& c, int n);  // with its costal cartilage, tinted
Mesh sternumShape(const BoneContext& c);

Mesh scapulaShape(const BoneContext& c);
Mesh clavicleShape(const BoneContext& c);

Mesh humerusShape(const BoneContext& c);
Mesh radiusShape(const BoneContext& c);
Mesh ulnaShape(const BoneContext& c);
Mesh handShape(const BoneContext& c);
Mesh hipBoneShape(const BoneContext& c);
Mesh femurShape(const BoneContext& c);

Mesh craniumShape(const BoneContext& c);
Mesh occipitalShape(const BoneContext& c);
Mesh temporalShape(const BoneContext& c);
Mesh mandibleShape(const BoneContext& c);
// The whole skull and the mandible as implicit solids (the skin of the head is built on them).
ImplicitShape skullSolid(const BoneContext& c);
ImplicitShape mandibleSolid(const BoneContext& c);

}  // namespace dorsum::core
