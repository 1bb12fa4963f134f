// Massage strokes (core/strokes): routines read and checked as data, laid on the baked body, and
// the motion each technique names: on the skin, beside the spine and never on it, across or along
// the fibres, deeper with more pressure, and a pure function of time.
#include "baked_body.hpp"
#include "core/strokes/routine.hpp"
#include "core/strokes/stroke_glyphs.hpp"
#include "core/strokes/stroke_motion.hpp"
#include "core/view/timeline.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace dorsum::core;
using dorsum::test::bakedBody;
using dorsum::test::embeddedAtlas;

namespace {
const RoutineSet& routines() {
  static const RoutineSet set = loadRoutinesOrThrow(embeddedAtlas());
  return set;
}
std::shared_ptr<const MassageBody> body() {
  static const auto b = [] {
    auto referral = std::make_shared<const ReferralMap>(embeddedAtlas(), bakedBody().scene, bakedBody().structures);
    return std::make_shared<const MassageBody>(bakedBody().scene, bakedBody().structures, referral);
  }();
  return b;
}
const RoutineMotion& motion(const std::string& id) {
  static std::map<std::string, std::unique_ptr<RoutineMotion>> cache;
  auto& m = cache[id];
  if (!m) {
    const Routine* r = routines().routine(id);
    REQUIRE(r);
    m = std::make_unique<RoutineMotion>(*r, embeddedAtlas(), body());
  }
  return *m;
}
// The skin alone, to measure how far a point is from it.
const Bvh& skinBvh() {
  static const Bvh b = [] {
    Scene s;
    for (std::size_t i = 0; i < bakedBody().structures.size(); ++i)
      if (bakedBody().structures[i].kind == StructureKind::Skin) s.meshes.push_back(bakedBody().scene.meshes[i]);
    return Bvh(s);
  }();
  return b;
}
float degrees(const glm::vec3& a, const glm::vec3& b) {
  return std::acos(std::clamp(glm::dot(glm::normalize(a), glm::normalize(b)), -1.0f, 1.0f)) * 57.2958f;
}
// The angle between two lines (0 to 90 degrees), whichever way each points.
float lineAngle(const glm::vec3& a, const glm::vec3& b) {
  const float d = degrees(a, b);
  return std::min(d, 180.0f - d);
}
RoutineLoad loadText(const std::string& text) { return loadRoutineFiles({{"test_routine.json", text}}, embeddedAtlas()); }
std::string strokeJson(const std::string& fields) {
  return R"({"routine": {"id": "t", "name": "T", "sources": ["seed_home_back_massage"], "strokes": [{)" + fields + "}]}}";
}
}  // namespace

TEST_CASE("routines: the four routines of the brief load, cited, with a caption on every stroke", "[strokes]") {
  for (const char* id : {"home_back_massage", "upper_back", "deep_sustained_pressure", "swedish_back"}) {
    INFO(id);
    const Routine* r = routines().routine(id);
    REQUIRE(r);
    CHECK_FALSE(r->sources.empty());
    for (const Stroke& s : r->strokes) CHECK(s.caption.size() > 20);
  }
  // Every technique is described, with sources.
  for (const Technique t : {Technique::Effleurage, Technique::Kneading, Technique::ThumbPressure, Technique::CrossFibreFriction,
                            Technique::Stripping, Technique::Compression, Technique::CircularFriction, Technique::Stretch,
                            Technique::Pincer}) {
    INFO(techniqueName(t));
    REQUIRE(routines().techniques.count(t));
    CHECK_FALSE(routines().techniques.at(t).sources.empty());
  }
  CHECK(routines().cautions.size() >= 3);
}

TEST_CASE("routines: the home routine keeps the order of seed 000", "[strokes]") {
  const Routine& r = *routines().routine("home_back_massage");
  std::vector<Technique> order;
  for (const Stroke& s : r.strokes) order.push_back(s.technique);
  // Oil spread over the back first ("rub it gently over your partner's back"), then its order.
  const std::vector<Technique> expected{Technique::Effleurage,  Technique::Kneading,    Technique::Kneading,         Technique::ThumbPressure,
                                        Technique::Effleurage,  Technique::Compression,      Technique::CircularFriction,
                                        Technique::Stretch,     Technique::Kneading,         Technique::Effleurage};
  CHECK(order == expected);
  // Kneading starts at the lower back and works up towards the neck.
  const RoutineMotion& m = motion("home_back_massage");
  const float first = m.sample(m.strokeStart(1) + 0.5f).contacts[0].position.y;
  const float later = m.sample(m.strokeStart(2) + r.strokes[2].durationS - 0.5f).contacts[0].position.y;
  CHECK(later - first > 0.3f);
}

TEST_CASE("strokes: every contact of every routine stays on the skin (within 1 mm)", "[strokes]") {
  for (const auto& r : routines().routines) {
    const RoutineMotion& m = motion(r.id);
    float worst = 0.0f;
    for (float t = 0.0f; t <= m.duration(); t += 0.37f)
      for (const Contact& c : m.sample(t, false).contacts) {
        const auto cp = skinBvh().closest(c.position, 0.05f);
        REQUIRE(cp);
        worst = std::max(worst, cp->distance);
      }
    INFO(r.id << ": farthest " << worst * 1000.0f << " mm from the skin");
    CHECK(worst <= 0.001f);
  }
}

TEST_CASE("strokes: thumb pressure keeps off the spinous processes and visits each vertebra in order", "[strokes]") {
  const Routine& r = *routines().routine("home_back_massage");
  const RoutineMotion& m = motion("home_back_massage");
  int stroke = -1;
  for (std::size_t i = 0; i < r.strokes.size(); ++i)
    if (r.strokes[i].technique == Technique::ThumbPressure) stroke = int(i);
  REQUIRE(stroke >= 0);
  const Stroke& s = r.strokes[std::size_t(stroke)];
  std::vector<std::string> visited;
  float nearest = 1.0f;
  for (float t = m.strokeStart(stroke); t < m.strokeStart(stroke) + s.durationS; t += 0.1f) {
    const StrokeSample x = m.sample(t, false);
    REQUIRE(x.contacts.size() == 2);  // both thumbs, one each side
    CHECK(x.contacts[0].position.x > 0.0f);
    CHECK(x.contacts[1].position.x < 0.0f);
    if (x.phase == "hold" && (visited.empty() || visited.back() != x.vertebra)) visited.push_back(x.vertebra);
    // Off the spinous process of the level it presses and of its neighbours.
    for (const auto& c : x.contacts)
      for (const auto& v : s.path.vertebrae) {
        const glm::vec3 sp = embeddedAtlas().landmark(v)->position;
        const glm::vec3 d = c.position - sp;
        if (std::abs(d.y) < 0.03f) nearest = std::min(nearest, std::hypot(d.x, d.y));
      }
    // Pressing, the thumbs stand about as far out as the routine says (25 mm), in the groove.
    if (x.phase == "hold" && x.contacts[0].pressing > 0.5f)
      for (const auto& c : x.contacts) CHECK(std::abs(std::abs(c.position.x) - s.path.besideMm * 0.001f) < 0.004f);
  }
  CHECK(visited == s.path.vertebrae);
  INFO("nearest approach to a spinous process: " << nearest * 1000.0f << " mm");
  CHECK(nearest >= 0.02f);
}

TEST_CASE("strokes: cross-fibre friction moves across the fibres, stripping along them", "[strokes]") {
  int friction = 0, stripping = 0;
  for (const auto& r : routines().routines) {
    const RoutineMotion& m = motion(r.id);
    for (int i = 0; i < m.strokeCount(); ++i) {
      const Stroke& s = r.strokes[std::size_t(i)];
      if (s.technique != Technique::CrossFibreFriction && s.technique != Technique::Stripping) continue;
      float worst = 0.0f;
      for (float t = m.strokeStart(i); t < m.strokeStart(i) + s.durationS; t += 0.13f) {
        const StrokeSample x = m.sample(t);
        if (x.phase != "work" || x.contacts[0].pressing < 0.5f) continue;
        REQUIRE(glm::length(x.fibre) > 0.5f);
        const float a = lineAngle(x.contacts[0].motion, x.fibre);
        worst = std::max(worst, s.technique == Technique::Stripping ? a : 90.0f - a);
        ++(s.technique == Technique::Stripping ? stripping : friction);
      }
      INFO(r.id << " stroke " << i + 1 << " (" << techniqueName(s.technique) << "): worst " << worst << " degrees off");
      CHECK(worst <= 15.0f);
    }
  }
  CHECK(friction > 20);
  CHECK(stripping > 20);
}

TEST_CASE("strokes: deep pressure reaches a deeper layer than light pressure at the same point", "[strokes]") {
  // Beside the spine at T10 and at L2, and over the rhomboids: layer 1 over deeper muscle.
  for (const char* sp : {"t10_sp", "l2_sp", "t4_sp"}) {
    INFO(sp);
    const glm::vec3 p = embeddedAtlas().landmark(sp)->position + glm::vec3(0.035f, 0.0f, 0.0f);
    const ClosestPoint c = body()->onSkin(p);
    const Reach light = body()->reach(c.point, c.normal, Pressure::Light);
    const Reach deep = body()->reach(c.point, c.normal, Pressure::Deep);
    INFO("light " << light.node << " (" << light.layer << "), deep " << deep.node << " (" << deep.layer << ")");
    CHECK(light.layer >= 1);
    CHECK(deep.layer > light.layer);
    CHECK(deep.depth > light.depth);
  }
}

TEST_CASE("strokes: a routine lasts the sum of its strokes, and looping or scrubbing gives the same pose", "[strokes]") {
  for (const auto& r : routines().routines) {
    const RoutineMotion& m = motion(r.id);
    float sum = 0.0f;
    for (const Stroke& s : r.strokes) sum += s.durationS;
    CHECK(m.duration() == Approx(sum));
    CHECK(r.duration() == Approx(sum));
  }
  const RoutineMotion& m = motion("upper_back");
  // A looping player that has gone round twice shows what a fresh one shows at the same time.
  Player looping;
  looping.setLoop(m.duration());
  for (int i = 0; i < 400; ++i) looping.advance(0.8);  // 320 s: twice round and then some
  const float t = float(looping.time());
  const StrokeSample a = m.sample(t);
  // Scrubbing elsewhere first changes nothing.
  (void)m.sample(3.0f);
  (void)m.sample(m.duration() - 1.0f);
  const StrokeSample b = m.sample(float(std::fmod(320.0, double(m.duration()))));
  REQUIRE(a.contacts.size() == b.contacts.size());
  CHECK(a.stroke == b.stroke);
  for (std::size_t c = 0; c < a.contacts.size(); ++c) CHECK(glm::length(a.contacts[c].position - b.contacts[c].position) < 1e-4f);
  CHECK(a.reach.node == b.reach.node);
}

TEST_CASE("strokes: a trigger point stroke presses on its point and names it (its referral shows)", "[strokes]") {
  const Routine& r = *routines().routine("deep_sustained_pressure");
  const RoutineMotion& m = motion(r.id);
  for (int i = 0; i < m.strokeCount(); ++i) {
    const Stroke& s = r.strokes[std::size_t(i)];
    if (s.path.triggerPoint.empty()) continue;
    const StrokeSample x = m.sample(m.strokeStart(i) + s.durationS * 0.25f);
    REQUIRE(x.triggerPoint);
    CHECK(x.triggerPoint->id == s.path.triggerPoint);
    const SurfacePoint* tp = body()->referral().triggerPoint(s.path.triggerPoint, x.triggerPoint->side);
    REQUIRE(tp);
    // On the skin over the point (the skin nearest it).
    CHECK(glm::length(x.contacts[0].position - body()->onSkin(tp->point).point) < 0.012f);
    CHECK(x.contacts[0].pressing > 0.9f);
  }
}

TEST_CASE("strokes: the glyphs show the tool's size, a trail behind it and its pressure", "[strokes]") {
  const RoutineMotion& m = motion("home_back_massage");
  const StrokeSample palms = m.sample(m.strokeStart(9) + 3.0f);
  REQUIRE(palms.tool == Tool::BothPalms);
  const Mesh g = strokeGlyphs(m, palms);
  REQUIRE(g.positions.size() == g.colors.size());
  REQUIRE_FALSE(g.indices.empty());
  const StrokeSample thumb = m.sample(m.strokeStart(5) + 5.0f);
  REQUIRE(thumb.tool == Tool::Thumb);
  const Mesh h = strokeGlyphs(m, thumb);
  // A palm covers far more skin than a thumb.
  CHECK(g.bounds().radius() > h.bounds().radius() * 1.5f);
}

TEST_CASE("routines: validation names an unknown technique, tool, landmark, muscle or trigger point", "[strokes]") {
  const std::string ok = R"("tool": "thumb", "pressure": "medium", "duration_s": 5, "caption": "A caption of some length.")";
  struct Case {
    std::string fields, field, words;
  };
  const std::vector<Case> cases{
      {R"("technique": "shiatsu", )" + ok + R"(, "path": {"trigger_point": "trapezius_trp1"})", "technique", "unknown technique 'shiatsu'"},
      {R"("technique": "compression", "tool": "spoon", "pressure": "medium", "duration_s": 5, "caption": "x", "path": {"trigger_point": "trapezius_trp1"})",
       "tool", "unknown tool 'spoon'"},
      {R"("technique": "effleurage", )" + ok + R"(, "path": {"points": ["t1_sp", "t99_sp"]})", "points[1]", "unknown landmark 't99_sp'"},
      {R"("technique": "stripping", )" + ok + R"(, "path": {"muscle": "biceps"})", "muscle", "unknown muscle part 'biceps'"},
      {R"("technique": "compression", )" + ok + R"(, "path": {"trigger_point": "nowhere"})", "trigger_point", "unknown trigger point 'nowhere'"},
      {R"("technique": "thumb_pressure", )" + ok + R"(, "path": {"vertebrae": ["t1_sp", "t2_sp"], "beside_mm": 0})", "beside_mm", "never on them"},
      {R"("technique": "compression", )" + ok + R"(, "path": {"trigger_point": "trapezius_trp1", "muscle": "rhomboid_major"})", "path", "exactly one"},
  };
  for (const Case& c : cases) {
    INFO(c.fields);
    const RoutineLoad load = loadText(strokeJson(c.fields));
    REQUIRE_FALSE(load.ok());
    bool found = false;
    for (const Diagnostic& d : load.problems) {
      INFO(d.str());
      found = found || (d.field.find(c.field) != std::string::npos && d.reason.find(c.words) != std::string::npos);
    }
    CHECK(found);
  }
  // An unknown source, and a file that is not JSON.
  const RoutineLoad unknownSource = loadText(R"({"routine": {"id": "x", "name": "X", "sources": ["nobody"], "strokes": [{)" + std::string(R"("technique": "compression", )") + ok +
                                            R"(, "path": {"trigger_point": "trapezius_trp1"}}]}})");
  REQUIRE(unknownSource.problems.size() == 1);
  CHECK(unknownSource.problems.front().reason == "unknown source 'nobody'");
  // The same file with a known source is valid (the check above fails for the source alone).
  CHECK(loadText(strokeJson(R"("technique": "compression", )" + ok + R"(, "path": {"trigger_point": "trapezius_trp1"})")).ok());
  const RoutineLoad broken = loadRoutineFiles({{"x.json", "{\"routine\": "}}, embeddedAtlas());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.problems.front().reason.find("not valid JSON") != std::string::npos);
}
