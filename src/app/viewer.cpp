// The viewer window. The frame follows Polyscope's order: poll (or sleep) -> build the UI, which
// may change state -> draw the scene -> draw ImGui -> swap. With nothing moving, the loop sleeps
// in glfwWaitEvents and burns no CPU.
#include "app/commands.hpp"
#include "app/body_labels.hpp"
#include "app/display_styles.hpp"
#include "render/overlay_renderer.hpp"
#include "app/offscreen_render.hpp"
#include "app/structure_card.hpp"
#include "core/geometry/picking.hpp"
#include "ui/explore_panels.hpp"
#include "app/scene_source.hpp"
#include "core/error.hpp"
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

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <chrono>
#include <iostream>
#include <memory>

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

std::vector<ui::KeyPress>& pressedKeys() {
  static std::vector<ui::KeyPress> keys;
  return keys;
}

struct ImGuiSession {
  explicit ImGuiSession(GLFWwindow* window) {
    // Installed before ImGui's own callbacks, which chain to it: every press is queued.
    glfwSetKeyCallback(window, [](GLFWwindow*, int key, int, int action, int mods) {
      if (action == GLFW_PRESS || action == GLFW_REPEAT) pressedKeys().push_back({key, mods});
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

class Viewer {
public:
  Viewer(GLFWwindow* window, const ViewOptions& options, LoadedScene loaded)
      : window_(window), options_(options), loaded_(std::move(loaded)), renderer_(options.shaderDir) {
    renderer_.upload(loaded_.scene);
    renderer_.setCullBackFaces(loaded_.atlas.has_value());  // a user's model may be open: two-sided
    camera_.frame(framingBounds(loaded_), requireView(options.view));
    resetExplore();
    if (options.select) select(*options.select, false);
    labels_ = options.labels;
    syncExplore();
    ui_.title = loaded_.title;
    ui_.triangles = loaded_.scene.triangleCount();
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
      // Sleep until something happens unless a transition is under way or ImGui needs to settle.
      if (redrawFrames_ > 0 || camera_.animating() || options_.exitAfterFrames > 0) {
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
        continue;
      }
      if (pendingScale_ > 0.0f) applyUiScale();

      const auto now = std::chrono::steady_clock::now();
      const float dt = std::min(0.1f, std::chrono::duration<float>(now - last).count());
      last = now;

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      handleCameraInput(fbW, fbH);
      handlePicking(fbW, fbH);
      auto commands = ui::drawViewerUi(ui_);
      std::vector<ui::KeyPress> keys;
      keys.swap(pressedKeys());
      if (ImGui::GetIO().WantCaptureKeyboard && !ImGui::GetIO().WantTextInput) keys.clear();  // a focused widget
      auto shortcuts = ui::readShortcuts(ui_, keys);
      commands.insert(commands.end(), shortcuts.begin(), shortcuts.end());
      auto explore = ui::drawExplorePanels(explore_);
      auto exploreKeys = ui::readExploreShortcuts(explore_, keys);
      explore.insert(explore.end(), exploreKeys.begin(), exploreKeys.end());
      drawHoverTooltip();
      ImGui::Render();
      for (const auto& c : commands) execute(c);
      for (const auto& c : explore) execute(c);
      if (hadInput()) requestRedraw();
      camera_.update(dt);
      if (updateFades(dt)) requestRedraw();

      render::bindDefaultFramebuffer();
      renderer_.draw(render::frameFor(camera_, fbW, fbH));
      drawLabels(fbW, fbH);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      ++framesDrawn;
      if (options_.exitAfterFrames > 0 && framesDrawn >= options_.exitAfterFrames) {
        if (options_.screenshot) core::writePng(render::readDefaultFramebuffer(fbW, fbH), *options_.screenshot);
        glfwSetWindowShouldClose(window_, GLFW_TRUE);
      }
      lastFrameSize_ = {fbW, fbH};
      glfwSwapBuffers(window_);
      --redrawFrames_;
    }
    if (options_.report) writeReport(*options_.report);
    return 0;
  }

private:
  // --- Exploring: display state, selection, hover, fades -------------------------------------

  void resetExplore() {
    history_ = core::DisplayHistory();
    selected_.reset();
    hovered_.reset();
    bvh_.build(loaded_.scene);
    explore_.layers = layerEntries(loaded_);
    explore_.list = structureList(loaded_);
    explore_.selected.reset();
    const auto displays = core::resolveDisplay(history_.current(), loaded_.structures);
    alpha_.assign(loaded_.scene.meshes.size(), 0.0f);
    for (std::size_t i = 0; i < alpha_.size(); ++i) alpha_[i] = core::targetAlpha(displays[i]);
    syncExplore();
  }

  void syncExplore() {
    explore_.display = history_.current();
    explore_.canUndo = history_.canUndo();
    explore_.labels = labels_;
    explore_.selected = selected_ ? structureCard(loaded_, *selected_) : std::nullopt;
    if (selected_) {
      const auto displays = core::resolveDisplay(history_.current(), loaded_.structures);
      for (std::size_t i = 0; i < displays.size(); ++i)
        if (core::matchesId(loaded_.structures[i], *selected_)) explore_.selectedDisplay = displays[i];
    }
    requestRedraw();
  }

  // Opacity moves toward its target over about a third of a second; styles are uniforms only.
  bool updateFades(float dt) {
    const auto displays = core::resolveDisplay(history_.current(), loaded_.structures);
    bool moving = false;
    const float step = dt / 0.33f;
    for (std::size_t i = 0; i < alpha_.size(); ++i) {
      const float target = core::targetAlpha(displays[i]);
      if (alpha_[i] == target) continue;
      alpha_[i] = alpha_[i] < target ? std::min(target, alpha_[i] + step) : std::max(target, alpha_[i] - step);
      moving = true;
    }
    auto styles = meshStyles(loaded_, displays, selected_, hovered_);
    for (std::size_t i = 0; i < styles.size(); ++i) styles[i].alpha = alpha_[i];
    renderer_.setStyles(styles);
    renderer_.setMarkers(attachmentMarkers(loaded_, selected_));
    return moving;
  }

  std::vector<core::Pickable> pickable() const {
    const auto displays = core::resolveDisplay(history_.current(), loaded_.structures);
    std::vector<core::Pickable> out(displays.size());
    for (std::size_t i = 0; i < displays.size(); ++i)
      out[i] = displays[i] == core::Display::Shown     ? core::Pickable::Solid
               : displays[i] == core::Display::Ghosted ? core::Pickable::Ghosted
                                                       : core::Pickable::Hidden;
    return out;
  }

  // Hover highlights; a click (no drag) selects; a double click frames; clicks over ImGui never pick.
  void handlePicking(int fbW, int fbH) {
    const ImGuiIO& io = ImGui::GetIO();
    std::optional<std::size_t> hovered;
    if (!io.WantCaptureMouse && io.DisplaySize.x > 0 && ImGui::IsMousePosValid()) {
      const float sx = float(fbW) / io.DisplaySize.x, sy = float(fbH) / io.DisplaySize.y;
      const auto hit = core::pick(bvh_, core::pixelRay(camera_, fbW, fbH, io.MousePos.x * sx, io.MousePos.y * sy),
                                  pickable());
      if (hit) hovered = hit->mesh;
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) pressAt_ = io.MousePos;
      const bool still = std::abs(io.MousePos.x - pressAt_.x) < 4 && std::abs(io.MousePos.y - pressAt_.y) < 4;
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && still) {
        if (hit) select(loaded_.structures[hit->mesh].node, false);
        else clearSelection();
      }
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && hit) frame(loaded_.structures[hit->mesh].node);
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

  void select(const std::string& id, bool andFrame) {
    selected_ = id;
    syncExplore();
    if (andFrame) frame(id);
  }
  void clearSelection() {
    selected_.reset();
    syncExplore();
  }
  void frame(const std::string& id) {
    core::Bounds b;
    for (std::size_t i = 0; i < loaded_.structures.size(); ++i)
      if (core::matchesId(loaded_.structures[i], id)) b.add(loaded_.scene.meshes[i].bounds());
    camera_.focus(b);
    requestRedraw();
  }

  void execute(const ui::ExploreCommand& c) {
    using K = ui::ExploreCommand::Kind;
    core::DisplayState next = history_.current();
    switch (c.kind) {
      case K::SetPeel: next.peel = c.peel; break;
      case K::SetSkin: next.skin = c.display; break;
      case K::SetSkeleton: next.skeleton = c.display; break;
      case K::SetDisplay: next.byId[c.id] = c.display; break;
      case K::Isolate:
        next.isolated = c.id;
        selected_ = c.id;
        frame(c.id);
        break;
      case K::EndIsolation: next.isolated.reset(); break;
      case K::Select: select(c.id, false); return;
      case K::Frame: frame(c.id); return;
      case K::ClearSelection: clearSelection(); return;
      case K::Undo: history_.undo(); syncExplore(); return;
      case K::Reset: history_.reset(); syncExplore(); return;
      case K::ToggleLabels: labels_ = !labels_; syncExplore(); return;
    }
    history_.apply(next);
    syncExplore();
  }

  // Leader-line labels for the muscles in view; they follow the camera (recomputed per frame).
  void drawLabels(int fbW, int fbH) {
    if (!labels_) return;
    const float pixels = 15.0f * ui_.uiScale * contentScale_;
    if (!overlay_ || overlay_->pixelHeight() != pixels) overlay_.emplace(renderer_.shaders(), pixels);
    if (!overlay_->available()) {
      ui_.message = overlay_->whyUnavailable();
      labels_ = false;
      return;
    }
    const auto displays = core::resolveDisplay(history_.current(), loaded_.structures);
    // Panels are laid out in window coordinates; labels in framebuffer pixels.
    const float toPixels = ImGui::GetIO().DisplaySize.x > 0 ? float(fbW) / ImGui::GetIO().DisplaySize.x : 1.0f;
    const auto placed = layoutBodyLabels(loaded_, displays, bvh_, camera_, fbW, fbH,
                                         [&](const std::string& t) { return overlay_->measure(t); },
                                         explore_.freeLeft * toPixels, explore_.freeRight * toPixels);
    overlay_->drawLabels(placed, fbW, fbH);
  }

  void writeReport(const std::filesystem::path& path) const {
    nlohmann::json r = {{"selected", selected_ ? nlohmann::json(*selected_) : nlohmann::json(nullptr)},
                        {"peel", history_.current().peel},
                        {"hovered", hovered_ ? nlohmann::json(loaded_.structures[*hovered_].node) : nlohmann::json(nullptr)}};
    core::writeFileAtomically(path, r.dump(2) + "\n");
  }
  void requestRedraw() { redrawFrames_ = std::max(redrawFrames_, 3); }  // ImGui settles in a few frames

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

  void handleCameraInput(int fbW, int fbH) {
    const ImGuiIO& io = ImGui::GetIO();
    const float aspect = float(fbW) / float(fbH);
    const ImVec2 size = io.DisplaySize;
    if (!io.WantCaptureMouse && size.x > 0 && size.y > 0) {
      const ImVec2 d = io.MouseDelta;
      const bool panning = ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle) ||
                           (ImGui::IsMouseDown(ImGuiMouseButton_Left) && io.KeyShift);
      if (panning && (d.x != 0 || d.y != 0)) {
        camera_.pan(2.0f * d.x / size.x, -2.0f * d.y / size.y, aspect);
      } else if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && (d.x != 0 || d.y != 0)) {
        camera_.orbit(-d.x * 0.008f, d.y * 0.008f);
      }
      if (io.MouseWheel != 0) {
        const glm::vec2 ndc(2.0f * io.MousePos.x / size.x - 1.0f, 1.0f - 2.0f * io.MousePos.y / size.y);
        camera_.dolly(std::pow(0.88f, io.MouseWheel), ndc, aspect);
      }
    }
    if (!io.WantCaptureKeyboard && !io.KeyCtrl) {
      const float step = 0.05f;
      if (ImGui::IsKeyDown(GLFW_KEY_LEFT)) camera_.orbit(step, 0);
      if (ImGui::IsKeyDown(GLFW_KEY_RIGHT)) camera_.orbit(-step, 0);
      if (ImGui::IsKeyDown(GLFW_KEY_UP)) camera_.orbit(0, step);
      if (ImGui::IsKeyDown(GLFW_KEY_DOWN)) camera_.orbit(0, -step);
      if (ImGui::IsKeyDown(GLFW_KEY_PAGE_UP)) camera_.dolly(0.96f, {0, 0}, aspect);
      if (ImGui::IsKeyDown(GLFW_KEY_PAGE_DOWN)) camera_.dolly(1.04f, {0, 0}, aspect);
    }
  }

  void execute(const ui::UiCommand& c) {
    using K = ui::UiCommand::Kind;
    switch (c.kind) {
      case K::GoToView: camera_.goTo(c.view); break;
      case K::ResetCamera: camera_.reset(); break;
      case K::SetUiScale: setUiScale(c.scale); break;
      case K::Quit: glfwSetWindowShouldClose(window_, GLFW_TRUE); break;
      case K::OpenBody: replaceScene(std::nullopt); break;
      case K::OpenModel:
        if (c.path.empty()) ui_.showOpen = true;
        else replaceScene(std::filesystem::path(c.path));
        break;
    }
    requestRedraw();
  }

  void replaceScene(const std::optional<std::filesystem::path>& model) {
    try {
      loaded_ = loadScene({model, options_.atlasDir});
    } catch (const core::UserError& e) {
      ui_.message = e.what();  // the current scene stays
      return;
    }
    renderer_.upload(loaded_.scene);
    renderer_.setCullBackFaces(loaded_.atlas.has_value());  // a user's model may be open: two-sided
    camera_.frame(framingBounds(loaded_), core::StandardView::Posterior);
    resetExplore();
    ui_.title = loaded_.title;
    ui_.triangles = loaded_.scene.triangleCount();
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
  LoadedScene loaded_;
  render::SceneRenderer renderer_;
  core::OrbitCamera camera_;
  core::DisplayHistory history_;
  core::Bvh bvh_;
  std::optional<std::string> selected_;
  std::optional<std::size_t> hovered_;
  std::vector<float> alpha_;
  ui::ExploreState explore_;
  ImVec2 pressAt_{-100, -100};
  bool labels_ = false;
  std::optional<render::OverlayRenderer> overlay_;
  std::pair<int, int> lastFrameSize_{0, 0};
  ui::UiState ui_;
  float contentScale_ = 1.0f;
  float pendingScale_ = 0.0f;
  int redrawFrames_ = 3;
};

}  // namespace

int runViewer(const ViewOptions& options) {
  requireView(options.view);
  if (options.screenshot) requireWritableOutput(*options.screenshot);
  if (options.report) requireWritableOutput(*options.report);
  if (!std::isfinite(options.uiScale))
    throw core::usageError("The UI scale must be a number from 1 to 3.");
  LoadedScene loaded = loadScene({options.model, options.atlasDir});  // bad files are reported before a window opens
  if (options.select) requireKnownIds(loaded, {*options.select}, "--select");

  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SAMPLES, 4);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  if (options.glDebug) glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(1280, 800, ("Dorsum - " + loaded.title).c_str(), nullptr, nullptr);
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
  Viewer viewer(window, options, std::move(loaded));
  return viewer.run();
}

}  // namespace dorsum::app
