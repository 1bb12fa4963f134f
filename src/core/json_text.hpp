#pragma once
// JSON as text for output: strings that are not valid UTF-8 (a file or node name from another
// system) are written with U+FFFD in place of the bad bytes instead of throwing mid-output.
#include <nlohmann/json.hpp>

#include <string>

namespace dorsum::core {

inline std::string jsonText(const nlohmann::json& j, int indent = 2) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dorsum::core
