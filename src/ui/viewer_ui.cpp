#include "ui/viewer_ui.hpp"

#include "core/fonts.hpp"

#include <imgui.h>
// Key codes only: ImGui 1.86's GLFW backend indexes io.KeysDown by GLFW key code.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace dorsum::ui {

namespace {
struct ViewShortcut {
  core::StandardView view;
  int key;
  const char* label;
  const char* keyName;
};
const ViewShortcut kViewKeys[] = {
    {core::StandardView::Posterior, GLFW_KEY_P, "Posterior (back)", "P"},
    {core::StandardView::Anterior, GLFW_KEY_A, "Anterior (front)", "A"},
    {core::StandardView::Left, GLFW_KEY_L, "Left side", "L"},
    {core::StandardView::Right, GLFW_KEY_R, "Right side", "R"},
    {core::StandardView::Superior, GLFW_KEY_S, "Superior (top)", "S"},
    {core::StandardView::ThreeQuarter, GLFW_KEY_T, "Three-quarter", "T"},
};

UiCommand scaleCommand(float s) {
  UiCommand c{UiCommand::Kind::SetUiScale};
  c.scale = std::clamp(std::round(s * 4.0f) / 4.0f, kMinUiScale, kMaxUiScale);
  return c;
}
}  // namespace

std::vector<UiCommand> readShortcuts(const UiState& state, const std::vector<KeyPress>& keys) {
  std::vector<UiCommand> out;
  const ImGuiIO& io = ImGui::GetIO();
  for (const KeyPress& k : keys) {
    if (k.ctrl()) {
      if (k.key == GLFW_KEY_EQUAL || k.key == GLFW_KEY_KP_ADD) out.push_back(scaleCommand(state.uiScale + 0.25f));
      if (k.key == GLFW_KEY_MINUS || k.key == GLFW_KEY_KP_SUBTRACT) out.push_back(scaleCommand(state.uiScale - 0.25f));
      if (k.key == GLFW_KEY_0) out.push_back(scaleCommand(1.0f));
      if (k.key == GLFW_KEY_O) out.push_back({UiCommand::Kind::OpenModel});
      if (k.key == GLFW_KEY_Q) out.push_back({UiCommand::Kind::Quit});
      continue;
    }
    if (io.WantTextInput) continue;
    for (const auto& v : kViewKeys)
      if (k.key == v.key) {
        UiCommand c{UiCommand::Kind::GoToView};
        c.view = v.view;
        out.push_back(c);
      }
    if (k.key == GLFW_KEY_HOME || k.key == GLFW_KEY_F) out.push_back({UiCommand::Kind::ResetCamera});
  }
  return out;
}

std::vector<UiCommand> drawViewerUi(UiState& state) {
  std::vector<UiCommand> out;
  if (ImGui::BeginMainMenuBar()) {
    if (ImGui::BeginMenu("File")) {
      if (ImGui::MenuItem("Open model...", "Ctrl+O")) state.showOpen = true;
      if (ImGui::MenuItem("Show the body")) out.push_back({UiCommand::Kind::OpenBody});
      ImGui::Separator();
      if (ImGui::MenuItem("Quit", "Ctrl+Q")) out.push_back({UiCommand::Kind::Quit});
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
      for (const auto& v : kViewKeys)
        if (ImGui::MenuItem(v.label, v.keyName)) {
          UiCommand c{UiCommand::Kind::GoToView};
          c.view = v.view;
          out.push_back(c);
        }
      ImGui::Separator();
      if (ImGui::MenuItem("Reset camera", "Home")) out.push_back({UiCommand::Kind::ResetCamera});
      ImGui::Separator();
      // Applied when the slider is released, so the font atlas is not rebuilt every frame.
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      float shown = state.scaleEditing ? state.scaleDragged : state.uiScale;
      if (ImGui::SliderFloat("UI scale", &shown, kMinUiScale, kMaxUiScale, "%.2fx")) state.scaleDragged = shown;
      state.scaleEditing = ImGui::IsItemActive();
      if (ImGui::IsItemDeactivatedAfterEdit()) out.push_back(scaleCommand(state.scaleDragged));
      if (ImGui::MenuItem("Larger text", "Ctrl++")) out.push_back(scaleCommand(state.uiScale + 0.25f));
      if (ImGui::MenuItem("Smaller text", "Ctrl+-")) out.push_back(scaleCommand(state.uiScale - 0.25f));
      ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
      if (ImGui::MenuItem("Controls")) state.showHelp = true;
      if (ImGui::MenuItem("About Dorsum")) state.showAbout = true;
      ImGui::EndMenu();
    }
    ImGui::TextDisabled("  %s", state.title.c_str());
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
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button("Open") || enter) {
      UiCommand c{UiCommand::Kind::OpenModel};
      c.path = state.openPath;
      out.push_back(c);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }

  if (!state.message.empty()) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 10}, ImGuiCond_Always, {0.5f, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.12f, 0.10f, 0.95f));
    ImGui::Begin("##message", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    ImGui::TextUnformatted(state.message.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss")) state.message.clear();
    ImGui::End();
    ImGui::PopStyleColor();
  }

  if (!state.shaderErrors.empty()) {
    ImGui::SetNextWindowSize({ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 12}, ImGuiCond_FirstUseEver);
    ImGui::Begin("Shader errors (the last good shaders stay in use)");
    ImGui::TextWrapped("%s", state.shaderErrors.c_str());
    ImGui::End();
  }

  if (state.showHelp) {
    ImGui::Begin("Controls", &state.showHelp, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted(
        "Left drag            orbit around the body\n"
        "Right or middle drag pan (or Shift + left drag)\n"
        "Scroll               zoom toward the cursor\n"
        "Arrow keys           orbit;  Page Up/Down  zoom\n"
        "P A L R S T          posterior, anterior, left, right,\n"
        "                     superior, three-quarter view\n"
        "Home or F            reset the camera\n"
        "Ctrl + / Ctrl -      larger or smaller text (projector)\n"
        "Ctrl 0               text at 1x\n"
        "Ctrl O               open a model;  Ctrl Q  quit");
    ImGui::End();
  }
  if (state.showAbout) {
    ImGui::Begin("About Dorsum", &state.showAbout, ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::TextUnformatted("Dorsum: a 3D teaching atlas of the back muscles.");
    ImGui::Text("Showing: %s (%zu triangles)", state.title.c_str(), state.triangles);
    ImGui::Text("Graphics: %s", state.contextInfo.c_str());
    ImGui::TextUnformatted("Referred-pain patterns are typical patterns for teaching, never a diagnosis.");
    ImGui::End();
  }
  return out;
}

void buildFonts(float pixelScale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float size = std::round(16.0f * pixelScale);
  if (const auto font = core::findUiFont(); font && io.Fonts->AddFontFromFileTTF(font->c_str(), size)) return;
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
