#pragma once
// The explore panels: the layer control, the structure list (search, grouped by layer), and the
// selected structure's card. They read ExploreState and return ExploreCommands; no GL, no scene.
#include "core/display_state.hpp"
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

struct ExploreState {
  std::vector<LayerEntry> layers;
  std::vector<ListEntry> list;
  core::DisplayState display;
  bool canUndo = false;
  bool labels = false;
  std::optional<StructureCard> selected;
  core::Display selectedDisplay = core::Display::Shown;
  char search[128] = {};
  bool showList = true;
  float freeLeft = 0.0f, freeRight = 1e9f;  // out: the part of the window the panels leave free
};

struct ExploreCommand {
  enum class Kind { SetPeel, SetSkin, SetSkeleton, SetDisplay, Isolate, EndIsolation, Select, Frame, ClearSelection,
                    Undo, Reset, ToggleLabels };
  Kind kind;
  int peel = 0;
  core::Display display = core::Display::Shown;
  std::string id;
  ExploreCommand(Kind k) : kind(k) {}  // NOLINT: implicit, so {Kind::Undo} reads as a command
};

std::vector<ExploreCommand> drawExplorePanels(ExploreState& state);
// Keys 1-5 (show from layer N down), [ and ] (one layer more or less), Escape, Ctrl+Z.
std::vector<ExploreCommand> readExploreShortcuts(const ExploreState& state, const std::vector<KeyPress>& keys);

}  // namespace dorsum::ui
