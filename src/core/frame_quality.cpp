#include "core/frame_quality.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace dorsum::core {

bool isSoftwareRenderer(std::string_view glRenderer) {
  std::string lower(glRenderer);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  constexpr std::array<std::string_view, 3> names = {"llvmpipe", "softpipe", "swiftshader"};
  return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return lower.find(n) != std::string::npos; });
}

int frameSamples(bool softwareRenderer, bool moving, int stillSamples) {
  if (softwareRenderer && moving) return 0;
  return std::max(0, stillSamples);
}

}  // namespace dorsum::core
