// `dorsum pick` and the in-process ray cast agree pixel for pixel: the CLI is run for a grid of
// pixels and its output compared with the same query made here.
#include "app/commands.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "app/display_styles.hpp"
#include "core/image.hpp"
#include "gl_fixture.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
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

namespace {
// States a class meets: the body as it opens, two layers peeled with a muscle hidden and the skin
// ghosted, and a structure chosen from the list (revealed: what covers it ghosted) seen from the side.
std::vector<core::ViewState> states(const core::ViewContext& ctx) {
  using core::Command;
  const core::ViewState start = core::initialState(ctx);
  core::ViewState peeled = core::apply(ctx, start, Command::setPeel(2));
  peeled = core::apply(ctx, peeled, Command::setDisplay("iliocostalis_lumborum_l", core::Display::Hidden));
  peeled = core::apply(ctx, peeled, Command::setSkin(core::Display::Ghosted));
  core::ViewState chosen = core::apply(ctx, start, Command::goToView(core::StandardView::ThreeQuarter));
  chosen = core::apply(ctx, chosen, Command::select("rhomboid_major_l"));
  return {start, peeled, chosen};
}
}  // namespace

TEST_CASE("dorsum pick, dorsum render and the in-process view agree for the same view state", "[pick]") {
  const app::LoadedScene loaded = app::loadScene({});
  const core::Bvh bvh(loaded.scene);
  const core::ViewContext ctx = app::viewContext(loaded, &bvh);
  const int width = 320, height = 240;
  int hits = 0, n = 0;
  for (const core::ViewState& state : states(ctx)) {
    // The state as a file, as the viewer's report and saved views write it.
    const std::string file = std::string(DORSUM_TEST_OUTPUT) + "/state" + std::to_string(n++) + ".json";
    {
      std::ofstream out(file);
      out << core::toJson(state).dump(2);
    }
    const core::ViewState reread = app::loadViewState(file, ctx);
    CHECK(core::displaysOf(ctx, reread) == core::displaysOf(ctx, state));
    for (int y = 30; y < height; y += 45)
      for (int x = 100; x <= 220; x += 30) {
        const std::string expected = app::pickAtPixel(loaded, ctx, state, bvh, width, height, x, y);
        const std::string actual = run(std::string(DORSUM_EXE) + " pick --size 320x240 --state " + file + " --at " +
                                       std::to_string(x) + "," + std::to_string(y));
        INFO("pixel " << x << "," << y << " state " << file);
        CHECK(actual == expected);
        if (expected != "null") ++hits;
      }
    // `dorsum render --state` draws what the state shows: the same image as drawing the state here.
    const std::string png = file + ".png";
    REQUIRE(run(std::string(DORSUM_EXE) + " render --size 320x240 --state " + file + " --out " + png).find("Wrote") == 0);
    const core::Image cli = core::readPng(png);
    testContext();
    render::SceneRenderer renderer;
    renderer.upload(loaded.scene);
    renderer.setCullBackFaces(true);
    renderer.setStyles(app::meshStyles(loaded, core::displaysOf(ctx, state), state.selected, std::nullopt));
    renderer.setMarkers(app::attachmentMarkers(loaded, state.selected));
    core::OrbitCamera camera;
    camera.jumpTo(state.camera);
    app::RenderRequest r;
    r.width = width;
    r.height = height;
    const core::Image here = app::renderOffscreen(renderer, camera, r);
    CHECK(core::compareImages(here, cli).differentFraction < 0.001);
  }
  CHECK(hits > 40);  // the grid covers the body, not just the background
}
