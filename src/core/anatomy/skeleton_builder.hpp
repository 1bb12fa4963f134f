#pragma once
// Bones as context, built from the atlas landmarks: vertebrae with spinous and transverse
// processes, sacrum and coccyx, ribs, scapulae, clavicles, humeri, ilia, the skull and the
// ligamentum nuchae. Shapes are simplified; positions come from the landmarks.
#include "core/anatomy/body_frame.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <vector>

namespace dorsum::core {

struct BuiltBone {
  Mesh mesh;           // named <bone id> or <bone id>_l / _r
  std::string boneId;  // the atlas id
  bool girdle = false;  // scapula, clavicle, humerus: lie on the intermediate layers, not on the core
};

std::vector<BuiltBone> buildSkeleton(const Atlas& atlas, const BodyFrame& frame, float resolution);

}  // namespace dorsum::core
