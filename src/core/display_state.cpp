#include "core/display_state.hpp"

namespace dorsum::core {

bool matchesId(const Structure& s, const std::string& id) {
  if (id == s.node || id == s.id || (!s.muscleId.empty() && id == s.muscleId)) return true;
  // A whole muscle on one side: "latissimus_dorsi_l" names every part of the left latissimus.
  return s.side && !s.muscleId.empty() && id == s.muscleId + sideSuffix(*s.side);
}

std::vector<Display> resolveDisplay(const DisplayState& state, const std::vector<Structure>& structures) {
  std::vector<Display> out(structures.size(), Display::Shown);
  for (std::size_t i = 0; i < structures.size(); ++i) {
    const Structure& s = structures[i];
    Display d = Display::Shown;
    if (s.kind == StructureKind::Skin) d = state.skin;
    else if (s.kind == StructureKind::Bone) d = state.skeleton;
    else if (s.kind == StructureKind::Muscle && s.layer <= state.peel) d = Display::Hidden;
    // Specific choices override the general ones; a node beats a muscle beats nothing.
    int bestSpecificity = -1;
    for (const auto& [id, display] : state.byId) {
      if (!matchesId(s, id)) continue;
      const int specificity = id == s.node ? 2 : 1;
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        d = display;
      }
    }
    if (state.isolated && d != Display::Hidden && s.kind != StructureKind::Skin)
      d = matchesId(s, *state.isolated) ? Display::Shown : Display::Ghosted;
    if (state.isolated && matchesId(s, *state.isolated)) d = Display::Shown;  // even if peeled away
    out[i] = d;
  }
  return out;
}

}  // namespace dorsum::core
