// `dorsum referral`: where a trigger point refers pain, or which trigger points refer to a region.
// Typical patterns for teaching, never a diagnosis.
#include "app/commands.hpp"
#include "core/json_text.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"
#include "core/view/view_state.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace dorsum::app {

int runReferral(const ReferralOptions& o) {
  if (o.triggerPoint.has_value() == o.region.has_value())
    throw core::usageError("Give either --trigger-point ID or --region ID.");
  const core::Atlas atlas = core::loadAtlasOrThrow(o.atlasDir);
  core::ViewContext ctx;
  ctx.atlas = &atlas;
  auto regionJson = [&](const std::string& id) {
    const core::Region* r = atlas.region(id);
    return nlohmann::json{{"id", id}, {"name", r ? r->name : id}};
  };
  nlohmann::json out;
  if (o.triggerPoint) {
    ctx.requireTriggerPoint(*o.triggerPoint);
    const core::TriggerPoint& t = *atlas.triggerPoint(*o.triggerPoint);
    const core::Muscle* m = atlas.muscle(t.muscle);
    nlohmann::json essential = nlohmann::json::array(), spillover = nlohmann::json::array();
    for (const auto& r : t.essential) essential.push_back(regionJson(r));
    for (const auto& r : t.spillover) spillover.push_back(regionJson(r));
    out = {{"trigger_point", {{"id", t.id}, {"name", t.name}, {"location", t.location.text}}},
           {"muscle", {{"id", t.muscle}, {"name", m ? m->name : t.muscle}, {"part", t.part}, {"layer", m ? m->layer : 0}}},
           {"essential", essential},
           {"spillover", spillover},
           {"activation", t.activation.text},
           {"sources", t.sources},
           {"note", "A typical pattern for teaching, not a diagnosis."}};
  } else {
    ctx.requireRegion(*o.region);
    nlohmann::json points = nlohmann::json::array();
    for (const bool essential : {true, false})
      for (const auto& t : atlas.triggerPoints) {
        const auto& zone = essential ? t.essential : t.spillover;
        if (std::find(zone.begin(), zone.end(), *o.region) != zone.end())
          points.push_back({{"id", t.id}, {"name", t.name}, {"muscle", t.muscle}, {"kind", essential ? "essential" : "spillover"}});
      }
    out = {{"region", regionJson(*o.region)}, {"trigger_points", points}, {"note", "Typical patterns for teaching, not a diagnosis."}};
  }
  if (o.json) {
    std::cout << core::jsonText(out) << "\n";
    return 0;
  }
  if (o.triggerPoint) {
    std::cout << out["trigger_point"]["name"].get<std::string>() << " (" << out["muscle"]["name"].get<std::string>() << ", layer "
              << out["muscle"]["layer"].get<int>() << ")\n  lies: " << out["trigger_point"]["location"].get<std::string>() << "\n  essential zone:";
    for (const auto& r : out["essential"]) std::cout << " " << r["name"].get<std::string>() << ";";
    std::cout << "\n  spillover zone:";
    for (const auto& r : out["spillover"]) std::cout << " " << r["name"].get<std::string>() << ";";
    std::cout << "\n  " << out["note"].get<std::string>() << "\n";
  } else {
    std::cout << "Trigger points referring to " << out["region"]["name"].get<std::string>() << ":\n";
    for (const auto& t : out["trigger_points"])
      std::cout << "  " << t["name"].get<std::string>() << " (" << t["kind"].get<std::string>() << ")\n";
    if (out["trigger_points"].empty()) std::cout << "  none in the atlas\n";
    std::cout << "  " << out["note"].get<std::string>() << "\n";
  }
  return 0;
}

}  // namespace dorsum::app
