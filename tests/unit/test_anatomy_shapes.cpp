// Shape checks a student would make on the baked body, each named as the anatomy says it:
// what covers what from behind, where borders run, where bones sit. They catch the faults an
// independent comparison with a real body found in the first generated body (supraspinatus
// poking through trapezius, a horizontal latissimus border, teres major ending behind the arm,
// quadratus lumborum showing beside the erector spinae, the shoulder a vertebra low).
#include "baked_body.hpp"
#include "core/geometry/bvh.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

using namespace dorsum::core;
using dorsum::test::bakedBody;
using dorsum::test::embeddedAtlas;

namespace {

const Mesh& meshNamed(const std::string& name) {
  const Mesh* m = bakedBody().scene.find(name);
  INFO("mesh " << name);
  REQUIRE(m != nullptr);
  return *m;
}

glm::vec3 landmark(const std::string& id) {
  const Landmark* l = embeddedAtlas().landmark(id);
  INFO("landmark " << id);
  REQUIRE(l != nullptr);
  return l->position;
}

std::vector<std::string> partsOf(const std::string& muscleId) {
  std::vector<std::string> names;
  const Muscle* m = embeddedAtlas().muscle(muscleId);
  REQUIRE(m != nullptr);
  for (const auto& p : m->parts) names.push_back(p.id + "_l");
  return names;
}

// Rays from behind (the posterior view, toward +z) through a grid over the target's outline. For
// each ray that meets the target at all, what it meets first among `among` (which includes the
// target): counts of rays whose first hit is in `covering`, and of all rays that reach the target.
struct Coverage {
  std::size_t reach = 0, covered = 0;
};
Coverage coverageFromBehind(const std::vector<std::string>& target, const std::vector<std::string>& covering,
                            const std::vector<std::string>& others, const std::function<bool(glm::vec3)>& where = {}) {
  Scene scene;
  std::vector<int> role;  // 0 target, 1 covering, 2 other
  Bounds box;
  for (const auto& n : target) {
    scene.meshes.push_back(meshNamed(n));
    role.push_back(0);
    box.add(scene.meshes.back().bounds());
  }
  for (const auto& n : covering) {
    scene.meshes.push_back(meshNamed(n));
    role.push_back(1);
  }
  for (const auto& n : others) {
    scene.meshes.push_back(meshNamed(n));
    role.push_back(2);
  }
  const Bvh all(scene);
  Scene targetOnly;
  for (const auto& n : target) targetOnly.meshes.push_back(meshNamed(n));
  const Bvh targetBvh(targetOnly);
  Coverage c;
  const int steps = 60;
  for (int i = 0; i <= steps; ++i)
    for (int j = 0; j <= steps; ++j) {
      const float x = glm::mix(box.min.x, box.max.x, float(i) / steps), y = glm::mix(box.min.y, box.max.y, float(j) / steps);
      const Ray ray{{x, y, -1.0f}, {0, 0, 1}};
      const auto onTarget = targetBvh.nearest(ray);
      if (!onTarget || (where && !where(onTarget->point))) continue;
      ++c.reach;
      const auto first = all.nearest(ray);
      if (first && role[first->mesh] == 1) ++c.covered;
    }
  return c;
}

}  // namespace

TEST_CASE("anatomy: the trapezius covers supraspinatus completely from behind", "[anatomy][shape]") {
  // Medial to the acromion every posterior ray to supraspinatus meets the trapezius first, or the
  // spine of the scapula just below the trapezius's insertion on its crest (the muscle lies in the
  // fossa in front of it); lateral to the acromion the deltoid covers the tendon, so with layer 1
  // and the bones present no ray meets supraspinatus first anywhere.
  const float acromionMedial = landmark("scap_acromion_medial_margin").x;
  std::vector<std::string> trapeziusAndGirdle = partsOf("trapezius");
  trapeziusAndGirdle.insert(trapeziusAndGirdle.end(), {"scapula_l", "clavicle_l"});
  const Coverage hidden = coverageFromBehind({"supraspinatus_l"}, trapeziusAndGirdle, {}, [&](glm::vec3 p) { return p.x < acromionMedial; });
  const Coverage trap = coverageFromBehind({"supraspinatus_l"}, partsOf("trapezius"), {"scapula_l", "clavicle_l"},
                                           [&](glm::vec3 p) { return p.x < acromionMedial; });
  INFO("medial to the acromion: " << hidden.covered << " of " << hidden.reach << " rays meet the trapezius or the scapula first; "
                                  << trap.covered << " the trapezius");
  REQUIRE(hidden.reach > 50);
  CHECK(hidden.covered == hidden.reach);
  CHECK(trap.covered >= trap.reach * 6 / 10);
  std::vector<std::string> layer1 = partsOf("trapezius");
  for (const auto& n : partsOf("deltoid")) layer1.push_back(n);
  layer1.insert(layer1.end(), {"scapula_l", "clavicle_l", "humerus_l"});
  const Coverage any = coverageFromBehind({"supraspinatus_l"}, layer1, {});
  INFO("everywhere: " << any.covered << " of " << any.reach << " rays meet layer 1 or bone first");
  // Lateral to the acromion the tendon passes under the arch to the greater tubercle; beside the
  // acromion's tip, where the deltoid leaves the bone, a sliver of it may show (at most 5%).
  CHECK(any.covered >= any.reach * 95 / 100);
}

TEST_CASE("anatomy: the latissimus dorsi's upper border rises from the midline to the axilla", "[anatomy][shape]") {
  // The highest point of the muscle in bands across the back climbs from T7 at the midline to the
  // axilla: never falling by more than 5 mm from one band to the next, 4 cm higher at the arm.
  const Mesh& m = meshNamed("latissimus_dorsi_vertebral_l");
  const glm::vec3 t7 = landmark("t7_sp"), head = landmark("hum_head");
  std::vector<float> top;
  // Up to 3 cm short of the humeral head: beyond, the tendon turns half a turn round teres major
  // and its top is the turning tendon's, not the border's.
  for (float x = 0.01f; x < head.x - 0.03f; x += 0.01f) {
    float highest = -1.0f;
    for (const auto& p : m.positions)
      if (p.x >= x && p.x < x + 0.01f) highest = std::max(highest, p.y);
    if (highest > 0.0f) top.push_back(highest);
  }
  REQUIRE(top.size() > 8);
  INFO("upper border from the midline out: " << top.front() << " .. " << top.back());
  CHECK(std::abs(top.front() - t7.y) < 0.02f);
  for (std::size_t i = 1; i < top.size(); ++i) CHECK(top[i] > top[i - 1] - 0.005f);
  CHECK(top.back() > top.front() + 0.04f);
}

TEST_CASE("anatomy: teres major reaches the front of the humerus", "[anatomy][shape]") {
  // It climbs from the inferior angle to the crest of the lesser tubercle on the front of the
  // humerus, about 45 degrees, ending in front of the humeral head's centre.
  const Mesh& m = meshNamed("teres_major_l");
  const glm::vec3 head = landmark("hum_head"), angle = landmark("scap_inferior_angle");
  float front = -1.0f;
  for (const auto& p : m.positions) front = std::max(front, p.z);
  INFO("front of teres major z " << front << ", humeral head centre z " << head.z);
  CHECK(front > head.z + 0.012f);
  const glm::vec3 crest = glm::mix(landmark("hum_ltc_medial_lip_sup"), landmark("hum_ltc_medial_lip_inf"), 0.5f);
  const float rise = glm::degrees(std::atan2(crest.y - angle.y, crest.x - angle.x));
  INFO("teres major climbs at " << rise << " degrees");
  CHECK(rise > 30.0f);
  CHECK(rise < 60.0f);
}

TEST_CASE("anatomy: quadratus lumborum is hidden by the erector spinae from behind", "[anatomy][shape]") {
  const Coverage c = coverageFromBehind({"quadratus_lumborum_l"}, {"iliocostalis_lumborum_l", "longissimus_thoracis_l", "iliocostalis_thoracis_l"},
                                        {});
  // Behind the erector spinae, but for a sliver where it reaches the iliac crest: its origin runs
  // some 5 cm along the crest's inner lip from the iliolumbar ligament (Gray's), and where it is
  // palpated, lateral to the paraspinal mass above the crest (Travell & Simons vol. 2, ch. 4),
  // it is covered only by the latissimus's aponeurosis.
  INFO(c.covered << " of " << c.reach << " posterior rays to quadratus lumborum meet the erector spinae first");
  REQUIRE(c.reach > 50);
  CHECK(c.covered >= c.reach * 95 / 100);
}

TEST_CASE("anatomy: multifidus lies deep to longissimus in the lumbar region", "[anatomy][shape]") {
  const float l1 = landmark("l1_sp").y, s1 = landmark("s1_median_crest").y;
  const Coverage c = coverageFromBehind({"multifidus_lumborum_l"}, {"longissimus_thoracis_l"}, {"iliocostalis_lumborum_l"},
                                        [&](glm::vec3 p) { return p.y < l1 && p.y > s1 && p.x > 0.012f; });
  INFO(c.covered << " of " << c.reach << " posterior rays to lumbar multifidus (beside the spinous processes) meet longissimus first");
  REQUIRE(c.reach > 30);
  CHECK(c.covered >= c.reach * 9 / 10);
}

TEST_CASE("anatomy: the inferior angle of the scapula lies at T7-T8 and the shoulder joint at T3", "[anatomy][shape]") {
  const glm::vec3 angle = landmark("scap_inferior_angle");
  CHECK(angle.y < landmark("t7_sp").y + 0.005f);
  CHECK(angle.y > landmark("t8_sp").y - 0.005f);
  const glm::vec3 head = landmark("hum_head");
  CHECK(std::abs(head.y - landmark("t3_sp").y) < 0.015f);
  // The spine from C7 to T12 measures about 313 mm (BodyParts3D).
  CHECK(landmark("c7_sp").y - landmark("t12_sp").y == Approx(0.313f).margin(0.005f));
}

TEST_CASE("anatomy: iliocostalis fans out to the rib angles, 8-10 cm from the midline at T10-T12", "[anatomy][shape]") {
  const Mesh& m = meshNamed("iliocostalis_lumborum_l");
  const float t10 = landmark("t10_sp").y, t12 = landmark("t12_sp").y;
  float lateral = 0.0f, lowerLateral = 1.0f;
  for (const auto& p : m.positions) {
    if (p.y < t10 && p.y > t12) lateral = std::max(lateral, p.x);
  }
  for (const auto& p : m.positions)
    if (p.y < landmark("l4_sp").y && p.y > landmark("l5_sp").y) lowerLateral = std::min(lowerLateral, p.x);
  INFO("lateral border at T10-T12: " << lateral << " m");
  CHECK(lateral > 0.08f);
  CHECK(lateral < 0.11f);
  CHECK(lowerLateral < 0.06f);  // and reaches medially to the sacrum and longissimus below
}

TEST_CASE("anatomy: the muscles a posterior plate shows around the back are there", "[anatomy][shape]") {
  // Deltoid over the shoulder joint, gluteus maximus over the buttock below the iliac crest,
  // gluteus medius above it, semispinalis capitis up to the occiput.
  const Bounds deltoid = [] {
    Bounds b;
    for (const auto& n : partsOf("deltoid")) b.add(meshNamed(n).bounds());
    return b;
  }();
  const glm::vec3 head = landmark("hum_head");
  CHECK(deltoid.max.x > head.x + 0.03f);
  CHECK(deltoid.min.y < head.y - 0.08f);
  const Bounds gmax = meshNamed("gluteus_maximus_l").bounds();
  CHECK(gmax.max.y < landmark("ilium_crest_high").y);
  CHECK(gmax.min.y < landmark("femur_gt_tip").y - 0.05f);
  const Bounds gmed = meshNamed("gluteus_medius_l").bounds();
  CHECK(gmed.max.y > gmax.max.y - 0.01f);
  const Bounds ssc = meshNamed("semispinalis_capitis_l").bounds();
  CHECK(ssc.max.y > landmark("c1_pt").y);
}
