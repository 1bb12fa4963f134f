#pragma once
// The body's frame of reference, derived from the atlas landmarks: the spine level by level (the
// measured tips of the spinous and transverse processes, and the vertebral bodies placed from
// them), and the hidden deep core (thorax, abdomen and neck under the back muscles) that the
// deepest muscles lie on. The core follows the ribs' own landmarks, so it changes with them.
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <string>
#include <vector>

namespace dorsum::core {

struct SpineLevel {
  std::string vertebra;        // "c1" ... "l5"
  glm::vec3 spinous{0.0f};     // tip of the spinous process (posterior tubercle for C1)
  glm::vec3 transverse{0.0f};  // tip of the left transverse process
  glm::vec3 body{0.0f};        // centre of the vertebral body (of the anterior arch for C1)
  glm::vec3 bodyHalf{0.0f};    // half width, half height, half depth of the body
  char region() const { return vertebra.empty() ? '?' : vertebra[0]; }
  int number() const { return vertebra.size() > 1 ? std::stoi(vertebra.substr(1)) : 0; }
};

class BodyFrame {
public:
  explicit BodyFrame(const Atlas& atlas);

  const std::vector<SpineLevel>& levels() const { return levels_; }  // top (C1) to bottom (L5)
  const SpineLevel* level(const std::string& vertebra) const;
  // The hidden core the deepest muscles lie on (never drawn): lofted rings through the ribs in the
  // thorax, the neck above and the posterior abdominal wall below.
  Mesh deepCore(float resolution = 1.0f) const;

private:
  const Atlas& atlas_;
  std::vector<SpineLevel> levels_;
};

}  // namespace dorsum::core
