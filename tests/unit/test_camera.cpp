#include "core/camera.hpp"
#include "core/view/timeline.hpp"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

using namespace dorsum::core;

namespace {
Bounds bodyBounds() {
  Bounds b;
  b.add({-0.3f, 0.9f, -0.15f});
  b.add({0.3f, 1.8f, 0.15f});
  return b;
}
glm::vec2 project(const OrbitCamera& c, glm::vec3 p, float aspect) {
  const glm::vec4 clip = c.projection(aspect) * c.view() * glm::vec4(p, 1.0f);
  return glm::vec2(clip) / clip.w;
}
}  // namespace

TEST_CASE("view names parse, and unknown names are refused", "[camera]") {
  for (auto v : allViews()) CHECK(parseView(viewName(v)) == v);
  CHECK(parseView("back") == StandardView::Posterior);
  CHECK_FALSE(parseView("sideways").has_value());
  CHECK(viewNamesJoined().find("three-quarter") != std::string::npos);
}

TEST_CASE("standard views put the camera on the documented side", "[camera]") {
  OrbitCamera c;
  c.frame(bodyBounds(), StandardView::Posterior);
  CHECK(c.eye().z < bodyBounds().center().z - 1.0f);  // behind the body (-Z)
  c.frame(bodyBounds(), StandardView::Anterior);
  CHECK(c.eye().z > 1.0f);
  c.frame(bodyBounds(), StandardView::Left);
  CHECK(c.eye().x > 1.0f);  // the subject's left is +X
  c.frame(bodyBounds(), StandardView::Right);
  CHECK(c.eye().x < -1.0f);
  c.frame(bodyBounds(), StandardView::Superior);
  CHECK(c.eye().y > bodyBounds().max.y + 1.0f);
}

TEST_CASE("posterior view shows the subject's left on the viewer's left", "[camera]") {
  OrbitCamera c;
  c.frame(bodyBounds(), StandardView::Posterior);
  const glm::vec2 left = project(c, {0.2f, 1.3f, 0.0f}, 1.5f);
  const glm::vec2 right = project(c, {-0.2f, 1.3f, 0.0f}, 1.5f);
  CHECK(left.x < right.x);
}

TEST_CASE("framing keeps the whole body on screen", "[camera]") {
  OrbitCamera c;
  const Bounds b = bodyBounds();
  c.frame(b, StandardView::Posterior);
  for (float x : {b.min.x, b.max.x})
    for (float y : {b.min.y, b.max.y})
      for (float z : {b.min.z, b.max.z}) {
        const glm::vec2 p = project(c, {x, y, z}, 1.0f);
        CHECK(std::abs(p.x) <= 1.0f);
        CHECK(std::abs(p.y) <= 1.0f);
      }
}

TEST_CASE("a view change is a smooth track that settles on the goal", "[camera]") {
  const Orbit from = OrbitCamera::orbitFor(StandardView::Posterior, bodyBounds(), glm::radians(35.0f));
  const Orbit to = OrbitCamera::orbitFor(StandardView::Left, bodyBounds(), glm::radians(35.0f));
  const auto track = Track<Orbit>::between(2.0, from, 2.55, to);
  CHECK(track.at(2.0) == from);
  const float early = track.at(2.05).yaw;
  CHECK(early != from.yaw);
  CHECK(std::abs(early - from.yaw) < std::abs(to.yaw - from.yaw) * 0.25f);  // part of the way, not a jump
  CHECK(track.at(2.55).yaw == Approx(to.yaw));
  CHECK(track.finished(2.55));
}

TEST_CASE("views turn the short way round", "[camera]") {
  const Orbit right = OrbitCamera::orbitFor(StandardView::Right, bodyBounds(), glm::radians(35.0f));      // yaw -pi/2
  const Orbit anterior = OrbitCamera::orbitFor(StandardView::Anterior, bodyBounds(), glm::radians(35.0f));  // pi
  // Halfway, the short way (-pi/2 further) is at -3pi/4, not at +pi/4.
  const float mid = mixOrbit(right, anterior, 0.5f).yaw;
  CHECK(std::abs(std::remainder(mid + 0.75f * glm::pi<float>(), glm::two_pi<float>())) < 1e-3f);
}

TEST_CASE("dolly toward the cursor keeps the point under it fixed", "[camera]") {
  OrbitCamera c;
  c.frame(bodyBounds(), StandardView::Posterior);
  const float aspect = 1.6f;
  const glm::vec2 cursor(0.4f, -0.3f);
  // The point on the target plane under the cursor, found by unprojecting at the target depth.
  const glm::mat4 inv = glm::inverse(c.projection(aspect) * c.view());
  const glm::vec4 target = c.projection(aspect) * c.view() * glm::vec4(c.current().target, 1.0f);
  glm::vec4 p = inv * glm::vec4(cursor, target.z / target.w, 1.0f);
  const glm::vec3 under = glm::vec3(p) / p.w;
  const float before = c.current().distance;
  c.dolly(0.5f, cursor, aspect);
  CHECK(c.current().distance == Approx(before * 0.5f));
  const glm::vec2 after = project(c, under, aspect);
  CHECK(after.x == Approx(cursor.x).margin(1e-3));
  CHECK(after.y == Approx(cursor.y).margin(1e-3));
}

TEST_CASE("pan moves the target across the screen, orbit clamps at the poles", "[camera]") {
  OrbitCamera c;
  c.frame(bodyBounds(), StandardView::Posterior);
  const glm::vec3 before = c.current().target;
  c.pan(0.5f, 0.0f, 1.0f);
  CHECK(glm::length(c.current().target - before) > 0.05f);
  CHECK(c.current().target.y == Approx(before.y));
  c.orbit(0.0f, 10.0f);
  CHECK(c.current().pitch < glm::half_pi<float>());
  CHECK(std::isfinite(c.view()[0][0]));
}
