#include "core/fonts.hpp"

namespace dorsum::core {

std::optional<std::filesystem::path> findUiFont() {
  static const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                     "/usr/local/share/fonts/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
                                     "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/Library/Fonts/DejaVuSans.ttf"};
  for (const char* path : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return std::filesystem::path(path);
  }
  return std::nullopt;
}

}  // namespace dorsum::core
