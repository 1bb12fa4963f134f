#pragma once
// The skeleton, built from the atlas landmarks (bone_shapes.hpp): vertebrae by level, sacrum and
// coccyx, ribs with their cartilages and the sternum, scapulae, clavicles, the arm, forearm and
// hand bones, hip bones and upper femora, the skull in its bones and the mandible, and the
// ligamentum nuchae. Bilateral bones are built on the left and mirrored.
#include "core/anatomy/body_frame.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <optional>
#include <vector>

namespace dorsum::core {

struct BuiltBone {
  Mesh mesh;            // named <bone id> or <bone id>_l / _r
  std::string boneId;   // the atlas id
  std::optional<Side> side;  // for a bilateral bone
  bool girdle = false;  // shoulder girdle and arm: the scapular layers lie on them, the trunk's deep layers do not
};

std::vector<BuiltBone> buildSkeleton(const Atlas& atlas, const BodyFrame& frame, float resolution);

}  // namespace dorsum::core
