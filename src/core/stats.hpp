#pragma once
// Summary statistics for benchmarks.
#include <algorithm>
#include <cmath>
#include <vector>

namespace dorsum::core {

// The q-quantile (0..1) by linear interpolation between order statistics; 0 for no samples.
inline double quantile(std::vector<double> samples, double q) {
  if (samples.empty()) return 0.0;
  std::sort(samples.begin(), samples.end());
  const double pos = std::clamp(q, 0.0, 1.0) * double(samples.size() - 1);
  const auto lo = std::size_t(std::floor(pos));
  const auto hi = std::min(lo + 1, samples.size() - 1);
  return samples[lo] + (samples[hi] - samples[lo]) * (pos - double(lo));
}

}  // namespace dorsum::core
