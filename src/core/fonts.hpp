#pragma once
// The UI and label font: DejaVu Sans (Debian's fonts-dejavu-core), embedded in the binary at build
// time, so labels and the UI look the same on a machine without it.
#include <span>

namespace dorsum::core {

// The TrueType bytes of DejaVu Sans.
std::span<const unsigned char> embeddedUiFont();

}  // namespace dorsum::core
