// Referred pain on the body (core/anatomy/referral): regions laid on the skin where their names
// say, trigger points on their muscles, zones, and forward and reverse lookups.
#include "baked_body.hpp"
#include "core/anatomy/referral.hpp"
#include "core/geometry/bvh.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

using namespace dorsum::core;
using dorsum::test::bakedBody;
using dorsum::test::embeddedAtlas;

namespace {
const ReferralMap& referral() {
  static const ReferralMap m(embeddedAtlas(), bakedBody().scene, bakedBody().structures);
  return m;
}
glm::vec3 at(const std::string& id) { return embeddedAtlas().landmark(id)->position; }
}  // namespace

TEST_CASE("referral: every region covers one connected, non-empty part of the skin on its side", "[referral]") {
  REQUIRE(embeddedAtlas().regions.size() >= 50);
  for (const SkinRegion& r : referral().regions()) {
    INFO(r.id << (r.side ? (*r.side == Side::Left ? " (left)" : " (right)") : " (midline)") << ": " << r.areaCm2 << " cm2, "
              << r.pieces << " pieces, centre " << r.centroid.x << " " << r.centroid.y << " " << r.centroid.z);
    if (std::getenv("DORSUM_REGIONS") && (!r.side || *r.side == Side::Left))
      std::printf("%-24s %7.1f cm2 %d pieces centre (%.3f %.3f %.3f)\n", r.id.c_str(), r.areaCm2, r.pieces, r.centroid.x, r.centroid.y, r.centroid.z);
    CHECK(r.areaCm2 > 4.0f);
    CHECK(r.pieces == 1);
    if (r.side == Side::Left) CHECK(r.centroid.x > 0.0f);
    if (r.side == Side::Right) CHECK(r.centroid.x < 0.0f);
    if (!r.side) CHECK(std::abs(r.centroid.x) < 0.03f);
  }
}

TEST_CASE("referral: regions lie where their names say", "[referral]") {
  const ReferralMap& m = referral();
  auto centre = [&](const char* id) {
    const SkinRegion* r = m.region(id, Side::Left);
    REQUIRE(r);
    return r->centroid;
  };
  // The temple above the ear and in front of it; the mastoid behind and below it.
  CHECK(centre("temple").y > at("skull_porion").y + 0.01f);
  CHECK(centre("mastoid").z < at("skull_porion").z);
  CHECK(centre("occiput").y > at("eop").y);
  CHECK(centre("suboccipital").y < at("eop").y);
  // The little finger on the hand, beyond the knuckles, at the ulnar side; the thumb at the radial.
  const glm::vec3 little = centre("little_finger");
  CHECK(little.y < at("hand_mc5_head").y);
  CHECK(glm::length(little - glm::mix(at("hand_mc5_head"), at("hand_finger5_tip"), 0.5f)) < 0.03f);
  CHECK(centre("thumb").x > centre("little_finger").x);
  // The buttock below the iliac crest, the upper part above the lower; the lumbar region between
  // L1 and L5; the interscapular region between the scapula and the spine.
  const float crest = at("ilium_crest_high").y;
  for (const char* b : {"buttock_upper", "buttock_mid", "buttock_lower"}) CHECK(centre(b).y < crest);
  CHECK(centre("buttock_upper").y > centre("buttock_mid").y);
  CHECK(centre("buttock_mid").y > centre("buttock_lower").y);
  CHECK(centre("lumbar").y < at("l1_sp").y);
  CHECK(centre("lumbar").y > at("l5_sp").y);
  CHECK(centre("interscapular").x < at("scap_spine_root").x);
  CHECK(centre("suprascapular").y > at("scap_spine_mid").y);
  // Facing: the back of the arm behind the front of it.
  CHECK(centre("posterior_arm").z < centre("anterior_arm").z);
}

TEST_CASE("referral: every trigger point lies on its muscle's surface, on both sides", "[referral]") {
  const Scene& scene = bakedBody().scene;
  REQUIRE(embeddedAtlas().triggerPoints.size() >= 40);
  for (const TriggerPoint& t : embeddedAtlas().triggerPoints)
    for (const Side side : {Side::Left, Side::Right}) {
      const SurfacePoint* p = referral().triggerPoint(t.id, side);
      INFO(t.id << " " << sideName(side));
      REQUIRE(p);
      CHECK(p->node == t.part + sideSuffix(side));
      const Mesh* mesh = scene.find(p->node);
      REQUIRE(mesh);
      Scene one;
      one.meshes.push_back(*mesh);
      const Bvh bvh(one);
      const auto c = bvh.closest(p->point, 0.01f);
      REQUIRE(c);
      CHECK(c->distance < 0.0005f);
      CHECK((side == Side::Left ? p->point.x : -p->point.x) > 0.0f);
    }
}

TEST_CASE("referral: zones are essential or spillover, never both; forward and reverse lookups agree", "[referral]") {
  const ReferralMap& m = referral();
  for (const TriggerPoint& t : embeddedAtlas().triggerPoints) {
    INFO(t.id);
    const ReferralZone z = m.zone(t.id, Side::Left);
    float essentialMax = 0.0f;
    for (std::size_t v = 0; v < z.essential.size(); ++v) {
      CHECK_FALSE((z.essential[v] >= 0.5f && z.spillover[v] >= 0.5f));
      essentialMax = std::max(essentialMax, z.essential[v]);
    }
    CHECK(essentialMax == 1.0f);  // an essential zone is painted somewhere in full
    for (const bool essential : {true, false})
      for (const auto& region : essential ? t.essential : t.spillover) {
        const auto back = m.referrersOf(region, Side::Left);
        CHECK(std::any_of(back.begin(), back.end(), [&](const ReferralMap::Referrer& r) {
          return r.point->id == t.id && r.essential == essential;
        }));
      }
  }
  // And every reverse entry is a forward one.
  for (const Region& g : embeddedAtlas().regions)
    for (const auto& r : m.referrersOf(g.id, Side::Left)) {
      const auto& list = r.essential ? r.point->essential : r.point->spillover;
      CHECK(std::find(list.begin(), list.end(), g.id) != list.end());
    }
}
