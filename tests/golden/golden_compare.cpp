#include "golden/golden_compare.hpp"

#include <cstdlib>
#include <filesystem>

namespace dorsum::test {

namespace fs = std::filesystem;

GoldenResult compareWithGolden(const core::Image& actual, const std::string& name, double threshold) {
  const fs::path baseline = fs::path(DORSUM_GOLDEN_DIR) / (name + ".png");
  const fs::path outDir = fs::path(DORSUM_TEST_OUTPUT) / "golden";
  fs::create_directories(outDir);
  const fs::path actualPath = outDir / (name + ".actual.png");
  const fs::path diffPath = outDir / (name + ".diff.png");
  core::writePng(actual, actualPath);

  // DORSUM_UPDATE_GOLDEN=1 rewrites baselines on purpose; a missing one is never written into
  // the source tree by a plain run: the render is left in the build's output folder to look at.
  const char* update = std::getenv("DORSUM_UPDATE_GOLDEN");
  if (update && *update == '1') {
    core::writePng(actual, baseline);
    return {true, "rewrote " + baseline.string() + " (DORSUM_UPDATE_GOLDEN=1)"};
  }
  if (!fs::exists(baseline))
    return {false, "no baseline for '" + name + "' (" + baseline.string() + "): this render is in " + actualPath.string() +
                       "; look at it, and if it is right copy it there (or run with DORSUM_UPDATE_GOLDEN=1)"};
  const core::Image expected = core::readPng(baseline);
  const core::ImageDiff diff = core::compareImages(expected, actual);
  if (diff.differentFraction <= threshold)
    return {true, name + ": " + std::to_string(diff.differentFraction * 100) + "% of pixels differ"};
  core::writePng(diff.visual, diffPath);
  return {false, name + ": " + std::to_string(diff.differentFraction * 100) + "% of pixels differ (allowed " +
                     std::to_string(threshold * 100) + "%); actual " + actualPath.string() + ", diff " +
                     diffPath.string() + ", baseline " + baseline.string()};
}

}  // namespace dorsum::test
