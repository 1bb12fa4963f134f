#pragma once
// The body surface: one closed, welded skin over the head, neck, trunk, arms, forearms and hands
// with separate fingers, buttocks and upper thighs. It is an implicit surface: a smooth envelope
// of the body's segments (sizes from ANSUR II, scaled to the atlas's stature) joined with the
// relief of what lies beneath the skin of the trunk (muscles and bones plus a layer of fat, found
// by rays toward the trunk's axis), so the scapula, the spinal furrow and the latissimus show
// through; then polygonised and simplified.
#include "core/anatomy/body_frame.hpp"
#include "core/atlas/atlas.hpp"
#include "core/mesh.hpp"

#include <vector>

namespace dorsum::core {

// `relief`: the structures whose shape the skin of the trunk and neck follows (muscles and bones
// of the trunk, not the limbs or the skull). `covered`: structures the skin must also enclose
// (the deltoid over the shoulder), by sizing the limbs around them.
Mesh buildSkin(const Atlas& atlas, const BodyFrame& frame, const std::vector<const Mesh*>& relief,
               const std::vector<const Mesh*>& covered, float resolution);

}  // namespace dorsum::core
