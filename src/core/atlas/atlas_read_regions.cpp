// Reading one item of regions.json: a named area of the skin, from landmarks.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

// "landmark", or {"landmark": a, "to": b, "t": 0.3, "offset_mm": [x, y, z]}.
PointSpec readPoint(Reader& r, const json& v, const std::string& path) {
  PointSpec p;
  if (v.is_string()) {
    p.landmark = v.get<std::string>();
    return p;
  }
  if (!v.is_object()) {
    r.problem(path, "must be a landmark id or {landmark, to?, t?, offset_mm?}");
    return p;
  }
  r.allowOnly(v, path, {"landmark", "to", "t", "offset_mm"});
  p.landmark = r.string(v, path, "landmark");
  p.to = r.string(v, path, "to", false);
  p.t = float(std::clamp(r.number(v, path, "t", false, 0.5), -1e9, 1e9));
  if (!(p.t >= 0.0f && p.t <= 1.0f)) r.problem(path + ".t", "must be a fraction from 0 to 1");
  if (const json* o = r.member(v, path, "offset_mm", false)) {
    if (!o->is_array() || o->size() != 3 || !(*o)[0].is_number() || !(*o)[1].is_number() || !(*o)[2].is_number())
      r.problem(path + ".offset_mm", "must be three numbers [x, y, z] in millimetres");
    else
      for (int k = 0; k < 3; ++k) p.offsetMm[k] = float(std::clamp((*o)[std::size_t(k)].get<double>(), -1e6, 1e6));
  }
  return p;
}

namespace {
}  // namespace

void readRegion(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "name", "description", "bilateral", "shapes", "sources"});
  Region g;
  g.id = r.string(item, path, "id");
  g.name = r.string(item, path, "name");
  g.description = r.string(item, path, "description", false);
  g.bilateral = r.boolean(item, path, "bilateral", true);
  g.sources = r.sources(item, path);
  if (const json* shapes = r.member(item, path, "shapes")) {
    if (!shapes->is_array() || shapes->empty()) r.problem(path + ".shapes", "must be a non-empty list");
    else
      for (std::size_t i = 0; i < shapes->size(); ++i) {
        const json& sj = (*shapes)[i];
        const std::string sp = path + ".shapes[" + std::to_string(i) + "]";
        if (!sj.is_object()) {
          r.problem(sp, "must be an object");
          continue;
        }
        r.allowOnly(sj, sp, {"from", "to", "radius_mm", "facing", "facing_min", "above", "below"});
        RegionShape shape;
        if (const json* f = r.member(sj, sp, "from")) shape.from = readPoint(r, *f, sp + ".from");
        shape.to = shape.from;
        if (const json* t = r.member(sj, sp, "to", false)) shape.to = readPoint(r, *t, sp + ".to");
        shape.radiusMm = float(r.number(sj, sp, "radius_mm", true, 30.0));
        if (!(shape.radiusMm > 0.0f && shape.radiusMm <= 400.0f)) r.problem(sp + ".radius_mm", "must be above 0 and at most 400 mm");
        shape.facing = r.string(sj, sp, "facing", false);
        static const char* const kFacings[] = {"", "posterior", "anterior", "lateral", "medial", "superior", "inferior"};
        if (std::find(std::begin(kFacings), std::end(kFacings), shape.facing) == std::end(kFacings))
          r.problem(sp + ".facing", "must be posterior, anterior, lateral, medial, superior or inferior");
        shape.facingMin = float(r.number(sj, sp, "facing_min", false, 0.2));
        if (!(shape.facingMin >= -1.0f && shape.facingMin <= 1.0f)) r.problem(sp + ".facing_min", "must be from -1 to 1");
        if (const json* a = r.member(sj, sp, "above", false)) shape.above = readPoint(r, *a, sp + ".above");
        if (const json* b = r.member(sj, sp, "below", false)) shape.below = readPoint(r, *b, sp + ".below");
        g.shapes.push_back(shape);
      }
  }
  atlas.regions.push_back(g);
}

}  // namespace dorsum::core::atlas_detail
