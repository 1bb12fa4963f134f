#include "core/atlas/atlas_loader.hpp"

#include "core/atlas/atlas_reader.hpp"
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace dorsum::core {

std::string elided(const std::string& s, std::size_t most) { return shortened(s, most, 40); }

namespace fs = std::filesystem;
using nlohmann::json;

using namespace atlas_detail;

namespace {

const char* const kKinds[] = {"sources", "layers", "landmarks", "bones", "muscles", "regions", "trigger_points"};
// Every atlas has these; regions and trigger points are optional (an atlas of anatomy alone).
const char* const kRequiredKinds[] = {"sources", "layers", "landmarks", "bones", "muscles"};

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
  } catch (const json::exception& e) {
    r.jsonProblem(file.text, e);
    return;
  }
  if (!doc.is_object()) {
    r.problem("", "the top level must be an object with one of the keys sources, layers, landmarks, bones, muscles, regions, trigger_points");
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
    r.problem("", "the top level has none of the keys sources, layers, landmarks, bones, muscles, regions, trigger_points");
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
    if (k == "sources") readSource(r, item, path, atlas);
    else if (k == "layers") readLayer(r, item, path, atlas);
    else if (k == "landmarks") readLandmark(r, item, path, atlas);
    else if (k == "bones") readBone(r, item, path, atlas);
    else if (k == "muscles") readMuscle(r, item, path, atlas);
    else if (k == "regions") readRegion(r, item, path, atlas);
    else if (k == "trigger_points") readTriggerPoint(r, item, path, atlas);
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

  // Regions: ids, sources, the landmarks their shapes are built from.
  std::set<std::string> regionIds, pointIds;
  for (const auto& g : a.regions) {
    const std::string p = "regions[" + g.id + "]";
    unique(regionIds, g.id, "regions", p);
    checkSources(g.sources, "regions", p);
    for (std::size_t i = 0; i < g.shapes.size(); ++i) {
      const RegionShape& sh = g.shapes[i];
      std::vector<std::string> ids;
      for (const PointSpec* spec : {&sh.from, &sh.to})
        for (const std::string* id : {&spec->landmark, &spec->to})
          if (!id->empty()) ids.push_back(*id);
      for (const auto* spec : {&sh.above, &sh.below})
        if (*spec) ids.push_back((*spec)->landmark);
      checkLandmarks(ids, "regions", p + ".shapes[" + std::to_string(i) + "].landmarks");
    }
  }
  // Trigger points: their muscle and part, the regions of their zones, their sources.
  for (const auto& t : a.triggerPoints) {
    const std::string p = "trigger_points[" + t.id + "]";
    unique(pointIds, t.id, "trigger_points", p);
    if (!a.muscles.empty()) {
      const Muscle* m = a.muscle(t.muscle);
      if (!m) {
        out.push_back({files.of("trigger_points"), p + ".muscle", "unknown muscle '" + t.muscle + "'"});
      } else if (std::none_of(m->parts.begin(), m->parts.end(), [&](const MusclePart& part) { return part.id == t.part; })) {
        out.push_back({files.of("trigger_points"), p + ".part", "'" + t.part + "' is not a part of " + t.muscle});
      }
    }
    const bool haveRegions = files.fileOf.count("regions") > 0;
    for (const auto* zone : {&t.essential, &t.spillover}) {
      const char* name = zone == &t.essential ? ".essential" : ".spillover";
      for (const auto& r : *zone) {
        if (haveRegions && !regionIds.count(r))
          out.push_back({files.of("trigger_points"), p + name, "unknown region '" + r + "'"});
        if (zone == &t.spillover && std::find(t.essential.begin(), t.essential.end(), r) != t.essential.end())
          out.push_back({files.of("trigger_points"), p + ".spillover", "'" + r + "' is in the essential zone already"});
      }
    }
    checkSources(t.sources, "trigger_points", p);
    checkSources(t.location.sources, "trigger_points", p + ".location");
    checkSources(t.activation.sources, "trigger_points", p + ".activation");
    for (std::size_t j = 0; j < t.disagreements.size(); ++j)
      checkSources(t.disagreements[j].sources, "trigger_points", p + ".disagreements[" + std::to_string(j) + "]");
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
  for (const char* kind : kRequiredKinds)
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
    if (!fs::is_regular_file(path, ec)) {  // a FIFO would block the read for ever
      all.push_back({path.string(), "", "is not a regular file (a pipe, socket or device)"});
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
