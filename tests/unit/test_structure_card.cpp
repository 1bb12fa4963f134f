// What the structure panel and list show, from the atlas (app/structure_card, in dorsum_appcore).
#include "app/scene_source.hpp"
#include "app/structure_card.hpp"

#include <catch2/catch.hpp>

using namespace dorsum;

namespace {
const app::LoadedScene& body() {
  static const app::LoadedScene loaded = app::loadScene({});
  return loaded;
}
std::string section(const ui::StructureCard& card, const std::string& title) {
  for (const auto& s : card.sections)
    if (s.title == title) return s.text;
  return "";
}
}  // namespace

TEST_CASE("structure card: a bone lists the muscles that arise from it and insert on it", "[card]") {
  const auto card = app::structureCard(body(), "scapula_l");
  REQUIRE(card);
  CHECK(card->name == "Scapula");
  CHECK(card->subtitle == "Bone - left side");
  const std::string arising = section(*card, "Muscles arising here"), inserting = section(*card, "Muscles inserting here");
  INFO("arising:\n" << arising << "\ninserting:\n" << inserting);
  CHECK(arising.find("Infraspinatus") != std::string::npos);
  CHECK(arising.find("Teres major") != std::string::npos);
  CHECK(inserting.find("Rhomboid major") != std::string::npos);
  CHECK(inserting.find("Levator scapulae") != std::string::npos);
  CHECK(inserting.find("Trapezius") != std::string::npos);
  CHECK(arising.find("Rhomboid major") == std::string::npos);
  CHECK(!card->sources.empty());
}

TEST_CASE("structure card: a muscle part says its layer, side, attachments and sources", "[card]") {
  const auto card = app::structureCard(body(), "rhomboid_major_l");
  REQUIRE(card);
  CHECK(card->name == "Rhomboid major");
  CHECK(card->subtitle.find("left side") != std::string::npos);
  CHECK(section(*card, "Origin").find("T2") != std::string::npos);
  CHECK(!section(*card, "Innervation").empty());
  CHECK(!card->sources.empty());
  CHECK(!app::structureCard(body(), "no_such_thing"));
}

TEST_CASE("structure list: every muscle by layer, then every bone", "[card]") {
  const auto list = app::structureList(body());
  REQUIRE(!list.empty());
  CHECK(list.front().layer == 1);
  bool bones = false, scapula = false;
  for (const auto& e : list) {
    if (e.layer == 0) bones = true;
    else CHECK_FALSE(bones);  // no muscle after the first bone
    scapula = scapula || e.id == "scapula";
  }
  CHECK(scapula);
}

TEST_CASE("referral card: a trigger point lists the strokes that work it, each at its start", "[card]") {
  core::ViewState s;
  s.triggerPoint = core::OnSide{"rhomboid_major_upper", core::Side::Left};
  const auto card = app::referralCard(body(), s);
  REQUIRE(card);
  // The home routine works this knot three ways (direct pressure, circles, stretching it apart).
  int home = 0;
  for (const auto& t : card->treatments) {
    INFO(t.label << " at " << t.start);
    if (t.routine != "home_back_massage") continue;
    ++home;
    const core::Routine* r = body().routines->routine(t.routine);
    REQUIRE(r);
    float start = 0.0f;
    bool found = false;
    for (const auto& st : r->strokes) {
      found = found || (start == t.start && st.path.triggerPoint == "rhomboid_major_upper");
      start += st.durationS;
    }
    CHECK(found);
  }
  CHECK(home == 3);
  // A point no routine works lists none.
  s.triggerPoint = core::OnSide{"deltoid_anterior", core::Side::Left};
  CHECK(app::referralCard(body(), s)->treatments.empty());
}
