#pragma once
// The body surface: head, neck, trunk down over the buttocks to the upper thighs, both arms to the
// hands. The trunk is shrink-wrapped around everything built beneath it (so no muscle pierces
// the skin) over a default adult outline; head, arms, hands and thighs are smooth closed shapes.
#include "core/anatomy/body_frame.hpp"
#include "core/mesh.hpp"

#include <vector>

namespace dorsum::core {

Mesh buildSkin(const BodyFrame& frame, const std::vector<const Mesh*>& inside, float resolution);

}  // namespace dorsum::core
