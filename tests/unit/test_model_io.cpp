#include "core/error.hpp"
#include "core/model_io.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dorsum::core;
namespace fs = std::filesystem;

namespace {
fs::path data(const char* name) { return fs::path(DORSUM_TEST_DATA) / name; }
std::string messageOf(const fs::path& p) {
  try {
    loadModel(p);
  } catch (const UserError& e) {
    CHECK(e.exitCode() == 1);
    return e.what();
  }
  FAIL("no error for " << p);
  return {};
}
}  // namespace

TEST_CASE("OBJ, STL and glTF load with their node names", "[model]") {
  const Scene obj = loadModel(data("cube.obj"));
  REQUIRE(obj.meshes.size() == 1);
  CHECK(obj.meshes[0].name == "test_cube");
  CHECK(obj.meshes[0].triangleCount() == 12);
  CHECK(obj.bounds().max.x == Approx(0.5f));
  CHECK(obj.meshes[0].normals.size() == obj.meshes[0].positions.size());

  const Scene stl = loadModel(data("tetra.stl"));
  CHECK(stl.triangleCount() == 4);

  const Scene gltf = loadModel(data("triangle.gltf"));
  REQUIRE(gltf.find("test_triangle") != nullptr);
  CHECK(gltf.triangleCount() == 1);
}

TEST_CASE("unreadable models give one sentence naming the file and the reason", "[model]") {
  CHECK(messageOf(data("no-such-model.glb")).find("does not exist") != std::string::npos);
  const std::string garbage = messageOf(data("garbage.glb"));
  CHECK(garbage.find("garbage.glb") != std::string::npos);
  CHECK(garbage.find("cannot be read") != std::string::npos);
  CHECK(messageOf(fs::path(DORSUM_TEST_DATA)).find("is a directory") != std::string::npos);

  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "unit" / "model_io";  // its own folder (parallel tests)
  fs::create_directories(dir);
  std::ofstream(dir / "empty.obj").close();
  CHECK(messageOf(dir / "empty.obj").find("is empty") != std::string::npos);
  std::ofstream(dir / "points.obj") << "v 0 0 0\nv 1 0 0\nv 0 1 0\np 1 2 3\n";
  const std::string points = messageOf(dir / "points.obj");
  CHECK((points.find("no triangle meshes") != std::string::npos || points.find("cannot be read") != std::string::npos));
}
