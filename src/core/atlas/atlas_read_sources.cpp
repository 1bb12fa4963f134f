// Reading one item of sources.json.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

void readSource(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "citation", "url"});
  Source s;
  s.id = r.string(item, path, "id");
  s.citation = r.string(item, path, "citation");
  s.url = r.string(item, path, "url", false);
  atlas.sources.push_back(s);
}

}  // namespace dorsum::core::atlas_detail
