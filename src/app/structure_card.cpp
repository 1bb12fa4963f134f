#include "app/structure_card.hpp"
#include "app/stroke_view.hpp"

#include <algorithm>

namespace dorsum::app {

namespace {
std::string landmarkText(const core::Atlas&, const core::Attachment& a) { return a.text; }
}  // namespace

std::string displayName(const LoadedScene& loaded, const core::Structure& s) {
  if (!loaded.atlas) return s.node;
  if (const core::Muscle* m = loaded.atlas->muscle(s.muscleId)) {
    if (m->parts.size() > 1)
      for (const auto& p : m->parts)
        if (p.id == s.id) return p.name.find(m->name) == std::string::npos ? m->name + ", " + p.name : p.name;
    return m->name;
  }
  if (const core::Bone* b = loaded.atlas->bone(s.id)) return b->name;
  if (s.kind == core::StructureKind::Skin) return "Skin";
  return s.node;
}

std::vector<ui::LayerEntry> layerEntries(const LoadedScene& loaded) {
  std::vector<ui::LayerEntry> out;
  if (loaded.atlas)
    for (const auto& l : loaded.atlas->layers) out.push_back({l.index, l.name});
  return out;
}

std::vector<ui::ListEntry> structureList(const LoadedScene& loaded) {
  std::vector<ui::ListEntry> out;
  if (!loaded.atlas) {
    for (const auto& s : loaded.structures) out.push_back({s.node, s.node, "", 0});  // listed as the model's parts
    return out;
  }
  for (const auto& m : loaded.atlas->muscles) out.push_back({m.id, m.name, m.latin, m.layer});
  for (const auto& b : loaded.atlas->bones) out.push_back({b.id, b.name, "", 0});
  return out;
}

std::optional<ui::StructureCard> structureCard(const LoadedScene& loaded, const std::string& id) {
  const core::Structure* hit = nullptr;
  for (const auto& s : loaded.structures)
    if (core::matchesId(s, id)) {
      hit = &s;
      break;
    }
  if (!hit) return std::nullopt;
  ui::StructureCard card;
  card.id = id;
  card.node = id;
  card.name = displayName(loaded, *hit);
  const bool wholeMuscle = loaded.atlas && loaded.atlas->muscle(id);
  const std::string side = hit->side && id == hit->node ? std::string(core::sideName(*hit->side)) + " side" : "";
  if (!loaded.atlas) {
    card.subtitle = "From " + loaded.title;
    return card;
  }
  const core::Atlas& a = *loaded.atlas;
  std::vector<std::string> sourceIds;
  auto cite = [&](const std::vector<std::string>& ids) {
    for (const auto& s : ids)
      if (std::find(sourceIds.begin(), sourceIds.end(), s) == sourceIds.end()) sourceIds.push_back(s);
  };
  if (const core::Muscle* m = a.muscle(hit->muscleId)) {
    if (wholeMuscle) card.name = m->name;
    card.latin = m->latin;
    const core::Layer* layer = a.layer(m->layer);
    card.subtitle = (layer ? layer->name : "Layer " + std::to_string(m->layer)) + (side.empty() ? "" : " - " + side);
    for (const auto& p : m->parts) {
      if (!wholeMuscle && p.id != hit->id) continue;
      const std::string prefix = m->parts.size() > 1 ? p.name + ": " : "";
      card.sections.push_back({"Origin", prefix + landmarkText(a, p.origin)});
      card.sections.push_back({"Insertion", prefix + landmarkText(a, p.insertion)});
      cite(p.origin.sources);
      cite(p.insertion.sources);
    }
    card.sections.push_back({"Fibres", m->fibres.text});
    card.sections.push_back({"Action", m->action.text});
    card.sections.push_back({"Innervation", m->innervation.nerve + " (" + m->innervation.roots + ")"});
    card.sections.push_back({"Blood supply", m->bloodSupply.text});
    card.sections.push_back({"Teaching note", m->note.text});
    for (const auto& d : m->disagreements)
      card.sections.push_back({"Sources differ (" + d.field + ")", d.text + " Followed here: " + d.follow});
    for (const auto* list : {&m->fibres.sources, &m->action.sources, &m->innervation.sources, &m->bloodSupply.sources,
                             &m->note.sources})
      cite(*list);
    card.sections.push_back({"Origin and insertion on the body", "Green pins mark the origin, blue pins the insertion."});
  } else if (const core::Bone* b = a.bone(hit->id)) {
    card.subtitle = "Bone" + (side.empty() ? "" : " - " + side);
    // The muscles attached to it: each part with an origin or insertion landmark on this bone.
    std::string origins, insertions;
    for (const auto& m : a.muscles)
      for (const auto& p : m.parts)
        for (const auto* end : {&p.origin, &p.insertion}) {
          const bool here = std::any_of(end->landmarks.begin(), end->landmarks.end(), [&](const std::string& l) {
            const core::Landmark* lm = a.landmark(l);
            return lm && lm->bone == b->id;
          });
          if (!here) continue;
          std::string& list = end == &p.origin ? origins : insertions;
          const std::string name = m.parts.size() > 1 && p.name.find(m.name) == std::string::npos ? m.name + ", " + p.name : p.name;
          if (list.find(name) == std::string::npos) list += (list.empty() ? "" : "\n") + name;
        }
    if (!origins.empty()) card.sections.push_back({"Muscles arising here", origins});
    if (!insertions.empty()) card.sections.push_back({"Muscles inserting here", insertions});
    std::string marks;
    for (const auto& l : b->landmarks)
      if (const core::Landmark* lm = a.landmark(l)) marks += (marks.empty() ? "" : "\n") + lm->name;
    if (!marks.empty()) card.sections.push_back({"Landmarks", marks});
    cite(b->sources);
  } else {
    card.subtitle = "Body surface";
  }
  for (const auto& id2 : sourceIds)
    for (const auto& s : a.sources)
      if (s.id == id2) card.sources.push_back(s.citation + (s.url.empty() ? "" : " " + s.url));
  return card;
}

std::vector<ui::TriggerEntry> triggerEntries(const LoadedScene& loaded) {
  std::vector<ui::TriggerEntry> out;
  if (!loaded.atlas) return out;
  for (const auto& layer : loaded.atlas->layers)
    for (const auto& m : loaded.atlas->muscles)
      if (m.layer == layer.index)
        for (const auto& t : loaded.atlas->triggerPoints)
          if (t.muscle == m.id) out.push_back({t.id, t.name, m.name, m.layer});
  return out;
}

std::vector<ui::RegionEntry> regionEntries(const LoadedScene& loaded) {
  std::vector<ui::RegionEntry> out;
  if (loaded.atlas)
    for (const auto& r : loaded.atlas->regions) out.push_back({r.id, r.name});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::optional<ui::ReferralCard> referralCard(const LoadedScene& loaded, const core::ViewState& state) {
  if (!loaded.atlas || (!state.triggerPoint && !state.region)) return std::nullopt;
  const core::Atlas& a = *loaded.atlas;
  ui::ReferralCard card;
  std::vector<std::string> sourceIds;
  auto cite = [&](const std::vector<std::string>& ids) {
    for (const auto& id : ids)
      if (std::find(sourceIds.begin(), sourceIds.end(), id) == sourceIds.end()) sourceIds.push_back(id);
  };
  auto names = [&](const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids)
      if (const core::Region* r = a.region(id)) text += (text.empty() ? "" : "; ") + r->name;
    return text.empty() ? std::string("none") : text;
  };
  if (state.triggerPoint) {
    const core::TriggerPoint* t = a.triggerPoint(state.triggerPoint->id);
    if (!t) return std::nullopt;
    const core::Muscle* m = a.muscle(t->muscle);
    card.title = t->name;
    card.subtitle = (m ? m->name + ", layer " + std::to_string(m->layer) : t->muscle) + " - " + core::sideName(state.triggerPoint->side) + " side";
    card.sections.push_back({"Where it lies", t->location.text});
    card.sections.push_back({"Essential zone (solid red)", names(t->essential)});
    card.sections.push_back({"Spillover zone (red dots)", names(t->spillover)});
    card.sections.push_back({"What usually activates it", t->activation.text});
    for (const auto& d : t->disagreements)
      card.sections.push_back({"Sources differ (" + d.field + ")", d.text + " Followed here: " + d.follow});
    cite(t->sources);
    cite(t->location.sources);
    cite(t->activation.sources);
    if (loaded.routines)
      for (const auto& r : loaded.routines->routines) {
        float start = 0.0f;
        for (const auto& s : r.strokes) {
          if (s.path.triggerPoint == t->id)
            card.treatments.push_back({r.id, r.name + ": " + techniqueTitle(s.technique) + " (" + toolWords(s.tool) + ", " +
                                                 core::pressureName(s.pressure) + ")", start});
          start += s.durationS;
        }
      }
  } else {
    const core::Region* r = a.region(state.region->id);
    if (!r) return std::nullopt;
    card.title = r->name;
    card.subtitle = r->bilateral ? std::string(core::sideName(state.region->side)) + " side" : "midline";
    if (!r->description.empty()) card.sections.push_back({"Where", r->description});
    for (const bool essential : {true, false})
      for (const auto& t : a.triggerPoints) {
        const auto& zone = essential ? t.essential : t.spillover;
        if (std::find(zone.begin(), zone.end(), r->id) != zone.end())
          card.referrers.push_back({t.id, t.name, essential ? "essential" : "spillover", state.region->side});
      }
    if (card.referrers.empty()) card.sections.push_back({"Trigger points referring here", "none in the atlas"});
    cite(r->sources);
  }
  for (const auto& id : sourceIds)
    for (const auto& s : a.sources)
      if (s.id == id) card.sources.push_back(s.citation + (s.url.empty() ? "" : " " + s.url));
  return card;
}

}  // namespace dorsum::app
