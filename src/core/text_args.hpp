#pragma once
// Parsing of small command-line values shared by the CLI subcommands.
#include <string>
#include <string_view>

namespace dorsum::core {

struct Size {
  int width = 0, height = 0;
};

// Parses "WxH" (e.g. 1280x720). Throws a usage UserError naming the value and the reason.
Size parseSize(std::string_view text);
// A number for a message: "149", "40.5", "1e+09" (at most 4 significant digits, no trailing zeros).
std::string shortNumber(double v);

constexpr int kMaxImageSide = 8192;

// Levenshtein distance: the nearest id or command to a mistyped one.
std::size_t editDistance(std::string_view a, std::string_view b);

}  // namespace dorsum::core
