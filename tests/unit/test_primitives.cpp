#include "core/mesh_checks.hpp"
#include "core/primitives.hpp"

#include <catch2/catch.hpp>
#include <glm/gtc/constants.hpp>

using namespace dorsum::core;

TEST_CASE("an ellipsoid is closed, outward-facing and of the right volume", "[geometry]") {
  const Mesh m = makeEllipsoid("e", {1, 2, 3}, {0.1f, 0.2f, 0.3f}, 48, 64);
  const TopologyReport t = checkTopology(m);
  INFO(t.describe());
  CHECK(t.closedAndOriented());
  const float exact = 4.0f / 3.0f * glm::pi<float>() * 0.1f * 0.2f * 0.3f;
  CHECK(signedVolume(m) == Approx(exact).epsilon(0.01));
  // Normals point away from the centre.
  for (std::size_t i = 0; i < m.positions.size(); i += 97)
    CHECK(glm::dot(m.normals[i], m.positions[i] - glm::vec3(1, 2, 3)) > 0.0f);
}

TEST_CASE("a capsule is closed, outward-facing and spans its end points", "[geometry]") {
  const Mesh m = makeCapsule("c", {0, 0, 0}, {0.3f, 0.4f, 0}, 0.05f);
  const TopologyReport t = checkTopology(m);
  INFO(t.describe());
  CHECK(t.closedAndOriented());
  const float r = 0.05f, len = 0.5f;
  const float exact = glm::pi<float>() * r * r * len + 4.0f / 3.0f * glm::pi<float>() * r * r * r;
  CHECK(signedVolume(m) == Approx(exact).epsilon(0.03));
  const Bounds b = m.bounds();
  CHECK(b.max.y == Approx(0.4f + 0.05f * 0.8f).margin(0.02f));
}

TEST_CASE("topology checks find holes and flipped triangles", "[geometry]") {
  Mesh m = makeEllipsoid("e", {0, 0, 0}, {1, 1, 1}, 8, 8);
  // A triangle from the middle of the sphere (the ones at the poles are degenerate and ignored).
  const std::size_t middle = m.indices.size() / 2 / 3 * 3;
  Mesh holed = m;
  holed.indices.erase(holed.indices.begin() + long(middle), holed.indices.begin() + long(middle) + 3);
  CHECK(checkTopology(holed).boundaryEdges > 0);
  Mesh flipped = m;
  std::swap(flipped.indices[middle], flipped.indices[middle + 1]);
  CHECK(checkTopology(flipped).misorientedEdges > 0);
}

TEST_CASE("the test figure stands about 1.75 m tall, every part closed", "[geometry]") {
  const Scene s = makeTestFigure();
  REQUIRE(s.meshes.size() >= 5);
  const Bounds b = s.bounds();
  CHECK(b.max.y == Approx(1.77f).margin(0.05f));
  for (const auto& m : s.meshes) {
    INFO(m.name << ": " << checkTopology(m).describe());
    CHECK(checkTopology(m).closedAndOriented());
    CHECK(signedVolume(m) > 0.0f);
  }
}
