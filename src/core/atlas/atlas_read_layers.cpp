// Reading one item of layers.json.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

void readLayer(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"index", "name", "description", "sources"});
  Layer l;
  l.index = r.layerNumber(item, path, "index");
  l.name = r.string(item, path, "name");
  l.description = r.string(item, path, "description", false);
  l.sources = r.sources(item, path);
  atlas.layers.push_back(l);
}

}  // namespace dorsum::core::atlas_detail
