#pragma once
// A massage routine at an instant, as the window, `dorsum render --routine` and `dorsum export`
// all show it: the contact's glyphs over the body, the muscle its pressure reaches lit through
// the layers above, a pressed trigger point's referral painted, and a caption.
#include "app/display_styles.hpp"
#include "app/scene_source.hpp"
#include "core/strokes/stroke_glyphs.hpp"
#include "render/scene_renderer.hpp"
#include "ui/massage_panel.hpp"

#include <string>

namespace dorsum::app {

struct StrokeFrame {
  core::StrokeSample sample;
  core::Mesh glyphs;
  std::string title;    // "Stroke 3 of 9 - Thumb pressure (both thumbs, medium)  0:42 / 2:43"
  std::string caption;  // the stroke's caption
};

StrokeFrame strokeFrame(const core::RoutineMotion& motion, float t);
std::string techniqueTitle(core::Technique t);  // "Cross-fibre friction"
std::string clockText(float seconds);           // "2:05"

// The player panel's routines (names, strokes with their titles and starts, citations) and read-outs.
ui::MassageState massageState(const LoadedScene& loaded);
std::string reachText(const LoadedScene& loaded, const core::StrokeSample& sample);  // "Reaches the ... (layer 4), 22 mm deep"
std::vector<std::string> citations(const LoadedScene& loaded, const std::vector<std::string>& sourceIds);
std::string toolWords(core::Tool t);  // "both thumbs"

// Styles, referral paint and glyphs of the frame onto the renderer; `styles` as meshStyles made
// them for the view state.
void showStrokeFrame(render::SceneRenderer& renderer, const LoadedScene& loaded, std::vector<render::MeshStyle> styles,
                     const StrokeFrame& frame);

}  // namespace dorsum::app
