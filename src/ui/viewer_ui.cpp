#include "ui/viewer_ui.hpp"

#include "core/fonts.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace dorsum::ui {

namespace {
struct ViewShortcut {
  core::StandardView view;
  Key key;
  const char* label;
  const char* keyName;
};
const ViewShortcut kViewKeys[] = {
    {core::StandardView::Posterior, Key::P, "Posterior (back)", "P"},
    {core::StandardView::Anterior, Key::A, "Anterior (front)", "A"},
    {core::StandardView::Left, Key::L, "Left side", "L"},
    {core::StandardView::Right, Key::R, "Right side", "R"},
    {core::StandardView::Superior, Key::S, "Superior (top)", "S"},
    {core::StandardView::ThreeQuarter, Key::T, "Three-quarter", "T"},
};

UiRequest scaleRequest(float s) {
  UiRequest c{UiRequest::Kind::SetUiScale};
  c.scale = std::clamp(std::round(s * 4.0f) / 4.0f, kMinUiScale, kMaxUiScale);
  return c;
}

// Every control, in the order a newcomer needs them: {keys, what they do}.
const char* const kControls[][2] = {
    {"Left drag", "turn the body (orbit)"},
    {"Right or middle drag, Shift + left drag", "move the body (pan)"},
    {"Scroll wheel", "zoom toward the cursor"},
    {"Click", "select the structure under the cursor"},
    {"Double click", "select it and frame it"},
    {"Escape", "clear the selection"},
    {"0 to 5", "peel: remove that many layers (0 shows all)"},
    {"[  and  ]", "one layer more, one layer less"},
    {"P  A  L  R  S  T", "posterior, anterior, left, right, superior, three-quarter view"},
    {"Home or F", "back to the starting view"},
    {"Arrow keys", "turn the body"},
    {"Space", "massage: play or pause the routine"},
    {"Left / Right (a routine playing)", "massage: previous / next stroke"},
    {"Escape (a routine playing)", "massage: leave the routine"},
    {"Page Up / Page Down", "zoom in / out"},
    {"Tab", "hide or show the panels (presenting)"},
    {"F11", "full screen"},
    {"Ctrl+Z", "undo the last change to what is shown"},
    {"Ctrl +  /  Ctrl -", "larger / smaller text (projector)"},
    {"Ctrl 0", "text at 1x"},
    {"Ctrl O", "open a model"},
    {"Ctrl Q", "quit"},
    {"F1", "this sheet"},
};
}  // namespace

void readShortcuts(UiState& state, const std::vector<KeyPress>& keys, bool typing, UiActions& out) {
  for (const KeyPress& k : keys) {
    if (k.ctrl) {
      if (k.key == Key::Equal || k.key == Key::KeypadAdd) out.app.push_back(scaleRequest(state.uiScale + 0.25f));
      if (k.key == Key::Minus || k.key == Key::KeypadSubtract) out.app.push_back(scaleRequest(state.uiScale - 0.25f));
      if (k.key == Key::Num0) out.app.push_back(scaleRequest(1.0f));
      if (k.key == Key::O) out.app.push_back({UiRequest::Kind::OpenModel});
      if (k.key == Key::Q) out.app.push_back({UiRequest::Kind::Quit});
      continue;
    }
    if (k.key == Key::F11) out.app.push_back({UiRequest::Kind::ToggleFullscreen});
    if (k.key == Key::F1) state.showHelp = !state.showHelp;
    if (typing) continue;
    if (k.key == Key::Tab) out.view.push_back(core::Command::setPresenting(!state.presenting));
    for (const auto& v : kViewKeys)
      if (k.key == v.key) out.view.push_back(core::Command::goToView(v.view));
    if (k.key == Key::Home || k.key == Key::F) out.view.push_back(core::Command::goToView(state.homeView));
  }
}

void drawViewerUi(UiState& state, UiActions& out) {
  state.menuHeight = 0.0f;
  if (!state.presenting && ImGui::BeginMainMenuBar()) {
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("Open model...", "Ctrl+O")) state.showOpen = true;
      if (ImGui::MenuItem("Show the body")) out.app.push_back({UiRequest::Kind::OpenBody});
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) out.app.push_back({UiRequest::Kind::Quit});
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      for (const auto& v : kViewKeys)
        if (ImGui::MenuItem(v.label, v.keyName)) out.view.push_back(core::Command::goToView(v.view));
      ImGui::Separator();
      if (ImGui::MenuItem("Starting view", "Home")) out.view.push_back(core::Command::goToView(state.homeView));
      if (ImGui::MenuItem("Present (hide panels)", "Tab")) out.view.push_back(core::Command::setPresenting(true));
      if (ImGui::MenuItem("Full screen", "F11", state.fullscreen)) out.app.push_back({UiRequest::Kind::ToggleFullscreen});
      ImGui::Separator();
      // Applied when the slider is released, so the font atlas is not rebuilt every frame.
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      float shown = state.scaleEditing ? state.scaleDragged : state.uiScale;
      if (ImGui::SliderFloat("UI scale", &shown, kMinUiScale, kMaxUiScale, "%.2fx")) state.scaleDragged = shown;
      state.scaleEditing = ImGui::IsItemActive();
      if (ImGui::IsItemDeactivatedAfterEdit()) out.app.push_back(scaleRequest(state.scaleDragged));
      if (ImGui::MenuItem("Larger text", "Ctrl++")) out.app.push_back(scaleRequest(state.uiScale + 0.25f));
      if (ImGui::MenuItem("Smaller text", "Ctrl+-")) out.app.push_back(scaleRequest(state.uiScale - 0.25f));
      ImGui::EndMenu();
    }
    if (!state.routines.empty() && ImGui::BeginMenu("Massage")) {
      ImGui::TextDisabled("Play a routine on the back");
      for (const auto& [id, name] : state.routines)
        if (ImGui::MenuItem(name.c_str())) out.view.push_back(core::Command::playRoutine(id));
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
      if (ImGui::MenuItem("Controls", "F1")) state.showHelp = true;
      if (ImGui::MenuItem("About Dorsum")) state.showAbout = true;
      ImGui::EndMenu();
    }
    ImGui::TextDisabled("  %s", state.title.c_str());
    state.menuHeight = ImGui::GetWindowHeight();
    ImGui::EndMainMenuBar();
  }

  if (state.showOpen) {
    ImGui::OpenPopup("Open model");
    state.showOpen = false;
  }
  if (ImGui::BeginPopupModal("Open model", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Path of a glTF/GLB, OBJ, STL or FBX file:");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 28);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##path", state.openPath, sizeof state.openPath,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::Button("Open") || enter) {
      UiRequest c{UiRequest::Kind::OpenModel};
      c.path = state.openPath;
      out.app.push_back(c);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  if (!state.message.empty()) {
    // Where the first-run hint stands (it waits while a message shows), over the body.
    const float left = std::max(vp->WorkPos.x, state.freeLeft), right = std::min(vp->WorkPos.x + vp->WorkSize.x, state.freeRight);
    ImGui::SetNextWindowPos({0.5f * (left + right), vp->WorkPos.y + ImGui::GetFontSize() * 0.5f}, ImGuiCond_Always, {0.5f, 0});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->WorkSize.x * 0.6f, vp->WorkSize.y * 0.5f});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.12f, 0.10f, 0.97f));
    ImGui::Begin("##message", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PushTextWrapPos(vp->WorkSize.x * 0.55f);
    ImGui::TextUnformatted(state.message.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton("Dismiss")) state.message.clear();
    ImGui::End();
    ImGui::PopStyleColor();
  }

  if (!state.shaderErrors.empty()) {
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 12}, ImGuiCond_FirstUseEver);
    ImGui::Begin("Shader errors (the last good shaders stay in use)", nullptr, ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextWrapped("%s", state.shaderErrors.c_str());
    ImGui::End();
  }

  if (state.showHelp) {
    // An opaque sheet in the middle of the window, keys aligned in their own column.
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f},
                            ImGuiCond_Appearing, {0.5f, 0.5f});
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->WorkSize.x * 0.95f, vp->WorkSize.y * 0.95f});
    ImGui::Begin("Controls", &state.showHelp, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
    if (ImGui::BeginTable("##controls", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& row : kControls) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "%s", row[0]);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(row[1]);
      }
      ImGui::EndTable();
    }
    ImGui::End();
  }
  if (state.showAbout) {
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin("About Dorsum", &state.showAbout, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted("Dorsum: a 3D teaching atlas of the back muscles.");
    ImGui::Text("Showing: %s (%zu triangles)", state.title.c_str(), state.triangles);
    ImGui::Text("Graphics: %s", state.contextInfo.c_str());
    ImGui::TextUnformatted("Referred-pain patterns are typical patterns for teaching, never a diagnosis.");
    ImGui::End();
  }

  if (state.showHint && !state.presenting && state.message.empty()) {
    // At the top of the space the panels leave, wrapped to fit it.
    const float left = std::max(vp->WorkPos.x, state.freeLeft), right = std::min(vp->WorkPos.x + vp->WorkSize.x, state.freeRight);
    const float width = std::max(ImGui::GetFontSize() * 8, right - left - ImGui::GetFontSize());
    ImGui::SetNextWindowPos({0.5f * (left + right), vp->WorkPos.y + ImGui::GetFontSize() * 0.5f}, ImGuiCond_Always, {0.5f, 0.0f});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {width, vp->WorkSize.y * 0.4f});
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##hint", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - ImGui::GetStyle().WindowPadding.x * 2);
    ImGui::TextUnformatted("Drag to turn the body. Click a muscle to learn about it. Keys 0-5 peel the layers.");
    ImGui::TextDisabled("Tab hides the panels for presenting; F1 lists every control.");
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton("Got it")) state.showHint = false;
    ImGui::End();
  }
}

void buildFonts(float pixelScale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float size = std::round(16.0f * pixelScale);
  const auto font = core::embeddedUiFont();
  ImFontConfig embedded;
  embedded.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  if (!font.empty() && io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font.data()), int(font.size()), size, &embedded)) return;
  ImFontConfig config;
  config.SizePixels = size;
  io.Fonts->AddFontDefault(&config);
}

void applyStyle(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.Colors[ImGuiCol_WindowBg].w = 0.92f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace dorsum::ui
