// The command line: every command and option, parsed apart from running (app/cli.hpp).
#include "app/cli.hpp"

#include "app/commands.hpp"
#include "core/error.hpp"
#include "core/text_args.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

namespace dorsum::app {

namespace {
// The subcommand nearest a mistyped word (at most two edits away), if any.
std::optional<std::string> nearestCommand(const std::string& word, CLI::App& cli) {
  std::optional<std::string> best;
  std::size_t bestDistance = 3;
  for (const CLI::App* sub : cli.get_subcommands([](CLI::App*) { return true; })) {
    const std::size_t distance = core::editDistance(word, sub->get_name());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = sub->get_name();
    }
  }
  return best;
}
}  // namespace

struct CommandLine::Impl {
  CLI::App cli{"Dorsum: a 3D teaching atlas of the back muscles.\nWith no command, opens the viewer.", "dorsum"};
  ViewOptions view;
  std::string viewModel, shaderDir, viewSelect, viewState, report, screenshot, viewRoutine;
  RenderOptions render;
  std::string renderModel, renderState;
  RoutinesOptions routinesOptions;
  RoutineOptions routineOptions;
  ExportOptions exportOptions;
  ReferralOptions referralOptions;
  PickOptions pickOptions;
  std::string pickModel, pickState;
  BakeOptions bake;
  BenchOptions bench;
  std::string benchModel, benchBaseline, benchShaders;
  std::vector<std::string> validatePaths;
  AtlasOptions atlasOptions;
  std::string atlasDir;
  CLI::App *viewCmd, *renderCmd, *routinesCmd, *routineCmd, *exportCmd, *referralCmd, *pickCmd, *bakeCmd, *benchCmd,
      *validateCmd, *atlasCmd;

  Impl() {
    cli.require_subcommand(0, 1);
    cli.set_help_all_flag("--help-all", "Print the help of every command and exit");

    // The viewer's options work with or without the word 'view': `dorsum --ui-scale 2`,
    // `dorsum MODEL`, `dorsum view --labels` are the same.
    viewCmd = cli.add_subcommand("view", "Open the viewer window (the default command)");
    auto addViewOptions = [&](CLI::App* a, bool top) {
      a->add_option("model", viewModel, "A model to open (glTF/GLB, OBJ, STL, FBX, ...); default: the body");
      a->add_option("--view", view.view, "Standard view to start from: " + core::viewNamesJoined());
      a->add_option("--ui-scale", view.uiScale, "UI scale for projectors, 1 to 3 (default: the monitor's)")
          ->check(CLI::Range(1.0f, 3.0f));
      a->add_option("--select", viewSelect, "Start with this structure selected");
      a->add_flag("--labels", view.labels, "Start with the muscles labelled");
      a->add_option("--routine", viewRoutine, "Start playing this massage routine (see 'dorsum routines')");
      a->add_flag("--present", view.present, "Start presenting: panels hidden (Tab shows them)");
      a->add_option("--state", viewState, "Start from a saved view state (JSON, as --report writes)");
      const char* dev = top ? "Viewer (developer)" : "Developer";
      a->add_option("--shader-dir", shaderDir, "Developer: load shaders from this folder and hot-reload them")->group(dev);
      a->add_flag("--gl-debug", view.glDebug, "Developer: log OpenGL debug messages (KHR_debug)")->group(dev);
      const char* testing = top ? "Viewer (testing)" : "Testing";
      a->add_option("--report", report, "Testing: at exit, write the view state (selection, peel, camera, ...) as JSON")
          ->group(testing);
      a->add_option("--screenshot", screenshot, "Testing: save the last frame drawn to this PNG")->group(testing);
      a->add_option("--exit-after-frames", view.exitAfterFrames, "Testing: close after drawing N frames")
          ->check(CLI::Range(1, 1000000))
          ->group(testing);
      a->add_option("--size", view.size, "Testing: the window's size as WIDTHxHEIGHT (default: fits the monitor)")
          ->group(testing);
      a->add_option("--frame-delay", view.frameDelayMs, "Testing: make every frame this many milliseconds slower")
          ->check(CLI::Range(0, 5000))
          ->group(testing);
    };
    addViewOptions(&cli, true);
    addViewOptions(viewCmd, false);

    renderCmd = cli.add_subcommand("render", "Render a view to a PNG offscreen (no display, no GPU needed)");
    renderCmd->add_option("--out", render.out, "The PNG file to write")->required();
    renderCmd->add_option("--size", render.size, "Image size as WIDTHxHEIGHT")->capture_default_str();
    renderCmd->add_option("--view", render.view, "Standard view: " + core::viewNamesJoined())->capture_default_str();
    renderCmd->add_option("--model", renderModel, "Render this model instead of the body");
    renderCmd->add_option("--peel", render.peel, "Layers removed from the surface: 0 = all present (default), 5 = none left");
    renderCmd->add_flag("--skin", render.skin, "Show the body surface, opaque (hidden by default)");
    renderCmd->add_option("--hide", render.hide, "Hide these structures (ids as in 'dorsum atlas': a muscle, a part, a bone, or a node with _l/_r)")
        ->delimiter(',');
    renderCmd->add_option("--ghost", render.ghost, "Show these structures translucent, for context")->delimiter(',');
    renderCmd->add_option("--select", render.select, "Select a structure: highlighted, with its origin (green) and insertion (blue) pinned");
    renderCmd->add_option("--isolate", render.isolate, "Show this structure; ghost everything else");
    renderCmd->add_flag("--labels", render.labels, "Label the visible muscles");
    renderCmd->add_option("--state", renderState, "Start from a saved view state (JSON); the other options change it");
    renderCmd->add_option("--trigger-point", render.triggerPoint, "Paint this trigger point's referred pain on the skin, framed as the viewer frames it");
    renderCmd->add_option("--region", render.region, "Paint this body region (as for the reverse lookup)");
    renderCmd->add_option("--side", render.side, "Side of the trigger point or region: left (default) or right");
    renderCmd->add_flag("--marks", render.marks, "Mark every visible trigger point with an X");

    renderCmd->add_option("--routine", render.routine, "Show this massage routine (see 'dorsum routines') at --time");
    renderCmd->add_option("--time", render.time, "Seconds into the routine (default 0)");

    routinesCmd = cli.add_subcommand("routines", "List the massage routines and their strokes");
    routinesCmd->add_flag("--json", routinesOptions.json, "Print as JSON, with each technique's description and sources");

    routineCmd = cli.add_subcommand("routine", "Sample a massage routine over time: where the contact is, what it reaches");
    routineCmd->add_option("id", routineOptions.id, "The routine's id (see 'dorsum routines')")->required();
    routineCmd->add_option("--samples", routineOptions.samples, "How many instants, evenly over the routine")->capture_default_str();
    routineCmd->add_flag("--json", routineOptions.json, "Print as JSON (keys documented in the README)");

    exportCmd = cli.add_subcommand("export", "Write a video of a massage routine (MP4 through ffmpeg; PNG frames without it)");
    exportCmd->add_option("--routine", exportOptions.routine, "The routine's id (see 'dorsum routines')")->required();
    exportCmd->add_option("--out", exportOptions.out, "The video to write (.mp4)")->required();
    exportCmd->add_option("--fps", exportOptions.fps, "Frames a second")->capture_default_str();
    exportCmd->add_option("--size", exportOptions.size, "Frame size as WIDTHxHEIGHT")->capture_default_str();
    exportCmd->add_option("--view", exportOptions.view, "Standard view: " + core::viewNamesJoined())->capture_default_str();
    exportCmd->add_option("--from", exportOptions.from, "Start this many seconds into the routine");
    exportCmd->add_option("--to", exportOptions.to, "End this many seconds into the routine (default: its end)");

    referralCmd = cli.add_subcommand("referral", "Where a trigger point refers pain, or which trigger points refer to a region");
    referralCmd->add_option("--trigger-point", referralOptions.triggerPoint, "A trigger point id (see 'dorsum atlas --json')");
    referralCmd->add_option("--region", referralOptions.region, "A region id");
    referralCmd->add_flag("--json", referralOptions.json, "Print as JSON (keys documented in the README)");

    pickCmd = cli.add_subcommand("pick", "Print as JSON what a click at pixel X,Y of a render would select");
    pickCmd->add_option("--at", pickOptions.at, "The pixel, as X,Y from the top left")->required();
    pickCmd->add_option("--size", pickOptions.size, "Image size as WIDTHxHEIGHT")->capture_default_str();
    pickCmd->add_option("--view", pickOptions.view, "Standard view: " + core::viewNamesJoined())->capture_default_str();
    pickCmd->add_option("--peel", pickOptions.peel, "Layers removed from the surface (as for render)");
    pickCmd->add_flag("--skin", pickOptions.skin, "The body surface is shown (and so picked)");
    pickCmd->add_option("--model", pickModel, "Pick in this model instead of the body");
    pickCmd->add_option("--state", pickState, "Pick in a saved view state (JSON)");

    bakeCmd = cli.add_subcommand("bake", "Build the atlas and write it as one GLB (deterministic)");
    bakeCmd->add_option("--out", bake.out, "The GLB file to write")->required();
    bakeCmd->add_option("--resolution", bake.resolution, "Mesh resolution: 1 default, 0.5 coarser, 2 finer")
        ->capture_default_str();

    benchCmd = cli.add_subcommand("bench", "Measure rendering speed and memory offscreen");
    benchCmd->add_flag("--json", bench.json, "Print the report as JSON (keys documented in the README)");
    benchCmd->add_option("--size", bench.size, "Frame size as WIDTHxHEIGHT")->capture_default_str();
    benchCmd->add_option("--frames", bench.frames, "Frames to measure")->capture_default_str();
    benchCmd->add_option("--model", benchModel, "Measure this model instead of the body");
    benchCmd->add_option("--baseline", benchBaseline,
                         "Also draw this model (say, an earlier build's atlas.glb), frames alternating, and report the ratio");
    benchCmd->add_option("--shader-dir", benchShaders, "Developer: measure the shaders in this folder")->group("Developer");

    validateCmd = cli.add_subcommand("validate", "Check atlas and routine files: syntax, schema, ids, references, sources");
    validateCmd->add_option("paths", validatePaths, "Atlas or routine folders or files (default: the atlas and routines built into dorsum)");

    atlasCmd = cli.add_subcommand("atlas", "Print the atlas: layers, muscles, bones, landmarks");
    atlasCmd->add_flag("--json", atlasOptions.json, "Print as JSON (keys documented in the README)");
    for (auto* cmd : {atlasCmd, renderCmd, benchCmd, viewCmd, bakeCmd, pickCmd, referralCmd, routinesCmd, routineCmd, exportCmd})
      cmd->add_option("--atlas", atlasDir, "Use the atlas files in this folder instead of the built-in ones");
  }

  // What the values say on their own, before any file is read: sizes and views of every command,
  // and the viewer's model word (a mistyped command rather than a file).
  void checkValues() {
    if (*renderCmd || *pickCmd || *exportCmd) {
      const auto& [size, viewName] = *renderCmd ? std::tie(render.size, render.view)
                                     : *pickCmd ? std::tie(pickOptions.size, pickOptions.view)
                                                : std::tie(exportOptions.size, exportOptions.view);
      core::parseSize(size);
      requireView(viewName);
    }
    if (*benchCmd) core::parseSize(bench.size);
    if (cli.get_subcommands().empty() || *viewCmd) {
      requireView(view.view);
      if (!view.size.empty()) core::parseSize(view.size);
      std::error_code ec;
      if (!viewModel.empty() && !std::filesystem::exists(viewModel, ec) && viewModel.find_first_of("./") == std::string::npos) {
        if (const auto near = nearestCommand(viewModel, cli))
          throw core::usageError("'" + viewModel + "' is not a command or a file; did you mean 'dorsum " + *near + "'?");
        throw core::usageError("'" + viewModel + "' is not a command or a file; the commands are view, render, pick, referral, routines, routine, export, bake, bench, validate and atlas (dorsum --help).");
      }
    }
  }

  int run() {
    checkValues();
    if (*validateCmd) {
      std::vector<std::filesystem::path> paths(validatePaths.begin(), validatePaths.end());
      return runValidate(paths);  // none: the atlas built into this binary
    }
    const std::optional<std::filesystem::path> atlas =
        atlasDir.empty() ? std::nullopt : std::optional<std::filesystem::path>(atlasDir);
    render.atlasDir = bench.atlasDir = view.atlasDir = bake.atlasDir = pickOptions.atlasDir = atlas;
    if (*bakeCmd) return runBake(bake);
    routinesOptions.atlasDir = routineOptions.atlasDir = exportOptions.atlasDir = atlas;
    if (*routinesCmd) return runRoutines(routinesOptions);
    if (*routineCmd) return runRoutine(routineOptions);
    if (*exportCmd) return runExport(exportOptions);
    if (*referralCmd) {
      referralOptions.atlasDir = atlas;
      return runReferral(referralOptions);
    }
    if (*pickCmd) {
      if (!pickModel.empty()) pickOptions.model = pickModel;
      if (!pickState.empty()) pickOptions.state = pickState;
      pickOptions.viewGiven = pickCmd->count("--view") > 0;
      return runPick(pickOptions);
    }
    if (*atlasCmd) {
      if (!atlasDir.empty()) atlasOptions.atlasDir = atlasDir;
      return runAtlas(atlasOptions);
    }
    if (*renderCmd) {
      if (!renderModel.empty()) render.model = renderModel;
      if (!renderState.empty()) render.state = renderState;
      render.viewGiven = renderCmd->count("--view") > 0;
      return runRender(render);
    }
    if (*benchCmd) {
      if (!benchModel.empty()) bench.model = benchModel;
      if (!benchBaseline.empty()) bench.baseline = benchBaseline;
      if (!benchShaders.empty()) bench.shaderDir = benchShaders;
      return runBench(bench);
    }
    if (!viewModel.empty()) view.model = viewModel;
    if (!viewState.empty()) view.state = viewState;
    if (!shaderDir.empty()) view.shaderDir = shaderDir;
    if (!screenshot.empty()) view.screenshot = screenshot;
    if (!report.empty()) view.report = report;
    if (!viewSelect.empty()) view.select = viewSelect;
    if (!viewRoutine.empty()) view.routine = viewRoutine;
    return runViewer(view);
  }
};

CommandLine::CommandLine() : impl_(std::make_unique<Impl>()) {}
CommandLine::~CommandLine() = default;

std::optional<int> CommandLine::parse(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App& cli = impl_->cli;
  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    // CLI11 quotes the argument it could not take: a 100 kB value stays one short line.
    const std::string what = core::shortened(e.what());
    err << "dorsum: " << what << (what.ends_with(".") ? "" : ".") << " Run 'dorsum --help' for the options.\n";
    return 2;
  }
  return std::nullopt;
}

void CommandLine::checkValues() const { impl_->checkValues(); }

int CommandLine::run() { return impl_->run(); }

}  // namespace dorsum::app
