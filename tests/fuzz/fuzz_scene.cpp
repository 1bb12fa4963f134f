// Fuzz target: the bytes the import child hands back (core::decodeScene), read in Dorsum's own
// process: it must trust nothing. Bytes give a checked scene (every face on existing, finite
// vertices) that encodes back to a scene equal to itself, or a UserError.
#include "fuzz_common.hpp"

#include "core/error.hpp"
#include "core/model_import.hpp"

#include <cmath>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

using namespace dorsum;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const core::Scene scene = core::decodeScene(bytes, "the fuzzed scene");
    for (const auto& m : scene.meshes) {
      for (const auto& p : m.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) fuzz::finding("a non-finite vertex");
      for (std::uint32_t i : m.indices)
        if (i >= m.positions.size()) fuzz::finding("a face on a missing vertex");
    }
    const std::string again = core::encodeScene(scene);
    if (core::encodeScene(core::decodeScene(again, "the scene encoded again")) != again)
      fuzz::finding("a decoded scene does not survive encoding and decoding");
  } catch (const core::UserError& e) {
    if (std::string(e.what()).size() > fuzz::kMaxDiagnosticBytes) fuzz::finding("a long message");
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception left decodeScene: ") + e.what());
  }
  return 0;
}
