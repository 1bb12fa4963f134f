// closedOutward: the renderer culls back faces only of meshes that are closed, consistently
// oriented and facing outward; anything else (open, flipped, non-manifold, broken) is drawn two-sided.
#include "core/mesh_checks.hpp"
#include "core/primitives.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace dorsum::core;

namespace {
// A unit cube of 12 triangles, counter-clockwise seen from outside; each face has its own four
// vertices (as a file with per-face normals has), so closedness needs welding by position.
Mesh cube() {
  Mesh m;
  const glm::vec3 c[8] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 1}, {1, 1, 1}, {0, 1, 1}};
  const int faces[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4}, {2, 3, 7, 6}, {1, 2, 6, 5}, {0, 4, 7, 3}};
  for (const auto& f : faces) {
    const auto base = std::uint32_t(m.positions.size());
    for (int k = 0; k < 4; ++k) m.positions.push_back(c[f[k]]);
    for (const std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) m.indices.push_back(base + i);
  }
  return m;
}

void flip(Mesh& m, std::size_t triangle) { std::swap(m.indices[3 * triangle + 1], m.indices[3 * triangle + 2]); }
}  // namespace

TEST_CASE("closedOutward: a closed outward cube and sphere may be culled", "[mesh_checks]") {
  const Mesh m = cube();
  REQUIRE(signedVolume(m) > 0.0f);
  CHECK(closedOutward(m));
  CHECK(checkTopology(m).closedAndOriented());  // agrees with the full report
  CHECK(closedOutward(makeEllipsoid("ball", glm::vec3(0.0f), glm::vec3(1.0f, 0.5f, 0.7f))));  // poles and a seam
  CHECK(closedOutward(makeCapsule("bone", {0, 0, 0}, {0, 1, 0}, 0.2f)));
}

TEST_CASE("closedOutward: open, flipped, inconsistent or broken meshes are drawn two-sided", "[mesh_checks]") {
  SECTION("a face missing (a hole)") {
    Mesh m = cube();
    m.indices.resize(m.indices.size() - 6);
    CHECK_FALSE(closedOutward(m));
  }
  SECTION("wound inward everywhere: closed and consistent, but culling would show the inside") {
    Mesh m = cube();
    for (std::size_t t = 0; t < m.triangleCount(); ++t) flip(m, t);
    CHECK(checkTopology(m).closedAndOriented());
    CHECK_FALSE(closedOutward(m));
  }
  SECTION("one triangle wound the other way") {
    Mesh m = cube();
    flip(m, 5);
    CHECK_FALSE(closedOutward(m));
  }
  SECTION("a sheet drawn from both sides encloses nothing") {
    Mesh m;
    m.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
    m.indices = {0, 1, 2, 0, 2, 3, 0, 2, 1, 0, 3, 2};
    CHECK_FALSE(closedOutward(m));
  }
  SECTION("a triangle used twice (a non-manifold edge)") {
    Mesh m = cube();
    m.indices.insert(m.indices.end(), {m.indices[0], m.indices[1], m.indices[2]});
    CHECK_FALSE(closedOutward(m));
  }
  SECTION("an index out of range or a NaN corner") {
    Mesh m = cube();
    m.indices[4] = 999;
    CHECK_FALSE(closedOutward(m));
    Mesh n = cube();
    for (auto& p : n.positions)
      if (p == glm::vec3(1, 1, 1)) p.x = std::numeric_limits<float>::quiet_NaN();
    CHECK_FALSE(closedOutward(n));
  }
  SECTION("nothing, or a lone triangle") {
    CHECK_FALSE(closedOutward(Mesh{}));
    Mesh m;
    m.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    m.indices = {0, 1, 2};
    CHECK_FALSE(closedOutward(m));
  }
}
