#pragma once
// Muscles generated from their attachments. Each part is a thick sheet whose fibres run from its
// origin line to its insertion line; a muscle whose parts join (trapezius, latissimus, deltoid)
// is one continuous sheet cut into its parts along shared fibres. A fibre starts as the straight
// line between its ends, is lifted out of anything it was drawn through, then relaxed like a
// taut string held against what lies beneath (the bones, the hidden core and every muscle already
// built), so it wraps over convex surfaces and, as far as the part's `stick` says, follows
// hollows. Layers are built from the deepest out; within a layer, muscles listed later in
// muscles.json are taken as the deeper ones. The thickness grows outward along the sheet's normal.
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
  float layerGap = 0.002f;  // space between a muscle and what it lies on
  int relaxIterations = 10;
};

// The fraction of the fibre length at each end over which a sheet leaves its bone for the surface
// it lies on; tests skip those zones when checking layering.
inline constexpr float kAttachmentZone = 0.12f;

std::vector<BuiltMuscle> buildMuscles(const Atlas& atlas, const BodyFrame& frame, const std::vector<BuiltBone>& bones,
                                      const Mesh& deepCore, const MuscleBuildOptions& options = {});

// Base colour of a muscle part (linear RGB): red-brown, varied so that neighbours differ.
glm::vec3 muscleColor(const Atlas& atlas, const std::string& muscleId, int partIndex);

}  // namespace dorsum::core
