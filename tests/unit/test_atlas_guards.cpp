// Atlases that validate must build: these broken-but-plausible atlases are refused up front.
#include "core/atlas/atlas_loader.hpp"
#include "core/atomic_file.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace dorsum::core;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
std::vector<AtlasFile> embeddedWith(const std::string& name, const std::string& text) {
  std::vector<AtlasFile> files;
  for (const auto& [n, t] : embeddedAtlasFiles()) files.push_back({n, n == name ? text : t});
  return files;
}
json embedded(const std::string& name) { return json::parse(embeddedAtlasFiles().at(name)); }
bool mentions(const AtlasLoad& r, const std::string& words) {
  for (const auto& d : r.problems)
    if (d.str().find(words) != std::string::npos) return true;
  return false;
}
fs::path folder(const std::string& name) {
  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "guards" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("atlas guards: layers must run from 1 without gaps", "[atlas]") {
  json layers = embedded("layers.json");
  layers["layers"].erase(3);  // no layer 4
  const AtlasLoad r = loadAtlasFiles(embeddedWith("layers.json", layers.dump()));
  CHECK(mentions(r, "layer indices must run from 1 without gaps"));
}

TEST_CASE("atlas guards: unpaired muscles are refused until they are supported", "[atlas]") {
  json muscles = embedded("muscles.json");
  muscles["muscles"][0]["bilateral"] = false;
  CHECK(mentions(loadAtlasFiles(embeddedWith("muscles.json", muscles.dump())), "not supported yet"));
}

TEST_CASE("atlas guards: a part from one landmark to the same landmark has no fibres", "[atlas]") {
  json muscles = embedded("muscles.json");
  auto& part = muscles["muscles"][0]["parts"][0];
  part["origin"]["landmarks"] = json::array({"c7_sp"});
  part["insertion"]["landmarks"] = json::array({"c7_sp"});
  CHECK(mentions(loadAtlasFiles(embeddedWith("muscles.json", muscles.dump())), "fibres would have no length"));
}

TEST_CASE("atlas guards: shape parameters out of their range name the field", "[atlas]") {
  const std::pair<const char*, json> cases[] = {
      {"rise", 1.5}, {"stick", -0.1}, {"thickness_along", json::array({0.5})}, {"medial_edge", json::array({json::array({"c7_sp", 99})})}};
  for (const auto& [field, value] : cases) {
    json muscles = embedded("muscles.json");
    muscles["muscles"][0]["parts"][0]["shape"][field] = value;
    const AtlasLoad r = loadAtlasFiles(embeddedWith("muscles.json", muscles.dump()));
    INFO(field);
    CHECK(mentions(r, std::string("shape.") + field));
  }
  // The built-in values load.
  CHECK(loadAtlasFiles(embeddedWith("", "")).problems.empty());
}

TEST_CASE("atlas guards: a trigger point on an unknown muscle, a zone naming an unknown region, a missing source", "[atlas]") {
  json points = embedded("trigger_points.json");
  points["trigger_points"][0]["muscle"] = "pectoralis_major";
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "unknown muscle 'pectoralis_major'"));
  points = embedded("trigger_points.json");
  points["trigger_points"][0]["part"] = "latissimus_dorsi_iliac";
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "is not a part of"));
  points = embedded("trigger_points.json");
  points["trigger_points"][1]["essential"].push_back("left_knee");
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "unknown region 'left_knee'"));
  points = embedded("trigger_points.json");
  points["trigger_points"][2]["sources"] = json::array({"no_such_book"});
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "unknown source 'no_such_book'"));
  points = embedded("trigger_points.json");
  points["trigger_points"][3].erase("sources");
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "missing field 'sources'"));
  points = embedded("trigger_points.json");
  points["trigger_points"][0]["spillover"].push_back(points["trigger_points"][0]["essential"][0]);
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "is in the essential zone already"));
  points = embedded("trigger_points.json");
  points["trigger_points"][0]["location"]["u"] = 1.5;
  CHECK(mentions(loadAtlasFiles(embeddedWith("trigger_points.json", points.dump())), "location.u"));
  json regions = embedded("regions.json");
  regions["regions"][0]["shapes"][0]["from"] = "no_such_landmark";
  CHECK(mentions(loadAtlasFiles(embeddedWith("regions.json", regions.dump())), "unknown landmark 'no_such_landmark'"));
  regions = embedded("regions.json");
  regions["regions"][0]["shapes"][0]["facing"] = "sideways";
  CHECK(mentions(loadAtlasFiles(embeddedWith("regions.json", regions.dump())), "facing"));
}

TEST_CASE("atlas guards: a folder missing a kind of file is not an atlas", "[atlas]") {
  const fs::path dir = folder("missing_landmarks");
  for (const auto& [name, text] : embeddedAtlasFiles())
    if (name != "landmarks.json") std::ofstream(dir / name) << text;
  fs::create_directories(dir / "notes.json");  // a folder named like a file is skipped, not misread
  const AtlasLoad r = loadAtlasDirectory(dir);
  CHECK(mentions(r, "no file holds the atlas's landmarks"));
  CHECK_FALSE(mentions(r, "notes.json"));
}

TEST_CASE("atomic writes keep the mode of the file they replace and write through links", "[image]") {
  const fs::path dir = folder("atomic");
  const fs::path target = dir / "target.txt";
  std::ofstream(target) << "old";
  ::chmod(target.c_str(), 0600);
  fs::create_symlink(target, dir / "link.txt");
  writeFileAtomically(dir / "link.txt", "new");
  CHECK(fs::is_symlink(dir / "link.txt"));
  std::ifstream in(target);
  std::string text;
  in >> text;
  CHECK(text == "new");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("atlas guards: a layer of -1 is refused, not taken for a missing layer", "[atlas]") {
  json muscles = embedded("muscles.json");
  muscles["muscles"][0]["layer"] = -1;
  const AtlasLoad r = loadAtlasFiles(embeddedWith("muscles.json", muscles.dump()));
  REQUIRE_FALSE(r.ok());
  CHECK(mentions(r, ".layer: must be a whole number from 1 to 9"));
}

TEST_CASE("atlas guards: a megabyte id neither overflows the stack nor floods the terminal", "[atlas]") {
  json muscles = embedded("muscles.json");
  muscles["muscles"][0]["id"] = std::string(1 << 20, 'a') + "X";
  const AtlasLoad r = loadAtlasFiles(embeddedWith("muscles.json", muscles.dump()));
  REQUIRE_FALSE(r.ok());
  for (const auto& d : r.problems) CHECK(d.str().size() < 1000);
  CHECK(mentions(r, "bytes elided"));
}

TEST_CASE("atlas guards: a number beyond a double is a problem of its file, and the others are still read", "[atlas]") {
  std::string text = embeddedAtlasFiles().at("landmarks.json");
  const auto at = text.find("0.0229");  // a coordinate
  REQUIRE(at != std::string::npos);
  text.replace(at, 6, "1e400");
  const AtlasLoad r = loadAtlasFiles(embeddedWith("landmarks.json", text));
  REQUIRE_FALSE(r.ok());
  bool named = false;
  for (const auto& d : r.problems) named = named || (d.file == "landmarks.json" && d.reason.find("not valid JSON") != std::string::npos);
  CHECK(named);
}

TEST_CASE("atomic writes never replace a pipe or device, nor follow another user's link", "[image]") {
  const fs::path dir = folder("atomic_guards");
  const fs::path fifo = dir / "out.png";
  REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
  CHECK_THROWS_WITH(writeFileAtomically(fifo, "new"), Catch::Contains("not a regular file"));
  struct stat st {};
  REQUIRE(::lstat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));  // still the pipe
  if (::geteuid() == 0) {
    // As root: /dev/null stays a device.
    CHECK_THROWS_WITH(writeFileAtomically("/dev/null", "new"), Catch::Contains("not a regular file"));
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    // Another user's link in a shared folder is not followed: its target keeps its contents.
    const fs::path victim = dir / "victim.txt";
    std::ofstream(victim) << "precious";
    const fs::path trap = dir / "trap.png";
    fs::create_symlink(victim, trap);
    REQUIRE(::lchown(trap.c_str(), 65534, 65534) == 0);
    CHECK_THROWS_WITH(writeFileAtomically(trap, "new"), Catch::Contains("belongs to another user"));
    std::ifstream in(victim);
    std::string text;
    in >> text;
    CHECK(text == "precious");
  }
  // Nothing half-written is left in the folder.
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename().string().rfind(".dorsum-", 0) != 0);
}
