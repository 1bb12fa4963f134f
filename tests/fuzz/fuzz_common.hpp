#pragma once
// What every fuzz target checks besides the sanitizers: a problem is reported as a short line,
// and nothing but a UserError (or, for the command line, a CLI11 parse error) leaves a loader.
#include "core/atlas/atlas_loader.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace dorsum::fuzz {

// A diagnostic echoes at most a few hundred bytes of what it quotes (file, field, reason).
constexpr std::size_t kMaxDiagnosticBytes = 1200;

[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what.c_str());
  std::abort();  // libFuzzer saves the input as crash-*
}

inline void checkDiagnostics(const std::vector<core::Diagnostic>& problems) {
  for (const auto& d : problems) {
    const std::string line = d.str();
    if (line.size() > kMaxDiagnosticBytes)
      finding("a diagnostic of " + std::to_string(line.size()) + " bytes: " + line.substr(0, 200));
  }
}

}  // namespace dorsum::fuzz
