#pragma once
// What the user has done to the body's display: peel level, skin and skeleton, per-structure show /
// hide / ghost, isolation. Part of core::ViewState (core/view/view_state.hpp), which carries the
// selection, camera and undo; resolveDisplay turns it into a per-mesh display.
#include "core/anatomy/atlas_model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

enum class Display : std::uint8_t { Shown, Ghosted, Hidden };

struct DisplayState {
  int peel = 0;                            // layers removed from the surface
  Display skin = Display::Hidden;
  Display skeleton = Display::Shown;
  std::map<std::string, Display> byId;     // overrides, keyed by any id that matchesId accepts
  std::optional<std::string> isolated;     // everything else ghosted
  bool operator==(const DisplayState&) const = default;
};

// Whether an id names a structure: its node ("rhomboid_major_l"), atlas id ("rhomboid_major"),
// muscle ("latissimus_dorsi") or muscle on a side ("latissimus_dorsi_l").
bool matchesId(const Structure& s, const std::string& id);

// The display of each structure (parallel to the list).
std::vector<Display> resolveDisplay(const DisplayState& state, const std::vector<Structure>& structures);

// Opacity a structure fades toward: shown 1, ghosted translucent, hidden 0.
constexpr float kGhostAlpha = 0.16f;
inline float targetAlpha(Display d) { return d == Display::Shown ? 1.0f : d == Display::Ghosted ? kGhostAlpha : 0.0f; }

}  // namespace dorsum::core
