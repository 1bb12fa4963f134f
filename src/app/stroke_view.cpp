#include "app/stroke_view.hpp"

#include <cctype>
#include <cstdio>

namespace dorsum::app {

std::string clockText(float seconds) {
  char buf[32];
  const int s = int(seconds);
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

std::string toolWords(core::Tool t) { return words(core::toolName(t)); }

std::vector<std::string> citations(const LoadedScene& loaded, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  if (!loaded.atlas) return out;
  for (const auto& id : ids)
    for (const auto& s : loaded.atlas->sources)
      if (s.id == id) out.push_back(s.citation + (s.url.empty() ? "" : " " + s.url));
  return out;
}

ui::MassageState massageState(const LoadedScene& loaded) {
  ui::MassageState m;
  if (!loaded.routines) return m;
  for (const auto& r : loaded.routines->routines) {
    ui::RoutineEntry e{r.id, r.name, r.description, r.duration(), {}, citations(loaded, r.sources)};
    float start = 0.0f;
    for (const auto& s : r.strokes) {
      e.strokes.push_back({techniqueTitle(s.technique), toolWords(s.tool) + ", " + core::pressureName(s.pressure) + " pressure", s.caption, start,
                           s.durationS});
      start += s.durationS;
    }
    m.routines.push_back(std::move(e));
  }
  for (const auto& c : loaded.routines->cautions) m.cautions.push_back(c.text);
  return m;
}

namespace {
std::string partName(const LoadedScene& loaded, const std::string& node) {
  std::string name = node;
  for (const auto& st : loaded.structures)
    if (st.node == node && loaded.atlas)
      if (const core::Muscle* m = loaded.atlas->muscle(st.muscleId)) {
        name = m->name;
        for (const auto& part : m->parts)
          if (part.id == st.id && m->parts.size() > 1 && !part.name.empty()) name = part.name;
      }
  return name;
}
}  // namespace

std::string reachText(const LoadedScene& loaded, const core::StrokeSample& s) {
  std::string out;
  const std::string pressure = std::string(core::pressureName(s.pressure));
  if (!s.targetMuscle.empty()) out = "Works the " + partName(loaded, s.targetMuscle) + " (lit orange). ";
  if (s.reach.node.empty()) return out + "Under the contact: no muscle (over bone or the side of the body).";
  char depth[64];
  std::snprintf(depth, sizeof depth, "%.0f mm", double(s.reach.depth * 1000.0f));
  return out + char(std::toupper(pressure[0])) + pressure.substr(1) + " pressure there reaches down to the " + partName(loaded, s.reach.node) +
         " (layer " + std::to_string(s.reach.layer) + "), about " + depth + " under the skin.";
}

StrokeFrame strokeFrame(const core::RoutineMotion& motion, float t) {
  StrokeFrame f;
  f.sample = motion.sample(t);
  f.glyphs = core::strokeGlyphs(motion, f.sample);
  const core::Stroke& s = motion.routine().strokes[std::size_t(f.sample.stroke)];
  f.title = "Stroke " + std::to_string(f.sample.stroke + 1) + " of " + std::to_string(motion.strokeCount()) + ": " +
            techniqueTitle(s.technique) + " (" + toolWords(s.tool) + ", " + core::pressureName(s.pressure) + ")   " +
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
