#include "core/display_state.hpp"

#include <catch2/catch.hpp>

using namespace dorsum::core;

namespace {
std::vector<Structure> sample() {
  return {
      {"trapezius_ascending_l", "trapezius_ascending", "trapezius", StructureKind::Muscle, 1, Side::Left},
      {"trapezius_ascending_r", "trapezius_ascending", "trapezius", StructureKind::Muscle, 1, Side::Right},
      {"rhomboid_major_l", "rhomboid_major", "rhomboid_major", StructureKind::Muscle, 2, Side::Left},
      {"longissimus_thoracis_l", "longissimus_thoracis", "longissimus_thoracis", StructureKind::Muscle, 4, Side::Left},
      {"scapula_l", "scapula", "", StructureKind::Bone, 0, Side::Left},
      {"t4", "t4", "", StructureKind::Bone, 0, std::nullopt},
      {"skin", "skin", "", StructureKind::Skin, 0, std::nullopt},
  };
}
}  // namespace

TEST_CASE("ids name nodes, parts, muscles and muscles on a side", "[display]") {
  const auto s = sample();
  CHECK(matchesId(s[0], "trapezius_ascending_l"));
  CHECK(matchesId(s[0], "trapezius_ascending"));
  CHECK(matchesId(s[0], "trapezius"));
  CHECK(matchesId(s[0], "trapezius_l"));
  CHECK_FALSE(matchesId(s[0], "trapezius_r"));
  CHECK_FALSE(matchesId(s[2], "trapezius"));
}

TEST_CASE("peeling hides the outer layers; skin hidden and skeleton shown by default", "[display]") {
  const auto s = sample();
  DisplayState st;
  auto d = resolveDisplay(st, s);
  CHECK(d[0] == Display::Shown);
  CHECK(d[6] == Display::Hidden);
  CHECK(d[4] == Display::Shown);
  st.peel = 1;
  d = resolveDisplay(st, s);
  CHECK(d[0] == Display::Hidden);
  CHECK(d[1] == Display::Hidden);
  CHECK(d[2] == Display::Shown);
  st.peel = 4;
  d = resolveDisplay(st, s);
  CHECK(d[3] == Display::Hidden);
  CHECK(d[5] == Display::Shown);  // bones stay
}

TEST_CASE("per-structure choices override, the most specific id winning", "[display]") {
  const auto s = sample();
  DisplayState st;
  st.byId["trapezius"] = Display::Ghosted;
  st.byId["trapezius_ascending_r"] = Display::Hidden;
  const auto d = resolveDisplay(st, s);
  CHECK(d[0] == Display::Ghosted);
  CHECK(d[1] == Display::Hidden);
  CHECK(d[2] == Display::Shown);
}

TEST_CASE("isolating ghosts everything else and shows the isolated even when peeled", "[display]") {
  const auto s = sample();
  DisplayState st;
  st.peel = 2;
  st.isolated = "rhomboid_major";
  const auto d = resolveDisplay(st, s);
  CHECK(d[2] == Display::Shown);
  CHECK(d[3] == Display::Ghosted);
  CHECK(d[4] == Display::Ghosted);
  CHECK(d[0] == Display::Hidden);  // peeled stays peeled
  CHECK(d[6] == Display::Hidden);  // skin is not ghosted in
}
