#include "ui/explore_panels.hpp"

#include <imgui.h>
// Key codes only: ImGui 1.86's GLFW backend indexes io.KeysDown by GLFW key code.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cctype>

namespace dorsum::ui {

namespace {
using K = ExploreCommand::Kind;

ExploreCommand peelTo(int peel) {
  ExploreCommand c{K::SetPeel};
  c.peel = peel;
  return c;
}

ExploreCommand displayOf(K kind, core::Display d, const std::string& id = {}) {
  ExploreCommand c{kind};
  c.display = d;
  c.id = id;
  return c;
}

bool containsFolded(const std::string& text, const std::string& needle) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
  };
  return lower(text).find(lower(needle)) != std::string::npos;
}

// Three buttons that act like radio buttons for a Display.
void displayButtons(const char* label, core::Display current, K kind, std::vector<ExploreCommand>& out,
                    const std::string& id = {}) {
  ImGui::PushID(label);
  ImGui::TextUnformatted(label);
  const struct {
    core::Display d;
    const char* name;
  } choices[] = {{core::Display::Shown, "Show"}, {core::Display::Ghosted, "Ghost"}, {core::Display::Hidden, "Hide"}};
  for (const auto& c : choices) {
    ImGui::SameLine();
    const bool on = current == c.d;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(c.name) && !on) out.push_back(displayOf(kind, c.d, id));
    if (on) ImGui::PopStyleColor();
  }
  ImGui::PopID();
}
}  // namespace

std::vector<ExploreCommand> drawExplorePanels(ExploreState& s) {
  std::vector<ExploreCommand> out;
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  int deepest = 0;
  for (const auto& l : s.layers) deepest = std::max(deepest, l.index);
  auto layerName = [&](int index) -> std::string {
    for (const auto& l : s.layers)
      if (l.index == index) return l.name;
    return "Layer " + std::to_string(index);
  };

  // The layer control: visible at a glance, top left.
  ImGui::SetNextWindowPos({vp->WorkPos.x + em * 0.5f, vp->WorkPos.y + em * 0.5f}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({em * 19, 0}, ImGuiCond_Always);
  ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  const int peel = s.display.peel;
  const std::string top = s.layers.empty() ? std::string("no layers (a model)")
                          : peel < deepest  ? layerName(peel + 1)
                                            : std::string("none (skeleton only)");
  ImGui::TextWrapped("Outermost shown: %s", top.c_str());
  int shownFrom = peel + 1;  // the slider counts the outermost layer shown
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##peel", &shownFrom, 1, deepest + 1, shownFrom > deepest ? "skeleton" : "from layer %d"))
    out.push_back(peelTo(shownFrom - 1));
  if (ImGui::Button("All layers")) out.push_back(peelTo(0));
  ImGui::SameLine();
  if (ImGui::Button("Deepest only")) out.push_back(peelTo(std::max(0, deepest - 1)));
  ImGui::SameLine();
  if (ImGui::Button("Skeleton")) out.push_back(peelTo(deepest));
  ImGui::Separator();
  displayButtons("Skin     ", s.display.skin, K::SetSkin, out);
  displayButtons("Skeleton ", s.display.skeleton, K::SetSkeleton, out);
  bool labels = s.labels;
  if (ImGui::Checkbox("Labels", &labels)) out.push_back({K::ToggleLabels});
  ImGui::SameLine();
  ImGui::Checkbox("List", &s.showList);
  ImGui::Separator();
  ImGui::BeginDisabled(!s.canUndo);
  if (ImGui::Button("Undo")) out.push_back({K::Undo});
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) out.push_back({K::Reset});
  if (s.display.isolated) {
    ImGui::SameLine();
    if (ImGui::Button("End isolation")) out.push_back({K::EndIsolation});
  }
  const float layersBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  s.freeLeft = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  s.freeRight = vp->WorkPos.x + vp->WorkSize.x;
  ImGui::End();

  // The structure list, below the layer control.
  if (s.showList) {
    ImGui::SetNextWindowPos({vp->WorkPos.x + em * 0.5f, layersBottom + em * 0.5f}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({em * 19, vp->WorkPos.y + vp->WorkSize.y - layersBottom - em}, ImGuiCond_Always);
    ImGui::Begin("Structures", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search (English or Latin)", s.search, sizeof s.search);
    const std::string query = s.search;
    ImGui::BeginChild("##list");
    for (int layer = 1; layer <= deepest + 1; ++layer) {
      const bool bones = layer == deepest + 1;
      std::vector<const ListEntry*> rows;
      for (const auto& e : s.list)
        if ((bones ? e.layer == 0 : e.layer == layer) &&
            (query.empty() || containsFolded(e.name, query) || containsFolded(e.latin, query) || containsFolded(e.id, query)))
          rows.push_back(&e);
      if (rows.empty()) continue;
      const std::string header = bones ? std::string(s.layers.empty() ? "Parts of the model" : "Bones") : layerName(layer);
      ImGui::SetNextItemOpen(!query.empty() || !bones, ImGuiCond_Always);
      if (!query.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      if (ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
        for (const ListEntry* e : rows) {
          const bool selected = s.selected && (s.selected->id == e->id || s.selected->node == e->id);
          if (ImGui::Selectable(e->name.c_str(), selected)) {
            ExploreCommand c{K::Select};
            c.id = e->id;
            out.push_back(c);
            ExploreCommand f{K::Frame};
            f.id = e->id;
            out.push_back(f);
          }
          if (ImGui::IsItemHovered() && !e->latin.empty()) ImGui::SetTooltip("%s", e->latin.c_str());
        }
        ImGui::TreePop();
      }
    }
    ImGui::EndChild();
    ImGui::End();
  }

  // The selected structure's card, on the right.
  if (s.selected) {
    const StructureCard& card = *s.selected;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - em * 0.5f, vp->WorkPos.y + em * 0.5f}, ImGuiCond_Always,
                            {1.0f, 0.0f});
    ImGui::SetNextWindowSize({em * 24, vp->WorkSize.y - em}, ImGuiCond_Always);
    bool open = true;
    ImGui::Begin("Structure", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
    s.freeRight = ImGui::GetWindowPos().x;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(card.name.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!card.latin.empty()) ImGui::TextDisabled("%s", card.latin.c_str());
    if (!card.subtitle.empty()) ImGui::TextUnformatted(card.subtitle.c_str());
    displayButtons("Display ", s.selectedDisplay, K::SetDisplay, out, card.node);
    if (ImGui::SmallButton("Isolate")) {
      ExploreCommand c{K::Isolate};
      c.id = card.id;
      out.push_back(c);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Frame")) {
      ExploreCommand c{K::Frame};
      c.id = card.node;
      out.push_back(c);
    }
    ImGui::Separator();
    for (const auto& section : card.sections) {
      ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "%s", section.title.c_str());
      ImGui::TextUnformatted(section.text.c_str());
      ImGui::Spacing();
    }
    if (!card.sources.empty() && ImGui::CollapsingHeader("Sources")) {
      for (const auto& src : card.sources) ImGui::BulletText("%s", src.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    if (!open) out.push_back({K::ClearSelection});
  }
  return out;
}

std::vector<ExploreCommand> readExploreShortcuts(const ExploreState& s, const std::vector<KeyPress>& keys) {
  std::vector<ExploreCommand> out;
  const ImGuiIO& io = ImGui::GetIO();
  int deepest = 0;
  for (const auto& l : s.layers) deepest = std::max(deepest, l.index);
  for (const KeyPress& k : keys) {
    if (k.ctrl()) {
      if (k.key == GLFW_KEY_Z) out.push_back({K::Undo});
      continue;
    }
    if (io.WantTextInput) continue;
    if (k.key >= GLFW_KEY_1 && k.key < GLFW_KEY_1 + std::min(deepest, 9)) out.push_back(peelTo(k.key - GLFW_KEY_1));
    if (k.key == GLFW_KEY_RIGHT_BRACKET) out.push_back(peelTo(std::min(deepest, s.display.peel + 1)));
    if (k.key == GLFW_KEY_LEFT_BRACKET) out.push_back(peelTo(std::max(0, s.display.peel - 1)));
    if (k.key == GLFW_KEY_ESCAPE && s.selected) out.push_back({K::ClearSelection});
  }
  return out;
}

}  // namespace dorsum::ui
