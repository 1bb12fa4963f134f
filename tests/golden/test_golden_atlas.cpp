// The body's posterior view at each peel level: what a student sees when taking the back apart.
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "gl_fixture.hpp"
#include "golden/golden_compare.hpp"

#include <catch2/catch.hpp>

using namespace dorsum;

namespace {
const app::LoadedScene& body() {
  static const app::LoadedScene loaded = app::loadScene({});
  return loaded;
}

core::Image renderPeeled(int peel) {
  testContext();
  render::SceneRenderer renderer;
  renderer.upload(body().scene);
  renderer.setVisible(app::visibleMeshes(body(), {peel, false, true}));
  app::RenderRequest r;
  r.width = 320;
  r.height = 240;
  return app::renderOffscreen(renderer, app::framingBounds(body()), r);
}

// Threshold 1%: the striations are fine lines whose antialiasing shifts between Mesa versions
// more than smooth shading does; a missing or misplaced muscle changes far more pixels than this.
void check(int peel) {
  const std::string name = "atlas_posterior_peel" + std::to_string(peel);
  const test::GoldenResult result = test::compareWithGolden(renderPeeled(peel), name, 0.01);
  INFO(result.message);
  CHECK(result.passed);
}
}  // namespace

TEST_CASE("atlas, posterior, all layers", "[golden]") { check(0); }
TEST_CASE("atlas, posterior, layer 1 peeled", "[golden]") { check(1); }
TEST_CASE("atlas, posterior, layers 1-2 peeled", "[golden]") { check(2); }
TEST_CASE("atlas, posterior, layers 1-3 peeled", "[golden]") { check(3); }
