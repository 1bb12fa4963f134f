#pragma once
// The atlas as the UI shows it, for `dorsum atlas --json`. Keys are stable and documented in the
// README; later versions add keys (trigger points, regions, routines), never rename them.
#include "core/atlas/atlas.hpp"

#include <string>

namespace dorsum::core {

std::string atlasToJson(const Atlas& atlas, int indent = 2);
// A short human summary: layers with their muscles.
std::string atlasSummary(const Atlas& atlas);

}  // namespace dorsum::core
