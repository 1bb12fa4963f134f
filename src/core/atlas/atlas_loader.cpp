#include "core/atlas/atlas_loader.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace dorsum::core {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* const kKinds[] = {"sources", "layers", "landmarks", "bones", "muscles"};

// Walks one file's JSON, recording problems with the path of the field they concern.
class Reader {
public:
  Reader(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

  void problem(const std::string& field, const std::string& reason) { out_.push_back({file_, field, reason}); }

  const json* member(const json& obj, const std::string& path, const char* key, bool required = true) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) problem(path, std::string("missing field '") + key + "'");
      return nullptr;
    }
    return &*it;
  }
  std::string string(const json& obj, const std::string& path, const char* key, bool required = true) {
    const json* v = member(obj, path, key, required);
    if (!v) return {};
    if (!v->is_string()) {
      problem(path + "." + key, "must be a string");
      return {};
    }
    if (required && v->get<std::string>().empty()) problem(path + "." + key, "must not be empty");
    return v->get<std::string>();
  }
  bool boolean(const json& obj, const std::string& path, const char* key, bool fallback) {
    const json* v = member(obj, path, key, false);
    if (!v) return fallback;
    if (!v->is_boolean()) {
      problem(path + "." + key, "must be true or false");
      return fallback;
    }
    return v->get<bool>();
  }
  double number(const json& obj, const std::string& path, const char* key, bool required, double fallback) {
    const json* v = member(obj, path, key, required);
    if (!v) return fallback;
    if (!v->is_number()) {
      problem(path + "." + key, "must be a number");
      return fallback;
    }
    return v->get<double>();
  }
  std::vector<std::string> strings(const json& obj, const std::string& path, const char* key, bool required = true) {
    std::vector<std::string> out;
    const json* v = member(obj, path, key, required);
    if (!v) return out;
    if (!v->is_array()) {
      problem(path + "." + key, "must be a list of strings");
      return out;
    }
    for (std::size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) problem(path + "." + key + "[" + std::to_string(i) + "]", "must be a string");
      else out.push_back((*v)[i].get<std::string>());
    }
    return out;
  }
  std::vector<std::string> sources(const json& obj, const std::string& path) {
    auto s = strings(obj, path, "sources", true);
    if (obj.contains("sources") && s.empty() && obj["sources"].is_array())
      problem(path + ".sources", "must cite at least one source");
    return s;
  }
  Cited cited(const json& obj, const std::string& path, const char* key) {
    Cited c;
    const json* v = member(obj, path, key);
    if (!v) return c;
    if (!v->is_object()) {
      problem(path + "." + key, "must be an object with 'text' and 'sources'");
      return c;
    }
    c.text = string(*v, path + "." + key, "text");
    c.sources = sources(*v, path + "." + key);
    return c;
  }
  // A misspelt key ("bilaterial") would otherwise be ignored silently and its default used.
  void allowOnly(const json& obj, const std::string& path, std::initializer_list<const char*> keys) {
    for (const auto& [key, value] : obj.items()) {
      bool known = key == "comment";
      for (const char* k : keys) known = known || key == k;
      if (!known) problem(path + "." + key, "unknown field (a misspelling?)");
    }
  }
  // A whole number from 1 to 9 (layer indices), or 0 when missing or wrong (reported once here).
  int layerNumber(const json& obj, const std::string& path, const char* key) {
    const double value = number(obj, path, key, true, -1);
    if (value == -1) return 0;
    if (value != std::floor(value) || value < 1 || value > 9) {
      problem(path + "." + key, "must be a whole number from 1 to 9");
      return 0;
    }
    return int(value);
  }
  const std::string& file() const { return file_; }

private:
  std::string file_;
  std::vector<Diagnostic>& out_;
};

std::string lineColumn(const std::string& text, std::size_t byte) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // count characters, not UTF-8 bytes
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

bool validId(const std::string& id) {
  static const std::regex pattern("[a-z][a-z0-9_]*");
  return std::regex_match(id, pattern);
}

std::string itemPath(const char* kind, std::size_t i, const json& item) {
  if (item.is_object()) {
    auto it = item.find("id");
    if (it != item.end() && it->is_string()) return std::string(kind) + "[" + it->get<std::string>() + "]";
    it = item.find("index");
    if (it != item.end() && it->is_number_integer()) return std::string(kind) + "[" + std::to_string(it->get<int>()) + "]";
  }
  return std::string(kind) + "[" + std::to_string(i) + "]";
}

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

void readFile(const AtlasFile& file, Atlas& atlas, std::vector<Diagnostic>& problems, std::set<std::string>& kindsSeen) {
  Reader r(file.name, problems);
  json doc;
  // JSON allows a key twice in one object and keeps the last; an atlas author never means that.
  std::vector<std::set<std::string>> keysOfOpenObjects;
  std::set<std::string> repeated;
  const json::parser_callback_t watchKeys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keysOfOpenObjects.emplace_back();
    else if (event == json::parse_event_t::object_end && !keysOfOpenObjects.empty()) keysOfOpenObjects.pop_back();
    else if (event == json::parse_event_t::key && !keysOfOpenObjects.empty() && parsed.is_string() &&
             !keysOfOpenObjects.back().insert(parsed.get<std::string>()).second)
      repeated.insert(parsed.get<std::string>());
    return true;
  };
  try {
    doc = json::parse(file.text, watchKeys);
    for (const auto& key : repeated)
      r.problem("", "the key '" + key + "' is given twice in one object (only the last would count)");
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    const auto colon = what.rfind(": ");
    r.problem("", "not valid JSON at " + lineColumn(file.text, e.byte == 0 ? 0 : e.byte - 1) + ": " +
                      (colon == std::string::npos ? what : what.substr(colon + 2)));
    return;
  }
  if (!doc.is_object()) {
    r.problem("", "the top level must be an object with one of the keys sources, layers, landmarks, bones, muscles");
    return;
  }
  const char* kind = nullptr;
  for (const char* k : kKinds)
    if (doc.contains(k)) {
      if (kind) r.problem(k, std::string("a file holds one kind of data, and this one already holds ") + kind);
      else kind = k;
    }
  for (const auto& [key, value] : doc.items())
    if (kind && key != kind && key != "comment" && std::find(std::begin(kKinds), std::end(kKinds), key) == std::end(kKinds))
      r.problem(key, "unknown top-level key (expected only '" + std::string(kind) + "', and optionally 'comment')");
  if (!kind) {
    r.problem("", "the top level has none of the keys sources, layers, landmarks, bones, muscles");
    return;
  }
  if (!kindsSeen.insert(kind).second) r.problem(kind, std::string("a second file of ") + kind + " was given");
  const json& items = doc[kind];
  if (!items.is_array()) {
    r.problem(kind, "must be a list");
    return;
  }
  const std::string k = kind;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const json& item = items[i];
    const std::string path = itemPath(kind, i, item);
    if (!item.is_object()) {
      r.problem(path, "must be an object");
      continue;
    }
    if (k == "sources") {
      r.allowOnly(item, path, {"id", "citation", "url"});
      Source s;
      s.id = r.string(item, path, "id");
      s.citation = r.string(item, path, "citation");
      s.url = r.string(item, path, "url", false);
      atlas.sources.push_back(s);
    } else if (k == "layers") {
      r.allowOnly(item, path, {"index", "name", "description", "sources"});
      Layer l;
      l.index = r.layerNumber(item, path, "index");
      l.name = r.string(item, path, "name");
      l.description = r.string(item, path, "description", false);
      l.sources = r.sources(item, path);
      atlas.layers.push_back(l);
    } else if (k == "landmarks") {
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
    } else if (k == "bones") {
      r.allowOnly(item, path, {"id", "name", "kind", "bilateral", "landmarks", "sources"});
      Bone b;
      b.id = r.string(item, path, "id");
      b.name = r.string(item, path, "name");
      b.kind = r.string(item, path, "kind");
      b.bilateral = r.boolean(item, path, "bilateral", false);
      b.landmarks = r.strings(item, path, "landmarks", false);
      b.sources = r.sources(item, path);
      atlas.bones.push_back(b);
    } else if (k == "muscles") {
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
            m.disagreements.push_back(d);
          }
      }
      atlas.muscles.push_back(m);
    }
  }
}

// Which file each kind came from, for cross-reference messages.
struct Origins {
  std::map<std::string, std::string> fileOf;
  std::string of(const char* kind) const {
    auto it = fileOf.find(kind);
    return it == fileOf.end() ? std::string(kind) + ".json" : it->second;
  }
};

void crossCheck(const Atlas& a, const Origins& files, std::vector<Diagnostic>& out) {
  std::set<std::string> sourceIds, landmarkIds, boneIds, structureIds;
  auto unique = [&](std::set<std::string>& seen, const std::string& id, const char* kind, const std::string& path) {
    if (id.empty()) return;
    if (!validId(id)) out.push_back({files.of(kind), path + ".id", "'" + id + "' must be lower-case letters, digits and _"});
    if (!seen.insert(id).second) out.push_back({files.of(kind), path + ".id", "duplicate id '" + id + "'"});
  };
  for (const auto& s : a.sources) unique(sourceIds, s.id, "sources", "sources[" + s.id + "]");
  for (const auto& l : a.landmarks) unique(landmarkIds, l.id, "landmarks", "landmarks[" + l.id + "]");
  for (const auto& b : a.bones) unique(boneIds, b.id, "bones", "bones[" + b.id + "]");
  for (const auto& b : a.bones) structureIds.insert(b.id);
  for (const auto& m : a.muscles) {
    unique(structureIds, m.id, "muscles", "muscles[" + m.id + "]");
    for (std::size_t j = 0; j < m.parts.size(); ++j)
      if (m.parts[j].id != m.id || m.parts.size() > 1)
        unique(structureIds, m.parts[j].id, "muscles", "muscles[" + m.id + "].parts[" + std::to_string(j) + "]");
  }
  std::set<int> layerIndices;
  for (const auto& l : a.layers)
    if (l.index > 0 && !layerIndices.insert(l.index).second)
      out.push_back({files.of("layers"), "layers[" + std::to_string(l.index) + "].index", "duplicate layer index"});
  // Layers are numbered from 1 (most superficial) without gaps: peeling walks them in order.
  if (!layerIndices.empty() && (*layerIndices.begin() != 1 || *layerIndices.rbegin() != int(layerIndices.size())))
    out.push_back({files.of("layers"), "layers", "layer indices must run from 1 without gaps (found " +
                                                     std::to_string(layerIndices.size()) + " layers up to " +
                                                     std::to_string(*layerIndices.rbegin()) + ")"});

  // Without a readable sources file every citation would be reported: one syntax error is enough.
  const bool haveSources = files.fileOf.count("sources") > 0;
  const bool haveLandmarks = files.fileOf.count("landmarks") > 0;
  auto checkSources = [&](const std::vector<std::string>& ids, const char* kind, const std::string& path) {
    if (!haveSources) return;
    for (const auto& s : ids)
      if (!sourceIds.count(s)) out.push_back({files.of(kind), path + ".sources", "unknown source '" + s + "'"});
  };
  auto checkLandmarks = [&](const std::vector<std::string>& ids, const char* kind, const std::string& path) {
    if (!haveLandmarks) return;
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!landmarkIds.count(ids[i]))
        out.push_back({files.of(kind), path + "[" + std::to_string(i) + "]", "unknown landmark '" + ids[i] + "'"});
  };
  if (!a.sources.empty() || !a.landmarks.empty() || !a.muscles.empty()) {
    for (const auto& l : a.layers) checkSources(l.sources, "layers", "layers[" + std::to_string(l.index) + "]");
    for (const auto& l : a.landmarks) {
      checkSources(l.sources, "landmarks", "landmarks[" + l.id + "]");
      if (!a.bones.empty() && !boneIds.count(l.bone))
        out.push_back({files.of("landmarks"), "landmarks[" + l.id + "].bone", "unknown bone '" + l.bone + "'"});
    }
    for (const auto& b : a.bones) {
      checkSources(b.sources, "bones", "bones[" + b.id + "]");
      if (!a.landmarks.empty()) checkLandmarks(b.landmarks, "bones", "bones[" + b.id + "].landmarks");
    }
    for (const auto& m : a.muscles) {
      const std::string p = "muscles[" + m.id + "]";
      if (!a.layers.empty() && m.layer > 0 && !layerIndices.count(m.layer))
        out.push_back({files.of("muscles"), p + ".layer", "layer " + std::to_string(m.layer) + " is not in layers"});
      for (std::size_t j = 0; j < m.parts.size(); ++j) {
        const auto& part = m.parts[j];
        const std::string pp = p + ".parts[" + std::to_string(j) + "]";
        if (!a.landmarks.empty()) {
          checkLandmarks(part.origin.landmarks, "muscles", pp + ".origin.landmarks");
          checkLandmarks(part.insertion.landmarks, "muscles", pp + ".insertion.landmarks");
          for (const auto* edge : {&part.shape.medialEdge, &part.shape.lateralEdge}) {
            std::vector<std::string> ids;
            for (const auto& e : *edge) ids.push_back(e.landmark);
            checkLandmarks(ids, "muscles", pp + (edge == &part.shape.medialEdge ? ".shape.medial_edge" : ".shape.lateral_edge"));
          }
        }
        checkSources(part.origin.sources, "muscles", pp + ".origin");
        checkSources(part.insertion.sources, "muscles", pp + ".insertion");
      }
      checkSources(m.fibres.sources, "muscles", p + ".fibres");
      checkSources(m.action.sources, "muscles", p + ".action");
      checkSources(m.bloodSupply.sources, "muscles", p + ".blood_supply");
      checkSources(m.note.sources, "muscles", p + ".note");
      checkSources(m.innervation.sources, "muscles", p + ".innervation");
      for (std::size_t j = 0; j < m.disagreements.size(); ++j)
        checkSources(m.disagreements[j].sources, "muscles", p + ".disagreements[" + std::to_string(j) + "]");
    }
  }
}

}  // namespace

AtlasLoad loadAtlasFiles(const std::vector<AtlasFile>& files) {
  AtlasLoad result;
  std::set<std::string> kinds;
  Origins origins;
  for (const auto& f : files) {
    const std::size_t before = result.atlas.sources.size() + result.atlas.layers.size() + result.atlas.landmarks.size() +
                               result.atlas.bones.size() + result.atlas.muscles.size();
    const std::set<std::string> kindsBefore = kinds;
    readFile(f, result.atlas, result.problems, kinds);
    for (const auto& k : kinds)
      if (!kindsBefore.count(k)) origins.fileOf[k] = f.name;
    (void)before;
  }
  crossCheck(result.atlas, origins, result.problems);
  std::sort(result.atlas.layers.begin(), result.atlas.layers.end(),
            [](const Layer& a, const Layer& b) { return a.index < b.index; });
  return result;
}

const std::map<std::string, std::string>& embeddedAtlasFiles();  // generated at build time

namespace {
std::string kindOfText(const std::string& text);
// A whole atlas needs every kind of file; a missing one would build a body out of nothing.
void requireEveryKind(const std::vector<AtlasFile>& files, const std::string& where, std::vector<Diagnostic>& out) {
  std::set<std::string> have;
  for (const auto& f : files) have.insert(kindOfText(f.text));
  for (const char* kind : kKinds)
    if (!have.count(kind))
      out.push_back({where, "", std::string("no file holds the atlas's ") + kind +
                                    " (an atlas needs sources, layers, landmarks, bones and muscles)"});
}
}  // namespace

AtlasLoad loadEmbeddedAtlas() {
  std::vector<AtlasFile> files;
  for (const auto& [name, text] : embeddedAtlasFiles()) files.push_back({name, text});
  AtlasLoad result = loadAtlasFiles(files);
  requireEveryKind(files, "the built-in atlas", result.problems);
  return result;
}

namespace {
std::vector<AtlasFile> readFolder(const fs::path& dir, std::vector<Diagnostic>& problems) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json" && e.is_regular_file(ec)) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<AtlasFile> files;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      problems.push_back({p.string(), "", "cannot be opened for reading"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({p.string(), ss.str()});
  }
  return files;
}

}  // namespace

namespace {
std::string kindOfText(const std::string& text) {
  try {
    const json doc = json::parse(text);
    if (doc.is_object())
      for (const char* k : kKinds)
        if (doc.contains(k)) return k;
  } catch (const json::exception&) {
  }
  return {};
}
}  // namespace

AtlasLoad loadAtlasDirectory(const fs::path& dir) {
  std::vector<Diagnostic> readProblems;
  if (!fs::is_directory(dir)) return {{}, {{dir.string(), "", "is not a folder of atlas files"}}};
  auto files = readFolder(dir, readProblems);
  if (files.empty() && readProblems.empty()) readProblems.push_back({dir.string(), "", "contains no .json atlas files"});
  AtlasLoad result = loadAtlasFiles(files);
  result.problems.insert(result.problems.begin(), readProblems.begin(), readProblems.end());
  if (!files.empty()) requireEveryKind(files, dir.string(), result.problems);  // an empty folder is said once
  return result;
}

std::vector<Diagnostic> validatePaths(const std::vector<fs::path>& paths) {
  std::vector<Diagnostic> all;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      all.push_back({path.string(), "", "does not exist"});
      continue;
    }
    if (fs::is_directory(path, ec)) {
      auto r = loadAtlasDirectory(path);
      all.insert(all.end(), r.problems.begin(), r.problems.end());
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      all.push_back({path.string(), "", "cannot be opened for reading"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    AtlasFile target{path.string(), ss.str()};
    const std::string kind = kindOfText(target.text);
    // The other kinds come from the file's folder, else from the built-in atlas.
    std::vector<AtlasFile> files{target};
    std::set<std::string> have{kind};
    std::vector<Diagnostic> ignored;
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    for (auto& f : readFolder(folder, ignored)) {
      const std::string k = kindOfText(f.text);
      if (!k.empty() && !have.count(k) && fs::path(f.name) != path) {
        have.insert(k);
        files.push_back(std::move(f));
      }
    }
    for (const auto& [name, text] : embeddedAtlasFiles()) {
      const std::string k = kindOfText(text);
      if (!k.empty() && !have.count(k)) {
        have.insert(k);
        files.push_back({"built-in " + name, text});
      }
    }
    auto r = loadAtlasFiles(files);
    for (auto& d : r.problems)
      if (d.file == target.name) all.push_back(d);
  }
  return all;
}

Atlas loadAtlasOrThrow(const std::optional<fs::path>& dir) {
  AtlasLoad r = dir ? loadAtlasDirectory(*dir) : loadEmbeddedAtlas();
  if (!r.ok()) {
    std::string msg = "The atlas " + (dir ? "in '" + dir->string() + "'" : std::string("built into Dorsum")) +
                      " has " + std::to_string(r.problems.size()) + " problem" + (r.problems.size() == 1 ? "" : "s") +
                      ", the first: " + r.problems.front().str() + " (run 'dorsum validate' for all).";
    throw UserError(msg);
  }
  return std::move(r.atlas);
}

}  // namespace dorsum::core
