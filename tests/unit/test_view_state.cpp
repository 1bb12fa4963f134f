// The view state (core/view): every command through apply(), undo, reset, the JSON round trip,
// and the timeline that moves fades and the camera.
#include "baked_body.hpp"
#include "core/error.hpp"
#include "core/anatomy/referral.hpp"
#include "core/strokes/routine.hpp"
#include "core/view/timeline.hpp"
#include "core/view/view_state.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace dorsum::core;
using dorsum::test::bakedBody;
using dorsum::test::embeddedAtlas;

namespace {
const ViewContext& ctx() {
  static const Bvh bvh(bakedBody().scene);
  static const ReferralMap referral(embeddedAtlas(), bakedBody().scene, bakedBody().structures);
  static const RoutineSet routines = loadRoutinesOrThrow(embeddedAtlas());
  static const ViewContext c = [] {
    ViewContext v = ViewContext::of(bakedBody().scene, bakedBody().structures, embeddedAtlas().deepestLayer());
    v.bvh = &bvh;
    v.referral = &referral;
    v.atlas = &embeddedAtlas();
    v.routines = &routines;
    return v;
  }();
  return c;
}
Display displayOfNode(const ViewState& s, const std::string& node) {
  const auto d = displaysOf(ctx(), s);
  for (std::size_t i = 0; i < ctx().structures.size(); ++i)
    if (ctx().structures[i].node == node) return d[i];
  FAIL("no node " << node);
  return Display::Hidden;
}
}  // namespace

TEST_CASE("view state: display commands change what is shown", "[view]") {
  ViewState s = initialState(ctx());
  CHECK(displayOfNode(s, "trapezius_ascending_l") == Display::Shown);
  CHECK(displayOfNode(s, "skin") == Display::Hidden);
  s = apply(ctx(), s, Command::setPeel(1));
  CHECK(s.display.peel == 1);
  CHECK(displayOfNode(s, "trapezius_ascending_l") == Display::Hidden);
  CHECK(displayOfNode(s, "rhomboid_major_l") == Display::Shown);
  s = apply(ctx(), s, Command::setSkin(Display::Ghosted));
  CHECK(displayOfNode(s, "skin") == Display::Ghosted);
  s = apply(ctx(), s, Command::setSkeleton(Display::Hidden));
  CHECK(displayOfNode(s, "scapula_l") == Display::Hidden);
  s = apply(ctx(), s, Command::setDisplay("rhomboid_major", Display::Ghosted));
  CHECK(displayOfNode(s, "rhomboid_major_l") == Display::Ghosted);
  CHECK(displayOfNode(s, "rhomboid_major_r") == Display::Ghosted);
  s = apply(ctx(), s, Command::setDisplay("rhomboid_major_r", Display::Hidden));  // a node beats its muscle
  CHECK(displayOfNode(s, "rhomboid_major_r") == Display::Hidden);
  CHECK(displayOfNode(s, "rhomboid_major_l") == Display::Ghosted);
}

TEST_CASE("view state: isolating shows one structure, ghosts the rest, selects and frames it", "[view]") {
  const ViewState start = initialState(ctx());
  const ViewState s = apply(ctx(), start, Command::isolate("levator_scapulae"));
  CHECK(s.display.isolated == "levator_scapulae");
  CHECK(s.selected == "levator_scapulae");
  CHECK(displayOfNode(s, "levator_scapulae_l") == Display::Shown);
  CHECK(displayOfNode(s, "trapezius_descending_l") == Display::Ghosted);
  CHECK(s.camera.distance < start.camera.distance * 0.8f);
  CHECK(glm::length(s.camera.target - ctx().boundsOf("levator_scapulae").center()) < 1e-4f);
  const ViewState ended = apply(ctx(), s, Command::endIsolation());
  CHECK(!ended.display.isolated);
  CHECK(displayOfNode(ended, "trapezius_descending_l") == Display::Shown);
}

TEST_CASE("view state: selecting a peeled, hidden or covered structure reveals it", "[view]") {
  ViewState s = initialState(ctx());
  // Peeled: layers 1-3 removed; choosing trapezius from the list brings layer 1 back.
  s = apply(ctx(), s, Command::setPeel(3));
  ViewState sel = apply(ctx(), s, Command::select("trapezius"));
  CHECK(sel.selected == "trapezius");
  CHECK(sel.display.peel == 0);
  CHECK(displayOfNode(sel, "trapezius_ascending_l") == Display::Shown);
  // Hidden by the user: shown again.
  s = apply(ctx(), initialState(ctx()), Command::setDisplay("infraspinatus", Display::Hidden));
  sel = apply(ctx(), s, Command::select("infraspinatus_l"));
  CHECK(displayOfNode(sel, "infraspinatus_l") == Display::Shown);
  // Covered: rhomboid major lies under the trapezius, which is ghosted where it covers it; the
  // latissimus and the far side are left alone.
  sel = apply(ctx(), initialState(ctx()), Command::select("rhomboid_major_l"));
  CHECK(sel.display.peel == 0);
  CHECK(displayOfNode(sel, "rhomboid_major_l") == Display::Shown);
  CHECK(displayOfNode(sel, "trapezius_transverse_l") == Display::Ghosted);
  CHECK(displayOfNode(sel, "trapezius_transverse_r") == Display::Shown);
  CHECK(displayOfNode(sel, "gluteus_maximus_l") == Display::Shown);
  // A click (no reveal) changes only the selection.
  const ViewState clicked = apply(ctx(), initialState(ctx()), Command::select("rhomboid_major_l", std::nullopt, false));
  CHECK(clicked.display == initialState(ctx()).display);
  // Isolation of something else moves to the new selection.
  s = apply(ctx(), initialState(ctx()), Command::isolate("levator_scapulae"));
  sel = apply(ctx(), s, Command::select("teres_major"));
  CHECK(sel.display.isolated == "teres_major");
}

TEST_CASE("view state: selection keeps where it was clicked; clearing drops both", "[view]") {
  SurfacePoint at{"rhomboid_major_l", 12, {0.2f, 0.3f, 0.5f}, {0.05f, 1.3f, 0.0f}};
  ViewState s = apply(ctx(), initialState(ctx()), Command::select("rhomboid_major_l", at, false));
  REQUIRE(s.pickedAt);
  CHECK(*s.pickedAt == at);
  s = apply(ctx(), s, Command::clearSelection());
  CHECK(!s.selected);
  CHECK(!s.pickedAt);
}

TEST_CASE("view state: camera commands frame, go to views and follow the user", "[view]") {
  const ViewState start = initialState(ctx(), StandardView::Posterior);
  ViewState s = apply(ctx(), start, Command::goToView(StandardView::Left));
  CHECK(s.view == StandardView::Left);
  CHECK(s.camera == OrbitCamera::orbitFor(StandardView::Left, ctx().framing, ctx().fovY));
  s = apply(ctx(), s, Command::frame("teres_major_l"));
  CHECK(glm::length(s.camera.target - ctx().boundsOf("teres_major_l").center()) < 1e-4f);
  CHECK(s.camera.yaw == Approx(OrbitCamera::orbitFor(StandardView::Left, ctx().framing, ctx().fovY).yaw));
  Orbit o;
  o.target = {0.1f, 1.2f, 0.0f};
  o.distance = 1.5f;
  s = apply(ctx(), s, Command::setCamera(o));
  CHECK(s.camera == o);
}

TEST_CASE("view state: labels and presentation are switches", "[view]") {
  ViewState s = apply(ctx(), initialState(ctx()), Command::setLabels(true));
  CHECK(s.labels);
  s = apply(ctx(), s, Command::setPresenting(true));
  CHECK(s.presenting);
  s = apply(ctx(), s, Command::setLabels(false));
  CHECK(!s.labels);
}

TEST_CASE("view state: a wrong id or peel is refused in one sentence and changes nothing", "[view]") {
  const ViewState s = initialState(ctx());
  CHECK_THROWS_WITH(apply(ctx(), s, Command::select("latisimus")),
                    Catch::Contains("'latisimus'") && Catch::Contains("latissimus"));
  CHECK_THROWS_AS(apply(ctx(), s, Command::setPeel(9)), UserError);
  CHECK_THROWS_WITH(apply(ctx(), s, Command::setPeel(-1)), Catch::Contains("0 (all layers) to 5"));
  CHECK_THROWS_AS(apply(ctx(), s, Command::isolate("nothing")), UserError);
  CHECK_THROWS_AS(apply(ctx(), s, Command::frame("nothing")), UserError);
  CHECK_THROWS_AS(apply(ctx(), s, Command::setDisplay("nothing", Display::Hidden)), UserError);
}

TEST_CASE("view state: undo steps back through what was shown; reset returns to the start", "[view]") {
  ViewState start = initialState(ctx(), StandardView::ThreeQuarter);
  start.labels = true;  // as `dorsum --labels` opens
  ViewHistory h(start);
  CHECK(!h.canUndo());
  CHECK(!h.execute(ctx(), Command::undo()));
  CHECK(h.execute(ctx(), Command::setPeel(2)));
  CHECK(h.execute(ctx(), Command::select("infraspinatus")));
  CHECK(!h.execute(ctx(), Command::select("infraspinatus")));  // nothing changed: not recorded
  CHECK(h.execute(ctx(), Command::goToView(StandardView::Left)));  // the camera is not recorded
  CHECK(h.execute(ctx(), Command::undo()));
  CHECK(!h.current().selected);
  CHECK(h.current().display.peel == 2);
  CHECK(h.current().view == StandardView::Left);  // undo does not fly the camera back
  CHECK(h.execute(ctx(), Command::undo()));
  CHECK(h.current().display.peel == 0);
  CHECK(!h.canUndo());
  h.execute(ctx(), Command::setLabels(false));
  h.execute(ctx(), Command::setPeel(4));
  h.execute(ctx(), Command::select("teres_major"));
  CHECK(h.execute(ctx(), Command::reset()));
  CHECK(h.current() == start);
  CHECK(h.execute(ctx(), Command::undo()));  // a reset can be undone
  CHECK(h.current().selected == "teres_major");
}

TEST_CASE("view state: the JSON form round-trips and names what is wrong", "[view]") {
  ViewState s = initialState(ctx(), StandardView::ThreeQuarter);
  s = apply(ctx(), s, Command::setPeel(1));
  s = apply(ctx(), s, Command::setSkin(Display::Ghosted));
  s = apply(ctx(), s, Command::setDisplay("teres_major_l", Display::Hidden));
  s = apply(ctx(), s, Command::select("infraspinatus_l", SurfacePoint{"infraspinatus_l", 7, {0.1f, 0.2f, 0.7f}, {0.1f, 1.25f, 0.01f}}, false));
  s = apply(ctx(), s, Command::setLabels(true));
  const nlohmann::json j = toJson(s);
  CHECK(j["display"]["structures"]["teres_major_l"] == "hidden");
  CHECK(j["view"] == "three-quarter");
  const ViewState back = viewStateFromJson(nlohmann::json::parse(j.dump()), ctx());
  CHECK(back.display == s.display);
  CHECK(back.selected == s.selected);
  CHECK(back.pickedAt == s.pickedAt);
  CHECK(back.labels == s.labels);
  CHECK(back.view == s.view);
  CHECK(glm::length(back.camera.target - s.camera.target) < 1e-6f);
  CHECK(back.camera.distance == Approx(s.camera.distance));

  auto broken = [&](const char* pointer, nlohmann::json value) {
    nlohmann::json b = j;
    b[nlohmann::json::json_pointer(pointer)] = value;
    return b;
  };
  CHECK_THROWS_WITH(viewStateFromJson(broken("/display/peel", 7), ctx()), Catch::Contains("'display.peel'"));
  CHECK_THROWS_WITH(viewStateFromJson(broken("/display/skin", "transparent"), ctx()), Catch::Contains("'display.skin'"));
  CHECK_THROWS_WITH(viewStateFromJson(broken("/selected", "no_such"), ctx()), Catch::Contains("'selected'"));
  CHECK_THROWS_WITH(viewStateFromJson(broken("/camera/distance", -1), ctx()), Catch::Contains("'camera.distance'"));
  CHECK_THROWS_WITH(viewStateFromJson(broken("/view", "sideways"), ctx()), Catch::Contains("'view'"));
  CHECK_THROWS_WITH(viewStateFromJson(broken("/version", 2), ctx()), Catch::Contains("'version'"));
  nlohmann::json missing = j;
  missing.erase("labels");
  CHECK_THROWS_WITH(viewStateFromJson(missing, ctx()), Catch::Contains("'labels' is missing"));
}

TEST_CASE("timeline: a track is a pure function of time", "[view]") {
  const auto t = Track<float>::between(1.0, 0.0f, 2.0, 10.0f, Ease::Linear);
  CHECK(t.at(0.0) == 0.0f);
  CHECK(t.at(1.5) == Approx(5.0f));
  CHECK(t.at(3.0) == 10.0f);
  CHECK(t.at(1.5) == t.at(1.5));
  const auto smooth = Track<float>::between(0.0, 0.0f, 1.0, 1.0f);
  CHECK(smooth.at(0.25) < 0.25f);  // eases in
  CHECK(smooth.at(0.5) == Approx(0.5f));
  const Track<glm::vec3> keys({{0.0, {0, 0, 0}}, {1.0, {1, 0, 0}}, {3.0, {1, 2, 0}}}, Ease::Linear);
  CHECK(keys.at(2.0).y == Approx(1.0f));
  CHECK(keys.finished(3.0));
  CHECK(!keys.finished(2.9));
  // Orbits turn the short way round and zoom evenly.
  Orbit a, b;
  a.yaw = glm::radians(170.0f);
  b.yaw = glm::radians(-170.0f);
  a.distance = 1.0f;
  b.distance = 4.0f;
  const Orbit mid = Track<Orbit>::between(0.0, a, 1.0, b, Ease::Linear).at(0.5);
  CHECK(std::abs(std::remainder(mid.yaw - glm::radians(180.0f), glm::radians(360.0f))) < 1e-4f);
  CHECK(mid.distance == Approx(2.0f));
}

TEST_CASE("timeline: the player advances, pauses, changes speed and loops", "[view]") {
  Player p;
  p.advance(0.5);
  CHECK(p.time() == Approx(0.5));
  p.pause();
  p.advance(1.0);
  CHECK(p.time() == Approx(0.5));
  p.play();
  p.setSpeed(2.0);
  p.advance(0.25);
  CHECK(p.time() == Approx(1.0));
  p.setLoop(1.5);
  p.advance(0.5);
  CHECK(p.time() == Approx(0.5));
  p.seek(0.2);
  CHECK(p.time() == Approx(0.2));
}

TEST_CASE("view state: choosing a trigger point paints its referral as the literature draws it", "[view]") {
  const ViewState start = initialState(ctx());
  const ViewState s = apply(ctx(), apply(ctx(), start, Command::setPeel(3)), Command::selectTriggerPoint("levator_scapulae_upper", Side::Right));
  REQUIRE(s.triggerPoint);
  CHECK(s.triggerPoint->id == "levator_scapulae_upper");
  CHECK(s.triggerPoint->side == Side::Right);
  CHECK(s.selected == "levator_scapulae_r");
  REQUIRE(s.pickedAt);
  CHECK(s.pickedAt->point.x < 0.0f);
  // Its muscle shown, everything else ghosted, the skin ghosted over the painted zone.
  CHECK(displayOfNode(s, "levator_scapulae_r") == Display::Shown);
  CHECK(displayOfNode(s, "trapezius_descending_r") != Display::Shown);  // peeled stays hidden, else ghosted
  CHECK(displayOfNode(s, "rhomboid_major_r") == Display::Hidden);  // peeled (layer 2)
  CHECK(displayOfNode(s, "iliocostalis_lumborum_r") == Display::Ghosted);
  CHECK(displayOfNode(s, "skin") == Display::Ghosted);
  // The camera takes in the point and the zone.
  const ReferralZone z = ctx().referral->zone("levator_scapulae_upper", Side::Right);
  CHECK(glm::length(s.camera.target - z.bounds.center()) < 1e-3f);
  // Clearing ends the referral and its isolation.
  const ViewState cleared = apply(ctx(), s, Command::clearReferral());
  CHECK(!cleared.triggerPoint);
  CHECK(!cleared.display.isolated);
  // A region for the reverse lookup.
  const ViewState r = apply(ctx(), start, Command::selectRegion("buttock_mid", Side::Left));
  REQUIRE(r.region);
  CHECK(r.region->id == "buttock_mid");
  CHECK(displayOfNode(r, "skin") == Display::Ghosted);
  // Unknown ids name the nearest.
  CHECK_THROWS_WITH(apply(ctx(), start, Command::selectTriggerPoint("trapezius_trp9", Side::Left)), Catch::Contains("trapezius_trp"));
  CHECK_THROWS_WITH(apply(ctx(), start, Command::selectRegion("buttock", Side::Left)), Catch::Contains("buttock_"));
  // Both travel in the JSON form.
  const ViewState back = viewStateFromJson(toJson(s), ctx());
  CHECK(back.triggerPoint == s.triggerPoint);
  CHECK(viewStateFromJson(toJson(r), ctx()).region == r.region);
}

TEST_CASE("view state: a routine plays in the state; seeking is clamped; stop restores the skin; undo keeps its time", "[view]") {
  const ViewState start = initialState(ctx());
  ViewState s = apply(ctx(), start, Command::selectTriggerPoint("trapezius_trp1", Side::Left));
  s = apply(ctx(), s, Command::playRoutine("upper_back"));
  REQUIRE(s.routine == std::optional<std::string>("upper_back"));
  CHECK(s.routineTime == 0.0f);
  CHECK(s.display.skin == Display::Ghosted);  // the strokes are on the skin, what they reach shows through it
  CHECK_FALSE(s.triggerPoint);                // the routine's own points paint while pressed
  CHECK_FALSE(s.selected);
  // Framed on the back: the camera looks at the trunk from behind, nearer than the whole body.
  CHECK(s.camera.distance < start.camera.distance);
  const float duration = ctx().routines->routine("upper_back")->duration();
  CHECK(apply(ctx(), s, Command::seekRoutine(40.0f)).routineTime == 40.0f);
  CHECK(apply(ctx(), s, Command::seekRoutine(1e9f)).routineTime == duration);
  CHECK(apply(ctx(), s, Command::seekRoutine(-3.0f)).routineTime == 0.0f);
  CHECK(apply(ctx(), s, Command::seekRoutine(std::nanf(""))).routineTime == 0.0f);
  CHECK_THROWS_WITH(apply(ctx(), s, Command::playRoutine("upper")), Catch::Contains("routine 'upper' is unknown"));
  const ViewState stopped = apply(ctx(), s, Command::stopRoutine());
  CHECK_FALSE(stopped.routine);
  CHECK(stopped.display.skin == start.display.skin);
  // Seeking outside a routine changes nothing.
  CHECK(apply(ctx(), start, Command::seekRoutine(5.0f)) == start);

  // Undo changes what is shown, never rewinds the routine; seeking is not recorded.
  ViewHistory h(start);
  h.execute(ctx(), Command::playRoutine("upper_back"));
  h.execute(ctx(), Command::seekRoutine(30.0f));
  h.execute(ctx(), Command::setLabels(true));
  h.execute(ctx(), Command::seekRoutine(60.0f));
  h.execute(ctx(), Command::undo());
  CHECK_FALSE(h.current().labels);
  CHECK(h.current().routine == std::optional<std::string>("upper_back"));
  CHECK(h.current().routineTime == 60.0f);
  h.execute(ctx(), Command::undo());  // the start of the routine itself
  CHECK_FALSE(h.current().routine);
}

TEST_CASE("view state: a routine and its time round-trip through JSON, and a wrong one is named", "[view]") {
  ViewState s = apply(ctx(), initialState(ctx()), Command::playRoutine("home_back_massage"));
  s = apply(ctx(), s, Command::seekRoutine(59.5f));
  const nlohmann::json j = toJson(s);
  CHECK(viewStateFromJson(j, ctx()) == s);
  nlohmann::json bad = j;
  bad["routine"]["id"] = "nope";
  CHECK_THROWS_WITH(viewStateFromJson(bad, ctx()), Catch::Contains("routine") && Catch::Contains("nope"));
  bad = j;
  bad["routine"]["time"] = 1e300;
  CHECK_THROWS_WITH(viewStateFromJson(bad, ctx()), Catch::Contains("routine.time"));
  bad = j;
  bad["routine"] = "home_back_massage";
  CHECK_THROWS_WITH(viewStateFromJson(bad, ctx()), Catch::Contains("routine"));
}
