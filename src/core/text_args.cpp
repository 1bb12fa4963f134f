#include "core/text_args.hpp"

#include <cstdio>

#include "core/error.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

namespace dorsum::core {

Size parseSize(std::string_view text) {
  const std::string shown(text);
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos)
    throw usageError("The size '" + shown + "' is not of the form WIDTHxHEIGHT, for example 1280x720.");
  Size s;
  auto parse = [&](std::string_view part, int& out) {
    const auto* end = part.data() + part.size();
    auto [ptr, ec] = std::from_chars(part.data(), end, out);
    if (part.empty() || ec != std::errc() || ptr != end)
      throw usageError("The size '" + shown + "' is not of the form WIDTHxHEIGHT, for example 1280x720.");
  };
  parse(text.substr(0, x), s.width);
  parse(text.substr(x + 1), s.height);
  if (s.width < 1 || s.height < 1 || s.width > kMaxImageSide || s.height > kMaxImageSide)
    throw usageError("The size '" + shown + "' is out of range: each side must be between 1 and " +
                     std::to_string(kMaxImageSide) + " pixels.");
  return s;
}

std::string shortNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace dorsum::core
