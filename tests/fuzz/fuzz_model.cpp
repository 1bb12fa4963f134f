// Fuzz target: models a user opens, through the out-of-process loader (core/model_import.hpp).
// The first byte picks the file's extension (glb, gltf, obj, stl, ply, off, fbx, dae, 3ds), the rest
// is the file; it is written to a temporary folder and read by importModelIsolated in a child
// (dorsum-import). Whatever Assimp does in the child, the parent gets a checked scene (every face
// on existing, finite vertices) or a UserError; it never crashes. Assimp's own findings stay in the
// child: that is why models are read there.
#include "fuzz_common.hpp"

#include "core/error.hpp"
#include "core/model_import.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

using namespace dorsum;
namespace fs = std::filesystem;

namespace {
void checkScene(const core::Scene& scene) {
  for (const auto& m : scene.meshes) {
    for (const auto& p : m.positions)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) fuzz::finding("a non-finite vertex in '" + m.name + "'");
    for (std::uint32_t i : m.indices)
      if (i >= m.positions.size()) fuzz::finding("a face on a missing vertex in '" + m.name + "'");
    if (m.indices.size() % 3) fuzz::finding("a partial triangle in '" + m.name + "'");
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const kExtensions[] = {"glb", "gltf", "obj", "stl", "ply", "off", "fbx", "dae", "3ds"};
  static const fs::path dir = [] {
    char name[] = "/tmp/dorsum-fuzz-model-XXXXXX";
    if (!mkdtemp(name)) std::abort();
    return fs::path(name);
  }();
  if (size == 0) return 0;
  const fs::path file = dir / (std::string("model.") + kExtensions[data[0] % std::size(kExtensions)]);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), std::streamsize(size - 1));
  }
  core::ImportLimits limits;
  limits.seconds = 10.0;
  limits.importer = DORSUM_IMPORTER;
  try {
    checkScene(core::importModelIsolated(file, limits));
  } catch (const core::UserError& e) {
    const std::string what = e.what();
    if (what.size() > fuzz::kMaxDiagnosticBytes) fuzz::finding("a message of " + std::to_string(what.size()) + " bytes");
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception left importModelIsolated: ") + e.what());
  }
  fs::remove(file);
  return 0;
}
