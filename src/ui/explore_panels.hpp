#pragma once
// The explore panels: the layer control, the structure list (search, grouped by layer, bones),
// and the selected structure's card. They read ExploreState (built from the view state) and
// append commands on the view state; no GL, no scene, no window library.
#include "core/view/view_state.hpp"
#include "ui/keys.hpp"
#include "ui/viewer_ui.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dorsum::ui {

struct LayerEntry {
  int index = 0;
  std::string name;
};

struct ListEntry {
  std::string id;    // what selecting it selects (a muscle id, or a bone id)
  std::string name, latin;
  int layer = 0;     // 0 for bones
};

struct InfoSection {
  std::string title, text;
};

struct StructureCard {
  std::string id, node, name, latin, subtitle;  // subtitle: "Layer 2, left side"
  std::vector<InfoSection> sections;            // origin, insertion, action, innervation, ...
  std::vector<std::string> sources;             // full citations
};

struct TriggerEntry {
  std::string id, name, muscle;  // muscle: its display name
  int layer = 0;
};

struct RegionEntry {
  std::string id, name;
};

// What the card shows for a chosen trigger point (its zones, what activates it, its sources) or a
// chosen region (the trigger points that refer there, essential first).
struct ReferralCard {
  std::string title, subtitle;
  std::vector<InfoSection> sections;
  struct Referrer {
    std::string id, name, kind;  // kind: "essential" or "spillover"
    core::Side side = core::Side::Left;
  };
  std::vector<Referrer> referrers;
  // Strokes of the massage routines that work this trigger point: playing one starts its routine
  // at that stroke.
  struct Treatment {
    std::string routine, label;  // label: "Deep sustained pressure: sustained compression (elbow, deep)"
    float start = 0.0f;
  };
  std::vector<Treatment> treatments;
  std::vector<std::string> sources;
};

struct ExploreState {
  std::vector<LayerEntry> layers;
  std::vector<ListEntry> list;
  core::DisplayState display;
  bool canUndo = false;
  bool labels = false;
  std::optional<StructureCard> selected;
  std::vector<TriggerEntry> triggerPoints;  // by layer, then muscle
  std::vector<RegionEntry> regions;
  std::optional<ReferralCard> referral;     // shown instead of the structure card
  bool marks = true;                        // trigger points drawn as X marks
  core::Display selectedDisplay = core::Display::Shown;
  char search[128] = {};
  int missedBackspaces = 0;  // presses the search box never saw (a slow frame): applied to it
  bool showList = true;
  float top = 0.0f;          // where the panels start (below the menu bar)
  float freeLeft = 0.0f, freeRight = 1e9f;  // out: the part of the window the panels leave free
};

void drawExplorePanels(ExploreState& state, std::vector<core::Command>& out);
// Keys 0-5 (peel that many layers), [ and ] (one layer more or less), Escape, Ctrl+Z.
void readExploreShortcuts(const ExploreState& state, const std::vector<KeyPress>& keys, bool typing,
                          std::vector<core::Command>& out);

}  // namespace dorsum::ui
