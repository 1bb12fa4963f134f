// The atlas: the built-in data is complete and sane, and every kind of broken file gives a
// diagnostic naming the file, the field and the reason (docs/ATLAS_FORMAT.md).
// Every test case name contains "atlas" so that `ctest -R atlas` runs them all.
#include "core/atlas/atlas.hpp"
#include "core/atlas/atlas_json.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>
// Header-only; found on the system include path (dorsum_core links nlohmann_json privately).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace dorsum::core;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string allProblems(const std::vector<Diagnostic>& problems) {
  std::string out;
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) out += "  " + problems[i].str() + "\n";
  if (problems.size() > 20) out += "  ... and " + std::to_string(problems.size() - 20) + " more\n";
  return out;
}

// The built-in files, in a fixed order, with one replaced (or added) by name.
std::vector<AtlasFile> embeddedWith(const std::string& name, const std::string& text) {
  std::vector<AtlasFile> files;
  bool replaced = false;
  for (const auto& [n, t] : embeddedAtlasFiles()) {
    if (n == name) {
      files.push_back({n, text});
      replaced = true;
    } else {
      files.push_back({n, t});
    }
  }
  if (!replaced) files.push_back({name, text});
  return files;
}

json embeddedJson(const std::string& name) {
  const auto& files = embeddedAtlasFiles();
  auto it = files.find(name);
  REQUIRE(it != files.end());
  return json::parse(it->second);
}

json& byId(json& list, const std::string& id) {
  for (auto& item : list)
    if (item.contains("id") && item["id"] == id) return item;
  FAIL("no item with id " << id);
  return list;
}
json& byIndex(json& list, int index) {
  for (auto& item : list)
    if (item.contains("index") && item["index"] == index) return item;
  FAIL("no item with index " << index);
  return list;
}

// Loads the built-in atlas with `name` replaced by `doc`.
AtlasLoad loadWith(const std::string& name, const json& doc) { return loadAtlasFiles(embeddedWith(name, doc.dump(2))); }

// The diagnostic with this file and field; fails the test (listing them all) when there is none.
Diagnostic findProblem(const AtlasLoad& r, const std::string& file, const std::string& field) {
  for (const auto& d : r.problems)
    if (d.file == file && d.field == field) return d;
  FAIL("no problem for " << file << " / '" << field << "'; problems:\n" << allProblems(r.problems));
  return {};
}

void writeText(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "atlas" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The built-in atlas
// ---------------------------------------------------------------------------------------------

TEST_CASE("atlas: the built-in atlas loads with no problems", "[atlas]") {
  const AtlasLoad r = loadEmbeddedAtlas();
  INFO(allProblems(r.problems));
  CHECK(r.ok());
  CHECK(r.problems.empty());
  CHECK_FALSE(r.atlas.sources.empty());
  CHECK_FALSE(r.atlas.landmarks.empty());
  CHECK_FALSE(r.atlas.bones.empty());
  CHECK_FALSE(r.atlas.muscles.empty());
  // The five documented files are all embedded.
  for (const char* f : {"sources.json", "layers.json", "landmarks.json", "bones.json", "muscles.json"})
    CHECK(embeddedAtlasFiles().count(f) == 1);
}

TEST_CASE("atlas: the built-in atlas has layers 1 to 5", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  std::vector<int> indices;
  for (const auto& l : a.layers) indices.push_back(l.index);
  std::sort(indices.begin(), indices.end());
  CHECK(indices == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(a.deepestLayer() == 5);
  for (int i = 1; i <= 5; ++i) {
    INFO("layer " << i);
    const Layer* l = a.layer(i);
    REQUIRE(l != nullptr);
    CHECK_FALSE(l->name.empty());
    CHECK_FALSE(l->sources.empty());
  }
  CHECK(a.layer(0) == nullptr);
  CHECK(a.layer(6) == nullptr);
}

TEST_CASE("atlas: the required muscles are in their layers", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  const std::vector<std::pair<const char*, int>> fixed = {
      {"trapezius", 1},
      {"latissimus_dorsi", 1},
      {"rhomboid_major", 2},
      {"rhomboid_minor", 2},
      {"infraspinatus", 2},
      {"teres_major", 2},
      {"levator_scapulae", 3},
      {"serratus_posterior_superior", 3},
      {"serratus_posterior_inferior", 3},
      {"iliocostalis_lumborum", 4},
      {"iliocostalis_thoracis", 4},
      {"longissimus_thoracis", 4},
      {"spinalis_thoracis", 4},
  };
  for (const auto& [id, layer] : fixed) {
    INFO(id);
    const Muscle* m = a.muscle(id);
    REQUIRE(m != nullptr);
    CHECK(m->layer == layer);
    CHECK(a.layer(m->layer) != nullptr);
  }
  for (const char* id : {"iliocostalis_lumborum", "iliocostalis_thoracis", "longissimus_thoracis", "spinalis_thoracis"}) {
    INFO(id);
    REQUIRE(a.muscle(id) != nullptr);
    CHECK(a.muscle(id)->group == "erector_spinae");
  }
  for (const char* id : {"multifidus", "quadratus_lumborum", "supraspinatus", "teres_minor", "splenius_capitis",
                         "splenius_cervicis"}) {
    INFO(id);
    const Muscle* m = a.muscle(id);
    REQUIRE(m != nullptr);
    CHECK(m->layer >= 1);
    CHECK(m->layer <= 5);
  }

  const Muscle* trap = a.muscle("trapezius");
  REQUIRE(trap != nullptr);
  std::vector<std::string> parts;
  for (const auto& p : trap->parts) parts.push_back(p.id);
  CHECK(parts == std::vector<std::string>{"trapezius_descending", "trapezius_transverse", "trapezius_ascending"});

  // Structure ids name muscles, their distinct parts, bones and the skin.
  const auto ids = a.structureIds();
  for (const char* id : {"trapezius", "trapezius_transverse", "rhomboid_major", "scapula", "skin"})
    CHECK(std::count(ids.begin(), ids.end(), std::string(id)) == 1);
}

TEST_CASE("atlas: every muscle has its facts, each citing known sources", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  std::set<std::string> known;
  for (const auto& s : a.sources) {
    CHECK_FALSE(s.citation.empty());
    known.insert(s.id);
  }
  auto cites = [&](const std::vector<std::string>& sources, const std::string& what) {
    INFO(what);
    CHECK_FALSE(sources.empty());
    for (const auto& s : sources) {
      INFO("source " << s);
      CHECK(known.count(s) == 1);
    }
  };
  for (const auto& m : a.muscles) {
    INFO("muscle " << m.id);
    CHECK_FALSE(m.name.empty());
    CHECK_FALSE(m.latin.empty());
    CHECK_FALSE(m.innervation.nerve.empty());
    CHECK_FALSE(m.innervation.roots.empty());
    CHECK_FALSE(m.action.text.empty());
    CHECK_FALSE(m.bloodSupply.text.empty());
    CHECK_FALSE(m.note.text.empty());
    CHECK_FALSE(m.fibres.text.empty());
    cites(m.innervation.sources, "innervation");
    cites(m.action.sources, "action");
    cites(m.bloodSupply.sources, "blood_supply");
    cites(m.note.sources, "note");
    cites(m.fibres.sources, "fibres");
    REQUIRE_FALSE(m.parts.empty());
    for (const auto& p : m.parts) {
      INFO("part " << p.id);
      CHECK_FALSE(p.origin.landmarks.empty());
      CHECK_FALSE(p.insertion.landmarks.empty());
      CHECK_FALSE(p.origin.text.empty());
      CHECK_FALSE(p.insertion.text.empty());
      cites(p.origin.sources, "origin");
      cites(p.insertion.sources, "insertion");
      for (const auto* list : {&p.origin.landmarks, &p.insertion.landmarks})
        for (const auto& l : *list) {
          INFO("landmark " << l);
          CHECK(a.landmark(l) != nullptr);
        }
    }
    for (const auto& d : m.disagreements) cites(d.sources, "disagreement on " + d.field);
  }
  for (const auto& l : a.layers) cites(l.sources, "layer " + std::to_string(l.index));
  for (const auto& l : a.landmarks) cites(l.sources, "landmark " + l.id);
  for (const auto& b : a.bones) cites(b.sources, "bone " + b.id);
}

TEST_CASE("atlas: landmarks and bones refer to each other consistently", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  for (const auto& l : a.landmarks) {
    INFO("landmark " << l.id);
    CHECK(a.bone(l.bone) != nullptr);
  }
  for (const auto& b : a.bones)
    for (const auto& id : b.landmarks) {
      INFO("bone " << b.id << " landmark " << id);
      const Landmark* l = a.landmark(id);
      REQUIRE(l != nullptr);
      CHECK(l->bone == b.id);
    }
}

TEST_CASE("atlas: landmark positions are anatomically sane", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  auto at = [&](const std::string& id) -> const Landmark& {
    const Landmark* l = a.landmark(id);
    if (!l) FAIL("no landmark " << id);
    return *l;
  };

  SECTION("spinous processes descend monotonically from C7 to L5, on the midline") {
    const std::vector<std::string> ids = {"c7_sp", "t1_sp",  "t2_sp",  "t3_sp",  "t4_sp", "t5_sp",
                                          "t6_sp", "t7_sp",  "t8_sp",  "t9_sp",  "t10_sp", "t11_sp",
                                          "t12_sp", "l1_sp", "l2_sp", "l3_sp", "l4_sp", "l5_sp"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      INFO(ids[i]);
      const Landmark& l = at(ids[i]);
      CHECK_FALSE(l.bilateral);
      CHECK(l.position.x == Approx(0.0f).margin(1e-6));
      // The back faces -Z: each tip lies behind the transverse processes of its vertebra.
      const std::string level = ids[i].substr(0, ids[i].size() - 3);
      if (const Landmark* tp = a.landmark(level + "_tp")) CHECK(l.position.z < tp->position.z);
      if (i > 0) {
        INFO("below " << ids[i - 1]);
        CHECK(l.position.y < at(ids[i - 1]).position.y);
      }
    }
    // The measured body (BodyParts3D, about 1.65 m): C7 at 1.39 m, L5 just below the iliac crests.
    CHECK(at("c7_sp").position.y == Approx(1.39f).margin(0.02f));
    CHECK(at("l5_sp").position.y < at("ilium_crest_high").position.y);
    CHECK(at("l5_sp").position.y > at("ilium_psis").position.y);
  }

  SECTION("bilateral landmarks are written for the left side (x > 0), and mirror to the right") {
    for (const auto& l : a.landmarks) {
      if (!l.bilateral) continue;
      INFO(l.id);
      CHECK(l.position.x > 0.0f);
      CHECK(l.on(Side::Left) == l.position);
      CHECK(l.on(Side::Right).x == -l.position.x);
      CHECK(l.on(Side::Right).y == l.position.y);
      CHECK(l.on(Side::Right).z == l.position.z);
    }
    const Landmark& sp = at("t4_sp");
    CHECK(sp.on(Side::Right) == sp.position);  // midline landmarks do not mirror
  }

  SECTION("measured landmarks keep their BodyParts3D source; derived ones say how they were derived") {
    std::size_t measured = 0;
    for (const auto& l : a.landmarks) {
      INFO(l.id);
      CHECK_FALSE(l.method.empty());
      const bool fromBp3d = std::find(l.sources.begin(), l.sources.end(), "bodyparts3d") != l.sources.end();
      CHECK(fromBp3d);  // every position is measured there or derived from what was
      if (l.method.rfind("Measured on BodyParts3D", 0) == 0) ++measured;
    }
    CHECK(measured >= 60);
  }

  SECTION("the inferior angle of the scapula lies between the T6 and T9 spinous processes") {
    const float y = at("scap_inferior_angle").position.y;
    CHECK(y < at("t6_sp").position.y);
    CHECK(y > at("t9_sp").position.y);
  }

  SECTION("the acromion is lateral to the superior angle of the scapula") {
    const float superior = at("scap_superior_angle").position.x;
    for (const char* id : {"scap_acromion_tip", "scap_acromial_angle", "scap_acromion_medial_margin"}) {
      INFO(id);
      CHECK(at(id).position.x > superior + 0.05f);
    }
    CHECK(at("scap_superior_angle").position.y > at("scap_inferior_angle").position.y);
  }

  SECTION("every landmark lies inside a standing adult") {
    for (const auto& l : a.landmarks) {
      INFO(l.id);
      CHECK(std::abs(l.position.x) < 0.4f);
      CHECK(l.position.y > 0.4f);  // the knee, the lowest landmark of the modelled body
      CHECK(l.position.y < 1.7f);
      CHECK(std::abs(l.position.z) < 0.3f);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Broken files: one test per kind of problem
// ---------------------------------------------------------------------------------------------

TEST_CASE("atlas: a JSON syntax error names the line and column", "[atlas]") {
  SECTION("a missing comma between two fields") {
    // Line 5 holds "name", the token the parser did not expect after line 4 lacks its comma.
    const std::string text =
        "{\n"                                 // 1
        "  \"sources\": [\n"                  // 2
        "    {\n"                             // 3
        "      \"id\": \"grays41\"\n"         // 4
        "      \"citation\": \"Gray's\"\n"    // 5
        "    }\n"                             // 6
        "  ]\n"                               // 7
        "}\n";                                // 8
    const AtlasLoad r = loadAtlasFiles(embeddedWith("sources.json", text));
    const Diagnostic d = findProblem(r, "sources.json", "");
    INFO(d.str());
    CHECK(contains(d.reason, "not valid JSON at line 5, column "));
    // The column points into the offending token "citation" (columns 7 to 16 of line 5).
    const auto at = d.reason.find("column ");
    REQUIRE(at != std::string::npos);
    const int column = std::stoi(d.reason.substr(at + 7));
    CHECK(column >= 7);
    CHECK(column <= 16);
  }
  SECTION("a trailing comma in a list") {
    const std::string text = "{\n  \"layers\": [\n    1,\n    2,\n  ]\n}\n";
    const AtlasLoad r = loadAtlasFiles(embeddedWith("layers.json", text));
    const Diagnostic d = findProblem(r, "layers.json", "");
    INFO(d.str());
    CHECK(contains(d.reason, "not valid JSON at line 5, column 3"));
  }
  SECTION("a file cut short") {
    const std::string text = "{\n  \"muscles\": [\n";
    const AtlasLoad r = loadAtlasFiles(embeddedWith("muscles.json", text));
    const Diagnostic d = findProblem(r, "muscles.json", "");
    INFO(d.str());
    CHECK(contains(d.reason, "not valid JSON at line 3, column 1"));
    CHECK(contains(d.reason, "end of input"));
  }
  SECTION("an empty file") {
    const AtlasLoad r = loadAtlasFiles(embeddedWith("bones.json", ""));
    const Diagnostic d = findProblem(r, "bones.json", "");
    CHECK(contains(d.reason, "not valid JSON at line 1, column 1"));
  }
  SECTION("an error on the first line") {
    const AtlasLoad r = loadAtlasFiles(embeddedWith("bones.json", "{\"bones\": [}"));
    const Diagnostic d = findProblem(r, "bones.json", "");
    CHECK(contains(d.reason, "not valid JSON at line 1, column 12"));
  }
  SECTION("Windows line ends count as one line each") {
    const AtlasLoad r = loadAtlasFiles(embeddedWith("bones.json", "{\r\n  \"bones\": [\r\n    }\r\n"));
    CHECK(contains(findProblem(r, "bones.json", "").reason, "not valid JSON at line 3, column 5"));
  }
  SECTION("a broken landmarks file does not also report every landmark it would have held") {
    const AtlasLoad r = loadAtlasFiles(embeddedWith("landmarks.json", "{\"landmarks\": [,]}"));
    INFO(allProblems(r.problems));
    CHECK(r.problems.size() == 1);
  }
}

// Was a bug, now fixed: when sources.json cannot be read (a syntax error, or any
// problem that leaves the list of sources empty), crossCheck() still checks every citation
// against the empty list, so one missing comma in sources.json gives about 1,150 problems
// ("layers.json: layers[1].sources: unknown source 'seed_bpmt'", ...) that bury the real one.
// Landmarks, bones and layers are already skipped when their file is empty; sources are not.
// Expected: the syntax error alone (or at least no "unknown source" problems in other files).
TEST_CASE("atlas: a broken sources file gives one problem, not one per citation", "[atlas]") {
  const std::string text = "{\n  \"sources\": [\n    {\"id\": \"grays41\" \"citation\": \"Gray's\"}\n  ]\n}\n";
  const AtlasLoad r = loadAtlasFiles(embeddedWith("sources.json", text));
  INFO(allProblems(r.problems));
  CHECK(contains(findProblem(r, "sources.json", "").reason, "not valid JSON at line 3"));
  CHECK(r.problems.size() == 1);
}

// Was a bug, now fixed: lineColumn() counts bytes, not characters, so on a line with
// non-ASCII text (names such as "Brismée" in citations) the column is one too large for every
// two-byte UTF-8 character before the error. Expected: column 28 here (the closing quote of "x",
// after the two characters "éé"); the loader says column 30.
TEST_CASE("atlas: the column of a syntax error counts characters, not bytes", "[atlas]") {
  const std::string text = "{\"sources\": [{\"id\": \"\xC3\xA9\xC3\xA9\" \"x\": 1}]}";
  const AtlasLoad r = loadAtlasFiles(embeddedWith("sources.json", text));
  CHECK(contains(findProblem(r, "sources.json", "").reason, "line 1, column 28:"));
}

TEST_CASE("atlas: the top level must be an object", "[atlas]") {
  for (const std::string text : {"[]", "[{\"id\": \"grays41\"}]", "\"sources\"", "42", "null"}) {
    INFO(text);
    const AtlasLoad r = loadAtlasFiles(embeddedWith("sources.json", text));
    const Diagnostic d = findProblem(r, "sources.json", "");
    CHECK(contains(d.reason, "the top level must be an object"));
    CHECK(contains(d.reason, "sources, layers, landmarks, bones, muscles"));
  }
}

TEST_CASE("atlas: a file with an unknown top-level key is refused", "[atlas]") {
  json doc = embeddedJson("muscles.json");
  json renamed = {{"musclez", doc["muscles"]}};
  const AtlasLoad r = loadWith("muscles.json", renamed);
  CHECK_FALSE(r.ok());
  const Diagnostic d = findProblem(r, "muscles.json", "");
  CHECK(contains(d.reason, "none of the keys sources, layers, landmarks, bones, muscles"));
  CHECK(r.atlas.muscles.empty());
}

// Was a bug, now fixed: readFile() picks the LAST of the known kinds present and silently
// ignores every other top-level key, so a file holding two kinds, or a known kind plus a misspelt
// one, loses data without a word. Expected: a diagnostic on the file naming the extra key, e.g.
// {"sources.json", "layers", "..."} or {"muscles.json", "muscle", "unknown key ..."}.
TEST_CASE("atlas: extra top-level keys next to the kind are reported", "[atlas]") {
  SECTION("two kinds in one file") {
    json both = embeddedJson("sources.json");
    both["layers"] = embeddedJson("layers.json")["layers"];
    std::vector<AtlasFile> files;
    for (const auto& [n, t] : embeddedAtlasFiles())
      if (n != "sources.json" && n != "layers.json") files.push_back({n, t});
    files.push_back({"sources.json", both.dump(2)});
    const AtlasLoad r = loadAtlasFiles(files);
    INFO(allProblems(r.problems));
    // Either both kinds load cleanly, or the file is refused with a top-level diagnostic (field
    // "", "sources" or "layers"); today the sources are dropped and only the cascade of
    // "unknown source" problems in other files hints at it.
    const bool bothLoaded = !r.atlas.sources.empty() && !r.atlas.layers.empty() && r.ok();
    bool named = false;
    for (const auto& d : r.problems)
      if (d.file == "sources.json" && (d.field.empty() || d.field == "sources" || d.field == "layers")) named = true;
    CHECK((bothLoaded || named));
  }
  SECTION("a misspelt key next to the right one") {
    json doc = embeddedJson("muscles.json");
    doc["muscle"] = json::array({json::object({{"id", "lost"}})});
    const AtlasLoad r = loadWith("muscles.json", doc);
    INFO(allProblems(r.problems));
    CHECK_FALSE(r.ok());
  }
}

// Was a gap, now fixed: keys the format does not know are ignored inside items too, so a
// misspelt optional field silently takes its default ("bilaterial": false leaves the muscle
// bilateral; "shape": {"thicknes_mm": 3} keeps 6 mm), and a key given twice in one object keeps
// the last value without a word (nlohmann::json's default). Expected: a problem naming the field.
TEST_CASE("atlas: unknown or repeated keys inside an item are reported", "[atlas]") {
  SECTION("a misspelt optional field") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["bilaterial"] = false;
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK_FALSE(r.ok());
  }
  SECTION("a key given twice") {
    std::string text = embeddedJson("muscles.json").dump(2);
    const auto at = text.find("\"layer\": 2");
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"layer\": 9, ");
    const AtlasLoad r = loadAtlasFiles(embeddedWith("muscles.json", text));
    CHECK_FALSE(r.ok());
  }
}

// Was a minor fault, now fixed: one fault gives two problems where the first leaves a default
// behind that a later check trips on, and a huge layer number is converted to int with undefined
// behaviour (int(1e20) gives -2147483648 on x86, reported as "layer -2147483648 is not in layers").
// Expected: exactly one problem per fault.
TEST_CASE("atlas: one fault gives one problem", "[atlas]") {
  SECTION("a layer given as a string") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["layer"] = "2";
    const AtlasLoad r = loadWith("muscles.json", doc);
    INFO(allProblems(r.problems));
    CHECK(r.problems.size() == 1);  // also: "layer 0 is not in layers"
  }
  SECTION("a bilateral landmark without a position") {
    json doc = embeddedJson("landmarks.json");
    byId(doc["landmarks"], "scap_inferior_angle").erase("position");
    const AtlasLoad r = loadWith("landmarks.json", doc);
    INFO(allProblems(r.problems));
    CHECK(r.problems.size() == 1);  // also: "x must be positive"
  }
  SECTION("a layer number too large for an int") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["layer"] = 1e20;
    const AtlasLoad r = loadWith("muscles.json", doc);
    INFO(allProblems(r.problems));
    CHECK(r.problems.size() == 1);  // also: "layer -2147483648 is not in layers"
  }
}

TEST_CASE("atlas: a field of the wrong type names the field", "[atlas]") {
  SECTION("a muscle's layer as a string") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["layer"] = "2";
    const AtlasLoad r = loadWith("muscles.json", doc);
    const Diagnostic d = findProblem(r, "muscles.json", "muscles[rhomboid_major].layer");
    CHECK(d.reason == "must be a number");
  }
  SECTION("a name as a number") {
    json doc = embeddedJson("bones.json");
    byId(doc["bones"], "scapula")["name"] = 7;
    const AtlasLoad r = loadWith("bones.json", doc);
    CHECK(findProblem(r, "bones.json", "bones[scapula].name").reason == "must be a string");
  }
  SECTION("bilateral as a string") {
    json doc = embeddedJson("landmarks.json");
    byId(doc["landmarks"], "t2_sp")["bilateral"] = "no";
    const AtlasLoad r = loadWith("landmarks.json", doc);
    CHECK(findProblem(r, "landmarks.json", "landmarks[t2_sp].bilateral").reason == "must be true or false");
  }
  SECTION("a position with two numbers") {
    json doc = embeddedJson("landmarks.json");
    byId(doc["landmarks"], "t2_sp")["position"] = {0.0, 1.45};
    const AtlasLoad r = loadWith("landmarks.json", doc);
    CHECK(contains(findProblem(r, "landmarks.json", "landmarks[t2_sp].position").reason, "three numbers [x, y, z]"));
  }
  SECTION("sources as a string") {
    json doc = embeddedJson("layers.json");
    byIndex(doc["layers"], 2)["sources"] = "grays41";
    const AtlasLoad r = loadWith("layers.json", doc);
    CHECK(findProblem(r, "layers.json", "layers[2].sources").reason == "must be a list of strings");
  }
  SECTION("an attachment's landmark that is not a string") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_minor")["parts"][0]["insertion"]["landmarks"][0] = 3;
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_minor].parts[0].insertion.landmarks[0]").reason ==
          "must be a string");
  }
  SECTION("the list of a kind as an object") {
    const AtlasLoad r = loadAtlasFiles(embeddedWith("bones.json", "{\"bones\": {\"id\": \"scapula\"}}"));
    CHECK(findProblem(r, "bones.json", "bones").reason == "must be a list");
  }
  SECTION("a layer index that is not a whole number from 1 to 9") {
    json doc = embeddedJson("layers.json");
    byIndex(doc["layers"], 5)["index"] = 2.5;  // the fifth entry of the list
    const AtlasLoad r = loadWith("layers.json", doc);
    // A non-integer index cannot name the layer, so the field falls back to the list position.
    CHECK(contains(findProblem(r, "layers.json", "layers[4].index").reason, "whole number from 1 to 9"));
  }
}

TEST_CASE("atlas: a missing required field is named", "[atlas]") {
  SECTION("a muscle without latin") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major").erase("latin");
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_major]").reason == "missing field 'latin'");
    // The atlas is refused as a whole, with nothing else wrong.
    CHECK(r.problems.size() == 1);
  }
  SECTION("an innervation without roots") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "teres_major")["innervation"].erase("roots");
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[teres_major].innervation").reason == "missing field 'roots'");
  }
  SECTION("an empty latin name") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["latin"] = "";
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_major].latin").reason == "must not be empty");
  }
  SECTION("a source without citation") {
    json doc = embeddedJson("sources.json");
    byId(doc["sources"], "moore8").erase("citation");
    const AtlasLoad r = loadWith("sources.json", doc);
    CHECK(findProblem(r, "sources.json", "sources[moore8]").reason == "missing field 'citation'");
  }
}

TEST_CASE("atlas: a duplicate id is refused", "[atlas]") {
  SECTION("two landmarks with one id") {
    json doc = embeddedJson("landmarks.json");
    json copy = byId(doc["landmarks"], "t2_sp");
    doc["landmarks"].push_back(copy);
    const AtlasLoad r = loadWith("landmarks.json", doc);
    CHECK(findProblem(r, "landmarks.json", "landmarks[t2_sp].id").reason == "duplicate id 't2_sp'");
  }
  SECTION("two sources with one id") {
    json doc = embeddedJson("sources.json");
    doc["sources"].push_back({{"id", "moore8"}, {"citation", "Another book"}});
    const AtlasLoad r = loadWith("sources.json", doc);
    CHECK(findProblem(r, "sources.json", "sources[moore8].id").reason == "duplicate id 'moore8'");
  }
  SECTION("a muscle part with the id of another muscle") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "trapezius")["parts"][1]["id"] = "rhomboid_major";
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_major].id").reason == "duplicate id 'rhomboid_major'");
  }
  SECTION("a muscle with the id of a bone") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "teres_minor")["id"] = "scapula";
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[scapula].id").reason == "duplicate id 'scapula'");
  }
  SECTION("two layers with one index") {
    json doc = embeddedJson("layers.json");
    byIndex(doc["layers"], 5)["index"] = 4;
    const AtlasLoad r = loadWith("layers.json", doc);
    CHECK(findProblem(r, "layers.json", "layers[4].index").reason == "duplicate layer index");
  }
}

TEST_CASE("atlas: an unknown landmark in an attachment names the exact list entry", "[atlas]") {
  json doc = embeddedJson("muscles.json");
  byId(doc["muscles"], "rhomboid_major")["parts"][0]["origin"]["landmarks"][1] = "t13_sp";
  const AtlasLoad r = loadWith("muscles.json", doc);
  const Diagnostic d = findProblem(r, "muscles.json", "muscles[rhomboid_major].parts[0].origin.landmarks[1]");
  CHECK(d.reason == "unknown landmark 't13_sp'");
  CHECK(d.str() == "muscles.json: muscles[rhomboid_major].parts[0].origin.landmarks[1]: unknown landmark 't13_sp'");
  CHECK(r.problems.size() == 1);

  SECTION("and in an insertion of a later part") {
    json d2 = embeddedJson("muscles.json");
    byId(d2["muscles"], "trapezius")["parts"][2]["insertion"]["landmarks"][0] = "scap_nowhere";
    const AtlasLoad r2 = loadWith("muscles.json", d2);
    CHECK(findProblem(r2, "muscles.json", "muscles[trapezius].parts[2].insertion.landmarks[0]").reason ==
          "unknown landmark 'scap_nowhere'");
  }
  SECTION("and in a bone's list of landmarks") {
    json d3 = embeddedJson("bones.json");
    byId(d3["bones"], "scapula")["landmarks"].push_back("scap_nowhere");
    const AtlasLoad r3 = loadWith("bones.json", d3);
    const auto n = byId(d3["bones"], "scapula")["landmarks"].size() - 1;
    CHECK(findProblem(r3, "bones.json", "bones[scapula].landmarks[" + std::to_string(n) + "]").reason ==
          "unknown landmark 'scap_nowhere'");
  }
}

TEST_CASE("atlas: an unknown source id is refused", "[atlas]") {
  SECTION("in a muscle's action") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["action"]["sources"].push_back("nobody2020");
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_major].action.sources").reason ==
          "unknown source 'nobody2020'");
  }
  SECTION("in an origin") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "levator_scapulae")["parts"][0]["origin"]["sources"] = {"grays42"};
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[levator_scapulae].parts[0].origin.sources").reason ==
          "unknown source 'grays42'");
  }
  SECTION("in a landmark") {
    json doc = embeddedJson("landmarks.json");
    byId(doc["landmarks"], "c7_sp")["sources"] = {"nobody2020"};
    const AtlasLoad r = loadWith("landmarks.json", doc);
    CHECK(findProblem(r, "landmarks.json", "landmarks[c7_sp].sources").reason == "unknown source 'nobody2020'");
  }
  SECTION("a source removed from sources.json is missed where it is cited") {
    json doc = embeddedJson("sources.json");
    auto& list = doc["sources"];
    list.erase(std::remove_if(list.begin(), list.end(), [](const json& s) { return s["id"] == "seed_bpmt"; }),
               list.end());
    const AtlasLoad r = loadWith("sources.json", doc);
    CHECK(findProblem(r, "layers.json", "layers[1].sources").reason == "unknown source 'seed_bpmt'");
  }
}

TEST_CASE("atlas: an empty sources list is refused", "[atlas]") {
  SECTION("on a layer") {
    json doc = embeddedJson("layers.json");
    byIndex(doc["layers"], 3)["sources"] = json::array();
    const AtlasLoad r = loadWith("layers.json", doc);
    CHECK(findProblem(r, "layers.json", "layers[3].sources").reason == "must cite at least one source");
    CHECK(r.problems.size() == 1);
  }
  SECTION("on a muscle's note") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "infraspinatus")["note"]["sources"] = json::array();
    const AtlasLoad r = loadWith("muscles.json", doc);
    CHECK(findProblem(r, "muscles.json", "muscles[infraspinatus].note.sources").reason ==
          "must cite at least one source");
  }
  SECTION("missing altogether") {
    json doc = embeddedJson("bones.json");
    byId(doc["bones"], "c7").erase("sources");
    const AtlasLoad r = loadWith("bones.json", doc);
    CHECK(findProblem(r, "bones.json", "bones[c7]").reason == "missing field 'sources'");
  }
}

TEST_CASE("atlas: a bilateral landmark must have x > 0", "[atlas]") {
  json doc = embeddedJson("landmarks.json");
  auto& l = byId(doc["landmarks"], "scap_inferior_angle");
  l["position"][0] = -l["position"][0].get<double>();
  const AtlasLoad r = loadWith("landmarks.json", doc);
  const Diagnostic d = findProblem(r, "landmarks.json", "landmarks[scap_inferior_angle].position");
  CHECK(contains(d.reason, "bilateral"));
  CHECK(contains(d.reason, "x must be positive"));

  SECTION("x = 0 is refused too") {
    json d2 = embeddedJson("landmarks.json");
    byId(d2["landmarks"], "scap_inferior_angle")["position"][0] = 0.0;
    const AtlasLoad r2 = loadWith("landmarks.json", d2);
    CHECK(contains(findProblem(r2, "landmarks.json", "landmarks[scap_inferior_angle].position").reason,
                   "x must be positive"));
  }
  SECTION("a midline landmark may have x = 0") {
    CHECK(loadEmbeddedAtlas().atlas.landmark("t4_sp")->position.x == 0.0f);
  }
  SECTION("a landmark outside a standing adult") {
    json d3 = embeddedJson("landmarks.json");
    byId(d3["landmarks"], "t4_sp")["position"][1] = 14.1;  // centimetres by mistake
    const AtlasLoad r3 = loadWith("landmarks.json", d3);
    CHECK(contains(findProblem(r3, "landmarks.json", "landmarks[t4_sp].position").reason, "outside a standing adult"));
  }
}

TEST_CASE("atlas: a muscle's layer must be one of the layers", "[atlas]") {
  json doc = embeddedJson("muscles.json");
  byId(doc["muscles"], "rhomboid_major")["layer"] = 7;
  const AtlasLoad r = loadWith("muscles.json", doc);
  CHECK(findProblem(r, "muscles.json", "muscles[rhomboid_major].layer").reason == "layer 7 is not in layers");
  CHECK(r.problems.size() == 1);

  SECTION("a fractional layer") {
    json d2 = embeddedJson("muscles.json");
    byId(d2["muscles"], "rhomboid_major")["layer"] = 2.5;
    const AtlasLoad r2 = loadWith("muscles.json", d2);
    CHECK(findProblem(r2, "muscles.json", "muscles[rhomboid_major].layer").reason == "must be a whole number from 1 to 9");
  }
  SECTION("a layer removed from layers.json") {
    json d3 = embeddedJson("layers.json");
    auto& list = d3["layers"];
    list.erase(std::remove_if(list.begin(), list.end(), [](const json& l) { return l["index"] == 5; }), list.end());
    const AtlasLoad r3 = loadWith("layers.json", d3);
    CHECK(findProblem(r3, "muscles.json", "muscles[multifidus].layer").reason == "layer 5 is not in layers");
    CHECK(findProblem(r3, "muscles.json", "muscles[quadratus_lumborum].layer").reason == "layer 5 is not in layers");
  }
}

TEST_CASE("atlas: a landmark naming an unknown bone is refused", "[atlas]") {
  json doc = embeddedJson("landmarks.json");
  byId(doc["landmarks"], "t2_sp")["bone"] = "t13";
  const AtlasLoad r = loadWith("landmarks.json", doc);
  CHECK(findProblem(r, "landmarks.json", "landmarks[t2_sp].bone").reason == "unknown bone 't13'");
}

TEST_CASE("atlas: ids must be lower-case letters, digits and _", "[atlas]") {
  SECTION("a muscle id with capitals and a hyphen") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["id"] = "Rhomboid-Major";
    const AtlasLoad r = loadWith("muscles.json", doc);
    const Diagnostic d = findProblem(r, "muscles.json", "muscles[Rhomboid-Major].id");
    CHECK(d.reason == "'Rhomboid-Major' must be lower-case letters, digits and _");
  }
  for (const std::string bad : {"1st_source", "has space", "_lead", "dot.ted", "umlaut\xC3\xBC"}) {
    DYNAMIC_SECTION("a source id '" << bad << "'") {
      json doc = embeddedJson("sources.json");
      doc["sources"].push_back({{"id", bad}, {"citation", "A book"}});
      const AtlasLoad r = loadWith("sources.json", doc);
      CHECK(findProblem(r, "sources.json", "sources[" + bad + "].id").reason ==
            "'" + bad + "' must be lower-case letters, digits and _");
    }
  }
  SECTION("a good id is accepted") {
    json doc = embeddedJson("sources.json");
    doc["sources"].push_back({{"id", "a1_b2"}, {"citation", "A book"}});
    const AtlasLoad r = loadWith("sources.json", doc);
    INFO(allProblems(r.problems));
    CHECK(r.ok());
  }
}

TEST_CASE("atlas: a second file of one kind is refused", "[atlas]") {
  auto files = embeddedWith("layers.json", embeddedAtlasFiles().at("layers.json"));
  files.push_back({"more_layers.json", embeddedAtlasFiles().at("layers.json")});
  const AtlasLoad r = loadAtlasFiles(files);
  CHECK(contains(findProblem(r, "more_layers.json", "layers").reason, "a second file of layers"));
}

TEST_CASE("atlas: round-tripping the built-in files through a JSON parser changes nothing", "[atlas]") {
  std::vector<AtlasFile> files;
  for (const auto& [n, t] : embeddedAtlasFiles()) files.push_back({n, json::parse(t).dump()});
  const AtlasLoad r = loadAtlasFiles(files);
  INFO(allProblems(r.problems));
  CHECK(r.ok());
  CHECK(r.atlas.muscles.size() == loadEmbeddedAtlas().atlas.muscles.size());
}

// ---------------------------------------------------------------------------------------------
// validatePaths and loadAtlasDirectory
// ---------------------------------------------------------------------------------------------

TEST_CASE("atlas: validatePaths checks a folder", "[atlas]") {
  const fs::path dir = freshDir("folder_ok");
  for (const auto& [n, t] : embeddedAtlasFiles()) writeText(dir / n, t);
  {
    const auto problems = validatePaths({dir});
    INFO(allProblems(problems));
    CHECK(problems.empty());
  }
  CHECK(loadAtlasDirectory(dir).ok());
  CHECK_NOTHROW(loadAtlasOrThrow(dir));

  SECTION("a broken file in the folder is named by its path") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["parts"][0]["origin"]["landmarks"][1] = "t13_sp";
    writeText(dir / "muscles.json", doc.dump(2));
    const auto problems = validatePaths({dir});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == (dir / "muscles.json").string());
    CHECK(problems[0].field == "muscles[rhomboid_major].parts[0].origin.landmarks[1]");
    CHECK(problems[0].reason == "unknown landmark 't13_sp'");
    // The app refuses it with one sentence that points at `dorsum validate`.
    try {
      loadAtlasOrThrow(dir);
      FAIL("a broken atlas was accepted");
    } catch (const UserError& e) {
      const std::string msg = e.what();
      CHECK(e.exitCode() == 1);
      CHECK(contains(msg, "has 1 problem, the first: "));
      CHECK(contains(msg, "unknown landmark 't13_sp'"));
      CHECK(contains(msg, "dorsum validate"));
      CHECK_FALSE(contains(msg, "\n"));
    }
  }
  SECTION("a folder with no JSON files") {
    const fs::path empty = freshDir("folder_empty");
    writeText(empty / "readme.txt", "not an atlas");
    const auto problems = validatePaths({empty});
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].reason, "no .json atlas files"));
  }
}

TEST_CASE("atlas: validatePaths checks one file against the built-in atlas", "[atlas]") {
  const fs::path dir = freshDir("single_file");
  SECTION("a good file") {
    writeText(dir / "layers.json", embeddedAtlasFiles().at("layers.json"));
    const auto problems = validatePaths({dir / "layers.json"});
    INFO(allProblems(problems));
    CHECK(problems.empty());
  }
  SECTION("a muscles file with an unknown landmark: only that file's problems, named by its path") {
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["parts"][0]["origin"]["landmarks"][1] = "t13_sp";
    const fs::path file = dir / "my_muscles.json";
    writeText(file, doc.dump(2));
    const auto problems = validatePaths({file});
    INFO(allProblems(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == file.string());
    CHECK(problems[0].field == "muscles[rhomboid_major].parts[0].origin.landmarks[1]");
    CHECK(problems[0].reason == "unknown landmark 't13_sp'");
  }
  SECTION("a syntax error") {
    const fs::path file = dir / "bad.json";
    writeText(file, "{\n  \"layers\": [\n    {\"index\": 1,}\n  ]\n}\n");
    const auto problems = validatePaths({file});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == file.string());
    CHECK(contains(problems[0].reason, "not valid JSON at line 3, column "));
  }
  SECTION("other kinds come from the file's own folder before the built-in ones") {
    // A one-landmark atlas: the muscles file refers to it, so it is found only in the folder.
    json landmarks = embeddedJson("landmarks.json");
    landmarks["landmarks"].push_back({{"id", "t13_sp"},
                                      {"name", "A thirteenth thoracic spine"},
                                      {"bone", "t12"},
                                      {"bilateral", false},
                                      {"position", {0.0, 1.2, -0.09}},
                                      {"sources", {"dorsum_estimate"}}});
    writeText(dir / "landmarks.json", landmarks.dump(2));
    json doc = embeddedJson("muscles.json");
    byId(doc["muscles"], "rhomboid_major")["parts"][0]["origin"]["landmarks"][1] = "t13_sp";
    writeText(dir / "muscles.json", doc.dump(2));
    const auto problems = validatePaths({dir / "muscles.json"});
    INFO(allProblems(problems));
    CHECK(problems.empty());
  }
  SECTION("several paths report the problems of each") {
    writeText(dir / "a.json", "[]");
    writeText(dir / "b.json", "{\"nothing\": 1}");
    const auto problems = validatePaths({dir / "a.json", dir / "b.json"});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].file == (dir / "a.json").string());
    CHECK(problems[1].file == (dir / "b.json").string());
  }
}

TEST_CASE("atlas: validatePaths reports a missing path", "[atlas]") {
  const fs::path missing = fs::path(DORSUM_TEST_OUTPUT) / "atlas" / "no-such-folder";
  fs::remove_all(missing);
  for (const fs::path& p : {missing, missing / "muscles.json"}) {
    const auto problems = validatePaths({p});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == p.string());
    CHECK(problems[0].field.empty());
    CHECK(problems[0].reason == "does not exist");
    CHECK(problems[0].str() == p.string() + ": does not exist");
  }
  CHECK_FALSE(loadAtlasDirectory(missing).ok());
  CHECK_THROWS_AS(loadAtlasOrThrow(missing), UserError);
}

// ---------------------------------------------------------------------------------------------
// atlasToJson
// ---------------------------------------------------------------------------------------------

TEST_CASE("atlas: atlasToJson has the documented keys", "[atlas]") {
  const Atlas a = loadEmbeddedAtlas().atlas;
  const std::string text = atlasToJson(a);
  json doc;
  REQUIRE_NOTHROW(doc = json::parse(text));
  REQUIRE(doc.is_object());
  for (const char* key : {"layers", "muscles", "bones", "landmarks", "sources"}) {
    INFO(key);
    REQUIRE(doc.contains(key));
    CHECK(doc[key].is_array());
  }

  SECTION("layers") {
    REQUIRE(doc["layers"].size() == a.layers.size());
    std::set<std::string> listed;
    for (json l : doc["layers"]) {
      REQUIRE(l.contains("index"));
      CHECK(l["index"].is_number_integer());
      CHECK(l["name"].is_string());
      REQUIRE(l["muscles"].is_array());
      for (const auto& m : l["muscles"]) {
        const Muscle* muscle = a.muscle(m.get<std::string>());
        REQUIRE(muscle != nullptr);
        CHECK(muscle->layer == l["index"].get<int>());
        listed.insert(m.get<std::string>());
      }
    }
    CHECK(listed.size() == a.muscles.size());
    CHECK(doc["layers"][0]["index"] == 1);
    CHECK(doc["layers"][2]["muscles"].dump().find("levator_scapulae") != std::string::npos);
  }

  SECTION("muscles") {
    REQUIRE(doc["muscles"].size() == a.muscles.size());
    for (json m : doc["muscles"]) {
      INFO(m.value("id", std::string("?")));
      for (const char* key : {"id", "name", "latin", "group"}) CHECK(m[key].is_string());
      CHECK(m["layer"].is_number_integer());
      REQUIRE(m["sides"].is_array());
      CHECK(m["sides"] == json::array({"left", "right"}));
      for (const char* key : {"origin", "insertion"}) {
        INFO(key);
        REQUIRE(m[key].is_array());
        CHECK_FALSE(m[key].empty());
        for (json at : m[key]) {
          CHECK(at["landmark"].is_string());
          CHECK(at["name"].is_string());
          CHECK_FALSE(at["name"].get<std::string>().empty());
        }
      }
      CHECK(m["action"]["text"].is_string());
      CHECK(m["action"]["sources"].is_array());
      CHECK(m["innervation"]["nerve"].is_string());
      CHECK(m["innervation"]["roots"].is_string());
      CHECK(m["innervation"]["sources"].is_array());
      CHECK(m["blood_supply"]["text"].is_string());
      CHECK(m["blood_supply"]["sources"].is_array());
      REQUIRE(m["sources"].is_array());
      CHECK_FALSE(m["sources"].empty());
      for (const auto& s : m["sources"]) CHECK(s.is_string());
    }
    // One muscle in detail against the loaded atlas.
    json rm;
    for (json m : doc["muscles"])
      if (m["id"] == "rhomboid_major") rm = m;
    REQUIRE(rm.is_object());
    const Muscle& src = *a.muscle("rhomboid_major");
    CHECK(rm["name"] == src.name);
    CHECK(rm["latin"] == src.latin);
    CHECK(rm["layer"] == 2);
    CHECK(rm["group"] == "rhomboids");
    CHECK(rm["innervation"]["nerve"] == src.innervation.nerve);
    REQUIRE(rm["origin"].size() == src.parts[0].origin.landmarks.size());
    CHECK(rm["origin"][0]["landmark"] == src.parts[0].origin.landmarks[0]);
    CHECK(rm["origin"][0]["name"] == a.landmark(src.parts[0].origin.landmarks[0])->name);
    // The muscle's sources are the union of every fact's sources.
    for (const auto& s : src.action.sources) CHECK(rm["sources"].dump().find("\"" + s + "\"") != std::string::npos);

    // A muscle in parts lists every part's attachments.
    for (json m : doc["muscles"])
      if (m["id"] == "trapezius") {
        std::size_t n = 0;
        for (const auto& p : a.muscle("trapezius")->parts) n += p.origin.landmarks.size();
        CHECK(m["origin"].size() == n);
      }
  }

  SECTION("bones and landmarks") {
    CHECK(doc["bones"].size() == a.bones.size());
    for (json b : doc["bones"]) {
      CHECK(b["id"].is_string());
      CHECK(b["name"].is_string());
    }
    REQUIRE(doc["landmarks"].size() == a.landmarks.size());
    for (json l : doc["landmarks"]) {
      INFO(l.value("id", std::string("?")));
      CHECK(l["id"].is_string());
      CHECK(l["name"].is_string());
      REQUIRE(l["position"].is_array());
      REQUIRE(l["position"].size() == 3);
      for (const auto& c : l["position"]) CHECK(c.is_number());
      const Landmark* lm = a.landmark(l["id"].get<std::string>());
      REQUIRE(lm != nullptr);
      CHECK(l["position"][1].get<double>() == Approx(lm->position.y));
    }
  }

  SECTION("a midline muscle has the side 'midline'") {
    Atlas copy = a;
    copy.muscles[0].bilateral = false;
    const json d2 = json::parse(atlasToJson(copy));
    CHECK(d2["muscles"][0]["sides"] == json::array({"midline"}));
  }

  SECTION("indent 0 and a summary") {
    const std::string compact = atlasToJson(a, 0);
    CHECK(json::parse(compact) == doc);
    const std::string summary = atlasSummary(a);
    CHECK(contains(summary, "levator_scapulae"));
    CHECK(contains(summary, a.layer(1)->name));
  }
}
