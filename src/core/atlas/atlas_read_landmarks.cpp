// Reading one item of landmarks.json.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

void readLandmark(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "name", "bone", "bilateral", "position", "method", "sources"});
  Landmark l;
  l.id = r.string(item, path, "id");
  l.name = r.string(item, path, "name");
  l.bone = r.string(item, path, "bone");
  l.method = r.string(item, path, "method", false);
  l.bilateral = r.boolean(item, path, "bilateral", false);
  bool placed = false;
  if (const json* p = r.member(item, path, "position")) {
    if (!p->is_array() || p->size() != 3 || !(*p)[0].is_number() || !(*p)[1].is_number() || !(*p)[2].is_number())
      r.problem(path + ".position", "must be three numbers [x, y, z] in metres");
    else
    {
      l.position = {(*p)[0].get<float>(), (*p)[1].get<float>(), (*p)[2].get<float>()};
      placed = true;
    }
  }
  if (placed && l.bilateral && l.position.x <= 0.0f)
    r.problem(path + ".position", "a bilateral landmark is written for the left side, so x must be positive");
  if (placed && (std::abs(l.position.x) > 1.0f || l.position.y < 0.0f || l.position.y > 2.2f || std::abs(l.position.z) > 1.0f))
    r.problem(path + ".position", "lies outside a standing adult (metres, origin on the floor between the heels)");
  l.sources = r.sources(item, path);
  atlas.landmarks.push_back(l);
}

}  // namespace dorsum::core::atlas_detail
