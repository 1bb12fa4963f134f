// The real viewer in a real window (Xvfb in CI): it opens, draws the body with its UI, saves the
// last frame and closes by itself.
#include "app/commands.hpp"
#include "core/image.hpp"
#include "app/scene_source.hpp"
#include "core/view/view_state.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

using namespace dorsum;
namespace fs = std::filesystem;

TEST_CASE("the viewer opens a window, draws the body and exits on request", "[window]") {
  const fs::path shot = fs::path(DORSUM_TEST_OUTPUT) / "window_screenshot.png";
  fs::remove(shot);
  app::ViewOptions o;
  o.exitAfterFrames = 5;
  o.screenshot = shot;
  REQUIRE(app::runViewer(o) == 0);
  const core::Image img = core::readPng(shot);
  REQUIRE(img.width > 100);
  const auto* centre = img.pixel(img.width / 2, img.height / 2);
  const auto* corner = img.pixel(5, img.height - 5);
  CHECK(int(centre[0]) > int(corner[0]) + 60);  // the body is drawn
  // The menu bar is drawn along the top.
  const auto* menu = img.pixel(img.width / 2, 4);
  const auto* below = img.pixel(img.width / 2, 60);
  CHECK(menu[0] != below[0]);
}

TEST_CASE("the viewer starts at a large UI scale and from another view", "[window]") {
  const fs::path shot = fs::path(DORSUM_TEST_OUTPUT) / "window_scaled.png";
  app::ViewOptions o;
  o.exitAfterFrames = 3;
  o.screenshot = shot;
  o.uiScale = 2.5f;
  o.view = "left";
  REQUIRE(app::runViewer(o) == 0);
  CHECK(core::readPng(shot).width > 100);
}

TEST_CASE("the window opens in a saved view state and reports the same state back", "[window]") {
  // The state a lesson would save: two layers peeled, a muscle ghosted, a structure selected, labels.
  const fs::path in = fs::path(DORSUM_TEST_OUTPUT) / "window_state_in.json";
  const fs::path report = fs::path(DORSUM_TEST_OUTPUT) / "window_state_report.json";
  nlohmann::json state;
  {
    const app::LoadedScene loaded = app::loadScene({});
    const core::ViewContext ctx = app::viewContext(loaded);
    core::ViewState s = core::initialState(ctx, core::StandardView::ThreeQuarter);
    s = core::apply(ctx, s, core::Command::setPeel(2));
    s = core::apply(ctx, s, core::Command::setDisplay("iliocostalis_lumborum", core::Display::Ghosted));
    s = core::apply(ctx, s, core::Command::select("levator_scapulae_l", std::nullopt, false));
    s = core::apply(ctx, s, core::Command::setLabels(true));
    state = core::toJson(s);
    std::ofstream(in) << state.dump(2);
  }
  app::ViewOptions o;
  o.exitAfterFrames = 4;
  o.state = in;
  o.report = report;
  REQUIRE(app::runViewer(o) == 0);
  std::ifstream r(report);
  const nlohmann::json back = nlohmann::json::parse(r);
  CHECK(back["state"]["display"] == state["display"]);
  CHECK(back["state"]["selected"] == state["selected"]);
  CHECK(back["state"]["labels"] == true);
  CHECK(back["state"]["view"] == "three-quarter");
  CHECK(back["peel"] == 2);
}

namespace {
// Runs the viewer for a few frames at UI scale 2 and returns its screenshot and report.
std::pair<core::Image, nlohmann::json> projector(const std::optional<std::string>& select, const std::string& name) {
  const fs::path shot = fs::path(DORSUM_TEST_OUTPUT) / (name + ".png");
  const fs::path report = fs::path(DORSUM_TEST_OUTPUT) / (name + ".json");
  app::ViewOptions o;
  o.exitAfterFrames = 12;
  o.screenshot = shot;
  o.report = report;
  o.uiScale = 2.0f;
  o.select = select;
  REQUIRE(app::runViewer(o) == 0);
  std::ifstream in(report);
  return {core::readPng(shot), nlohmann::json::parse(in)};
}
}  // namespace

// Run on a 1024x768 X screen (see tests/CMakeLists.txt).
TEST_CASE("on a 1024x768 projector at UI scale 2 the window fits and a selection shows beside the panels", "[projector]") {
  const auto [plain, plainReport] = projector(std::nullopt, "projector_plain");
  const auto [chosen, report] = projector(std::string("rhomboid_major_l"), "projector_selected");
  // The window fits the screen.
  CHECK(int(report["window"][0]) <= 1024);
  CHECK(int(report["window"][1]) <= 768);
  CHECK(report["ui_scale"] == 2.0);
  // The body keeps a good part of the window between the panels.
  const float left = report["free"][0], right = report["free"][1];
  INFO("free from " << left << " to " << right << " of " << chosen.width);
  CHECK(right - left > 0.3f * float(chosen.width));
  // The selected muscle is drawn, highlighted, in that space: pixels there turn toward the
  // selection's gold, compared with the same view without a selection.
  REQUIRE(chosen.width == plain.width);
  int highlighted = 0;
  for (int y = 0; y < chosen.height; ++y)
    for (int x = int(left) + 2; x < int(right) - 2; ++x) {
      const auto* a = plain.pixel(x, y);
      const auto* b = chosen.pixel(x, y);
      if (int(b[1]) - int(a[1]) > 25 && int(b[0]) >= int(a[0]) - 5) ++highlighted;  // greener and no darker red: gold
    }
  INFO(highlighted << " pixels of the free space turned gold");
  CHECK(highlighted > 150);
}
