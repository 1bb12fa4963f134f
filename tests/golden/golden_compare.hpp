#pragma once
// Golden-image comparison (after F3D): a missing baseline is written from the actual image and
// the test fails; a failure writes actual and diff images into the build tree and prints paths.
#include "core/image.hpp"

#include <string>

namespace dorsum::test {

struct GoldenResult {
  bool passed = false;
  std::string message;
};

// threshold: the largest share of pixels (0..1) allowed to differ perceptibly.
GoldenResult compareWithGolden(const core::Image& actual, const std::string& name, double threshold);

}  // namespace dorsum::test
