#pragma once
// How many samples per pixel a frame gets. A software renderer (Mesa's llvmpipe and softpipe,
// SwiftShader) pays for multisampling on the CPU, about two thirds of a frame, so there the
// picture is antialiased only when it stands still: moving frames go without, and the frame
// after the motion stops is drawn antialiased again. A GPU multisamples every frame.
#include "core/mesh.hpp"

#include <cstdint>
#include <string_view>

namespace dorsum::core {

// From GL_RENDERER: whether the rasteriser is software.
bool isSoftwareRenderer(std::string_view glRenderer);

// Samples for a frame: `stillSamples` unless a software renderer draws a moving picture (camera
// dragged or on a track, fades, a routine playing), then 0 (no multisample buffer at all).
int frameSamples(bool softwareRenderer, bool moving, int stillSamples = 4);

// Whether a frame draws the meshes' lighter triangle lists (motionIndices): on a software renderer
// while the picture moves, as for multisampling.
bool lighterWhileMoving(bool softwareRenderer, bool moving);

// A lighter version of a mesh for the frames a software renderer draws while the picture moves,
// as triangles over the same vertices (so per-vertex paint and picking stay as they are): about
// half its triangles, by meshoptimizer's simplifier, its surface kept within 0.4% of its size.
// llvmpipe's cost per triangle (vertex shading, set-up and binning on one thread) is most of a
// moving frame; the still frame after the motion draws every triangle again. Empty for a mesh too
// small to gain (under 400 triangles) or when the simplifier cannot remove a quarter of them.
std::vector<std::uint32_t> motionIndices(const Mesh& mesh);

// The mean length of a mesh's triangle edges (0 when it has none): how coarse it is.
float meanEdgeLength(const Mesh& mesh);

// How many pixels an edge `length` long spans on screen at the point of `bounds` nearest the eye,
// for a camera (its eye, view and projection) and a frame `height` pixels high; infinite when the
// eye is inside the bounds (perspective) or the bounds are empty.
float projectedPixels(float length, const Bounds& bounds, const glm::vec3& eye, const glm::mat4& view, const glm::mat4& projection,
                      int height);

// The key light's highlight is lit per vertex, where it costs next to nothing, while a mesh's
// triangles are at most this many pixels on screen (the whole body in view); a highlight can fall
// between the vertices of larger ones (zoomed in, a user's low-poly model), so there it is lit per
// pixel.
constexpr float kVertexHighlightMaxPixels = 16.0f;

}  // namespace dorsum::core
