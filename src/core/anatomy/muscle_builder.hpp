#pragma once
// Muscles generated from their attachments: each part is a thick sheet whose fibres run from its
// origin line to its insertion line, laid onto the structures beneath it. Layers are built from
// the deepest out; a muscle's inner surface rests on whatever deeper structure a ray along the
// outward direction meets last, so along outward directions every layer lies outside the one
// below. Within a layer, muscles listed later in muscles.json are taken as the deeper ones.
#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/skeleton_builder.hpp"
#include "core/atlas/atlas.hpp"

#include <vector>

namespace dorsum::core {

struct BuiltMuscle {
  Mesh mesh;  // named <part id>_l / _r
  std::string muscleId, partId;
  int layer = 0;
  Side side = Side::Left;
  std::size_t gridVertices = 0;  // vertices per surface: [0, n) inner, [n, 2n) outer, then walls
};

struct MuscleBuildOptions {
  float resolution = 1.0f;
  float layerGap = 0.0015f;   // space between a muscle and what it lies on
  float rayReach = 0.07f;     // how far below and above the attachment chord to look for support
  float attachmentRamp = 0.07f;  // fraction of the fibre length over which an end leaves its bone
};

// The fraction along the fibres below which a vertex is still blended toward its attachment
// chord (so the ends meet their landmarks); tests skip those zones when checking layering.
float attachmentBlend(float u, float ramp);

std::vector<BuiltMuscle> buildMuscles(const Atlas& atlas, const BodyFrame& frame, const std::vector<BuiltBone>& bones,
                                      const Mesh& deepCore, const MuscleBuildOptions& options = {});

// Base colour of a muscle part (linear RGB): red-brown, varied so that neighbours differ.
glm::vec3 muscleColor(const Atlas& atlas, const std::string& muscleId, int partIndex);

}  // namespace dorsum::core
