// Reading one item of trigger_points.json: a trigger point on its muscle, and its referral zones.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

void readTriggerPoint(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "name", "muscle", "part", "location", "essential", "spillover", "activation", "sources",
                           "disagreements"});
  TriggerPoint t;
  t.id = r.string(item, path, "id");
  t.name = r.string(item, path, "name");
  t.muscle = r.string(item, path, "muscle");
  t.part = r.string(item, path, "part");
  if (const json* loc = r.member(item, path, "location")) {
    if (!loc->is_object()) {
      r.problem(path + ".location", "must be an object with 'text', 'u', 'v' and 'sources'");
    } else {
      r.allowOnly(*loc, path + ".location", {"text", "u", "v", "sources"});
      t.location.text = r.string(*loc, path + ".location", "text");
      t.location.sources = r.sources(*loc, path + ".location");
      t.u = float(r.number(*loc, path + ".location", "u", true, 0.5));
      t.v = float(r.number(*loc, path + ".location", "v", true, 0.5));
      for (const auto& [key, value] : {std::pair{"u", t.u}, std::pair{"v", t.v}})
        if (!(value >= 0.0f && value <= 1.0f)) r.problem(path + ".location." + key, "must be a fraction from 0 to 1");
    }
  }
  t.essential = r.strings(item, path, "essential");
  if (item.contains("essential") && t.essential.empty()) r.problem(path + ".essential", "must name at least one region");
  t.spillover = r.strings(item, path, "spillover", false);
  t.activation = r.cited(item, path, "activation");
  t.sources = r.sources(item, path);
  t.disagreements = readDisagreements(r, item, path);
  atlas.triggerPoints.push_back(t);
}

}  // namespace dorsum::core::atlas_detail
