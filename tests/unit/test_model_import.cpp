// Models the user names are read in a child process; what comes back is checked before use.
#include "core/error.hpp"
#include "core/model_import.hpp"
#include "core/model_io.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <limits>
#include <sys/stat.h>

using namespace dorsum::core;
namespace fs = std::filesystem;

namespace {
fs::path data(const char* name) { return fs::path(DORSUM_TEST_DATA) / name; }
fs::path folder() {
  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "unit" / "model_import";
  fs::create_directories(dir);
  return dir;
}
std::string importError(const fs::path& p, const ImportLimits& limits = {}) {
  try {
    importModelIsolated(p, limits);
  } catch (const UserError& e) {
    return e.what();
  }
  FAIL("no error for " << p);
  return {};
}
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// A glTF whose one triangle sits under a chain of `depth` nested nodes: Assimp's glTF reader
// recurses once per level and overflows its stack (a real crash of Assimp 5.2, not a simulation).
fs::path deepGltf(int depth) {
  const fs::path p = folder() / ("deep_" + std::to_string(depth) + ".gltf");
  if (fs::exists(p)) return p;
  std::ofstream out(p);
  out << R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":[)";
  for (int i = 0; i < depth; ++i) out << "{\"children\":[" << i + 1 << "]},";
  // The triangle (0,0,0) (1,0,0) (0,1,0) as 36 bytes of little-endian floats, in base64.
  out << R"({"mesh":0}],"meshes":[{"primitives":[{"attributes":{"POSITION":0}}]}],)"
      << R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}],)"
      << R"("bufferViews":[{"buffer":0,"byteLength":36}],)"
      << R"("buffers":[{"byteLength":36,"uri":"data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]})";
  return p;
}

Scene twoMeshes() {
  Scene s;
  Mesh a;
  a.name = "first";
  a.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
  a.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  a.uvs = {{0, 0}, {1, 0}, {0, 1}};
  a.indices = {0, 1, 2};
  a.color = {0.5f, 0.25f, 0.125f};
  Mesh b = a;
  b.name = "second";
  b.colors = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}};
  b.fibres = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
  b.uvs.clear();
  s.meshes = {a, b};
  return s;
}
}  // namespace

TEST_CASE("model import: a scene survives the pipe unchanged", "[model][import]") {
  const Scene in = twoMeshes();
  const Scene out = decodeScene(encodeScene(in), "test");
  REQUIRE(out.meshes.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(out.meshes[i].name == in.meshes[i].name);
    CHECK(out.meshes[i].positions == in.meshes[i].positions);
    CHECK(out.meshes[i].normals == in.meshes[i].normals);
    CHECK(out.meshes[i].uvs == in.meshes[i].uvs);
    CHECK(out.meshes[i].colors == in.meshes[i].colors);
    CHECK(out.meshes[i].fibres == in.meshes[i].fibres);
    CHECK(out.meshes[i].indices == in.meshes[i].indices);
    CHECK(out.meshes[i].color == in.meshes[i].color);
  }
}

// An empty mesh (no vertex, no face) decodes without copying from a null pointer (UBSan found it
// with tests/fuzz/fuzz_scene; only the sanitizer build sees it fail) and is dropped.
TEST_CASE("model import: an empty mesh in the bytes is read without undefined behaviour and dropped", "[model][import]") {
  Scene in = twoMeshes();
  Mesh empty;
  empty.name = "empty";
  in.meshes.insert(in.meshes.begin(), empty);
  const Scene out = decodeScene(encodeScene(in), "test");
  REQUIRE(out.meshes.size() == 2);
  CHECK(out.meshes[0].name == in.meshes[1].name);
}

TEST_CASE("model import: bytes cut short or lying about their counts are refused, never trusted", "[model][import]") {
  const std::string bytes = encodeScene(twoMeshes());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    INFO("cut at " << n);
    CHECK_THROWS_AS(decodeScene(std::string_view(bytes).substr(0, n), "test"), UserError);
  }
  CHECK_THROWS_AS(decodeScene(bytes + "x", "test"), UserError);
  // A vertex count of four billion in a few bytes: refused before anything is allocated.
  std::string huge = bytes;
  const std::uint32_t lie = std::numeric_limits<std::uint32_t>::max();
  std::memcpy(huge.data() + 8 + 4 + 4 + 5 + 12, &lie, 4);  // magic, mesh count, name length, "first", colour
  CHECK_THROWS_WITH(decodeScene(huge, "The model file 'x'"), Catch::Contains("'x'") && Catch::Contains("cut short or malformed"));
}

TEST_CASE("model import: faces on missing or non-finite vertices are dropped, names made UTF-8", "[model][import]") {
  Scene s = twoMeshes();
  s.meshes[0].positions.push_back({std::nanf(""), 0, 0});
  s.meshes[0].normals.push_back({0, 0, 1});
  s.meshes[0].uvs.push_back({0, 0});
  s.meshes[0].indices.insert(s.meshes[0].indices.end(), {0, 1, 3, 0, 1, 454761243u});
  s.meshes[1].name = std::string("bad\xff\xfe name \xc0\xaf end");
  const Scene out = decodeScene(encodeScene(s), "test");
  REQUIRE(out.meshes.size() == 2);
  CHECK(out.meshes[0].indices == std::vector<std::uint32_t>{0, 1, 2});
  for (const auto& p : out.meshes[0].positions) CHECK(std::isfinite(p.x));  // the unused NaN vertex moved onto a good one
  CHECK(out.meshes[1].name == "bad\xEF\xBF\xBD\xEF\xBF\xBD name \xEF\xBF\xBD\xEF\xBF\xBD end");

  Scene broken;
  broken.meshes.push_back(twoMeshes().meshes[0]);
  broken.meshes[0].positions[1] = glm::vec3(INFINITY);
  CHECK_THROWS_WITH(decodeScene(encodeScene(broken), "The model file 'b.ply'"),
                    Catch::Contains("'b.ply' has no usable triangles") && Catch::Contains("not finite"));
}

TEST_CASE("model import: validUtf8 keeps valid text and replaces each bad byte", "[model][import]") {
  CHECK(validUtf8("plain") == "plain");
  CHECK(validUtf8("Trapèze \xE2\x80\x94 \xF0\x9F\x92\xAA") == "Trapèze \xE2\x80\x94 \xF0\x9F\x92\xAA");
  CHECK(validUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(validUtf8("\xE2\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut short
  CHECK(validUtf8(std::string("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(validUtf8("\xF4\x90\x80\x80").find("\xF4") == std::string::npos);        // past U+10FFFF
}

TEST_CASE("model import: a model read in the child equals one read in process", "[model][import]") {
  for (const char* name : {"cube.obj", "tetra.stl", "triangle.gltf"}) {
    INFO(name);
    const Scene here = loadModel(data(name));
    const Scene there = importModelIsolated(data(name), {});
    REQUIRE(there.meshes.size() == here.meshes.size());
    CHECK(there.meshes[0].name == here.meshes[0].name);
    CHECK(there.meshes[0].positions == here.meshes[0].positions);
    CHECK(there.meshes[0].indices == here.meshes[0].indices);
  }
}

TEST_CASE("model import: a reader that crashes, hangs or runs out of memory is one error, and we go on", "[model][import]") {
  // The reader's own problems keep their sentence.
  CHECK(has(importError(data("garbage.glb")), "garbage.glb' cannot be read"));
  CHECK(has(importError(data("escape_buffer.gltf")), "outside its folder"));

  // A real crash inside Assimp (stack overflow in its recursive glTF reader).
  const std::string crash = importError(deepGltf(100000));
  CHECK(has(crash, "deep_100000.gltf' crashed the model reader"));

  ImportLimits quick;
  quick.seconds = 0.001;  // less than any import takes
  CHECK(has(importError(data("cube.obj"), quick), "cube.obj' took longer than 0.001 s to read"));

  if (importMemoryLimited()) {
    ImportLimits small;
    small.memoryBytes = 12u << 20;  // less than the importer needs to start
    CHECK(has(importError(data("cube.obj"), small), "needs more memory than the importer may use (12 MB)"));
  }

  ImportLimits missing;
  missing.importer = folder() / "no-such-importer";
  CHECK(has(importError(data("cube.obj"), missing), "no-such-importer' is missing or not executable"));

  const fs::path fifo = folder() / "model.fifo.obj";
  fs::remove(fifo);
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(has(importError(fifo), "is not a regular file"));

  // After all that, this process reads models as before.
  CHECK(importModelIsolated(data("cube.obj"), {}).triangleCount() == 12);
}
