#pragma once
// What a massage stroke looks like on the body at an instant, as one triangle mesh with a colour
// and an opacity per vertex (colors: rgb, a = opacity), drawn over the body: the contact as a
// hand, thumb, fingertips, knuckles, fist, elbow or forearm of the tool's size, sunk into the skin
// as it presses; a ring of the pressure's colour; a fading trail of where it has just been; an
// arrow the way it moves; for cross-fibre friction and stripping, the fibre direction beside it.
// Pure geometry (no GL), a function of the routine and the time.
#include "core/mesh.hpp"
#include "core/strokes/stroke_motion.hpp"

namespace dorsum::core {

struct GlyphOptions {
  float trailSeconds = 1.6f;
  float trailStep = 1.0f / 30.0f;
};

// Colours of the legend (linear RGB): the trail, the direction arrow, the fibre bar, and each
// pressure's ring.
inline constexpr glm::vec3 kTrailColor{0.15f, 0.75f, 1.0f};
inline constexpr glm::vec3 kArrowColor{1.0f, 1.0f, 1.0f};
inline constexpr glm::vec3 kFibreColor{0.25f, 0.95f, 0.35f};
glm::vec3 pressureColor(Pressure p);

// The glyphs of the routine at time t (the sample at t, passed in so it is computed once).
Mesh strokeGlyphs(const RoutineMotion& motion, const StrokeSample& now, const GlyphOptions& options = {});

}  // namespace dorsum::core
