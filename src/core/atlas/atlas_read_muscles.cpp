// Reading muscles: their parts, attachments and shape parameters, and their cited facts.
#include "core/atlas/atlas_reader.hpp"

namespace dorsum::core::atlas_detail {

namespace {

Attachment readAttachment(Reader& r, const json& obj, const std::string& path, const char* key) {
  Attachment a;
  const json* v = r.member(obj, path, key);
  if (!v) return a;
  const std::string p = path + "." + key;
  if (!v->is_object()) {
    r.problem(p, "must be an object with 'landmarks', 'text' and 'sources'");
    return a;
  }
  r.allowOnly(*v, p, {"landmarks", "text", "sources"});
  a.landmarks = r.strings(*v, p, "landmarks");
  if (v->contains("landmarks") && a.landmarks.empty()) r.problem(p + ".landmarks", "must name at least one landmark");
  a.text = r.string(*v, p, "text");
  a.sources = r.sources(*v, p);
  return a;
}

PartShape readShape(Reader& r, const json& obj, const std::string& path) {
  PartShape s;
  const json* v = r.member(obj, path, "shape", false);
  if (!v) return s;
  const std::string p = path + ".shape";
  if (!v->is_object()) {
    r.problem(p, "must be an object");
    return s;
  }
  r.allowOnly(*v, p, {"thickness_mm", "origin_tendon", "insertion_tendon", "origin_tendon_across", "belly_spread_mm",
                      "joins_next", "stick", "twist", "rise", "medial_edge", "lateral_edge", "thickness_along"});
  if (const json* along = r.member(*v, p, "thickness_along", false)) {
    if (!along->is_array() || along->size() < 2) r.problem(p + ".thickness_along", "must be a list of at least two fractions");
    else
      for (const auto& f : *along) {
        if (!f.is_number() || !(f.get<double>() > 0.0) || f.get<double>() > 1.5) {
          r.problem(p + ".thickness_along", "each entry must be a fraction above 0 and at most 1.5");
          break;
        }
        s.thicknessAlong.push_back(f.get<float>());
      }
  }
  for (const char* key : {"medial_edge", "lateral_edge"}) {
    const json* edge = r.member(*v, p, key, false);
    if (!edge) continue;
    std::vector<EdgePoint>& out = std::string(key) == "medial_edge" ? s.medialEdge : s.lateralEdge;
    if (!edge->is_array() || edge->size() < 2) {
      r.problem(p + "." + key, "must be a list of at least two [landmark, shift in mm] pairs");
      continue;
    }
    for (std::size_t i = 0; i < edge->size(); ++i) {
      const json& e = (*edge)[i];
      if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number() || !std::isfinite(e[1].get<double>()) ||
          std::abs(e[1].get<double>()) > 60.0) {
        r.problem(p + "." + key + "[" + std::to_string(i) + "]", "must be [landmark id, shift in mm from -60 to 60]");
        continue;
      }
      out.push_back({e[0].get<std::string>(), e[1].get<float>()});
    }
  }
  if (s.medialEdge.empty() != s.lateralEdge.empty())
    r.problem(p, "a column needs both medial_edge and lateral_edge");
  s.joinsNext = r.boolean(*v, p, "joins_next", false);
  s.twist = r.boolean(*v, p, "twist", false);
  s.stick = float(r.number(*v, p, "stick", false, s.stick));
  s.rise = float(r.number(*v, p, "rise", false, 0.0));
  if (!(s.rise >= 0.0f && s.rise <= 1.0f)) r.problem(p + ".rise", "must be a fraction from 0 to 1");
  if (!(s.stick >= 0.0f && s.stick <= 1.0f)) r.problem(p + ".stick", "must be a fraction from 0 to 1");
  s.bellySpreadMm = float(r.number(*v, p, "belly_spread_mm", false, 0.0));
  if (s.bellySpreadMm < 0.0f || s.bellySpreadMm > 60.0f) r.problem(p + ".belly_spread_mm", "must be between 0 and 60 mm");
  s.thicknessMm = float(r.number(*v, p, "thickness_mm", false, s.thicknessMm));
  s.originTendon = float(r.number(*v, p, "origin_tendon", false, s.originTendon));
  s.insertionTendon = float(r.number(*v, p, "insertion_tendon", false, s.insertionTendon));
  if (s.thicknessMm <= 0.0f || s.thicknessMm > 80.0f) r.problem(p + ".thickness_mm", "must be between 0 and 80 mm");
  if (s.originTendon < 0 || s.insertionTendon < 0 || s.originTendon + s.insertionTendon > 0.9f)
    r.problem(p, "origin_tendon and insertion_tendon must be fractions that leave a muscle belly");
  if (const json* across = r.member(*v, p, "origin_tendon_across", false)) {
    if (!across->is_array() || across->size() < 2) r.problem(p + ".origin_tendon_across", "must be a list of at least two fractions");
    else
      for (const auto& f : *across) {
        if (!f.is_number() || f.get<double>() < 0 || f.get<double>() > 0.85) {
          r.problem(p + ".origin_tendon_across", "each entry must be a fraction from 0 to 0.85");
          break;
        }
        s.originTendonAcross.push_back(f.get<float>());
      }
  }
  return s;
}

}  // namespace

std::vector<Disagreement> readDisagreements(Reader& r, const json& item, const std::string& path) {
  std::vector<Disagreement> out;
  if (const json* dis = r.member(item, path, "disagreements", false)) {
    if (!dis->is_array()) r.problem(path + ".disagreements", "must be a list");
    else
      for (std::size_t j = 0; j < dis->size(); ++j) {
        const std::string dp = path + ".disagreements[" + std::to_string(j) + "]";
        if (!(*dis)[j].is_object()) {
          r.problem(dp, "must be an object");
          continue;
        }
        Disagreement d;
        d.field = r.string((*dis)[j], dp, "field");
        d.text = r.string((*dis)[j], dp, "text");
        d.follow = r.string((*dis)[j], dp, "follow");
        d.sources = r.sources((*dis)[j], dp);
        out.push_back(d);
      }
  }
  return out;
}

void readMuscle(Reader& r, const json& item, const std::string& path, Atlas& atlas) {
  r.allowOnly(item, path, {"id", "name", "latin", "group", "layer", "bilateral", "parts", "fibres", "action",
                           "innervation", "blood_supply", "note", "disagreements"});
  Muscle m;
  m.id = r.string(item, path, "id");
  m.name = r.string(item, path, "name");
  m.latin = r.string(item, path, "latin");
  m.group = r.string(item, path, "group", false);
  m.layer = r.layerNumber(item, path, "layer");  // 0 when missing or wrong: not reported again as unknown
  m.bilateral = r.boolean(item, path, "bilateral", true);
  if (!m.bilateral)
    r.problem(path + ".bilateral", "unpaired (midline) muscles are not supported yet: every muscle is built on both sides");
  if (const json* parts = r.member(item, path, "parts")) {
    if (!parts->is_array() || parts->empty()) r.problem(path + ".parts", "must be a non-empty list");
    else
      for (std::size_t j = 0; j < parts->size(); ++j) {
        const json& pj = (*parts)[j];
        const std::string pp = path + ".parts[" + std::to_string(j) + "]";
        if (!pj.is_object()) {
          r.problem(pp, "must be an object");
          continue;
        }
        r.allowOnly(pj, pp, {"id", "name", "origin", "insertion", "shape"});
        MusclePart part;
        part.id = r.string(pj, pp, "id");
        part.name = r.string(pj, pp, "name");
        part.origin = readAttachment(r, pj, pp, "origin");
        part.insertion = readAttachment(r, pj, pp, "insertion");
        part.shape = readShape(r, pj, pp);
        // A part whose fibres would have no length cannot be built.
        if (part.origin.landmarks.size() == 1 && part.origin.landmarks == part.insertion.landmarks)
          r.problem(pp, "origin and insertion are the same single landmark, so the fibres would have no length");
        m.parts.push_back(part);
      }
    if (!m.parts.empty() && m.parts.back().shape.joinsNext)
      r.problem(path + ".parts[" + std::to_string(m.parts.size() - 1) + "].shape.joins_next",
                "the last part of a muscle has no next part to join");
  }
  if (const json* f = r.member(item, path, "fibres")) {
    if (f->is_object()) m.fibreArrangement = r.string(*f, path + ".fibres", "arrangement");
  }
  m.fibres = r.cited(item, path, "fibres");
  m.action = r.cited(item, path, "action");
  m.bloodSupply = r.cited(item, path, "blood_supply");
  m.note = r.cited(item, path, "note");
  if (const json* inn = r.member(item, path, "innervation")) {
    if (!inn->is_object()) r.problem(path + ".innervation", "must be an object with 'nerve', 'roots' and 'sources'");
    else {
      m.innervation.nerve = r.string(*inn, path + ".innervation", "nerve");
      m.innervation.roots = r.string(*inn, path + ".innervation", "roots");
      m.innervation.sources = r.sources(*inn, path + ".innervation");
    }
  }
  m.disagreements = readDisagreements(r, item, path);
  atlas.muscles.push_back(m);
}

}  // namespace dorsum::core::atlas_detail
