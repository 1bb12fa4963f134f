#pragma once
// Saved files are written atomically: written beside the target, flushed, then renamed over it.
#include <filesystem>
#include <string_view>

namespace dorsum::core {

// Throws UserError naming the path and the reason when the file cannot be written.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace dorsum::core
