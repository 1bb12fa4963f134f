// The adaptive frame quality: multisampling only still pictures on software GL, and the highlight
// lit per vertex where triangles are small on screen.
#include "core/frame_quality.hpp"
#include "core/primitives.hpp"

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

using namespace dorsum::core;

TEST_CASE("isSoftwareRenderer: Mesa's and Google's CPU rasterisers, not GPUs", "[frame_quality]") {
  CHECK(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
  CHECK(isSoftwareRenderer("softpipe"));
  CHECK(isSoftwareRenderer("Google SwiftShader"));
  CHECK(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)"));
  CHECK_FALSE(isSoftwareRenderer("NVIDIA H200/PCIe/SSE2"));
  CHECK_FALSE(isSoftwareRenderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  CHECK_FALSE(isSoftwareRenderer(""));
}

TEST_CASE("frameSamples: software GL drops multisampling only while the picture moves", "[frame_quality]") {
  CHECK(frameSamples(true, true) == 0);
  CHECK(frameSamples(true, false) == 4);
  CHECK(frameSamples(false, true) == 4);
  CHECK(frameSamples(false, false) == 4);
  CHECK(frameSamples(false, true, 8) == 8);
  CHECK(frameSamples(true, false, -1) == 0);
}

TEST_CASE("meanEdgeLength: the mean of every triangle edge, skipping broken ones", "[frame_quality]") {
  Mesh m;
  m.positions = {{0, 0, 0}, {3, 0, 0}, {0, 4, 0}};
  m.indices = {0, 1, 2};
  CHECK(meanEdgeLength(m) == Approx((3.0 + 4.0 + 5.0) / 3.0));
  m.indices.insert(m.indices.end(), {0, 1, 7});  // an index out of range: that triangle is skipped
  CHECK(meanEdgeLength(m) == Approx(4.0));
  CHECK(meanEdgeLength(Mesh{}) == 0.0f);
}

TEST_CASE("projectedPixels: an edge's size on screen at the nearest point of a mesh", "[frame_quality]") {
  const int height = 720;
  const glm::mat4 projection = glm::perspective(glm::radians(35.0f), 16.0f / 9.0f, 0.01f, 100.0f);
  const glm::vec3 eye(0, 0, 2);
  const glm::mat4 view = glm::lookAt(eye, glm::vec3(0), glm::vec3(0, 1, 0));
  const float focal = 0.5f * height / std::tan(glm::radians(17.5f));  // pixels per unit at distance 1
  Bounds near;  // its face nearest the eye 1 unit away
  near.add(glm::vec3(-0.5f, -0.5f, 0.5f));
  near.add(glm::vec3(0.5f, 0.5f, 1.0f));
  CHECK(projectedPixels(0.01f, near, eye, view, projection, height) == Approx(0.01f * focal).epsilon(1e-4));
  Bounds far = near;  // twice as far: half the size
  far.min.z = -0.5f;
  far.max.z = 0.0f;
  CHECK(projectedPixels(0.01f, far, eye, view, projection, height) == Approx(0.005f * focal).epsilon(1e-4));
  // A frame twice as high: twice the pixels.
  CHECK(projectedPixels(0.01f, near, eye, view, projection, 2 * height) == Approx(0.02f * focal).epsilon(1e-4));
  // The eye inside the bounds, or no bounds: as large as can be (lit per pixel).
  Bounds around;
  around.add(glm::vec3(-5.0f));
  around.add(glm::vec3(5.0f));
  CHECK(std::isinf(projectedPixels(0.01f, around, eye, view, projection, height)));
  CHECK(std::isinf(projectedPixels(0.01f, Bounds{}, eye, view, projection, height)));
  // Orthographic: no distance.
  const glm::mat4 ortho = glm::ortho(-1.0f, 1.0f, -1.0f, 1.0f, 0.01f, 100.0f);
  CHECK(projectedPixels(0.1f, far, eye, view, ortho, height) == Approx(0.1f * 0.5f * height).epsilon(1e-4));
}

TEST_CASE("The body in full view gets its highlight per vertex; zoomed in, per pixel", "[frame_quality]") {
  // A muscle-sized sheet of 2 cm triangles, 20 cm across, seen whole at 720 pixels from 2.5 m (the
  // body framed) and from 0.3 m (zoomed onto it).
  Mesh sheet;
  const int n = 10;
  for (int j = 0; j <= n; ++j)
    for (int i = 0; i <= n; ++i) sheet.positions.push_back({0.02f * i - 0.1f, 0.02f * j - 0.1f, 0.0f});
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      const std::uint32_t a = std::uint32_t(j * (n + 1) + i), b = a + 1, c = a + std::uint32_t(n + 1), d = c + 1;
      sheet.indices.insert(sheet.indices.end(), {a, b, d, a, d, c});
    }
  const float edge = meanEdgeLength(sheet);
  CHECK(edge == Approx((0.02 + 0.02 + 0.02 * std::sqrt(2.0)) / 3.0).epsilon(1e-4));
  const glm::mat4 projection = glm::perspective(glm::radians(35.0f), 16.0f / 9.0f, 0.01f, 100.0f);
  auto pixels = [&](float distance) {
    const glm::vec3 eye(0, 0, distance);
    const glm::mat4 view = glm::lookAt(eye, glm::vec3(0), glm::vec3(0, 1, 0));
    return projectedPixels(edge, sheet.bounds(), eye, view, projection, 720);
  };
  CHECK(pixels(2.5f) <= kVertexHighlightMaxPixels);
  CHECK(pixels(0.3f) > kVertexHighlightMaxPixels);
}

TEST_CASE("motionIndices: about half the triangles over the same vertices, the shape kept", "[frame_quality]") {
  const Mesh sphere = makeEllipsoid("s", glm::vec3(0.0f), glm::vec3(0.1f, 0.2f, 0.1f), 48, 64);
  REQUIRE(sphere.triangleCount() > 2000);
  CHECK(lighterWhileMoving(true, true));
  CHECK_FALSE(lighterWhileMoving(true, false));
  CHECK_FALSE(lighterWhileMoving(false, true));

  const std::vector<std::uint32_t> lighter = motionIndices(sphere);
  REQUIRE(lighter.size() % 3 == 0);
  CHECK(lighter.size() / 3 <= sphere.triangleCount() * 3 / 4);
  CHECK(lighter.size() / 3 >= sphere.triangleCount() / 3);
  // Every corner is one of the mesh's vertices, so per-vertex paint and normals still apply; the
  // simplified surface stays on the ellipsoid: every triangle's centre within 0.4% of its size.
  CHECK(std::all_of(lighter.begin(), lighter.end(), [&](std::uint32_t i) { return i < sphere.positions.size(); }));
  float worst = 0.0f;
  for (std::size_t t = 0; t < lighter.size(); t += 3) {
    const glm::vec3 c = (sphere.positions[lighter[t]] + sphere.positions[lighter[t + 1]] + sphere.positions[lighter[t + 2]]) / 3.0f;
    const float r = glm::length(c / glm::vec3(0.1f, 0.2f, 0.1f));  // 1 on the ellipsoid
    worst = std::max(worst, 1.0f - r);
  }
  CHECK(worst < 0.02f);
  // Too small to gain: nothing.
  CHECK(motionIndices(makeEllipsoid("small", glm::vec3(0.0f), glm::vec3(1.0f), 8, 12)).empty());
  Mesh broken = sphere;
  broken.indices.back() = std::uint32_t(broken.positions.size());
  CHECK(motionIndices(broken).empty());
}
