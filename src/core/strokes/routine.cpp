#include "core/strokes/routine.hpp"

#include "core/atlas/atlas_reader.hpp"
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace dorsum::core {

namespace {
struct Named {
  const char* name;
  int value;
};
const Named kTechniques[] = {{"effleurage", int(Technique::Effleurage)},
                             {"kneading", int(Technique::Kneading)},
                             {"thumb_pressure", int(Technique::ThumbPressure)},
                             {"cross_fibre_friction", int(Technique::CrossFibreFriction)},
                             {"stripping", int(Technique::Stripping)},
                             {"compression", int(Technique::Compression)},
                             {"circular_friction", int(Technique::CircularFriction)},
                             {"stretch", int(Technique::Stretch)},
                             {"pincer", int(Technique::Pincer)}};
const Named kTools[] = {{"palm", int(Tool::Palm)},           {"both_palms", int(Tool::BothPalms)},
                        {"thumb", int(Tool::Thumb)},         {"both_thumbs", int(Tool::BothThumbs)},
                        {"fingertips", int(Tool::Fingertips)}, {"knuckles", int(Tool::Knuckles)},
                        {"fist", int(Tool::Fist)},           {"elbow", int(Tool::Elbow)},
                        {"forearm", int(Tool::Forearm)}};
const Named kPressures[] = {{"light", int(Pressure::Light)}, {"medium", int(Pressure::Medium)}, {"deep", int(Pressure::Deep)}};

template <std::size_t N>
const char* nameOf(const Named (&table)[N], int v) {
  for (const auto& e : table)
    if (e.value == v) return e.name;
  return "?";
}
template <std::size_t N>
std::optional<int> parse(const Named (&table)[N], const std::string& s) {
  for (const auto& e : table)
    if (s == e.name) return e.value;
  return std::nullopt;
}
template <std::size_t N>
std::string choices(const Named (&table)[N]) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) out += std::string(i ? (i + 1 == N ? " or " : ", ") : "") + table[i].name;
  return out;
}
}  // namespace

const char* techniqueName(Technique t) { return nameOf(kTechniques, int(t)); }
const char* toolName(Tool t) { return nameOf(kTools, int(t)); }
const char* pressureName(Pressure p) { return nameOf(kPressures, int(p)); }
std::optional<Technique> parseTechnique(const std::string& s) {
  const auto v = parse(kTechniques, s);
  return v ? std::optional<Technique>(Technique(*v)) : std::nullopt;
}
std::optional<Tool> parseTool(const std::string& s) {
  const auto v = parse(kTools, s);
  return v ? std::optional<Tool>(Tool(*v)) : std::nullopt;
}
std::optional<Pressure> parsePressure(const std::string& s) {
  const auto v = parse(kPressures, s);
  return v ? std::optional<Pressure>(Pressure(*v)) : std::nullopt;
}

// Contact sizes of an adult's hands and arms (radius, length along the stroke): a palm about 8 cm
// across, a thumb pad 1.6 cm, fingertips together 2.4 cm, the olecranon's point 2 cm, the ulnar
// forearm 3 cm by 15 cm.
ToolShape toolShape(Tool t) {
  switch (t) {
    case Tool::Palm: return {40.0f, 90.0f, 1};
    case Tool::BothPalms: return {40.0f, 90.0f, 2};
    case Tool::Thumb: return {8.0f, 12.0f, 1};
    case Tool::BothThumbs: return {8.0f, 12.0f, 2};
    case Tool::Fingertips: return {12.0f, 30.0f, 1};
    case Tool::Knuckles: return {18.0f, 30.0f, 1};
    case Tool::Fist: return {25.0f, 40.0f, 1};
    case Tool::Elbow: return {10.0f, 14.0f, 1};
    case Tool::Forearm: return {15.0f, 150.0f, 1};
  }
  return {20.0f, 20.0f, 1};
}

float pressureDepth(Pressure p) {
  switch (p) {
    case Pressure::Light: return 0.004f;
    case Pressure::Medium: return 0.018f;
    case Pressure::Deep: return 0.040f;
  }
  return 0.01f;
}

float Routine::duration() const {
  float d = 0.0f;
  for (const auto& s : strokes) d += s.durationS;
  return d;
}

const Routine* RoutineSet::routine(const std::string& id) const {
  for (const auto& r : routines)
    if (r.id == id) return &r;
  return nullptr;
}

namespace {
using atlas_detail::Reader;
using atlas_detail::readPoint;
using nlohmann::json;

// A JSON number as a float without undefined behaviour for huge values (they are then refused by
// the range checks).
float toFloat(double v) { return float(std::clamp(v, -1e9, 1e9)); }


void readStroke(Reader& r, const json& sj, const std::string& sp, const Atlas& atlas, Routine& routine) {
  if (!sj.is_object()) {
    r.problem(sp, "must be an object");
    return;
  }
  r.allowOnly(sj, sp, {"technique", "tool", "pressure", "path", "sides", "repetitions", "duration_s", "caption"});
  Stroke s;
  const std::string technique = r.string(sj, sp, "technique");
  if (const auto t = parseTechnique(technique)) s.technique = *t;
  else if (!technique.empty()) r.problem(sp + ".technique", "unknown technique '" + technique + "' (use " + choices(kTechniques) + ")");
  const std::string tool = r.string(sj, sp, "tool");
  if (const auto t = parseTool(tool)) s.tool = *t;
  else if (!tool.empty()) r.problem(sp + ".tool", "unknown tool '" + tool + "' (use " + choices(kTools) + ")");
  const std::string pressure = r.string(sj, sp, "pressure");
  if (const auto p = parsePressure(pressure)) s.pressure = *p;
  else if (!pressure.empty()) r.problem(sp + ".pressure", "unknown pressure '" + pressure + "' (use light, medium or deep)");
  const std::string sides = r.string(sj, sp, "sides", false);
  if (sides == "left") s.sides = Sides::Left;
  else if (sides == "right") s.sides = Sides::Right;
  else if (sides.empty() || sides == "both") s.sides = Sides::Both;
  else r.problem(sp + ".sides", "must be left, right or both");
  const double reps = r.number(sj, sp, "repetitions", false, 1);
  if (reps < 1 || reps > 50 || reps != double(int(reps))) r.problem(sp + ".repetitions", "must be a whole number from 1 to 50");
  s.repetitions = reps >= 1 && reps <= 50 ? int(reps) : 1;
  const double duration = r.number(sj, sp, "duration_s", true, 10);
  if (!(duration > 0.0 && duration <= 600.0)) r.problem(sp + ".duration_s", "must be above 0 and at most 600 seconds");
  s.durationS = duration > 0.0 && duration <= 600.0 ? float(duration) : 10.0f;
  s.caption = r.string(sj, sp, "caption");

  const std::string pp = sp + ".path";
  if (const json* pj = r.member(sj, sp, "path")) {
    if (!pj->is_object()) {
      r.problem(pp, "must be an object with one of points, muscle, vertebrae, trigger_point");
    } else {
      r.allowOnly(*pj, pp, {"points", "muscle", "across", "from_u", "to_u", "vertebrae", "beside_mm", "trigger_point"});
      int kinds = 0;
      if (const json* pts = r.member(*pj, pp, "points", false)) {
        ++kinds;
        if (!pts->is_array() || pts->size() < 2) r.problem(pp + ".points", "must list at least two points");
        else
          for (std::size_t i = 0; i < pts->size(); ++i) s.path.points.push_back(readPoint(r, (*pts)[i], pp + ".points[" + std::to_string(i) + "]"));
        for (std::size_t i = 0; i < s.path.points.size(); ++i)
          for (const std::string* id : {&s.path.points[i].landmark, &s.path.points[i].to})
            if (!id->empty() && !atlas.landmark(*id))
              r.problem(pp + ".points[" + std::to_string(i) + "]", "unknown landmark '" + *id + "'");
      }
      if (pj->contains("muscle")) {
        ++kinds;
        s.path.muscle = r.string(*pj, pp, "muscle");
        bool known = false;
        for (const auto& m : atlas.muscles)
          for (const auto& part : m.parts) known = known || part.id == s.path.muscle;
        if (!known && !s.path.muscle.empty()) r.problem(pp + ".muscle", "unknown muscle part '" + s.path.muscle + "'");
        s.path.across = toFloat(r.number(*pj, pp, "across", false, 0.5));
        s.path.u0 = toFloat(r.number(*pj, pp, "from_u", false, 0.1));
        s.path.u1 = toFloat(r.number(*pj, pp, "to_u", false, 0.9));
        for (float f : {s.path.across, s.path.u0, s.path.u1})
          if (!(f >= 0.0f && f <= 1.0f)) r.problem(pp, "across, from_u and to_u are fractions from 0 to 1");
      }
      if (pj->contains("vertebrae")) {
        ++kinds;
        s.path.vertebrae = r.strings(*pj, pp, "vertebrae");
        if (s.path.vertebrae.size() < 2) r.problem(pp + ".vertebrae", "must list at least two spinous processes");
        for (const auto& v : s.path.vertebrae)
          if (!atlas.landmark(v)) r.problem(pp + ".vertebrae", "unknown landmark '" + v + "'");
        s.path.besideMm = toFloat(r.number(*pj, pp, "beside_mm", false, 22));
        if (!(s.path.besideMm >= 12.0f && s.path.besideMm <= 60.0f))
          r.problem(pp + ".beside_mm", "must be 12 to 60 mm: thumbs press beside the spinous processes, never on them");
      }
      if (pj->contains("trigger_point")) {
        ++kinds;
        s.path.triggerPoint = r.string(*pj, pp, "trigger_point");
        if (!s.path.triggerPoint.empty() && !atlas.triggerPoint(s.path.triggerPoint))
          r.problem(pp + ".trigger_point", "unknown trigger point '" + s.path.triggerPoint + "'");
      }
      if (kinds != 1) r.problem(pp, "must give exactly one of points, muscle, vertebrae, trigger_point");
    }
  }
  routine.strokes.push_back(std::move(s));
}

void checkSources(Reader& r, const std::vector<std::string>& ids, const std::string& path, const Atlas& atlas) {
  for (const auto& s : ids)
    if (std::none_of(atlas.sources.begin(), atlas.sources.end(), [&](const Source& src) { return src.id == s; }))
      r.problem(path + ".sources", "unknown source '" + s + "'");
}

// {"techniques": {name: {text, sources}}, "cautions": [{text, sources}]}
void readTechniquesFile(Reader& r, const json& doc, const Atlas& atlas, RoutineLoad& out) {
  r.allowOnly(doc, "", {"techniques", "cautions"});
  const json& t = doc["techniques"];
  if (!t.is_object()) {
    r.problem("techniques", "must be an object keyed by technique");
    return;
  }
  for (const auto& [name, value] : t.items()) {
    const std::string path = "techniques." + name;
    const auto tech = parseTechnique(name);
    if (!tech) {
      r.problem(path, "unknown technique '" + name + "' (use " + choices(kTechniques) + ")");
      continue;
    }
    if (!value.is_object()) {
      r.problem(path, "must be an object with 'text' and 'sources'");
      continue;
    }
    r.allowOnly(value, path, {"text", "sources"});
    Cited c{r.string(value, path, "text"), r.sources(value, path)};
    checkSources(r, c.sources, path, atlas);
    out.set.techniques[*tech] = std::move(c);
  }
  if (const json* cautions = r.member(doc, "", "cautions", false)) {
    if (!cautions->is_array()) r.problem("cautions", "must be a list of {text, sources}");
    else
      for (std::size_t i = 0; i < cautions->size(); ++i) {
        const std::string path = "cautions[" + std::to_string(i) + "]";
        const json& c = (*cautions)[i];
        if (!c.is_object()) {
          r.problem(path, "must be an object with 'text' and 'sources'");
          continue;
        }
        r.allowOnly(c, path, {"text", "sources"});
        Cited cited{r.string(c, path, "text"), r.sources(c, path)};
        checkSources(r, cited.sources, path, atlas);
        out.set.cautions.push_back(std::move(cited));
      }
  }
}

void readRoutineFile(const AtlasFile& file, const Atlas& atlas, RoutineLoad& out) {
  Reader r(file.name, out.problems);
  json doc;
  try {
    doc = json::parse(file.text);
  } catch (const json::exception& e) {
    r.jsonProblem(file.text, e);
    return;
  }
  if (doc.is_object() && doc.contains("techniques")) {
    readTechniquesFile(r, doc, atlas, out);
    return;
  }
  if (!doc.is_object() || !doc.contains("routine") || !doc["routine"].is_object()) {
    r.problem("", "the top level must be an object with the key 'routine' (or, for the techniques file, 'techniques')");
    return;
  }
  const json& j = doc["routine"];
  const std::string path = "routine";
  r.allowOnly(j, path, {"id", "name", "description", "sources", "strokes"});
  Routine routine;
  routine.id = r.string(j, path, "id");
  if (!routine.id.empty() && !atlas_detail::validId(routine.id)) r.problem(path + ".id", "'" + routine.id + "' must be lower-case letters, digits and _");
  if (out.set.routine(routine.id)) r.problem(path + ".id", "duplicate routine id '" + routine.id + "'");
  routine.name = r.string(j, path, "name");
  routine.description = r.string(j, path, "description", false);
  routine.sources = r.sources(j, path);
  checkSources(r, routine.sources, path, atlas);
  if (const json* strokes = r.member(j, path, "strokes")) {
    if (!strokes->is_array() || strokes->empty()) r.problem(path + ".strokes", "must be a non-empty list");
    else
      for (std::size_t i = 0; i < strokes->size(); ++i) readStroke(r, (*strokes)[i], path + ".strokes[" + std::to_string(i) + "]", atlas, routine);
  }
  out.set.routines.push_back(std::move(routine));
}
}  // namespace

RoutineLoad loadRoutineFiles(const std::vector<AtlasFile>& files, const Atlas& atlas) {
  RoutineLoad out;
  for (const auto& f : files) readRoutineFile(f, atlas, out);
  return out;
}

const std::map<std::string, std::string>& embeddedRoutineFiles();  // generated at build time

RoutineLoad loadEmbeddedRoutines(const Atlas& atlas) {
  std::vector<AtlasFile> files;
  for (const auto& [name, text] : embeddedRoutineFiles()) files.push_back({name, text});
  return loadRoutineFiles(files, atlas);
}

RoutineSet loadRoutinesOrThrow(const Atlas& atlas, const std::optional<std::filesystem::path>& dir) {
  RoutineLoad load;
  if (dir) {
    std::vector<AtlasFile> files;
    std::error_code ec;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(*dir, ec))
      if (e.path().extension() == ".json" && e.is_regular_file(ec)) paths.push_back(e.path());
    if (ec) throw UserError("The routines folder '" + dir->string() + "' cannot be read.");
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      files.push_back({p.string(), ss.str()});
    }
    load = loadRoutineFiles(files, atlas);
  } else {
    load = loadEmbeddedRoutines(atlas);
  }
  if (!load.ok())
    throw UserError("The routines have " + std::to_string(load.problems.size()) + " problem" + (load.problems.size() == 1 ? "" : "s") +
                    ", the first: " + load.problems.front().str() + " (run 'dorsum validate' for all).");
  return std::move(load.set);
}

}  // namespace dorsum::core
