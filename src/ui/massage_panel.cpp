#include "ui/massage_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dorsum::ui {

using core::Command;

namespace {
std::string clock(float seconds) {
  char buf[32];
  const int s = int(seconds);
  std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
  return buf;
}
int strokeAt(const RoutineEntry& r, float t) {
  int i = 0;
  for (std::size_t k = 0; k < r.strokes.size(); ++k)
    if (t >= r.strokes[k].start) i = int(k);
  return i;
}
}  // namespace

float strokeStep(const RoutineEntry& r, float time, int direction) {
  if (r.strokes.empty()) return 0.0f;
  const int i = strokeAt(r, time);
  if (direction > 0) return i + 1 < int(r.strokes.size()) ? r.strokes[std::size_t(i + 1)].start : r.duration;
  if (time - r.strokes[std::size_t(i)].start > 2.0f) return r.strokes[std::size_t(i)].start;
  return r.strokes[std::size_t(std::max(0, i - 1))].start;
}

void drawMassagePanel(MassageState& s, float& freeRight, std::vector<Command>& view, std::vector<PlayerRequest>& player) {
  if (!s.active || *s.active >= s.routines.size()) return;
  const RoutineEntry& r = s.routines[*s.active];
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float top = std::max(vp->WorkPos.y, s.top);
  const float height = vp->WorkPos.y + vp->WorkSize.y - top;
  ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x - em * 0.5f, top + em * 0.5f}, ImGuiCond_Always, {1.0f, 0.0f});
  ImGui::SetNextWindowSize({std::min(em * 24, std::max(em * 11, vp->WorkSize.x * 0.3f)), height - em}, ImGuiCond_Always);
  bool open = true;
  ImGui::Begin("Massage", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing);
  freeRight = ImGui::GetWindowPos().x;
  if (!open) view.push_back(Command::stopRoutine());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::SetWindowFontScale(1.2f);
  ImGui::TextUnformatted(r.name.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::TextDisabled("%s of %s, stroke %d of %d", clock(s.time).c_str(), clock(r.duration).c_str(), s.stroke + 1, int(r.strokes.size()));

  // The timeline: the buttons a media player has, and a slider to scrub; laid out to fit a narrow
  // panel (a projector at UI scale 2).
  const float avail = ImGui::GetContentRegionAvail().x, gap = ImGui::GetStyle().ItemSpacing.x;
  const float button = std::max(em * 1.8f, (avail - 2.0f * gap) / 4.0f);
  if (ImGui::Button("|<", {button, 0})) view.push_back(Command::seekRoutine(strokeStep(r, s.time, -1)));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous stroke (Left arrow)");
  ImGui::SameLine();
  if (ImGui::Button(s.playing ? "Pause" : "Play", {avail - 2.0f * button - 2.0f * gap, 0})) player.push_back({PlayerRequest::Kind::TogglePlay});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
  ImGui::SameLine();
  if (ImGui::Button(">|", {button, 0})) view.push_back(Command::seekRoutine(strokeStep(r, s.time, +1)));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next stroke (Right arrow)");
  float t = s.time;
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##time", &t, 0.0f, r.duration, clock(t).c_str())) view.push_back(Command::seekRoutine(t));
  char speedLabel[16];
  std::snprintf(speedLabel, sizeof speedLabel, "%gx", double(s.speed));
  ImGui::SetNextItemWidth(em * 4.5f);
  if (ImGui::BeginCombo("##speed", speedLabel)) {
    for (const float sp : kSpeeds) {
      char label[16];
      std::snprintf(label, sizeof label, "%gx", double(sp));
      if (ImGui::Selectable(label, std::abs(s.speed - sp) < 1e-3f)) player.push_back({PlayerRequest::Kind::SetSpeed, sp});
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Speed: 0.25x to 2x");
  ImGui::SameLine();
  bool loop = s.loop;
  if (ImGui::Checkbox("Loop", &loop)) player.push_back({PlayerRequest::Kind::SetLoop, 0.0f, loop});
  // Beside Loop when it fits, else below (a narrow panel must not clip it).
  const float lineEnd = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float stopWidth = ImGui::CalcTextSize("Stop").x + 2.0f * ImGui::GetStyle().FramePadding.x;
  if (lineEnd - ImGui::GetItemRectMax().x - ImGui::GetStyle().ItemSpacing.x >= stopWidth) ImGui::SameLine();
  if (ImGui::Button("Stop")) view.push_back(Command::stopRoutine());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Leave the routine (Escape)");
  ImGui::Separator();

  // The stroke now: what it is, what it does, what it reaches.
  if (s.stroke >= 0 && std::size_t(s.stroke) < r.strokes.size()) {
    const auto& st = r.strokes[std::size_t(s.stroke)];
    ImGui::TextColored(ImVec4(0.95f, 0.78f, 0.4f, 1.0f), "%s", st.title.c_str());
    ImGui::TextDisabled("%s", st.detail.c_str());
    ImGui::TextUnformatted(st.caption.c_str());
    if (!s.reach.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.3f, 1.0f), "%s", s.reach.c_str());
    if (!s.techniqueText.empty() && ImGui::CollapsingHeader("How it is done")) {
      ImGui::TextUnformatted(s.techniqueText.c_str());
      for (const auto& src : s.techniqueSources) ImGui::BulletText("%s", src.c_str());
    }
  }
  if (ImGui::CollapsingHeader("Strokes", ImGuiTreeNodeFlags_DefaultOpen)) {
    for (std::size_t i = 0; i < r.strokes.size(); ++i) {
      const auto& st = r.strokes[i];
      const std::string label = clock(st.start) + "  " + st.title + "##stroke" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), int(i) == s.stroke)) view.push_back(Command::seekRoutine(st.start));
    }
  }
  if (!s.cautions.empty() && ImGui::CollapsingHeader("Cautions")) {
    ImGui::TextDisabled("Teaching content, not treatment.");
    for (const auto& c : s.cautions) ImGui::BulletText("%s", c.c_str());
  }
  if (!r.sources.empty() && ImGui::CollapsingHeader("Sources")) {
    if (!r.description.empty()) ImGui::TextUnformatted(r.description.c_str());
    for (const auto& src : r.sources) ImGui::BulletText("%s", src.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

bool readMassageShortcuts(const MassageState& s, const std::vector<KeyPress>& keys, bool typing, std::vector<Command>& view,
                          std::vector<PlayerRequest>& player) {
  if (!s.active || *s.active >= s.routines.size() || typing) return false;
  const RoutineEntry& r = s.routines[*s.active];
  bool taken = false;
  for (const auto& k : keys) {
    if (k.ctrl) continue;
    if (k.key == Key::Space) player.push_back({PlayerRequest::Kind::TogglePlay});
    else if (k.key == Key::Left) view.push_back(Command::seekRoutine(strokeStep(r, s.time, -1)));
    else if (k.key == Key::Right) view.push_back(Command::seekRoutine(strokeStep(r, s.time, +1)));
    else if (k.key == Key::Escape) view.push_back(Command::stopRoutine());
    else continue;
    taken = true;
  }
  return taken;
}

}  // namespace dorsum::ui
