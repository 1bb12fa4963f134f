// Reading one item of bones.json.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

void readBone(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "name", "kind", "bilateral", "landmarks", "sources"});
  Bone b;
  b.id = r.string(item, path, "id");
  b.name = r.string(item, path, "name");
  b.kind = r.string(item, path, "kind");
  b.bilateral = r.boolean(item, path, "bilateral", false);
  b.landmarks = r.strings(item, path, "landmarks", false);
  b.sources = r.sources(item, path);
  atlas.bones.push_back(b);
}

}  // namespace dorsum::core::atlas_detail
