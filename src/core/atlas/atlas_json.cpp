#include "core/atlas/atlas_json.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace dorsum::core {

using nlohmann::json;

namespace {
json landmarkList(const Atlas& a, const std::vector<std::string>& ids) {
  json out = json::array();
  for (const auto& id : ids) {
    const Landmark* l = a.landmark(id);
    out.push_back({{"landmark", id}, {"name", l ? l->name : ""}});
  }
  return out;
}
json cited(const Cited& c) { return {{"text", c.text}, {"sources", c.sources}}; }
}  // namespace

std::string atlasToJson(const Atlas& a, int indent) {
  json doc;
  json layers = json::array();
  for (const auto& l : a.layers) {
    json ids = json::array();
    for (const auto& m : a.muscles)
      if (m.layer == l.index) ids.push_back(m.id);
    layers.push_back({{"index", l.index}, {"name", l.name}, {"description", l.description}, {"muscles", ids}});
  }
  doc["layers"] = layers;

  json muscles = json::array();
  for (const auto& m : a.muscles) {
    std::set<std::string> all;
    json parts = json::array();
    json origin = json::array(), insertion = json::array();
    for (const auto& p : m.parts) {
      parts.push_back({{"id", p.id},
                       {"name", p.name},
                       {"origin", landmarkList(a, p.origin.landmarks)},
                       {"origin_text", p.origin.text},
                       {"insertion", landmarkList(a, p.insertion.landmarks)},
                       {"insertion_text", p.insertion.text}});
      for (const auto& x : landmarkList(a, p.origin.landmarks)) origin.push_back(x);
      for (const auto& x : landmarkList(a, p.insertion.landmarks)) insertion.push_back(x);
      for (const auto* list : {&p.origin.sources, &p.insertion.sources}) all.insert(list->begin(), list->end());
    }
    for (const auto* list : {&m.fibres.sources, &m.action.sources, &m.bloodSupply.sources, &m.note.sources,
                             &m.innervation.sources})
      all.insert(list->begin(), list->end());
    json disagreements = json::array();
    for (const auto& d : m.disagreements)
      disagreements.push_back({{"field", d.field}, {"text", d.text}, {"follow", d.follow}, {"sources", d.sources}});
    muscles.push_back({
        {"id", m.id},
        {"name", m.name},
        {"latin", m.latin},
        {"layer", m.layer},
        {"group", m.group},
        {"sides", m.bilateral ? json::array({"left", "right"}) : json::array({"midline"})},
        {"parts", parts},
        {"origin", origin},
        {"insertion", insertion},
        {"fibres", {{"arrangement", m.fibreArrangement}, {"text", m.fibres.text}, {"sources", m.fibres.sources}}},
        {"action", cited(m.action)},
        {"innervation", {{"nerve", m.innervation.nerve}, {"roots", m.innervation.roots}, {"sources", m.innervation.sources}}},
        {"blood_supply", cited(m.bloodSupply)},
        {"note", cited(m.note)},
        {"disagreements", disagreements},
        {"sources", std::vector<std::string>(all.begin(), all.end())},
    });
  }
  doc["muscles"] = muscles;

  json bones = json::array();
  for (const auto& b : a.bones)
    bones.push_back({{"id", b.id}, {"name", b.name}, {"kind", b.kind},
                     {"sides", b.bilateral ? json::array({"left", "right"}) : json::array({"midline"})},
                     {"landmarks", b.landmarks}, {"sources", b.sources}});
  doc["bones"] = bones;

  json landmarks = json::array();
  for (const auto& l : a.landmarks)
    landmarks.push_back({{"id", l.id}, {"name", l.name}, {"bone", l.bone}, {"bilateral", l.bilateral},
                         {"position", {l.position.x, l.position.y, l.position.z}}, {"method", l.method},
                         {"sources", l.sources}});
  doc["landmarks"] = landmarks;

  json sources = json::array();
  for (const auto& s : a.sources) sources.push_back({{"id", s.id}, {"citation", s.citation}, {"url", s.url}});
  doc["sources"] = sources;
  doc["frame"] = "metres; origin on the floor between the heels; +Y up, +Z anterior, +X the subject's left";
  return doc.dump(indent);
}

std::string atlasSummary(const Atlas& a) {
  std::ostringstream out;
  for (const auto& l : a.layers) {
    out << l.name << "\n";
    for (const auto& m : a.muscles)
      if (m.layer == l.index) out << "  " << m.id << "  " << m.name << " (" << m.latin << ")\n";
  }
  out << a.bones.size() << " bones, " << a.landmarks.size() << " landmarks, " << a.sources.size() << " sources\n";
  return out.str();
}

}  // namespace dorsum::core
