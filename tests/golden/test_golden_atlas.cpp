// The body's posterior view at each peel level: what a student sees when taking the back apart.
#include "app/commands.hpp"
#include "app/offscreen_render.hpp"
#include "core/image.hpp"
#include "app/scene_source.hpp"
#include "app/display_styles.hpp"
#include "gl_fixture.hpp"
#include "golden/golden_compare.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

using namespace dorsum;

namespace {
const app::LoadedScene& body() {
  static const app::LoadedScene loaded = app::loadScene({});
  return loaded;
}

// Through the view state, as the window and `dorsum render` draw it.
core::Image renderPeeled(int peel) {
  testContext();
  const core::ViewContext ctx = app::viewContext(body());
  const core::ViewState state = core::apply(ctx, core::initialState(ctx), core::Command::setPeel(peel));
  render::SceneRenderer renderer;
  renderer.upload(body().scene);
  renderer.setStyles(app::meshStyles(body(), core::displaysOf(ctx, state), state.selected, std::nullopt));
  core::OrbitCamera camera;
  camera.jumpTo(state.camera);
  app::RenderRequest r;
  r.width = 320;
  r.height = 240;
  return app::renderOffscreen(renderer, camera, r);
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

namespace {
// The same request through `dorsum render`'s options, so the goldens cover its code path.
core::Image renderWith(const std::function<void(app::RenderOptions&)>& configure, const std::string& name) {
  testContext();
  app::RenderOptions o;
  o.size = "320x240";
  o.out = std::filesystem::path(DORSUM_TEST_OUTPUT) / "golden" / (name + ".render.png");
  std::filesystem::create_directories(o.out.parent_path());
  configure(o);
  REQUIRE(app::runRender(o) == 0);
  return core::readPng(o.out);
}
void checkImage(const core::Image& img, const std::string& name, double threshold) {
  const test::GoldenResult result = test::compareWithGolden(img, name, threshold);
  INFO(result.message);
  CHECK(result.passed);
}
}  // namespace

// Thresholds 1%, as for the peel levels: striations and thin label text shift by a pixel between
// Mesa versions; a missing highlight, pin, ghost or label changes several percent of the image.
TEST_CASE("atlas, the left rhomboid major selected under peeled layer 1", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.peel = 1; o.select = "rhomboid_major_l"; }, "select"),
             "atlas_select_rhomboid_major_l", 0.01);
}
TEST_CASE("atlas, levator scapulae isolated", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.isolate = "levator_scapulae"; o.view = "three-quarter"; }, "isolate"),
             "atlas_isolate_levator_scapulae", 0.01);
}
TEST_CASE("atlas, labels on, layers 1-2 peeled", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.peel = 2; o.labels = true; o.size = "640x480"; }, "labels"),
             "atlas_labels_peel2", 0.01);
}

// Referred pain as the viewer shows it (through `dorsum render --trigger-point`): the point's
// muscle among ghosts, the X on it, the essential zone solid red and the spillover stippled on the
// ghosted skin. Thresholds 1%: a zone or a mark misplaced changes far more pixels.
TEST_CASE("atlas, referral of upper trapezius TrP1", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.triggerPoint = "trapezius_trp1"; }, "trp_trapezius"),
             "atlas_referral_trapezius_trp1", 0.01);
}
TEST_CASE("atlas, referral of the latissimus dorsi axillary TrP", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.triggerPoint = "latissimus_dorsi_axillary_fold"; }, "trp_latissimus"),
             "atlas_referral_latissimus_dorsi", 0.01);
}
TEST_CASE("atlas, referral of a quadratus lumborum TrP", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.triggerPoint = "quadratus_lumborum_superficial_lower"; }, "trp_ql"),
             "atlas_referral_quadratus_lumborum", 0.01);
}

// Massage strokes as the player shows them (through `dorsum render --routine --time`): three
// instants of the home routine of seed 000 (both hands kneading the lower back, both thumbs beside
// the spine with the erector spinae lit through the ghosted layers, and a thumb on the rhomboid
// knot with its referral painted), caption included. Thresholds 1%: a glyph misplaced by a
// centimetre, a wrong muscle lit or a missing referral changes far more pixels.
TEST_CASE("atlas, home massage: kneading the lower back", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.routine = "home_back_massage", o.time = 18.0f, o.size = "480x360"; }, "home_knead"),
             "routine_home_kneading", 0.01);
}
TEST_CASE("atlas, home massage: thumbs beside the spine", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.routine = "home_back_massage", o.time = 71.3f, o.size = "480x360"; }, "home_thumbs"),
             "routine_home_thumb_pressure", 0.01);
}
TEST_CASE("atlas, home massage: pressure on a knot shows its referral", "[golden]") {
  checkImage(renderWith([](app::RenderOptions& o) { o.routine = "home_back_massage", o.time = 108.0f, o.size = "480x360"; }, "home_knot"),
             "routine_home_knot_compression", 0.01);
}
