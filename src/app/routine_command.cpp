// `dorsum routines` and `dorsum routine ID`: the massage routines, and one sampled over time so a
// path can be checked without a window.
#include "app/commands.hpp"
#include "core/json_text.hpp"
#include "app/scene_source.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"
#include "core/strokes/stroke_motion.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

namespace dorsum::app {

namespace {
std::string clock(float seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d:%02d", int(seconds) / 60, int(seconds) % 60);
  return buf;
}
}  // namespace

int runRoutines(const RoutinesOptions& o) {
  const core::Atlas atlas = core::loadAtlasOrThrow(o.atlasDir);
  const core::RoutineSet set = core::loadRoutinesOrThrow(atlas);
  if (o.json) {
    nlohmann::json techniques = nlohmann::json::object();
    for (const auto& [t, c] : set.techniques) techniques[core::techniqueName(t)] = {{"text", c.text}, {"sources", c.sources}};
    nlohmann::json cautions = nlohmann::json::array();
    for (const auto& c : set.cautions) cautions.push_back({{"text", c.text}, {"sources", c.sources}});
    std::cout << core::jsonText(nlohmann::json{{"routines", core::routinesJson(set)}, {"techniques", techniques}, {"cautions", cautions}}) << "\n";
    return 0;
  }
  for (const auto& r : set.routines) {
    std::cout << r.name << " (" << r.id << ", " << clock(r.duration()) << ", " << r.strokes.size() << " strokes)\n";
    float t = 0.0f;
    for (std::size_t i = 0; i < r.strokes.size(); ++i) {
      const core::Stroke& s = r.strokes[i];
      std::cout << "  " << clock(t) << "  " << core::techniqueName(s.technique) << ", " << core::toolName(s.tool) << ", "
                << core::pressureName(s.pressure) << "\n";
      t += s.durationS;
    }
  }
  std::cout << "Teaching content, not treatment: see each routine's cautions ('dorsum routines --json').\n";
  return 0;
}

int runRoutine(const RoutineOptions& o) {
  if (o.samples < 1 || o.samples > 100000) throw core::usageError("The number of samples " + std::to_string(o.samples) + " is out of range: use 1 to 100000.");
  const LoadedScene loaded = loadScene({std::nullopt, o.atlasDir});
  const core::RoutineMotion motion = routineMotion(loaded, o.id);
  const float d = motion.duration();
  nlohmann::json samples = nlohmann::json::array();
  for (int i = 0; i < o.samples; ++i) {
    // Evenly over [0, duration): the first sample at the start, none at the very end.
    const float t = d * float(i) / float(o.samples);
    samples.push_back(core::sampleJson(motion.sample(t)));
  }
  if (o.json) {
    std::cout << core::jsonText(nlohmann::json{{"routine", motion.routine().id}, {"duration_s", d}, {"samples", samples}}) << "\n";
    return 0;
  }
  std::cout << motion.routine().name << ": " << o.samples << " samples over " << clock(d) << "\n";
  for (const auto& s : samples) {
    const auto& p = s["position"];
    std::printf("  %7.2f s  stroke %d  %-20s %-6s pos (%.3f, %.3f, %.3f) m  reaches %s (layer %d)\n", s["t"].get<double>(),
                s["stroke"].get<int>() + 1, s["technique"].get<std::string>().c_str(), s["phase"].get<std::string>().c_str(),
                p[0].get<double>(), p[1].get<double>(), p[2].get<double>(),
                s["muscle"].is_null() ? "no muscle" : s["muscle"].get<std::string>().c_str(), s["layer_reached"].get<int>());
  }
  return 0;
}

}  // namespace dorsum::app
