// Picking is an exact CPU ray cast: these rays go through known points of the body and must
// select the muscle of the layer that is outermost after peeling, on the right side, never a
// hidden or peeled structure, and a ghosted one only when nothing solid is behind the cursor.
#include "baked_body.hpp"
#include "core/display_state.hpp"
#include "core/view/view_state.hpp"
#include "core/geometry/picking.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace dorsum::core;

namespace {
const Atlas& atlas() { return dorsum::test::embeddedAtlas(); }
const AtlasModel& model() { return dorsum::test::bakedBody(); }
const Bvh& bvh() {
  static const Bvh b(model().scene);
  return b;
}
std::vector<Pickable> pickableFor(const DisplayState& st) { return pickableOf(resolveDisplay(st, model().structures)); }
// A ray from behind (posterior, -Z) at the height of a spinous process, x to the side of it.
Ray besideSpinousProcess(const char* landmark, float x, float dy = -0.01f) {
  const glm::vec3 sp = atlas().landmark(landmark)->position;
  return {glm::vec3(x, sp.y + dy, -1.0f), glm::vec3(0, 0, 1)};
}
Ray towardT4(float x) { return besideSpinousProcess("t4_sp", x); }
}  // namespace

TEST_CASE("picking: a ray beside the T5 spinous process meets the layers a dissection meets", "[picking]") {
  // 1.5 cm lateral to the T5 spinous process, level with its tip (rhomboid major's lowest fibres
  // leave the tip and run down and out, so a ray below it passes under their border), from behind: trapezius, rhomboid major, then (no
  // intermediate-layer muscle reaches this point: serratus posterior superior ends at T3)
  // spinalis thoracis of the erector spinae, then multifidus, then bone.
  const char* expected[] = {"trapezius", "rhomboid_major", "spinalis_thoracis", "spinalis_thoracis", "multifidus"};
  for (float x : {0.015f, -0.015f})
    for (int peel = 0; peel <= 4; ++peel) {
      DisplayState st;
      st.peel = peel;
      const auto hit = pick(bvh(), besideSpinousProcess("t5_sp", x, 0.0f), pickableFor(st));
      REQUIRE(hit);
      const Structure& s = model().structures[hit->mesh];
      INFO("x " << x << ", peel " << peel << ": " << s.node);
      CHECK(s.kind == StructureKind::Muscle);
      CHECK(s.muscleId == expected[peel]);
      CHECK(s.layer > peel);
      REQUIRE(s.side);
      CHECK(*s.side == (x > 0 ? Side::Left : Side::Right));
      // The barycentric coordinates describe the hit point.
      const Mesh& m = model().scene.meshes[hit->mesh];
      const glm::vec3 p = m.positions[m.indices[3 * hit->face]] * hit->barycentric.x +
                          m.positions[m.indices[3 * hit->face + 1]] * hit->barycentric.y +
                          m.positions[m.indices[3 * hit->face + 2]] * hit->barycentric.z;
      CHECK(glm::length(p - hit->point) < 1e-4f);
    }
  DisplayState bare;
  bare.peel = 5;
  const auto hit = pick(bvh(), towardT4(0.0f), pickableFor(bare));
  REQUIRE(hit);
  CHECK(model().structures[hit->mesh].kind == StructureKind::Bone);  // only the skeleton is left
}

TEST_CASE("picking: hidden and peeled structures are never returned", "[picking]") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(-0.2f, 0.2f), y(0.95f, 1.65f);
  for (int peel = 0; peel <= 5; ++peel) {
    DisplayState st;
    st.peel = peel;
    st.byId["scapula"] = Display::Hidden;
    const auto pickable = pickableFor(st);
    for (int i = 0; i < 300; ++i) {
      const auto hit = pick(bvh(), {glm::vec3(x(rng), y(rng), -1.0f), glm::vec3(0, 0, 1)}, pickable);
      if (!hit) continue;
      const Structure& s = model().structures[hit->mesh];
      INFO(s.node << " at peel " << peel);
      CHECK(pickable[hit->mesh] == Pickable::Solid);
      CHECK(s.id != "scapula");
      if (s.kind == StructureKind::Muscle) CHECK(s.layer > peel);
    }
  }
}

TEST_CASE("picking: a ghosted structure is picked only when nothing solid is hit", "[picking]") {
  DisplayState st;
  st.byId["trapezius"] = Display::Ghosted;
  auto hit = pick(bvh(), towardT4(0.02f), pickableFor(st));
  REQUIRE(hit);
  CHECK(model().structures[hit->mesh].muscleId == "rhomboid_major");  // solid behind the ghost wins

  st.isolated = "trapezius";  // everything else ghosted...
  st.byId.clear();
  for (const auto& s : model().structures)
    if (s.muscleId != "trapezius") st.byId[s.node] = Display::Hidden;  // ...and then hidden
  st.byId["trapezius"] = Display::Ghosted;
  st.isolated.reset();
  hit = pick(bvh(), towardT4(0.02f), pickableFor(st));
  REQUIRE(hit);
  CHECK(model().structures[hit->mesh].muscleId == "trapezius");  // the ghost, as a fallback
  CHECK(!pick(bvh(), {glm::vec3(0.6f, 1.2f, -1.0f), glm::vec3(0, 0, 1)}, pickableFor(st)));  // beside the body
}

TEST_CASE("picking: a pixel's ray starts at the camera and goes through that pixel", "[picking]") {
  OrbitCamera cam;
  cam.frame(model().scene.bounds(), StandardView::Posterior);
  const Ray centre = pixelRay(cam, 640, 480, 320.0f, 240.0f);
  CHECK(glm::length(glm::normalize(centre.direction) - glm::normalize(cam.current().target - cam.eye())) < 1e-3f);
  const Ray right = pixelRay(cam, 640, 480, 600.0f, 240.0f);
  CHECK(right.direction.x < centre.direction.x);  // seen from behind, screen right is the subject's right (-X)
}

TEST_CASE("picking: a BVH built on first use answers as one built at once", "[picking]") {
  Bvh lazy;
  lazy.buildOnFirstUse(model().scene);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(-0.2f, 0.2f), y(0.9f, 1.5f);
  for (int i = 0; i < 200; ++i) {
    const Ray ray{glm::vec3(x(rng), y(rng), -1.0f), glm::vec3(0, 0, 1)};
    const auto a = lazy.nearest(ray), b = bvh().nearest(ray);
    REQUIRE(a.has_value() == b.has_value());
    if (a) {
      CHECK(a->mesh == b->mesh);
      CHECK(a->face == b->face);
      CHECK(a->t == b->t);
    }
  }
  CHECK(lazy.triangleCount() == bvh().triangleCount());
  const auto c = lazy.closest(glm::vec3(0.0f, 1.2f, -0.2f)), d = bvh().closest(glm::vec3(0.0f, 1.2f, -0.2f));
  REQUIRE(c.has_value());
  CHECK(c->face == d->face);
}
