#pragma once
// The viewer's Dear ImGui panels. They read UiState and return commands for the app to carry out;
// they make no GL calls and own no scene state.
#include "core/camera.hpp"

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
  bool showHelp = false;
  bool showAbout = false;
  bool showOpen = false;
  char openPath[1024] = {};
  float scaleDragged = 1.0f;  // the UI-scale slider's value while it is dragged
  bool scaleEditing = false;
};

struct UiCommand {
  enum class Kind { GoToView, ResetCamera, OpenModel, OpenBody, SetUiScale, Quit };
  UiCommand(Kind k) : kind(k) {}  // NOLINT: implicit, so {Kind::Quit} reads as a command
  Kind kind;
  core::StandardView view = core::StandardView::Posterior;
  std::string path;
  float scale = 1.0f;
};

// Builds this frame's UI (between ImGui::NewFrame and ImGui::Render).
std::vector<UiCommand> drawViewerUi(UiState& state);

// A key press since the last frame. The app queues them from GLFW's key callback because
// ImGui 1.86 only sees the keys' state each frame, and a press and release that arrive together
// (a quick tap, or scripted input) would be lost.
struct KeyPress {
  int key = 0;   // GLFW key code
  int mods = 0;  // GLFW modifier bits
  bool ctrl() const { return (mods & (0x0002 | 0x0008)) != 0; }  // Control or Super (Cmd)
};

// Reads the keyboard shortcuts that are not tied to a widget (views, UI scale, quit).
std::vector<UiCommand> readShortcuts(const UiState& state, const std::vector<KeyPress>& keys);

// (Re)builds the font atlas at the given pixel scale: DejaVu Sans when installed, ImGui's own
// font otherwise. The caller re-creates the GPU font texture afterwards.
void buildFonts(float pixelScale);

// Restyles ImGui for the scale (sizes, rounding) from a fresh dark style.
void applyStyle(float scale);

}  // namespace dorsum::ui
