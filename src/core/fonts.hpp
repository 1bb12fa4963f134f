#pragma once
// The UI and label font: DejaVu Sans (Debian's fonts-dejavu-core), found at run time.
#include <filesystem>
#include <optional>

namespace dorsum::core {

std::optional<std::filesystem::path> findUiFont();

}  // namespace dorsum::core
