#pragma once
// The massage player's panel: which routine plays, the timeline (play, pause, scrub, speed 0.25x
// to 2x, loop, previous and next stroke), the current stroke's caption, what its pressure reaches
// and how the technique is done (cited), and the strokes to jump to. Reads MassageState (built from
// the view state and the routine) and returns view commands (play, seek, stop) and requests to the
// player, which owns the clock. No GL, no window library.
#include "core/view/view_state.hpp"
#include "ui/keys.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dorsum::ui {

struct RoutineEntry {
  std::string id, name, description;
  float duration = 0.0f;
  struct Stroke {
    std::string title;    // "Thumb pressure beside the spine"
    std::string detail;   // "both thumbs, medium"
    std::string caption;
    float start = 0.0f, duration = 0.0f;
  };
  std::vector<Stroke> strokes;
  std::vector<std::string> sources;  // full citations
};

struct MassageState {
  std::vector<RoutineEntry> routines;
  // The routine playing (index into routines) and the player's state.
  std::optional<std::size_t> active;
  float time = 0.0f;
  bool playing = false, loop = false;
  float speed = 1.0f;
  int stroke = 0;
  std::string reach;        // what the pressure reaches now
  std::string techniqueText;  // how the current technique is done
  std::vector<std::string> techniqueSources, cautions;
  float top = 0.0f;         // where the panel starts (below the menu bar)
};

struct PlayerRequest {
  enum class Kind { TogglePlay, SetSpeed, SetLoop };
  Kind kind = Kind::TogglePlay;
  float value = 1.0f;
  bool on = false;
};

inline constexpr float kSpeeds[] = {0.25f, 0.5f, 1.0f, 1.5f, 2.0f};

// The start of the stroke before or after the one playing at `time` (previous: the start of this
// stroke when more than two seconds in, as media players do).
float strokeStep(const RoutineEntry& routine, float time, int direction);

// Draws the player on the right (where the structure card goes) while a routine is active;
// `freeRight` becomes its left edge.
void drawMassagePanel(MassageState& state, float& freeRight, std::vector<core::Command>& view, std::vector<PlayerRequest>& player);

// Space: play or pause; Left / Right: previous / next stroke; Escape: stop.
// Only while a routine is active; returns whether the keys were taken.
bool readMassageShortcuts(const MassageState& state, const std::vector<KeyPress>& keys, bool typing, std::vector<core::Command>& view,
                          std::vector<PlayerRequest>& player);

}  // namespace dorsum::ui
