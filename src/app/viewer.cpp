// The viewer window. The frame follows Polyscope's order: poll (or sleep) -> build the UI, which
// may change state -> draw the scene -> draw ImGui -> swap. With nothing moving, the loop sleeps
// in glfwWaitEvents and burns no CPU.
#include "app/stroke_view.hpp"
#include "core/json_text.hpp"
#include "ui/massage_panel.hpp"
#include "app/commands.hpp"
#include "app/body_labels.hpp"
#include "app/display_styles.hpp"
#include "render/overlay_renderer.hpp"
#include "app/offscreen_render.hpp"
#include "app/structure_card.hpp"
#include "core/geometry/picking.hpp"
#include "ui/explore_panels.hpp"
#include "core/view/timeline.hpp"
#include "core/text_args.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
#include "core/frame_quality.hpp"
#include "core/stats.hpp"
#include "core/atomic_file.hpp"
#include "core/image.hpp"
#include "render/context.hpp"
#include "render/offscreen.hpp"
#include "render/scene_renderer.hpp"
#include "ui/viewer_ui.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <future>
#include <nlohmann/json.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

namespace dorsum::app {

namespace {

std::string& glfwLastError() {
  static std::string last;
  return last;
}

struct GlfwSession {
  GlfwSession() {
    glfwSetErrorCallback([](int, const char* text) { glfwLastError() = text ? text : ""; });
    if (!glfwInit()) {
      std::string why = glfwLastError().empty() ? "GLFW could not initialise" : glfwLastError();
      throw core::UserError("Cannot open the viewer window: no display is available (" + why +
                            "); use 'dorsum render' for pictures without a display.");
    }
  }
  ~GlfwSession() { glfwTerminate(); }
};

// Input events queued between frames (ImGui 1.86 samples the state of keys and buttons once a
// frame, so a quick press and release on a slow frame would be lost).
struct MouseEvent {
  int button = 0;
  bool press = false;
  double x = 0, y = 0;  // window coordinates
  double time = 0;
};
struct InputQueue {
  std::vector<ui::KeyPress> keys;
  std::vector<MouseEvent> mouse;
  std::vector<int> pressed;  // GLFW keys pressed since the last frame
  std::vector<int> tapped;   // pressed and released since the last frame
};
InputQueue& input() {
  static InputQueue q;
  return q;
}

ui::Key toKey(int k) {
  if (k >= GLFW_KEY_A && k <= GLFW_KEY_Z) return ui::letter(char('A' + (k - GLFW_KEY_A)));
  if (k >= GLFW_KEY_0 && k <= GLFW_KEY_9) return ui::digit(k - GLFW_KEY_0);
  if (k >= GLFW_KEY_KP_0 && k <= GLFW_KEY_KP_9) return ui::digit(k - GLFW_KEY_KP_0);
  switch (k) {
    case GLFW_KEY_LEFT_BRACKET: return ui::Key::LeftBracket;
    case GLFW_KEY_RIGHT_BRACKET: return ui::Key::RightBracket;
    case GLFW_KEY_EQUAL: return ui::Key::Equal;
    case GLFW_KEY_MINUS: return ui::Key::Minus;
    case GLFW_KEY_KP_ADD: return ui::Key::KeypadAdd;
    case GLFW_KEY_KP_SUBTRACT: return ui::Key::KeypadSubtract;
    case GLFW_KEY_ESCAPE: return ui::Key::Escape;
    case GLFW_KEY_TAB: return ui::Key::Tab;
    case GLFW_KEY_SPACE: return ui::Key::Space;
    case GLFW_KEY_ENTER: return ui::Key::Enter;
    case GLFW_KEY_BACKSPACE: return ui::Key::Backspace;
    case GLFW_KEY_DELETE: return ui::Key::Delete;
    case GLFW_KEY_HOME: return ui::Key::Home;
    case GLFW_KEY_END: return ui::Key::End;
    case GLFW_KEY_PAGE_UP: return ui::Key::PageUp;
    case GLFW_KEY_PAGE_DOWN: return ui::Key::PageDown;
    case GLFW_KEY_LEFT: return ui::Key::Left;
    case GLFW_KEY_RIGHT: return ui::Key::Right;
    case GLFW_KEY_UP: return ui::Key::Up;
    case GLFW_KEY_DOWN: return ui::Key::Down;
    case GLFW_KEY_F1: return ui::Key::F1;
    case GLFW_KEY_F11: return ui::Key::F11;
    default: return ui::Key::None;
  }
}

struct ImGuiSession {
  explicit ImGuiSession(GLFWwindow* window) {
    // Installed before ImGui's own callbacks, which chain to them: every event is queued.
    glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int mods) {
      if (action == GLFW_PRESS) input().pressed.push_back(key);
      if (action == GLFW_RELEASE && std::find(input().pressed.begin(), input().pressed.end(), key) != input().pressed.end())
        input().tapped.push_back(key);
      const ui::Key k = toKey(key);
      if (k == ui::Key::None) return;
      auto& keys = input().keys;
      if (action == GLFW_PRESS || action == GLFW_REPEAT) {
        keys.push_back({k, (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0, (mods & GLFW_MOD_SHIFT) != 0, false});
      } else if (action == GLFW_RELEASE) {
        // Released before the frame that would have seen it down.
        for (auto it = keys.rbegin(); it != keys.rend(); ++it)
          if (it->key == k) {
            it->missed = true;
            break;
          }
      }
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
      double x = 0, y = 0;
      glfwGetCursorPos(w, &x, &y);
      input().mouse.push_back({button, action == GLFW_PRESS, x, y, glfwGetTime()});
    });
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // window layout is not saved next to the user's files
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
  }
  ~ImGuiSession() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
};

// Whether a window-coordinate point lies on one of ImGui's windows (a panel, the menu bar, a popup).
bool overPanel(const ImVec2& p) {
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && w->Rect().Contains(p)) return true;
  return false;
}

constexpr double kFade = 0.33, kCameraMove = 0.55, kLensMove = 0.3;

class Viewer {
public:
  Viewer(GLFWwindow* window, const ViewOptions& options, LoadedScene loaded, std::chrono::steady_clock::time_point startedAt)
      : window_(window), options_(options), loaded_(std::move(loaded)), renderer_(options.shaderDir),
        history_(core::ViewState{}), startedAt_(startedAt) {
    openScene(requireView(options.view), true);
    ui_.contextInfo = render::contextDescription();
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(window_, &xs, &ys);
    contentScale_ = std::max(1.0f, xs);
    setUiScale(options.uiScale > 0.0f ? options.uiScale : 1.0f);
  }

  int run() {
    int framesDrawn = 0;
    auto last = std::chrono::steady_clock::now();
    while (!glfwWindowShouldClose(window_)) {
      // Sleep until something happens unless something moves or ImGui needs to settle.
      if (redrawFrames_ > 0 || moving() || options_.exitAfterFrames > 0) {
        glfwPollEvents();
      } else if (renderer_.shaders().fromDisk()) {
        glfwWaitEventsTimeout(0.25);  // wake to look for edited shader files
      } else {
        glfwWaitEvents();
      }
      if (renderer_.shaders().reloadChanged()) {
        ui_.shaderErrors = renderer_.shaders().errors();
        requestRedraw();
      }
      redrawFrames_ = std::max(redrawFrames_, 0);

      int fbW = 0, fbH = 0;
      glfwGetFramebufferSize(window_, &fbW, &fbH);
      if (fbW <= 0 || fbH <= 0) {  // minimised: nothing to draw, wait for the next event
        redrawFrames_ = 0;
        input() = {};
        continue;
      }
      if (pendingScale_ > 0.0f) applyUiScale();

      const auto now = std::chrono::steady_clock::now();
      const auto frameStart = now;
      const double elapsed = std::chrono::duration<double>(now - last).count();
      clock_.advance(std::min(0.25, elapsed));
      last = now;
      advanceRoutine(std::min(1.0, elapsed));  // real time even at a few frames a second
      updateRoutineFrame();  // before the panels are built, so they show this instant
      const double t = clock_.time();
      camera_.jumpTo(cameraTrack_.at(t));
      camera_.lens = lensOf(lensTrack_.at(t));

      holdTappedKeys();
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      const ImGuiIO& io = ImGui::GetIO();
      InputQueue events;
      std::swap(events, input());
      const bool typing = io.WantTextInput;
      for (const auto& k : events.keys)
        if (typing && k.key == ui::Key::Backspace && k.missed) ++explore_.missedBackspaces;

      ui::UiActions actions;
      syncPanels();
      ui_.freeLeft = explore_.freeLeft;
      ui_.freeRight = explore_.freeRight;
      ui_.showHint = ui_.showHint && !state().selected && !state().routine;
      ui::drawViewerUi(ui_, actions);
      explore_.top = ui_.menuHeight;
      std::vector<ui::PlayerRequest> playerRequests;
      if (!state().presenting) {
        ui::drawExplorePanels(explore_, actions.view);
        massage_.top = ui_.menuHeight;
        ui::drawMassagePanel(massage_, explore_.freeRight, actions.view, playerRequests);
      } else {
        explore_.freeLeft = 0.0f, explore_.freeRight = io.DisplaySize.x;
      }
      // A dialog or menu that is open owns the input: no shortcut but Ctrl+Q and no click reaches
      // what is behind it (a panel or card appearing over an open dialog aborted ImGui 1.86).
      const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
      if (popupOpen) {
        std::erase_if(events.keys, [](const ui::KeyPress& k) { return !(k.ctrl && k.key == ui::letter('Q')); });
        events.mouse.clear();
      }
      // While a routine plays, Space, the arrows and Escape belong to the player.
      std::vector<ui::KeyPress> keys = events.keys;
      if (ui::readMassageShortcuts(massage_, keys, typing, actions.view, playerRequests))
        keys.erase(std::remove_if(keys.begin(), keys.end(), [](const ui::KeyPress& k) {
                     return !k.ctrl && (k.key == ui::Key::Space || k.key == ui::Key::Left || k.key == ui::Key::Right || k.key == ui::Key::Escape);
                   }), keys.end());
      ui::readShortcuts(ui_, keys, typing, actions);
      ui::readExploreShortcuts(explore_, keys, typing, actions.view);
      handleCameraInput(fbW, fbH, typing);
      handleClicks(events.mouse, fbW, fbH, actions.view);
      if (!popupOpen) handleHover(fbW, fbH);
      drawHoverTooltip();
      ImGui::Render();
      if (!events.keys.empty() || !events.mouse.empty() || !actions.view.empty()) ui_.showHint = ui_.showHint && actions.view.empty() && events.mouse.empty();
      for (const auto& c : actions.view) execute(c);
      for (const auto& r : actions.app) execute(r);
      for (const auto& r : playerRequests) execute(r);
      if (hadInput() || !events.keys.empty() || !events.mouse.empty()) requestRedraw();
      updateLens(fbW, fbH);
      updateStyles(clock_.time());

      camera_.jumpTo(cameraTrack_.at(clock_.time()));
      camera_.lens = lensOf(lensTrack_.at(clock_.time()));
      showRoutineFrame();
      // Multisampled when still; on software GL without while the picture moves (core::frameSamples).
      // The first frame comes as soon as it can: on software GL without multisampling, and without
      // the labels and trigger-point marks (they need the picking hierarchy, built next); the full
      // still frame follows at once.
      const bool inMotion = cameraMoved_ || moving();
      const bool firstFrame = framesDrawn == 0;
      const int samples = core::frameSamples(software_, inMotion || firstFrame);
      if (samples > 0) {
        if (!stillTarget_ || stillTarget_->width() != fbW || stillTarget_->height() != fbH)
          stillTarget_.emplace(fbW, fbH, samples);
        stillTarget_->bind();
      } else {
        render::bindDefaultFramebuffer();
      }
      render::FrameParams frame = render::frameFor(camera_, fbW, fbH);
      frame.lighter = core::lighterWhileMoving(software_, inMotion);  // fewer triangles while it moves
      renderer_.draw(frame);
      if (!firstFrame) drawLabels(fbW, fbH);
      drawCaption(fbW, fbH);
      if (samples > 0) stillTarget_->resolveToWindow();
      if (inMotion || firstFrame) redrawFrames_ = std::max(redrawFrames_, 2);  // the still frame after
      cameraMoved_ = false;
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      ++framesDrawn;
      if (options_.exitAfterFrames > 0 && framesDrawn >= options_.exitAfterFrames) {
        if (options_.screenshot) core::writeImage(render::readDefaultFramebuffer(fbW, fbH), *options_.screenshot);
        glfwSetWindowShouldClose(window_, GLFW_TRUE);
      }
      lastFrame_ = {fbW, fbH};
      glfwSwapBuffers(window_);
      const auto drawn = std::chrono::steady_clock::now();
      if (firstFrameMs_ < 0.0) firstFrameMs_ = std::chrono::duration<double, std::milli>(drawn - startedAt_).count();
      auto& series = inMotion ? movingFrameMs_ : stillFrameMs_;
      if (series.size() >= 4096) series.erase(series.begin(), series.begin() + 2048);  // the recent past: memory stays flat
      series.push_back(std::chrono::duration<double, std::milli>(drawn - frameStart).count());
      if (options_.frameDelayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.frameDelayMs));
      --redrawFrames_;
    }
    if (options_.report) writeReport(*options_.report);
    return 0;
  }

private:
  const core::ViewState& state() const { return history_.current(); }

  // --- The scene and the view state ----------------------------------------------------------

  // Builds everything that depends on the scene; the first time, from the command line.
  void openScene(core::StandardView view, bool fromOptions) {
    renderer_.upload(loaded_.scene);
    renderer_.setCullBackFaces(closedMeshes(loaded_));  // an open or inward mesh: two-sided
    bvh_.buildOnFirstUse(loaded_.scene);  // built by the first pick, after the first frame is shown
    ctx_ = viewContext(loaded_, &bvh_);
    core::ViewState start = core::initialState(ctx_, view);
    if (fromOptions) {
      if (options_.state) start = loadViewState(*options_.state, ctx_);
      if (options_.labels) start.labels = true;
      if (options_.present) start.presenting = true;
      if (options_.select) start = core::apply(ctx_, start, core::Command::select(*options_.select));
      if (options_.routine) start = core::apply(ctx_, start, core::Command::playRoutine(*options_.routine));
    }
    history_ = core::ViewHistory(start);
    ui_.homeView = start.view;
    ui_.title = loaded_.title;
    ui_.triangles = loaded_.scene.triangleCount();
    explore_.layers = layerEntries(loaded_);
    explore_.list = structureList(loaded_);
    explore_.triggerPoints = triggerEntries(loaded_);
    explore_.regions = regionEntries(loaded_);
    massage_ = massageState(loaded_);
    ui_.routines.clear();
    for (const auto& r : massage_.routines) ui_.routines.push_back({r.id, r.name});
    motion_.reset();
    player_ = core::Player();
    player_.pause();
    renderer_.setDecals(core::Mesh{});
    painted_.reset();
    explore_.search[0] = '\0';
    hovered_.reset();
    cameraTrack_ = core::Track<core::Orbit>::constant(start.camera);
    const auto displays = core::displaysOf(ctx_, start);
    alphaTracks_.assign(displays.size(), {});
    for (std::size_t i = 0; i < displays.size(); ++i) alphaTracks_[i] = core::Track<float>::constant(core::targetAlpha(displays[i]));
    syncRoutine(core::ViewState{});  // a saved state may open in a routine
    syncPanels();
  }

  // Carries out a command on the view state; what it changes starts moving on the clock.
  void execute(const core::Command& c) {
    const core::ViewState before = state();
    try {
      if (!history_.execute(ctx_, c)) return;
    } catch (const core::UserError& e) {
      ui_.message = e.what();
      return;
    }
    if (c.kind == core::Command::Kind::Reset) {
      explore_.search[0] = '\0';
      ui_.showHelp = false;
    }
    syncRoutine(before);
    const double t = clock_.time();
    if (!(state().camera == before.camera) && c.kind != core::Command::Kind::SetCamera)
      cameraTrack_ = core::Track<core::Orbit>::between(t, cameraTrack_.at(t), t + kCameraMove, state().camera);
    const auto displays = core::displaysOf(ctx_, state());
    for (std::size_t i = 0; i < displays.size(); ++i) {
      const float target = core::targetAlpha(displays[i]);
      if (alphaTracks_[i].keys().back().value != target) {
        const float from = alphaTracks_[i].at(t);
        alphaTracks_[i] = core::Track<float>::between(t, from, t + kFade * std::abs(target - from), target, core::Ease::Linear);
      }
    }
    syncPanels();
    requestRedraw();
  }

  void syncPanels() {
    const core::ViewState& s = state();
    explore_.display = s.display;
    explore_.canUndo = history_.canUndo();
    explore_.labels = s.labels;
    explore_.selected = s.selected ? structureCard(loaded_, *s.selected) : std::nullopt;
    explore_.referral = referralCard(loaded_, s);
    if (s.selected) {
      const auto displays = core::displaysOf(ctx_, s);
      for (std::size_t i = 0; i < displays.size(); ++i)
        if (core::matchesId(ctx_.structures[i], *s.selected)) explore_.selectedDisplay = displays[i];
    }
    ui_.presenting = s.presenting;
  }

  bool moving() const {
    if (state().routine && player_.playing()) return true;
    const double t = clock_.time();
    if (!cameraTrack_.finished(t) || !lensTrack_.finished(t)) return true;
    return std::any_of(alphaTracks_.begin(), alphaTracks_.end(), [&](const auto& a) { return !a.finished(t); });
  }

  void updateStyles(double t) {
    auto styles = meshStyles(loaded_, core::displaysOf(ctx_, state()), state().selected, hovered_);
    for (std::size_t i = 0; i < styles.size() && i < alphaTracks_.size(); ++i) styles[i].alpha = alphaTracks_[i].at(t);
    // A routine playing: the muscle its stroke works lit, the layers above it ghosted.
    if (motion_ && state().routine) {
      updateRoutineFrame();  // commands this frame may have moved it
      styleStroke(loaded_, frame_.sample, styles);
    }
    renderer_.setStyles(styles);
    renderer_.setMarkers(attachmentMarkers(loaded_, state().selected));
    // The referral painted on the skin: re-uploaded only when the choice changes.
    const auto key = std::make_pair(state().triggerPoint, state().region);
    if (!state().routine && (!painted_ || *painted_ != key)) {
      painted_ = key;
      renderer_.clearOverlays();
      if (const auto paint = referralPaint(loaded_, state())) renderer_.setOverlay(paint->mesh, paint->values);
    }
  }

  // The picture is centred in the space the panels leave and shrunk to fit it.
  static core::Lens lensOf(const glm::vec3& v) { return {v.x, v.y, v.z}; }
  void updateLens(int fbW, int fbH) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.DisplaySize.x <= 0 || fbH <= 0) return;
    const float w = io.DisplaySize.x, h = io.DisplaySize.y;
    const float left = std::clamp(explore_.freeLeft, 0.0f, w), right = std::clamp(explore_.freeRight, left + 1.0f, w);
    const float top = state().presenting ? 0.0f : ui_.menuHeight;
    const float centreX = 0.5f * (left + right), centreY = 0.5f * (top + h);
    glm::vec3 target(2.0f * centreX / w - 1.0f, 1.0f - 2.0f * centreY / h, 1.0f);
    // The body is framed to fill the height; shrink it when the free width is narrower than that.
    target.z = std::clamp(std::min((right - left) / (h - top) * 1.05f, (h - top) / h), 0.35f, 1.0f);
    (void)fbW;
    const double t = clock_.time();
    if (glm::length(lensTrack_.keys().empty() ? glm::vec3(1e9f) : lensTrack_.keys().back().value - target) < 1e-3f) return;
    const glm::vec3 from = lensTrack_.empty() ? target : lensTrack_.at(t);
    lensTrack_ = lensTrack_.empty() || frames_ < 2 ? core::Track<glm::vec3>::constant(target)
                                                    : core::Track<glm::vec3>::between(t, from, t + kLensMove, target);
    ++frames_;
  }

  // --- Mouse: clicks from the queued events, drags and hover from ImGui's per-frame state ------

  // A press and release without motion is a click, even when both arrive within one slow frame;
  // presses on a panel never pick. A second click soon after the first, near it, frames too.
  void handleClicks(const std::vector<MouseEvent>& events, int fbW, int fbH, std::vector<core::Command>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    for (const MouseEvent& e : events) {
      if (e.button != GLFW_MOUSE_BUTTON_LEFT) continue;
      const ImVec2 p(float(e.x), float(e.y));
      if (e.press) {
        press_ = e;
        pressOnPanel_ = overPanel(p) || io.WantCaptureMouse || ImGui::IsAnyItemActive();
        continue;
      }
      if (pressOnPanel_ || std::abs(e.x - press_.x) > 4 || std::abs(e.y - press_.y) > 4) continue;
      const float sx = io.DisplaySize.x > 0 ? float(fbW) / io.DisplaySize.x : 1.0f;
      const float sy = io.DisplaySize.y > 0 ? float(fbH) / io.DisplaySize.y : 1.0f;
      const auto hit = core::pick(bvh_, core::pixelRay(camera_, fbW, fbH, p.x * sx, p.y * sy),
                                  core::pickableOf(core::displaysOf(ctx_, state())));
      const bool twice = e.time - lastClick_.time < 0.4 && std::abs(e.x - lastClick_.x) < 6 && std::abs(e.y - lastClick_.y) < 6;
      lastClick_ = e;
      // An X mark under the cursor: its trigger point's referral.
      const TriggerMark* mark = nullptr;
      const float reach = 9.0f * ui_.uiScale * contentScale_;
      for (const auto& m : marks_)
        if (glm::length(m.at - glm::vec2(p.x * sx, p.y * sy)) < reach) mark = &m;
      if (mark) {
        out.push_back(core::Command::selectTriggerPoint(mark->id, mark->side));
        continue;
      }
      if (!hit) {
        out.push_back(core::Command::clearSelection());
        continue;
      }
      const std::string& node = loaded_.structures[hit->mesh].node;
      // The skin, clicked where it hurts: the region there, and the trigger points referring to it.
      if (loaded_.referral && hit->mesh == loaded_.referral->skinMesh()) {
        const core::Mesh& skin = loaded_.scene.meshes[hit->mesh];
        const glm::vec3 b = hit->barycentric;
        const int corner = b.x >= b.y && b.x >= b.z ? 0 : b.y >= b.z ? 1 : 2;
        const std::uint32_t vertex = skin.indices[3 * std::size_t(hit->face) + corner];
        const core::SkinRegion* best = nullptr;
        for (const core::SkinRegion* r : loaded_.referral->regionsAt(vertex))
          if (!best || r->areaCm2 < best->areaCm2) best = r;  // the most specific region there
        if (best) {
          out.push_back(core::Command::selectRegion(best->id, best->side.value_or(hit->point.x >= 0 ? core::Side::Left : core::Side::Right)));
          continue;
        }
      }
      out.push_back(core::Command::select(node, core::SurfacePoint{node, hit->face, hit->barycentric, hit->point}, false));
      if (twice) out.push_back(core::Command::frame(node));
    }
  }

  void handleHover(int fbW, int fbH) {
    if (firstFrameMs_ < 0.0) return;  // the first frame comes before the picking hierarchy is built
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<std::size_t> hovered;
    if (!io.WantCaptureMouse && io.DisplaySize.x > 0 && ImGui::IsMousePosValid()) {
      const float sx = float(fbW) / io.DisplaySize.x, sy = float(fbH) / io.DisplaySize.y;
      if (const auto hit = core::pick(bvh_, core::pixelRay(camera_, fbW, fbH, io.MousePos.x * sx, io.MousePos.y * sy),
                                      core::pickableOf(core::displaysOf(ctx_, state()))))
        hovered = hit->mesh;
    }
    if (hovered != hovered_) {
      hovered_ = hovered;
      requestRedraw();
    }
  }

  void drawHoverTooltip() {
    if (!hovered_ || ImGui::GetIO().WantCaptureMouse) return;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(displayName(loaded_, loaded_.structures[*hovered_]).c_str());
    ImGui::EndTooltip();
  }

  // Drags orbit and pan, the wheel and Page Up/Down zoom, the arrows orbit: the camera follows at
  // once, and the view state learns where it is.
  void handleCameraInput(int fbW, int fbH, bool typing) {
    const ImGuiIO& io = ImGui::GetIO();
    const float aspect = float(fbW) / float(fbH);
    const ImVec2 size = io.DisplaySize;
    bool moved = false;
    if (!io.WantCaptureMouse && size.x > 0 && size.y > 0) {
      const ImVec2 d = io.MouseDelta;
      const bool panning = ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle) ||
                           (ImGui::IsMouseDown(ImGuiMouseButton_Left) && io.KeyShift);
      if (panning && (d.x != 0 || d.y != 0)) {
        camera_.pan(2.0f * d.x / size.x, -2.0f * d.y / size.y, aspect);
        moved = true;
      } else if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && !pressOnPanel_ && (d.x != 0 || d.y != 0)) {
        camera_.orbit(-d.x * 0.008f, d.y * 0.008f);
        moved = true;
      }
      if (io.MouseWheel != 0) {
        const glm::vec2 ndc(2.0f * io.MousePos.x / size.x - 1.0f, 1.0f - 2.0f * io.MousePos.y / size.y);
        camera_.dolly(std::pow(0.88f, io.MouseWheel), (ndc - glm::vec2(camera_.lens.shiftX, camera_.lens.shiftY)) / camera_.lens.zoom, aspect);
        moved = true;
      }
    }
    if (!typing && !io.KeyCtrl) {
      const float step = 0.05f;
      const struct {
        int key;
        float yaw, pitch, zoom;
      } keys[] = {{GLFW_KEY_LEFT, step, 0, 1}, {GLFW_KEY_RIGHT, -step, 0, 1}, {GLFW_KEY_UP, 0, step, 1},
                  {GLFW_KEY_DOWN, 0, -step, 1}, {GLFW_KEY_PAGE_UP, 0, 0, 0.96f}, {GLFW_KEY_PAGE_DOWN, 0, 0, 1.04f}};
      for (const auto& k : keys)
        if (glfwGetKey(window_, k.key) == GLFW_PRESS && !(massage_.active && (k.key == GLFW_KEY_LEFT || k.key == GLFW_KEY_RIGHT))) {
          if (k.zoom != 1.0f) camera_.dolly(k.zoom, {0, 0}, aspect);
          else camera_.orbit(k.yaw, k.pitch);
          moved = true;
        }
    }
    if (moved) {
      cameraMoved_ = true;
      cameraTrack_ = core::Track<core::Orbit>::constant(camera_.current());
      execute(core::Command::setCamera(camera_.current()));
    }
  }

  // Trigger points as X marks, then leader-line labels for the muscles in view; both follow the
  // camera (recomputed per frame).
  void drawLabels(int fbW, int fbH) {
    const bool wantMarks = explore_.marks && loaded_.referral && !state().routine;
    if (!state().labels && !wantMarks) return;
    const float pixels = 15.0f * ui_.uiScale * contentScale_;
    if (!overlay_ || overlay_->pixelHeight() != pixels) overlay_.emplace(renderer_.shaders(), pixels);
    marks_.clear();
    if (wantMarks) {
      marks_ = triggerPointMarks(loaded_, core::displaysOf(ctx_, state()), bvh_, camera_, fbW, fbH, state());
      std::vector<render::OverlayRenderer::Cross> crosses;
      const float size = 11.0f * ui_.uiScale * contentScale_;
      for (const auto& m : marks_)
        crosses.push_back({m.at, m.chosen ? size * 1.5f : size, m.chosen ? glm::vec4(1.0f, 0.84f, 0.25f, 1.0f) : glm::vec4(0.96f, 0.96f, 0.99f, 0.92f)});
      overlay_->drawCrosses(crosses, fbW, fbH);
    }
    if (!state().labels) return;
    if (!overlay_->available()) {
      ui_.message = overlay_->whyUnavailable();
      execute(core::Command::setLabels(false));
      return;
    }
    // Panels are laid out in window coordinates; labels in framebuffer pixels.
    const float toPixels = ImGui::GetIO().DisplaySize.x > 0 ? float(fbW) / ImGui::GetIO().DisplaySize.x : 1.0f;
    const auto placed = layoutBodyLabels(loaded_, core::displaysOf(ctx_, state()), bvh_, camera_, fbW, fbH,
                                         [&](const std::string& t) { return overlay_->measure(t); },
                                         explore_.freeLeft * toPixels, explore_.freeRight * toPixels);
    overlay_->drawLabels(placed, fbW, fbH);
  }

  void writeReport(const std::filesystem::path& path) const {
    const core::ViewState& s = state();
    nlohmann::json r = {{"selected", s.selected ? nlohmann::json(*s.selected) : nlohmann::json(nullptr)},
                        {"peel", s.display.peel},
                        {"hovered", hovered_ ? nlohmann::json(loaded_.structures[*hovered_].node) : nlohmann::json(nullptr)},
                        {"window", {lastFrame_.first, lastFrame_.second}},
                        {"free", {explore_.freeLeft, explore_.freeRight}},
                        {"ui_scale", ui_.uiScale},
                        {"search", std::string(explore_.search)},
                        {"title", loaded_.title},
                        {"message", ui_.message},
                        {"state", core::toJson(s)}};
    // Measured, never asserted: how long frames took from the start of the loop to the swap.
    auto series = [](const std::vector<double>& ms) {
      return nlohmann::json{{"count", ms.size()},
                            {"ms_median", ms.empty() ? 0.0 : core::quantile(ms, 0.5)},
                            {"ms_p95", ms.empty() ? 0.0 : core::quantile(ms, 0.95)}};
    };
    r["frames"] = {{"software_gl", software_}, {"first_frame_ms", firstFrameMs_}, {"moving", series(movingFrameMs_)},
                   {"still", series(stillFrameMs_)}};
    core::writeFileAtomically(path, core::jsonText(r) + "\n");
  }
  void requestRedraw() { redrawFrames_ = std::max(redrawFrames_, 3); }  // ImGui settles in a few frames

  // ImGui 1.86 reads which keys are down once a frame: a key pressed and released between two
  // frames (a quick tap while the viewer sleeps or draws a slow frame, scripted input) would
  // never reach it, and Enter in the Open dialog, Escape or Ctrl+A in a text field did nothing.
  // Such a key is held down for ImGui through one frame and released before the next; text typed
  // in the same moment waits for that next frame (ImGui ignores characters while Ctrl is down).
  void holdTappedKeys() {
    ImGuiIO& io = ImGui::GetIO();
    const int count = int(IM_ARRAYSIZE(io.KeysDown));
    for (const int key : heldForImGui_)
      if (key >= 0 && key < count && glfwGetKey(window_, key) != GLFW_PRESS) io.KeysDown[key] = false;
    heldForImGui_.clear();
    if (!charsAfterHeldKeys_.empty()) {  // before what was typed since
      charsAfterHeldKeys_.insert(charsAfterHeldKeys_.end(), io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
      io.InputQueueCharacters.resize(0);
      for (const ImWchar c : charsAfterHeldKeys_) io.InputQueueCharacters.push_back(c);
      charsAfterHeldKeys_.clear();
    }
    for (const int key : input().tapped)
      if (key >= 0 && key < count && key != GLFW_KEY_BACKSPACE) {  // the search box counts missed backspaces itself
        io.KeysDown[key] = true;
        heldForImGui_.push_back(key);
      }
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
    if (heldForImGui_.empty()) return;
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) {
      charsAfterHeldKeys_.assign(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end());
      io.InputQueueCharacters.resize(0);
    }
    requestRedraw();  // the frame that releases them
  }

  bool hadInput() const {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0)
      return true;
    for (bool down : io.MouseDown)
      if (down) return true;
    for (bool down : io.KeysDown)
      if (down) return true;
    return false;
  }

  // --- Massage: the player owns the routine's clock; the view state holds where it is ----------

  // After a command: a routine started, stopped or moved lays its strokes and sets the player.
  void syncRoutine(const core::ViewState& before) {
    const core::ViewState& s = state();
    if (!s.routine) {
      massage_.active.reset();
      if (before.routine) {
        player_.pause();
        motion_.reset();
        frameAt_.reset();
        renderer_.setDecals(core::Mesh{});
        painted_.reset();
      }
      return;
    }
    if (!motion_ || motion_->routine().id != *s.routine) {
      try {
        motion_.emplace(routineMotion(loaded_, *s.routine));
      } catch (const core::UserError& e) {
        ui_.message = e.what();
        execute(core::Command::stopRoutine());
        return;
      }
      frameAt_.reset();
    }
    if (before.routine != s.routine) {  // a routine starts (or starts again): it plays; the user pauses it
      player_.seek(s.routineTime);
      player_.play();
    }
    if (std::abs(player_.time() - double(s.routineTime)) > 1e-3) player_.seek(s.routineTime);  // scrubbed
    player_.setLoop(massage_.loop ? motion_->duration() : 0.0);
    for (std::size_t i = 0; i < massage_.routines.size(); ++i)
      if (massage_.routines[i].id == *s.routine) massage_.active = i;
  }

  void execute(const ui::PlayerRequest& r) {
    if (!motion_ || !state().routine) return;
    switch (r.kind) {
      case ui::PlayerRequest::Kind::TogglePlay:
        if (player_.playing()) player_.pause();
        else {
          if (player_.time() >= motion_->duration() - 1e-3) execute(core::Command::seekRoutine(0.0f));  // again from the start
          player_.play();
        }
        break;
      case ui::PlayerRequest::Kind::SetSpeed: player_.setSpeed(std::clamp(double(r.value), 0.25, 2.0)); break;
      case ui::PlayerRequest::Kind::SetLoop:
        massage_.loop = r.on;
        player_.setLoop(r.on ? motion_->duration() : 0.0);
        break;
    }
    requestRedraw();
  }

  // Each frame: the player's clock moves the routine's time (frame-rate independent: by the
  // time that passed), ending at its end unless it loops.
  void advanceRoutine(double dt) {
    if (!motion_ || !state().routine) return;
    player_.advance(dt);
    if (!massage_.loop && player_.time() >= motion_->duration()) {
      player_.seek(motion_->duration());
      player_.pause();
    }
    // The clock only moves the time: no fades, no camera, no panels to rebuild.
    if (std::abs(player_.time() - double(state().routineTime)) > 1e-6) {
      history_.execute(ctx_, core::Command::seekRoutine(float(player_.time())));
      requestRedraw();
    }
  }

  // The routine's instant (glyphs, sample) and the panel's read-outs, computed once per time.
  void updateRoutineFrame() {
    if (!motion_ || !state().routine) return;
    if (frameAt_ && *frameAt_ == state().routineTime) return;
    frameAt_ = state().routineTime;
    frame_ = strokeFrame(*motion_, state().routineTime);
    massage_.time = state().routineTime;
    massage_.stroke = frame_.sample.stroke;
    massage_.reach = reachText(loaded_, frame_.sample);
    const core::Technique tech = frame_.sample.technique;
    massage_.techniqueText.clear();
    massage_.techniqueSources.clear();
    if (loaded_.routines && loaded_.routines->techniques.count(tech)) {
      const core::Cited& c = loaded_.routines->techniques.at(tech);
      massage_.techniqueText = c.text;
      massage_.techniqueSources = citations(loaded_, c.sources);
    }
    renderer_.setDecals(frame_.glyphs);
  }

  // The routine's instant on the renderer (after updateStyles): glyphs, the muscle reached, a
  // pressed trigger point's referral; and the panel's read-outs.
  void showRoutineFrame() {
    if (!motion_ || !state().routine) return;
    massage_.playing = player_.playing();
    massage_.speed = float(player_.speed());
    // A pressed trigger point's referral, uploaded when it starts or stops showing.
    const auto pressed = strokeReferral(frame_.sample);
    const auto key = std::make_pair(pressed, std::optional<core::OnSide>());
    if (!painted_ || *painted_ != key) {
      painted_ = key;
      renderer_.clearOverlays();
      core::ViewState paintState;
      paintState.triggerPoint = pressed;
      if (const auto paint = referralPaint(loaded_, paintState)) renderer_.setOverlay(paint->mesh, paint->values);
    }
  }

  // The current stroke's caption along the bottom of the body's space, large enough for a
  // projector.
  void drawCaption(int fbW, int fbH) {
    if (!motion_ || !state().routine) return;
    // Large for a projector, but never more than a twentieth of the free width per line.
    const float toPixelsX = ImGui::GetIO().DisplaySize.x > 0 ? float(fbW) / ImGui::GetIO().DisplaySize.x : 1.0f;
    const float freeWidth = (std::min(float(fbW), explore_.freeRight * toPixelsX) - explore_.freeLeft * toPixelsX);
    const float pixels = std::max(12.0f, std::min(16.0f * ui_.uiScale * contentScale_, freeWidth / 26.0f));
    if (!captionOverlay_ || captionOverlay_->pixelHeight() != pixels) captionOverlay_.emplace(renderer_.shaders(), pixels);
    const float toPixels = ImGui::GetIO().DisplaySize.x > 0 ? float(fbW) / ImGui::GetIO().DisplaySize.x : 1.0f;
    captionOverlay_->drawCaption(frame_.title, frame_.caption, fbW, fbH, 3, explore_.freeLeft * toPixels,
                                 std::min(float(fbW), explore_.freeRight * toPixels));
  }

  void execute(const ui::UiRequest& c) {
    using K = ui::UiRequest::Kind;
    switch (c.kind) {
      case K::SetUiScale: setUiScale(c.scale); break;
      case K::Quit: glfwSetWindowShouldClose(window_, GLFW_TRUE); break;
      case K::OpenBody: replaceScene(std::nullopt); break;
      case K::OpenModel:
        if (c.path.empty()) ui_.showOpen = true;
        else replaceScene(std::filesystem::path(c.path));
        break;
      case K::ToggleFullscreen: toggleFullscreen(); break;
    }
    requestRedraw();
  }

  void toggleFullscreen() {
    if (glfwGetWindowMonitor(window_)) {
      glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2], windowed_[3], 0);
      ui_.fullscreen = false;
      return;
    }
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode) {
      ui_.message = "Full screen is not available: the display reports no monitor.";
      return;
    }
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    ui_.fullscreen = true;
  }

  void replaceScene(const std::optional<std::filesystem::path>& model) {
    try {
      loaded_ = loadScene({model, options_.atlasDir});
    } catch (const core::UserError& e) {
      ui_.message = e.what();  // the current scene stays
      return;
    }
    openScene(core::StandardView::Posterior, false);
    ui_.message.clear();
    glfwSetWindowTitle(window_, ("Dorsum - " + loaded_.title).c_str());
  }

  void setUiScale(float scale) { pendingScale_ = std::clamp(scale, ui::kMinUiScale, ui::kMaxUiScale); }

  // Font atlases can only change between frames.
  void applyUiScale() {
    ui_.uiScale = pendingScale_;
    pendingScale_ = 0.0f;
    const float pixels = ui_.uiScale * contentScale_;
    ui::buildFonts(pixels);
    ui::applyStyle(pixels);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }

  GLFWwindow* window_;
  ViewOptions options_;
  LoadedScene loaded_;  // ctx_ points into it: replaced only through openScene
  render::SceneRenderer renderer_;
  core::Bvh bvh_;
  core::ViewContext ctx_;
  core::ViewHistory history_;
  core::Player clock_;
  core::OrbitCamera camera_;
  core::Track<core::Orbit> cameraTrack_;
  core::Track<glm::vec3> lensTrack_;
  std::vector<core::Track<float>> alphaTracks_;
  std::optional<std::size_t> hovered_;
  ui::ExploreState explore_;
  MouseEvent press_, lastClick_{0, false, -100, -100, -10};
  bool pressOnPanel_ = false;
  std::optional<render::OverlayRenderer> overlay_, captionOverlay_;
  ui::MassageState massage_;
  std::optional<core::RoutineMotion> motion_;
  core::Player player_;
  StrokeFrame frame_;
  std::optional<float> frameAt_;  // the routine time frame_ shows
  std::vector<TriggerMark> marks_;  // where the X marks were drawn (for clicks)
  std::optional<std::pair<std::optional<core::OnSide>, std::optional<core::OnSide>>> painted_;
  std::pair<int, int> lastFrame_{0, 0};
  ui::UiState ui_;
  float contentScale_ = 1.0f;
  float pendingScale_ = 0.0f;
  int redrawFrames_ = 3;
  std::vector<int> heldForImGui_;          // keys holdTappedKeys holds down for ImGui this frame
  std::vector<ImWchar> charsAfterHeldKeys_;  // text typed with them, given to ImGui the frame after
  int frames_ = 0;
  bool software_ = core::isSoftwareRenderer(render::contextDescription());
  bool cameraMoved_ = false;  // dragged, wheeled or keyed this frame
  std::optional<render::OffscreenTarget> stillTarget_;  // multisampled, the window's size
  std::vector<double> movingFrameMs_, stillFrameMs_;
  double firstFrameMs_ = -1.0;  // from the start of the command to the first frame on screen
  std::chrono::steady_clock::time_point startedAt_;
  int windowed_[4] = {100, 100, 1280, 800};
};

// Opens the window, then waits for the scene from `loaded` and shows it.
int showViewer(const ViewOptions& options, const std::optional<core::Size>& size, std::chrono::steady_clock::time_point startedAt,
               const std::function<LoadedScene()>& loaded);
}  // namespace

int runViewer(const ViewOptions& options) {
  const auto startedAt = std::chrono::steady_clock::now();
  requireView(options.view);
  if (options.screenshot) {
    requireWritableOutput(*options.screenshot);
    core::imageFormatFor(*options.screenshot);
  }
  if (options.report) requireWritableOutput(*options.report);
  if (!std::isfinite(options.uiScale))
    throw core::usageError("The UI scale must be a number from 1 to 3.");
  std::optional<core::Size> size;
  if (!options.size.empty()) size = core::parseSize(options.size);
  // The scene loads on a second thread while the window and its GL context start (on software GL
  // each takes a few hundred milliseconds). The window stays hidden until the scene is in: a file
  // that cannot be read is reported before any window shows, and before a missing display is.
  std::future<LoadedScene> loading =
      std::async(std::launch::async, [&options] { return loadScene({options.model, options.atlasDir}); });
  auto loaded = [&loading, &options] {
    LoadedScene scene = loading.get();
    if (options.select) viewContext(scene).requireKnown(*options.select, "given to --select");
    return scene;
  };
  try {
    return showViewer(options, size, startedAt, loaded);
  } catch (...) {
    if (loading.valid()) (void)loaded();  // the scene's own error first, if it has one
    throw;
  }
}

namespace {
int showViewer(const ViewOptions& options, const std::optional<core::Size>& size, std::chrono::steady_clock::time_point startedAt,
               const std::function<LoadedScene()>& loaded) {
  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 0);  // still frames are multisampled offscreen and resolved onto it
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);  // shown once the scene is in
  if (options.glDebug) glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
  // The first window fits the monitor's work area (a 1024x768 projector gets a window it can show).
  int width = 1280, height = 800;
  if (size) {
    width = size->width;
    height = size->height;
  } else if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
    if (w > 0 && h > 0) {
      width = std::min(width, int(float(w) * 0.97f));
      height = std::min(height, int(float(h) * 0.93f));
    }
  }
  GLFWwindow* window = glfwCreateWindow(width, height, "Dorsum", nullptr, nullptr);
  if (!window)
    throw core::UserError("Cannot open the viewer window: this system offers no OpenGL 3.3 core context (" +
                          glfwLastError() + ").");
  struct WindowGuard {
    GLFWwindow* w;
    ~WindowGuard() { glfwDestroyWindow(w); }
  } guard{window};
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  std::string why;
  if (!render::loadGL(reinterpret_cast<render::ProcLoader>(glfwGetProcAddress), why))
    throw core::UserError("Cannot start the viewer: " + why + ".");
#ifndef NDEBUG
  const bool debug = true;
#else
  const bool debug = options.glDebug;
#endif
  if (debug) render::enableDebugOutput([](const std::string& m) { std::cerr << m << "\n"; });

  ImGuiSession imgui(window);
  LoadedScene scene = loaded();
  glfwSetWindowTitle(window, ("Dorsum - " + scene.title).c_str());
  glfwShowWindow(window);
  Viewer viewer(window, options, std::move(scene), startedAt);
  return viewer.run();
}
}  // namespace

}  // namespace dorsum::app
