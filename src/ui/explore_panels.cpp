#include "ui/explore_panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>

namespace dorsum::ui {

namespace {
using core::Command;

bool containsFolded(const std::string& text, const std::string& needle) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
  };
  return lower(text).find(lower(needle)) != std::string::npos;
}

// A one-line choice of Shown / Ghosted / Hidden; `make` turns the choice into a command.
template <typename Make>
void displayButtons(const char* label, core::Display current, std::vector<Command>& out, Make make) {
  ImGui::PushID(label);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  // Beside its label when "Ghosted" fits there; on a narrow panel (a projector at a large UI
  // scale), on its own line rather than cut to "Ghos".
  const float need = ImGui::CalcTextSize("Ghosted").x + ImGui::GetFrameHeight() + 3.0f * ImGui::GetStyle().FramePadding.x;
  const float indent = ImGui::GetFontSize() * 4.6f;
  if (ImGui::GetContentRegionAvail().x - indent >= need) ImGui::SameLine(indent);
  const char* names[] = {"Shown", "Ghosted", "Hidden"};
  const core::Display values[] = {core::Display::Shown, core::Display::Ghosted, core::Display::Hidden};
  int index = current == core::Display::Shown ? 0 : current == core::Display::Ghosted ? 1 : 2;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::Combo("##display", &index, names, 3) && values[index] != current) out.push_back(make(values[index]));
  ImGui::PopID();
}

// Applies backspaces the text field never saw (pressed and released between two frames).
int applyMissedBackspaces(ImGuiInputTextCallbackData* data) {
  auto* pending = static_cast<int*>(data->UserData);
  while (*pending > 0 && data->CursorPos > 0) {
    data->DeleteChars(data->CursorPos - 1, 1);
    --*pending;
  }
  *pending = 0;
  return 0;
}
}  // namespace

void drawExplorePanels(ExploreState& s, std::vector<Command>& out) {
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
  const float top = std::max(vp->WorkPos.y, s.top);
  const float height = vp->WorkPos.y + vp->WorkSize.y - top;
  // Narrow windows (a projector at a large UI scale) get narrower panels, never wider than a
  // quarter of the window each, so the body keeps the middle.
  const float panelWidth = std::min(em * 19, std::max(em * 9, vp->WorkSize.x * 0.25f));
  ImGui::SetNextWindowPos({vp->WorkPos.x + em * 0.5f, top + em * 0.5f}, ImGuiCond_Always);
  ImGui::SetNextWindowSize({panelWidth, 0}, ImGuiCond_Always);
  ImGui::Begin("Layers", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoFocusOnAppearing);  // folds at its title
  const int peel = s.display.peel;
  const std::string outermost = s.layers.empty() ? std::string("no layers (a model)")
                          : peel < deepest  ? layerName(peel + 1)
                                            : std::string("none (skeleton only)");
  // The layer's short name ("Layer 2: scapular layer"); its list of muscles is in the tooltip.
  const std::string shortName = outermost.substr(0, outermost.find(" ("));
  ImGui::TextWrapped("Outermost: %s", shortName.c_str());
  if (ImGui::IsItemHovered() && shortName != outermost) ImGui::SetTooltip("%s", outermost.c_str());
  // Peel counts the layers removed, as keys 0-5 and `dorsum render --peel` do.
  int peeled = peel;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderInt("##peel", &peeled, 0, deepest, peeled == 0 ? "peel 0: all layers" : "peel %d"))
    out.push_back(Command::setPeel(peeled));
  auto button = [&](const char* label, bool first) {
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2) ImGui::NewLine();
    }
    return ImGui::Button(label);
  };
  if (button("All", true)) out.push_back(Command::setPeel(0));
  if (button("Deepest", false)) out.push_back(Command::setPeel(std::max(0, deepest - 1)));
  if (button("Bones", false)) out.push_back(Command::setPeel(deepest));
  ImGui::Separator();
  displayButtons("Skin", s.display.skin, out, [](core::Display d) { return Command::setSkin(d); });
  displayButtons("Skeleton", s.display.skeleton, out, [](core::Display d) { return Command::setSkeleton(d); });
  bool labels = s.labels;
  if (ImGui::Checkbox("Labels", &labels)) out.push_back(Command::setLabels(labels));
  ImGui::SameLine();
  ImGui::Checkbox("List", &s.showList);
  if (!s.triggerPoints.empty()) {
    // Beside the others when it fits, else below them (never clipped off the panel).
    const float need = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("TrPs").x;
    const float lineEnd = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float left = lineEnd - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x;  // after "List"
    if (left >= need) ImGui::SameLine();
    ImGui::Checkbox("TrPs", &s.marks);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Mark the trigger points with an X");
  }
  ImGui::Separator();
  ImGui::BeginDisabled(!s.canUndo);
  if (ImGui::Button("Undo")) out.push_back(Command::undo());
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Reset")) out.push_back(Command::reset());
  if (s.display.isolated) {
    ImGui::SameLine();
    if (ImGui::Button("End isolation")) out.push_back(Command::endIsolation());
  }
  const float layersBottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
  s.freeLeft = ImGui::GetWindowPos().x + ImGui::GetWindowWidth();
  s.freeRight = vp->WorkPos.x + vp->WorkSize.x;
  ImGui::End();

  // The structure list, below the layer control.
  if (s.showList) {
    ImGui::SetNextWindowPos({vp->WorkPos.x + em * 0.5f, layersBottom + em * 0.5f}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({panelWidth, std::max(em * 4, vp->WorkPos.y + vp->WorkSize.y - layersBottom - em)}, ImGuiCond_Always);
    ImGui::Begin("Structures", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##search", "Search (English or Latin)", s.search, sizeof s.search,
                             ImGuiInputTextFlags_CallbackAlways, applyMissedBackspaces, &s.missedBackspaces);
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
      // Layers start open and bones closed; each opens and closes at a click; a search opens all.
      if (!query.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      else ImGui::SetNextItemOpen(!bones, ImGuiCond_Once);
      if (ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
        for (const ListEntry* e : rows) {
          const bool selected = s.selected && (s.selected->id == e->id || s.selected->node == e->id);
          if (ImGui::Selectable(e->name.c_str(), selected)) {
            out.push_back(Command::select(e->id));  // revealed: unpeeled, shown, what covers it ghosted
            out.push_back(Command::frame(e->id));
          }
          if (ImGui::IsItemHovered() && !e->latin.empty()) ImGui::SetTooltip("%s", e->latin.c_str());
        }
        ImGui::TreePop();
      }
    }
    // Trigger points, by layer and muscle: choosing one paints where it refers pain.
    if (!s.triggerPoints.empty()) {
      if (!query.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      else ImGui::SetNextItemOpen(false, ImGuiCond_Once);
      if (ImGui::TreeNodeEx("Trigger points", ImGuiTreeNodeFlags_SpanAvailWidth)) {
        std::string muscle;
        for (const auto& t : s.triggerPoints) {
          if (!query.empty() && !containsFolded(t.name, query) && !containsFolded(t.muscle, query)) continue;
          if (t.muscle != muscle) {
            muscle = t.muscle;
            ImGui::TextDisabled("%s (layer %d)", muscle.c_str(), t.layer);
          }
          const bool chosen = s.referral && s.referral->title == t.name;
          if (ImGui::Selectable(("  " + t.name + "##" + t.id).c_str(), chosen)) out.push_back(Command::selectTriggerPoint(t.id, core::Side::Left));
        }
        ImGui::TreePop();
      }
      // The reverse lookup: where it hurts, and what refers there.
      if (!query.empty()) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
      else ImGui::SetNextItemOpen(false, ImGuiCond_Once);
      if (ImGui::TreeNodeEx("Where it hurts", ImGuiTreeNodeFlags_SpanAvailWidth)) {
        for (const auto& r : s.regions) {
          if (!query.empty() && !containsFolded(r.name, query)) continue;
          if (ImGui::Selectable((r.name + "##" + r.id).c_str())) out.push_back(Command::selectRegion(r.id, core::Side::Left));
        }
        ImGui::TreePop();
      }
    }
    ImGui::EndChild();
    ImGui::End();
  }

  // A chosen trigger point or region: its card replaces the structure's.
  if (s.referral) {
    const ReferralCard& card = *s.referral;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - em * 0.5f, top + em * 0.5f}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowSize({std::min(em * 24, std::max(em * 10, vp->WorkSize.x * 0.28f)), height - em}, ImGuiCond_Always);
    bool open = true;
    ImGui::Begin("Referred pain", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
    s.freeRight = ImGui::GetWindowPos().x;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::SetWindowFontScale(1.2f);
    ImGui::TextUnformatted(card.title.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!card.subtitle.empty()) ImGui::TextDisabled("%s", card.subtitle.c_str());
    ImGui::Separator();
    for (const auto& section : card.sections) {
      ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "%s", section.title.c_str());
      ImGui::TextUnformatted(section.text.c_str());
      ImGui::Spacing();
    }
    if (!card.referrers.empty()) {
      ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "Trigger points referring here");
      for (const auto& r : card.referrers)
        if (ImGui::Selectable((r.name + (r.kind == "essential" ? "  (essential)" : "  (spillover)") + "##" + r.id).c_str()))
          out.push_back(Command::selectTriggerPoint(r.id, r.side));
      ImGui::Spacing();
    }
    if (!card.treatments.empty()) {
      ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "Strokes that work it");
      for (std::size_t i = 0; i < card.treatments.size(); ++i) {
        const auto& t = card.treatments[i];
        if (ImGui::Selectable(("Play: " + t.label + "##treat" + std::to_string(i)).c_str())) {
          out.push_back(Command::playRoutine(t.routine));
          out.push_back(Command::seekRoutine(t.start));
        }
      }
      ImGui::Spacing();
    }
    ImGui::TextDisabled("Typical patterns for teaching, not a diagnosis.");
    if (!card.sources.empty() && ImGui::CollapsingHeader("Sources")) {
      for (const auto& src : card.sources) ImGui::BulletText("%s", src.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    if (!open) out.push_back(Command::clearReferral());
  }

  // The selected structure's card, on the right.
  if (s.selected && !s.referral) {
    const StructureCard& card = *s.selected;
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - em * 0.5f, top + em * 0.5f}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowSize({std::min(em * 24, std::max(em * 10, vp->WorkSize.x * 0.28f)), height - em}, ImGuiCond_Always);
    bool open = true;
    ImGui::Begin("Structure", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
    s.freeRight = ImGui::GetWindowPos().x;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(card.name.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (!card.latin.empty()) ImGui::TextDisabled("%s", card.latin.c_str());
    if (!card.subtitle.empty()) ImGui::TextUnformatted(card.subtitle.c_str());
    displayButtons("Display", s.selectedDisplay, out, [&](core::Display d) { return Command::setDisplay(card.node, d); });
    if (ImGui::SmallButton("Isolate")) out.push_back(Command::isolate(card.id));
    ImGui::SameLine();
    if (ImGui::SmallButton("Frame")) out.push_back(Command::frame(card.node));
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
    if (!open) out.push_back(Command::clearSelection());
  }
}

void readExploreShortcuts(const ExploreState& s, const std::vector<KeyPress>& keys, bool typing, std::vector<Command>& out) {
  int deepest = 0;
  for (const auto& l : s.layers) deepest = std::max(deepest, l.index);
  for (const KeyPress& k : keys) {
    if (k.ctrl) {
      if (k.key == Key::Z) out.push_back(Command::undo());
      continue;
    }
    if (typing) continue;
    if (const int d = digitOf(k.key); d >= 0 && d <= deepest) out.push_back(Command::setPeel(d));
    if (k.key == Key::RightBracket) out.push_back(Command::setPeel(std::min(deepest, s.display.peel + 1)));
    if (k.key == Key::LeftBracket) out.push_back(Command::setPeel(std::max(0, s.display.peel - 1)));
    if (k.key == Key::Escape && s.referral) out.push_back(Command::clearReferral());
    else if (k.key == Key::Escape && s.selected) out.push_back(Command::clearSelection());
  }
}

}  // namespace dorsum::ui
