#pragma once
// How many samples per pixel a frame gets. A software renderer (Mesa's llvmpipe and softpipe,
// SwiftShader) pays for multisampling on the CPU, about two thirds of a frame, so there the
// picture is antialiased only when it stands still: moving frames go without, and the frame
// after the motion stops is drawn antialiased again. A GPU multisamples every frame.
#include <string_view>

namespace dorsum::core {

// From GL_RENDERER: whether the rasteriser is software.
bool isSoftwareRenderer(std::string_view glRenderer);

// Samples for a frame: `stillSamples` unless a software renderer draws a moving picture (camera
// dragged or on a track, fades, a routine playing), then 0 (no multisample buffer at all).
int frameSamples(bool softwareRenderer, bool moving, int stillSamples = 4);

}  // namespace dorsum::core
