#pragma once
// The viewer's Dear ImGui menus and windows (menu bar, Open, Help, About, messages, the first-run
// hint). They read UiState and return what the user asked for: commands on the view state
// (core::Command) and requests only the app can carry out (UiRequest). No GL, no window library.
#include "core/camera.hpp"
#include "core/view/view_state.hpp"
#include "ui/keys.hpp"

#include <string>
#include <vector>

namespace dorsum::ui {

constexpr float kMinUiScale = 1.0f, kMaxUiScale = 3.0f;

struct UiState {
  float uiScale = 1.0f;
  std::string title;         // what is open
  std::string contextInfo;   // renderer and GL version
  std::string shaderErrors;  // compile logs of hot-reloaded shaders ("" when fine)
  std::string message;       // last error a user caused (e.g. a model that failed to open)
  std::size_t triangles = 0;
  core::StandardView homeView = core::StandardView::Posterior;  // where Home and F take the camera
  bool presenting = false;   // panels hidden: no menu bar either
  bool fullscreen = false;
  bool showHelp = false;
  bool showAbout = false;
  bool showOpen = false;
  bool showHint = true;      // the first-run hint, until the user does something
  char openPath[1024] = {};
  float scaleDragged = 1.0f;  // the UI-scale slider's value while it is dragged
  bool scaleEditing = false;
  float menuHeight = 0.0f;    // out: the menu bar's height (0 when presenting)
  // The massage routines (id, name) for the Massage menu; empty for a model.
  std::vector<std::pair<std::string, std::string>> routines;
  float freeLeft = 0.0f, freeRight = 1e9f;  // in: the space the panels leave (for the hint)
};

struct UiRequest {
  enum class Kind { OpenModel, OpenBody, SetUiScale, ToggleFullscreen, Quit };
  UiRequest(Kind k) : kind(k) {}  // NOLINT: implicit, so {Kind::Quit} reads as a request
  Kind kind;
  std::string path;
  float scale = 1.0f;
};

struct UiActions {
  std::vector<core::Command> view;
  std::vector<UiRequest> app;
};

// Builds this frame's menus and windows (between ImGui::NewFrame and ImGui::Render).
void drawViewerUi(UiState& state, UiActions& out);

// The shortcuts that are not tied to a widget: views, camera, UI scale, presenting (Tab), full
// screen (F11), help (F1), open, quit. `typing`: a text field has the keyboard.
void readShortcuts(UiState& state, const std::vector<KeyPress>& keys, bool typing, UiActions& out);

// (Re)builds the font atlas at the given pixel scale from the embedded DejaVu Sans (ImGui's own
// font should that ever fail). The caller re-creates the GPU font texture afterwards.
void buildFonts(float pixelScale);

// Restyles ImGui for the scale (sizes, rounding) from a fresh dark style.
void applyStyle(float scale);

}  // namespace dorsum::ui
