#include "app/offscreen_render.hpp"
#include "core/primitives.hpp"
#include "gl_fixture.hpp"
#include "render/gl.hpp"
#include "render/gl_objects.hpp"
#include "render/offscreen.hpp"
#include "render/scene_renderer.hpp"
#include "render/shader_library.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dorsum;
namespace fs = std::filesystem;

TEST_CASE("a headless OpenGL 3.3 core context starts without a display", "[gl]") {
  const std::string d = testContext().description();
  INFO(d);
  CHECK(d.find("OpenGL") != std::string::npos);
  GLint major = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  CHECK(major >= 3);
}

TEST_CASE("every embedded shader pair compiles and links on the driver", "[gl]") {
  testContext();
  const auto& files = render::embeddedShaders();
  int pairs = 0;
  for (const auto& [name, text] : files) {
    if (!name.ends_with(".vert")) continue;
    const std::string frag = name.substr(0, name.size() - 5) + ".frag";
    REQUIRE(files.count(frag) == 1);
    std::string log;
    render::Program p = render::buildProgram({name, text}, {frag, files.at(frag)}, log);
    INFO(name << ": " << log);
    CHECK(p);
    ++pairs;
  }
  CHECK(pairs >= 2);
}

TEST_CASE("GL objects are move-only owners that delete on destruction", "[gl]") {
  testContext();
  static_assert(!std::is_copy_constructible_v<render::Buffer>);
  static_assert(std::is_nothrow_move_constructible_v<render::Buffer>);
  unsigned id = 0;
  {
    render::Buffer a;
    id = a.id();
    glBindBuffer(GL_ARRAY_BUFFER, id);  // a name becomes a buffer object once bound
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    REQUIRE(glIsBuffer(id));
    render::Buffer b = std::move(a);
    CHECK(b.id() == id);
    CHECK_FALSE(a);
    render::Buffer none{render::NoCreate};
    CHECK(none.id() == 0u);
  }
  CHECK_FALSE(glIsBuffer(id));
}

TEST_CASE("a hot-reloaded shader that fails keeps the last good program and reports why", "[gl]") {
  testContext();
  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "shaders";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const char* f : {"mesh.vert", "mesh.frag", "background.vert", "background.frag"})
    fs::copy_file(fs::path(DORSUM_SHADER_DIR) / f, dir / f);
  render::ShaderLibrary lib(dir);
  const std::size_t i = lib.add("mesh.vert", "mesh.frag");
  const unsigned good = lib.program(i).id();
  REQUIRE(good != 0u);
  {
    std::ofstream(dir / "mesh.frag") << "#version 330 core\nvoid main() { this is not glsl }\n";
  }
  fs::last_write_time(dir / "mesh.frag", fs::last_write_time(dir / "mesh.frag") + std::chrono::seconds(2));
  CHECK(lib.reloadChanged());
  CHECK(lib.program(i).id() == good);
  CHECK(lib.errors().find("mesh.frag") != std::string::npos);
  fs::copy_file(fs::path(DORSUM_SHADER_DIR) / "mesh.frag", dir / "mesh.frag", fs::copy_options::overwrite_existing);
  fs::last_write_time(dir / "mesh.frag", fs::last_write_time(dir / "mesh.frag") + std::chrono::seconds(4));
  CHECK(lib.reloadChanged());
  CHECK(lib.errors().empty());
  CHECK(lib.program(i).id() != 0u);
}

TEST_CASE("an offscreen render shows the lit body over the background", "[gl]") {
  testContext();
  render::SceneRenderer renderer;
  const core::Scene scene = core::makeTestFigure();
  renderer.upload(scene);
  CHECK(renderer.gpuTriangles() == scene.triangleCount());
  app::RenderRequest request;
  request.width = 160;
  request.height = 120;
  const core::Image img = app::renderOffscreen(renderer, scene.bounds(), request);
  REQUIRE(img.width == 160);
  const auto* corner = img.pixel(2, 2);
  const auto* centre = img.pixel(80, 60);  // the trunk
  CHECK(int(centre[0]) > int(corner[0]) + 60);  // skin is much brighter than the backdrop
  CHECK(int(centre[0]) > int(centre[2]));       // and warm
  // Lit, not flat: the trunk's brightness varies across the body.
  int lo = 255, hi = 0;
  for (int x = 60; x < 100; ++x) {
    lo = std::min(lo, int(img.pixel(x, 60)[0]));
    hi = std::max(hi, int(img.pixel(x, 60)[0]));
  }
  CHECK(hi - lo > 8);
}

TEST_CASE("a lighter frame (moving, software GL) draws about half the triangles and looks the same", "[gl]") {
  testContext();
  render::SceneRenderer renderer;
  core::Scene scene;
  scene.meshes.push_back(core::makeEllipsoid("dense", glm::vec3(0.0f), glm::vec3(0.2f, 0.4f, 0.15f), 64, 96));
  scene.meshes.push_back(core::makeEllipsoid("small", glm::vec3(0.3f, 0.0f, 0.0f), glm::vec3(0.05f), 8, 12));
  renderer.upload(scene);
  renderer.setCullBackFaces(true);
  core::OrbitCamera camera;
  camera.frame(scene.bounds(), core::StandardView::Posterior);
  render::OffscreenTarget target(200, 200, 0);
  auto draw = [&](bool lighter) {
    target.bind();
    render::FrameParams f = render::frameFor(camera, 200, 200);
    f.lighter = lighter;
    renderer.draw(f);
    return target.read();
  };
  const core::Image full = draw(false);
  const core::Image light = draw(true);
  // The dense mesh halved, the small one whole.
  const std::size_t dense = scene.meshes[0].triangleCount(), small = scene.meshes[1].triangleCount();
  CHECK(renderer.lighterTriangles() <= dense * 3 / 4 + small);
  CHECK(renderer.lighterTriangles() >= dense / 3 + small);
  // Nearly the same picture: a mean difference under 2 levels, the silhouette within a pixel's
  // worth (fewer than 1% of pixels differ by more than 24 levels).
  REQUIRE(full.rgba.size() == light.rgba.size());
  double sum = 0.0;
  std::size_t far = 0;
  for (std::size_t i = 0; i < full.rgba.size(); ++i) {
    const int d = std::abs(int(full.rgba[i]) - int(light.rgba[i]));
    sum += d;
    if (d > 24) ++far;
  }
  CHECK(sum / double(full.rgba.size()) < 2.0);
  CHECK(double(far) < 0.01 * double(full.rgba.size()));
  CHECK(sum > 0.0);  // the lighter list was drawn
}
