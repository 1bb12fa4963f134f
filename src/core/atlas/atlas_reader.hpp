#pragma once
// Reading one atlas file: a Reader walks its JSON and records each problem with the path of the
// field it concerns. Shared by the readers of each kind of file (atlas_read_*.cpp); not a public
// interface.
#include "core/atlas/atlas_loader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace dorsum::core::atlas_detail {

using nlohmann::json;

inline std::string lineColumn(const std::string& text, std::size_t byte);

// Walks one file's JSON, recording problems with the path of the field they concern.
class Reader {
public:
  Reader(std::string file, std::vector<Diagnostic>& out) : file_(std::move(file)), out_(out) {}

  // Lines stay short whatever the input: a megabyte id is elided, not echoed.
  void problem(const std::string& field, const std::string& reason) { out_.push_back({file_, elided(field), elided(reason)}); }

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
    const json* v = member(obj, path, key, true);
    if (!v) return 0;  // reported as missing
    if (!v->is_number()) {
      problem(path + "." + key, "must be a number");
      return 0;
    }
    const double value = v->get<double>();
    if (value != std::floor(value) || value < 1 || value > 9) {
      problem(path + "." + key, "must be a whole number from 1 to 9");
      return 0;
    }
    return int(value);
  }
  // A file that is not JSON: where (for a syntax error) and why, as one problem.
  void jsonProblem(const std::string& text, const json::exception& e) {
    const std::string what = e.what();
    if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) {
      const auto colon = what.rfind(": ");
      problem("", "not valid JSON at " + lineColumn(text, pe->byte == 0 ? 0 : pe->byte - 1) + ": " +
                      (colon == std::string::npos ? what : what.substr(colon + 2)));
    } else {  // a number beyond a double (1e400), ...
      const auto bracket = what.find("] ");
      problem("", "not valid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2)));
    }
  }
  const std::string& file() const { return file_; }

private:
  std::string file_;
  std::vector<Diagnostic>& out_;
};

inline std::string lineColumn(const std::string& text, std::size_t byte) {
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

// [a-z][a-z0-9_]*, checked by hand: std::regex recurses per character and overflows the stack on
// a long id.
inline bool validId(const std::string& id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  for (const char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

inline std::string itemPath(const char* kind, std::size_t i, const json& item) {
  if (item.is_object()) {
    auto it = item.find("id");
    if (it != item.end() && it->is_string()) return std::string(kind) + "[" + it->get<std::string>() + "]";
    it = item.find("index");
    if (it != item.end() && it->is_number_integer()) return std::string(kind) + "[" + std::to_string(it->get<int>()) + "]";
  }
  return std::string(kind) + "[" + std::to_string(i) + "]";
}

// A point given by landmarks: "landmark", or {"landmark": a, "to": b, "t": 0.3, "offset_mm": [x, y,
// z]} (regions and massage routines).
PointSpec readPoint(Reader& r, const json& v, const std::string& path);

// One item of each kind of file, read into the atlas.
void readSource(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readLayer(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readLandmark(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readBone(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readMuscle(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readRegion(Reader& r, const json& item, const std::string& path, Atlas& atlas);
void readTriggerPoint(Reader& r, const json& item, const std::string& path, Atlas& atlas);
// An optional "disagreements" list: {field, text, follow, sources} each.
std::vector<Disagreement> readDisagreements(Reader& r, const json& item, const std::string& path);

}  // namespace dorsum::core::atlas_detail
