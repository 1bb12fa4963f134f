// Fuzz target: routine files (assets/routines/*.json: one routine, or the techniques file), read
// and checked against the built-in atlas as `dorsum validate FILE` and `--atlas DIR` do. Problems
// must come back as short diagnostics; nothing may throw.
#include "fuzz_common.hpp"

#include "core/strokes/routine.hpp"

#include <cmath>
#include <cstdint>
#include <exception>
#include <string>

using namespace dorsum;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const core::Atlas atlas = core::loadAtlasOrThrow(std::nullopt);
  const core::AtlasFile file{"routine.json", std::string(reinterpret_cast<const char*>(data), size)};
  try {
    const core::RoutineLoad load = core::loadRoutineFiles({file}, atlas);
    fuzz::checkDiagnostics(load.problems);
    if (load.ok())
      for (const auto& r : load.set.routines)
        if (!std::isfinite(r.duration()) || r.duration() < 0.0f) fuzz::finding("a routine of duration " + std::to_string(r.duration()));
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception left the routine loader: ") + e.what());
  }
  return 0;
}
