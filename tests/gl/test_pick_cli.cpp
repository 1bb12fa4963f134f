// `dorsum pick` and the in-process ray cast agree pixel for pixel: the CLI is run for a grid of
// pixels and its output compared with the same query made here.
#include "app/commands.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>

using namespace dorsum;

namespace {
std::string run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe.get())) out.append(buf.data(), n);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}
}  // namespace

TEST_CASE("dorsum pick agrees with the in-process ray cast over a grid of pixels", "[pick]") {
  const app::LoadedScene loaded = app::loadScene({});
  const core::Bvh bvh(loaded.scene);
  const int width = 320, height = 240;
  int hits = 0;
  for (int peel : {0, 2}) {
    const core::OrbitCamera camera = app::cameraFor(app::framingBounds(loaded), core::StandardView::Posterior);
    const auto visible = app::visibleMeshes(loaded, {peel, false, true, {}});
    for (int y = 30; y < height; y += 45)
      for (int x = 100; x <= 220; x += 30) {
        const std::string expected = app::pickAtPixel(loaded, bvh, camera, width, height, x, y, visible);
        const std::string actual = run(std::string(DORSUM_EXE) + " pick --size 320x240 --peel " + std::to_string(peel) +
                                       " --at " + std::to_string(x) + "," + std::to_string(y));
        INFO("pixel " << x << "," << y << " peel " << peel);
        CHECK(actual == expected);
        if (expected != "null") ++hits;
      }
  }
  CHECK(hits > 25);  // the grid covers the body, not just the background
}
