#include "app/offscreen_render.hpp"
#include "core/model_io.hpp"
#include "core/primitives.hpp"
#include "gl_fixture.hpp"
#include "golden/golden_compare.hpp"

#include <catch2/catch.hpp>

using namespace dorsum;

namespace {
// 320x240 keeps each golden small and quick on llvmpipe.
core::Image renderAt(const core::Scene& scene, core::StandardView view) {
  testContext();
  render::SceneRenderer renderer;
  renderer.upload(scene);
  app::RenderRequest r;
  r.width = 320;
  r.height = 240;
  r.view = view;
  return app::renderOffscreen(renderer, scene.bounds(), r);
}
void check(const core::Image& img, const std::string& name, double threshold) {
  const test::GoldenResult result = test::compareWithGolden(img, name, threshold);
  INFO(result.message);
  CHECK(result.passed);
}
}  // namespace

// Threshold 0.5%: llvmpipe is deterministic on one machine; other Mesa versions move a few
// antialiased edge pixels, which stay far below this, while a moved limb or wrong light does not.
TEST_CASE("test figure, posterior view", "[golden]") {
  check(renderAt(core::makeTestFigure(), core::StandardView::Posterior), "shell_figure_posterior", 0.005);
}

TEST_CASE("test figure, three-quarter view", "[golden]") {
  check(renderAt(core::makeTestFigure(), core::StandardView::ThreeQuarter), "shell_figure_three_quarter", 0.005);
}

// Threshold 0.5%, as above: a user's model, lit with the same renderer.
TEST_CASE("a user's OBJ model, three-quarter view", "[golden]") {
  check(renderAt(core::loadModel(std::string(DORSUM_TEST_DATA) + "/cube.obj"), core::StandardView::ThreeQuarter),
        "shell_cube_three_quarter", 0.005);
}
