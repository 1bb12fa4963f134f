// Fuzz target: atlas files (assets/atlas/*.json, `dorsum validate`, `--atlas DIR`). The input is
// one or more files separated by a line "%%" (so one input can break the references between
// files); they are loaded and checked together as `dorsum validate DIR` does. Loading must report
// problems as short diagnostics, never throw; an atlas that loads must print (atlas and
// atlas --json).
#include "fuzz_common.hpp"

#include "core/atlas/atlas_json.hpp"

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

using namespace dorsum;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<core::AtlasFile> files;
  constexpr std::string_view separator = "\n%%\n";
  for (std::size_t start = 0;;) {
    const std::size_t end = input.find(separator, start);
    files.push_back({"file" + std::to_string(files.size()) + ".json",
                     std::string(input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start))});
    if (end == std::string_view::npos) break;
    start = end + separator.size();
  }
  try {
    const core::AtlasLoad load = core::loadAtlasFiles(files);
    fuzz::checkDiagnostics(load.problems);
    if (load.ok()) {
      (void)core::atlasToJson(load.atlas);
      (void)core::atlasSummary(load.atlas);
    }
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception left the atlas loader: ") + e.what());
  }
  return 0;
}
