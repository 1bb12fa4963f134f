#pragma once
// The CLI subcommands. Each returns the process exit code and throws core::UserError for errors a
// user can cause; main() reports those in one sentence.
#include "core/camera.hpp"
#include "core/text_args.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::app {

struct RenderOptions {
  std::filesystem::path out;
  std::string size = "1280x720";
  std::string view = "posterior";
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> atlasDir;
  int peel = 0;
  bool skin = false;
  std::vector<std::string> hide, ghost;
  std::optional<std::string> select, isolate;
  bool labels = false;
  // A saved view state (JSON) to start from; the other flags then change it.
  std::optional<std::filesystem::path> state;
  bool viewGiven = false;  // --view was given (with --state, it moves the saved camera)
  // Referred pain: a trigger point's pattern, or a region, as the viewer frames it; on a side.
  std::optional<std::string> triggerPoint, region;
  std::string side = "left";
  bool marks = false;  // every trigger point as an X mark
  // A massage routine at an instant: the contact, its trail, the muscle it reaches.
  std::optional<std::string> routine;
  float time = 0.0f;
};
int runRender(const RenderOptions& options);

struct BenchOptions {
  bool json = false;
  std::string size = "1280x720";
  int frames = 120;
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> atlasDir;
  // Another model (an earlier build's atlas.glb) drawn in the same run, frames alternating with
  // the measured scene's, so the ratio of the two is fair on a shared, noisy machine.
  std::optional<std::filesystem::path> baseline;
  std::optional<std::filesystem::path> shaderDir;  // developer: measure edited shaders
};
int runBench(const BenchOptions& options);

struct ViewOptions {
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> atlasDir;
  std::string view = "posterior";
  std::optional<std::filesystem::path> shaderDir;  // developer: load and hot-reload shaders
  float uiScale = 0.0f;                            // 0: from the monitor's content scale
  // Test hooks: draw this many frames, save the last one, and exit.
  int exitAfterFrames = 0;
  std::optional<std::filesystem::path> screenshot;
  std::optional<std::filesystem::path> report;  // at exit: the view state (and what is hovered) as JSON
  std::optional<std::string> select;
  std::optional<std::string> routine;           // start playing this massage routine
  std::optional<std::filesystem::path> state;   // a saved view state to start from
  bool labels = false;
  bool present = false;                          // panels hidden
  bool glDebug = false;
  std::string size;                              // "WxH" for the window; empty: fit the monitor
  int frameDelayMs = 0;                          // testing: make every frame this much slower
};
int runViewer(const ViewOptions& options);

// `dorsum pick --at X,Y`: what a click at that pixel of the render would select, as JSON.
struct PickOptions {
  std::string at;
  std::string size = "1280x720";
  std::string view = "posterior";
  int peel = 0;
  bool skin = false;
  std::optional<std::filesystem::path> model;
  std::optional<std::filesystem::path> atlasDir;
  std::optional<std::filesystem::path> state;  // a saved view state to pick in
  bool viewGiven = false;
};
int runPick(const PickOptions& options);
}  // namespace dorsum::app

#include "app/scene_source.hpp"
#include "core/geometry/bvh.hpp"

namespace dorsum::app {
// What `dorsum pick` prints for pixel (x, y) (its centre) of a width x height render: JSON.
// What a click at pixel (x, y) (its centre) of a width x height image selects in this state: JSON.
std::string pickAtPixel(const LoadedScene& loaded, const core::ViewContext& ctx, const core::ViewState& state,
                        const core::Bvh& bvh, int width, int height, int x, int y);

// `dorsum referral --trigger-point ID | --region ID [--json]`: a point's zones, or what refers to a region.
struct ReferralOptions {
  std::optional<std::string> triggerPoint, region;
  bool json = false;
  std::optional<std::filesystem::path> atlasDir;
};
int runReferral(const ReferralOptions& options);

// `dorsum bake --out FILE.glb`: the whole atlas as one GLB, deterministic.
struct BakeOptions {
  std::filesystem::path out;
  std::optional<std::filesystem::path> atlasDir;
  float resolution = 1.0f;
};
int runBake(const BakeOptions& options);

// `dorsum validate PATH...`: 0 when valid, 1 with every problem on stderr.
int runValidate(const std::vector<std::filesystem::path>& paths);

struct AtlasOptions {
  bool json = false;
  std::optional<std::filesystem::path> atlasDir;
};
int runAtlas(const AtlasOptions& options);

// `dorsum routines [--json]`: the massage routines with their strokes.
struct RoutinesOptions {
  bool json = false;
  std::optional<std::filesystem::path> atlasDir;
};
int runRoutines(const RoutinesOptions& options);

// `dorsum routine ID [--samples N] [--json]`: the routine sampled evenly over its duration.
struct RoutineOptions {
  std::string id;
  int samples = 20;
  bool json = false;
  std::optional<std::filesystem::path> atlasDir;
};
int runRoutine(const RoutineOptions& options);

// `dorsum export --routine ID --out FILE.mp4 [--fps N] [--size WxH]`: a video of the routine
// (through ffmpeg; numbered PNG frames without it).
struct ExportOptions {
  std::string routine;
  std::filesystem::path out;
  int fps = 30;
  std::string size = "1280x720";
  std::string view = "posterior";
  float from = 0.0f;               // seconds into the routine
  std::optional<float> to;         // none: its end
  std::optional<std::filesystem::path> atlasDir;
};
int runExport(const ExportOptions& options);

// Shared argument checks (usage errors), done before any context or file is opened.
core::StandardView requireView(const std::string& name);
void requireWritableOutput(const std::filesystem::path& out);

}  // namespace dorsum::app
