#include "core/error.hpp"
#include "core/model_io.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/primitives.hpp"

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

TEST_CASE("model io: the baked body is stamped; a truncated or foreign GLB does not match", "[model]") {
  const std::string glb = readTextFile(DORSUM_BAKED_ATLAS, "The baked body");
  AtlasLoad atlas = loadEmbeddedAtlas();
  REQUIRE(atlas.ok());
  const std::string stamp = bakeStamp(atlasToJson(atlas.atlas, -1));
  CHECK(glbMatchesStamp(glb, stamp));
  CHECK_FALSE(glbMatchesStamp(glb.substr(0, glb.size() - 1000), stamp));        // truncated
  CHECK_FALSE(glbMatchesStamp(glb.substr(0, glb.size() / 2), stamp));
  CHECK_FALSE(glbMatchesStamp(glb, bakeStamp("{\"another\": \"atlas\"}")));     // another atlas
  std::string flipped = glb;
  flipped[flipped.size() - 7] ^= 0x5a;                                          // damaged geometry
  CHECK_FALSE(glbMatchesStamp(flipped, stamp));
  Scene cube;
  cube.meshes.push_back(makeEllipsoid("cube", glm::vec3(0.0f), glm::vec3(0.1f), 6, 8));
  CHECK_FALSE(glbMatchesStamp(sceneToGlb(cube), stamp));                        // any valid GLB is not the back
  CHECK_FALSE(glbMatchesStamp("", stamp));
  CHECK_FALSE(glbMatchesStamp("glTF", stamp));
}

TEST_CASE("model io: our own bake read without Assimp's clean-up steps is the same body", "[model]") {
  const std::string glb = readTextFile(DORSUM_BAKED_ATLAS, "The baked body");
  const Scene quick = loadModelFromMemory(glb, "glb", "the bake", true);
  const Scene full = loadModelFromMemory(glb, "glb", "the bake", false);
  REQUIRE(quick.meshes.size() == full.meshes.size());
  for (std::size_t i = 0; i < quick.meshes.size(); ++i) {
    const Mesh& a = quick.meshes[i];
    const Mesh& b = full.meshes[i];
    INFO(a.name);
    REQUIRE(a.name == b.name);
    REQUIRE(a.positions.size() == b.positions.size());
    CHECK(a.indices == b.indices);
    CHECK(a.fibres.size() == b.fibres.size());
    std::size_t differing = 0;
    for (std::size_t v = 0; v < a.positions.size(); ++v) {
      differing += glm::distance(a.positions[v], b.positions[v]) > 1e-6f;
      differing += glm::distance(a.normals[v], b.normals[v]) > 1e-3f;
      if (v < a.fibres.size()) differing += glm::distance(a.fibres[v], b.fibres[v]) > 1e-3f;
    }
    CHECK(differing == 0);
  }
}
