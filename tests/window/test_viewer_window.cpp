// The real viewer in a real window (Xvfb in CI): it opens, draws the body with its UI, saves the
// last frame and closes by itself.
#include "app/commands.hpp"
#include "core/image.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

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
