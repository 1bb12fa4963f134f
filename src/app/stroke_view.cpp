#include "app/stroke_view.hpp"

#include <cstdio>

namespace dorsum::app {

std::string clockText(float seconds) {
  char buf[32];
  const int s = int(seconds + 0.5f);
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}

std::string techniqueTitle(core::Technique t) {
  switch (t) {
    case core::Technique::Effleurage: return "Effleurage";
    case core::Technique::Kneading: return "Kneading (petrissage)";
    case core::Technique::ThumbPressure: return "Thumb pressure beside the spine";
    case core::Technique::CrossFibreFriction: return "Cross-fibre friction";
    case core::Technique::Stripping: return "Stripping";
    case core::Technique::Compression: return "Sustained compression";
    case core::Technique::CircularFriction: return "Circular friction";
    case core::Technique::Stretch: return "Stretching the knot apart";
    case core::Technique::Pincer: return "Pincer compression";
  }
  return "Stroke";
}

namespace {
std::string words(const char* id) {
  std::string s = id;
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}
}  // namespace

StrokeFrame strokeFrame(const core::RoutineMotion& motion, float t) {
  StrokeFrame f;
  f.sample = motion.sample(t);
  f.glyphs = core::strokeGlyphs(motion, f.sample);
  const core::Stroke& s = motion.routine().strokes[std::size_t(f.sample.stroke)];
  f.title = "Stroke " + std::to_string(f.sample.stroke + 1) + " of " + std::to_string(motion.strokeCount()) + ": " +
            techniqueTitle(s.technique) + " (" + words(core::toolName(s.tool)) + ", " + core::pressureName(s.pressure) + ")   " +
            clockText(f.sample.t) + " / " + clockText(motion.duration());
  f.caption = s.caption;
  return f;
}

void showStrokeFrame(render::SceneRenderer& renderer, const LoadedScene& loaded, std::vector<render::MeshStyle> styles,
                     const StrokeFrame& frame) {
  styleStroke(loaded, frame.sample, styles);
  renderer.setStyles(styles);
  renderer.setDecals(frame.glyphs);
  renderer.clearOverlays();
  if (const auto tp = strokeReferral(frame.sample); tp && loaded.referral) {
    core::ViewState painted;
    painted.triggerPoint = *tp;
    if (const auto paint = referralPaint(loaded, painted)) renderer.setOverlay(paint->mesh, paint->values);
  }
}

}  // namespace dorsum::app
