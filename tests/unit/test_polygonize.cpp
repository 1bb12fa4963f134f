// Implicit shapes to meshes (core/geometry/polygonize, sdf) and closest-point queries (Bvh::closest):
// the machinery the bones and the skin are built with.
#include "core/geometry/bvh.hpp"
#include "core/geometry/polygonize.hpp"
#include "core/geometry/sdf.hpp"
#include "core/mesh_checks.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace dorsum::core;

namespace {
constexpr float kPi = 3.14159265f;

Bounds box(glm::vec3 lo, glm::vec3 hi) {
  Bounds b;
  b.add(lo);
  b.add(hi);
  return b;
}
}  // namespace

TEST_CASE("polygonize: a sphere becomes a closed, outward mesh of the right size", "[polygonize]") {
  const float r = 0.05f;
  const Mesh m = polygonize("ball", [&](const glm::vec3& p) { return sdf::sphere(p, glm::vec3(0.0f), r); },
                            box(glm::vec3(-r), glm::vec3(r)), {.cell = 0.004f});
  const TopologyReport t = checkTopology(m);
  INFO(t.describe());
  CHECK(t.closedAndOriented());
  const float volume = signedVolume(m);
  CHECK(volume == Approx(4.0f / 3.0f * kPi * r * r * r).epsilon(0.02));
  // Every vertex lies on the surface (projected), with the gradient's outward normal.
  for (std::size_t v = 0; v < m.positions.size(); ++v) {
    CHECK(std::abs(glm::length(m.positions[v]) - r) < 1e-4f);
    CHECK(glm::dot(m.normals[v], glm::normalize(m.positions[v])) > 0.99f);
  }
}

TEST_CASE("polygonize: two shapes far apart give two closed pieces; a blend gives one", "[polygonize]") {
  auto twoBalls = [](float gap, float k) {
    return [=](const glm::vec3& p) {
      return sdf::smin(sdf::sphere(p, {-0.03f - gap / 2, 0, 0}, 0.03f), sdf::sphere(p, {0.03f + gap / 2, 0, 0}, 0.03f), k);
    };
  };
  const Bounds b = box({-0.1f, -0.04f, -0.04f}, {0.1f, 0.04f, 0.04f});
  const Mesh apart = polygonize("apart", twoBalls(0.02f, 0.0f), b, {.cell = 0.003f});
  const Mesh joined = polygonize("joined", twoBalls(0.0f, 0.02f), b, {.cell = 0.003f});
  CHECK(checkTopology(apart).closedAndOriented());
  CHECK(checkTopology(joined).closedAndOriented());
  // A smooth blend adds volume at the neck.
  CHECK(signedVolume(joined) > signedVolume(apart));
}

TEST_CASE("polygonize: keepLargestPiece drops a stray bubble and keeps the main surface whole", "[polygonize]") {
  const Bounds b = box({-0.06f, -0.06f, -0.06f}, {0.12f, 0.06f, 0.06f});
  Mesh m = polygonize("main and bubble", [](const glm::vec3& p) {
    return std::min(sdf::sphere(p, glm::vec3(0.0f), 0.05f), sdf::sphere(p, {0.09f, 0.0f, 0.0f}, 0.012f));
  }, b, {.cell = 0.003f});
  REQUIRE(checkTopology(m).components == 2);
  const float before = signedVolume(m);
  keepLargestPiece(m);
  const TopologyReport t = checkTopology(m);
  INFO(t.describe());
  CHECK(t.singleClosedManifold());
  CHECK(signedVolume(m) == Approx(4.0f / 3.0f * kPi * 0.05f * 0.05f * 0.05f).epsilon(0.02));
  CHECK(signedVolume(m) < before);
  for (const auto& p : m.positions) CHECK(glm::length(p) < 0.051f);
}

TEST_CASE("polygonize: simplification keeps the mesh closed and close to the surface", "[polygonize]") {
  auto capsule = [](const glm::vec3& p) { return sdf::roundCone(p, {0, 0, 0}, {0, 0.1f, 0}, 0.02f, 0.01f); };
  const Bounds b = box({-0.03f, -0.03f, -0.03f}, {0.03f, 0.12f, 0.03f});
  const Mesh full = polygonize("full", capsule, b, {.cell = 0.002f});
  const Mesh reduced = polygonize("reduced", capsule, b, {.cell = 0.002f, .keepFraction = 0.2f, .maxError = 0.0004f});
  INFO(full.triangleCount() << " -> " << reduced.triangleCount() << " triangles");
  CHECK(reduced.triangleCount() < full.triangleCount() / 2);
  CHECK(checkTopology(reduced).closedAndOriented());
  CHECK(reduced.normals.size() == reduced.positions.size());
  for (const auto& p : reduced.positions) CHECK(std::abs(capsule(p)) < 2e-4f);
  CHECK(signedVolume(reduced) == Approx(signedVolume(full)).epsilon(0.03));
}

TEST_CASE("sdf: round cone, flat capsule and superellipse measure distance where it is exact", "[polygonize]") {
  // Round cone: on the axis beyond each end, and beside the middle.
  CHECK(sdf::roundCone({0, -0.05f, 0}, {0, 0, 0}, {0, 0.1f, 0}, 0.02f, 0.01f) == Approx(0.03f));
  CHECK(sdf::roundCone({0, 0.15f, 0}, {0, 0, 0}, {0, 0.1f, 0}, 0.02f, 0.01f) == Approx(0.04f));
  CHECK(sdf::roundCone({0, 0.05f, 0}, {0, 0, 0}, {0, 0.1f, 0}, 0.02f, 0.01f) < 0.0f);
  // A capsule flattened to half across z: 1 cm thick, 2 cm wide.
  CHECK(sdf::flatCapsule({0.03f, 0.05f, 0}, {0, 0, 0}, {0, 0.1f, 0}, 0.01f, {0, 0, 1}, 0.5f) ==
        Approx(0.01f).margin(1e-4));
  CHECK(sdf::flatCapsule({0, 0.05f, 0.01f}, {0, 0, 0}, {0, 0.1f, 0}, 0.01f, {0, 0, 1}, 0.5f) ==
        Approx(0.005f).margin(1e-4));
  // Superellipse: on its axes.
  CHECK(sdf::superellipse(0.2f, 0.0f, 0.15f, 0.1f, 2.7f) == Approx(0.05f).margin(1e-4));
  CHECK(sdf::superellipse(0.0f, -0.12f, 0.15f, 0.1f, 2.7f) == Approx(0.02f).margin(1e-4));
  CHECK(sdf::superellipse(0.0f, 0.0f, 0.15f, 0.1f, 2.7f) < 0.0f);
}

TEST_CASE("bvh: the closest point and which side of the surface a point is on", "[polygonize]") {
  Scene scene;
  scene.meshes.push_back(polygonize("ball", [](const glm::vec3& p) { return sdf::sphere(p, {0.1f, 0, 0}, 0.05f); },
                                    box({0.05f, -0.05f, -0.05f}, {0.15f, 0.05f, 0.05f}), {.cell = 0.003f}));
  scene.meshes.push_back(polygonize("cube", [](const glm::vec3& p) { return sdf::box(p, {-0.1f, 0, 0}, glm::mat3(1.0f), glm::vec3(0.03f), 0.005f); },
                                    box({-0.13f, -0.03f, -0.03f}, {-0.07f, 0.03f, 0.03f}), {.cell = 0.002f}));
  const Bvh bvh(scene);
  const auto out = bvh.closest({0.1f, 0.1f, 0.0f});
  REQUIRE(out);
  CHECK(out->mesh == 0);
  CHECK(out->distance == Approx(0.05f).margin(1e-3));
  CHECK(out->outside({0.1f, 0.1f, 0.0f}));
  const auto in = bvh.closest({-0.1f, 0.01f, 0.0f});
  REQUIRE(in);
  CHECK(in->mesh == 1);
  CHECK(in->distance == Approx(0.02f).margin(1e-3));
  CHECK_FALSE(in->outside({-0.1f, 0.01f, 0.0f}));
  // Nothing within reach.
  CHECK_FALSE(bvh.closest({0.0f, 0.5f, 0.0f}, 0.1f));
  // The brute-force nearest over every triangle agrees.
  for (const glm::vec3 q : {glm::vec3(0.0f, 0.02f, 0.01f), glm::vec3(0.2f, -0.1f, 0.05f), glm::vec3(-0.05f, 0.0f, 0.04f)}) {
    float best = 1e30f;
    for (const auto& m : scene.meshes)
      for (const auto& p : m.positions) best = std::min(best, glm::length(p - q));
    const auto c = bvh.closest(q);
    REQUIRE(c);
    CHECK(c->distance <= best + 1e-6f);
    CHECK(c->distance > best - 0.004f);  // no farther than a vertex, no nearer than the triangles allow
  }
}
