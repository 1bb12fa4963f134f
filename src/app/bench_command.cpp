#include "app/commands.hpp"
#include "core/json_text.hpp"
#include "app/display_styles.hpp"
#include "render/bare_renderer.hpp"
#include "app/headless_context.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "core/anatomy/atlas_model.hpp"
#include "core/error.hpp"
#include "core/frame_quality.hpp"
#include "core/geometry/picking.hpp"
#include "core/model_import.hpp"
#include "core/model_io.hpp"
#include "core/stats.hpp"
#include "render/offscreen.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <random>
#include <cstdio>
#include <iostream>
#include <sys/resource.h>
#include <time.h>

namespace dorsum::app {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// CPU time of the whole process, llvmpipe's rasteriser threads included: on a shared machine the
// wall clock also counts other programs' turns, this does not.
double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall and CPU milliseconds of a series of frames.
struct FrameTimes {
  std::vector<double> wall, cpu;
  template <typename Draw>
  void measure(Draw&& draw) {
    const auto t = Clock::now();
    const double c = cpuMs();
    draw();
    wall.push_back(msSince(t));
    cpu.push_back(cpuMs() - c);
  }
  double median() const { return core::quantile(wall, 0.5); }
  double cpuMedian() const { return core::quantile(cpu, 0.5); }
};

double peakResidentMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}
}  // namespace

int runBench(const BenchOptions& o) {
  const auto start = Clock::now();
  const core::Size size = core::parseSize(o.size);
  if (o.frames < 1 || o.frames > 100000)
    throw core::usageError("The frame count " + std::to_string(o.frames) + " is out of range: use 1 to 100000.");

  const LoadedScene loaded = loadScene({o.model, o.atlasDir});
  HeadlessContext context;
  render::SceneRenderer renderer(o.shaderDir);
  renderer.upload(loaded.scene);
  renderer.setCullBackFaces(closedMeshes(loaded));  // an open or inward mesh: two-sided
  render::OffscreenTarget target(size.width, size.height);
  core::OrbitCamera camera = cameraFor(framingBounds(loaded), core::StandardView::Posterior);
  // Still frames show what the viewer opens on (for the body: the skin hidden), not every mesh.
  {
    const core::ViewContext ctx = viewContext(loaded);
    renderer.setStyles(meshStyles(loaded, core::displaysOf(ctx, core::initialState(ctx)), std::nullopt, std::nullopt));
  }

  // A frame is measured until its pixels are back on the CPU, so the driver cannot defer work.
  auto frame = [&](int) {
    camera.orbit(0.01f, 0.0f);  // a slowly turning camera, as when a user orbits
    target.bind();
    renderer.draw(render::frameFor(camera, size.width, size.height));
    return target.read();
  };
  frame(0);
  // The viewer's moving frames (orbit, fades, a routine playing): on software GL without
  // multisampling (core::frameSamples), else as still ones. Measured against the bare draw into
  // the same kind of target.
  const bool software = core::isSoftwareRenderer(context.description());
  render::OffscreenTarget movingTarget(size.width, size.height, core::frameSamples(software, true));
  const double firstFrameMs = msSince(start);

  // The baseline, if any: its own renderer, the same camera; its frames alternate with ours.
  std::optional<core::Scene> baselineScene;
  std::optional<render::SceneRenderer> baselineRenderer;
  if (o.baseline) {
    baselineScene = core::importModelIsolated(*o.baseline, core::importLimitsFromEnvironment());
    baselineRenderer.emplace();
    baselineRenderer->upload(*baselineScene);
    baselineRenderer->setCullBackFaces(true);
    target.bind();
    baselineRenderer->draw(render::frameFor(camera, size.width, size.height));
    (void)target.read();
  }
  // The yardstick: the same triangles, one buffer, a trivial shader, the same target and read-back;
  // its frames alternate with ours so both see the same machine load.
  render::BareRenderer bare(loaded.scene);
  auto bareFrame = [&](render::OffscreenTarget& into) {
    into.bind();
    bare.draw(render::frameFor(camera, size.width, size.height));
    (void)into.read();
  };
  bareFrame(target);
  // On software GL moving frames also draw the meshes' lighter triangle lists (core::motionIndices).
  const bool lighter = core::lighterWhileMoving(software, true);
  auto movingFrame = [&] {
    movingTarget.bind();
    render::FrameParams f = render::frameFor(camera, size.width, size.height);
    f.lighter = lighter;
    renderer.draw(f);
    (void)movingTarget.read();
  };
  movingFrame();
  bareFrame(movingTarget);
  std::vector<double> times, baselineTimes, bareTimes;
  FrameTimes still, bareStill, moving, bareMoving;
  times.reserve(std::size_t(o.frames));
  for (int i = 0; i < o.frames; ++i) {
    still.measure([&] { frame(i); });
    bareStill.measure([&] { bareFrame(target); });
    moving.measure(movingFrame);
    bareMoving.measure([&] { bareFrame(movingTarget); });
    times.push_back(still.wall.back());
    bareTimes.push_back(bareStill.wall.back());
    if (baselineRenderer) {
      const auto b = Clock::now();
      target.bind();
      baselineRenderer->draw(render::frameFor(camera, size.width, size.height));
      (void)target.read();
      baselineTimes.push_back(msSince(b));
    }
  }

  // While a layer fades out, its meshes are translucent for a third of a second: the frames then
  // take the transparency path. Measured with layer 1 at half opacity, in the same run.
  std::vector<double> fadeTimes;
  if (loaded.atlas) {
    std::vector<render::MeshStyle> styles(loaded.scene.meshes.size());
    for (std::size_t i = 0; i < styles.size(); ++i) {
      const auto& st = loaded.structures[i];
      styles[i].alpha = st.kind == core::StructureKind::Skin ? 0.0f
                        : st.kind == core::StructureKind::Muscle && st.layer == 1 ? 0.5f
                                                                                   : 1.0f;
    }
    renderer.setStyles(styles);
    for (int i = 0; i < o.frames; ++i) {
      const auto t = Clock::now();
      frame(i);
      fadeTimes.push_back(msSince(t));
    }
  }

  // Picking: exact CPU ray casts through the BVH from random pixels, everything pickable.
  const auto bvhStart = Clock::now();
  const core::Bvh bvh(loaded.scene);
  const double bvhMs = msSince(bvhStart);
  std::vector<core::Pickable> pickable(loaded.scene.meshes.size(), core::Pickable::Solid);
  std::mt19937 rng(1);
  // Pixels over the body (the middle of the frame), where a student clicks.
  std::uniform_real_distribution<float> px(0.3f * float(size.width), 0.7f * float(size.width)),
      py(0.1f * float(size.height), 0.9f * float(size.height));
  std::vector<double> pickTimes;
  int pickHits = 0;
  for (int i = 0; i < 4000; ++i) {
    const core::Ray ray = core::pixelRay(camera, size.width, size.height, px(rng), py(rng));
    const auto t = Clock::now();
    if (core::pick(bvh, ray, pickable)) ++pickHits;
    pickTimes.push_back(msSince(t));
  }

  // The bake, after the frames so it does not count in the time to first frame: build the
  // body from the atlas and write the GLB.
  double bakeMs = 0.0;
  std::vector<std::pair<std::string, double>> bakeStages;
  if (loaded.atlas) {
    const auto bakeStart = Clock::now();
    const core::AtlasModel built = core::buildAtlasModel(*loaded.atlas);
    const auto exportStart = Clock::now();
    const std::string glb = core::sceneToGlb(built.scene, &built.structures);
    bakeMs = msSince(bakeStart);
    bakeStages = built.stageMs;
    bakeStages.emplace_back("export", msSince(exportStart));
  }

  nlohmann::json report = {
      {"renderer", context.description()},
      {"scene", loaded.title},
      {"triangles", loaded.scene.triangleCount()},
      {"width", size.width},
      {"height", size.height},
      {"samples", target.samples()},
      {"frames", o.frames},
      {"time_to_first_frame_ms", firstFrameMs},
      {"frame_ms_median", core::quantile(times, 0.5)},
      {"frame_ms_p95", core::quantile(times, 0.95)},
      {"bare_frame_ms_median", core::quantile(bareTimes, 0.5)},
      {"overhead_ratio", core::quantile(times, 0.5) / core::quantile(bareTimes, 0.5)},
      {"frame_cpu_ms_median", still.cpuMedian()},
      {"bare_frame_cpu_ms_median", bareStill.cpuMedian()},
      {"overhead_ratio_cpu", still.cpuMedian() / bareStill.cpuMedian()},
      {"moving_samples", movingTarget.samples()},
      {"moving_triangles", lighter ? renderer.lighterTriangles() : renderer.gpuTriangles()},
      {"moving_frame_ms_median", moving.median()},
      {"bare_moving_frame_ms_median", bareMoving.median()},
      {"moving_overhead_ratio", moving.median() / bareMoving.median()},
      {"moving_overhead_ratio_cpu", moving.cpuMedian() / bareMoving.cpuMedian()},
      {"peak_rss_mib", peakResidentMiB()},
  };
  if (loaded.atlas) {
    report["bake_ms"] = bakeMs;
    for (const auto& [stage, ms] : bakeStages) report["bake_" + stage + "_ms"] = ms;
  }
  if (baselineScene) {
    report["baseline"] = o.baseline->string();
    report["baseline_triangles"] = baselineScene->triangleCount();
    report["baseline_frame_ms_median"] = core::quantile(baselineTimes, 0.5);
    report["frame_to_baseline_ratio"] = core::quantile(times, 0.5) / core::quantile(baselineTimes, 0.5);
  }
  report["bvh_build_ms"] = bvhMs;
  report["pick_ms_median"] = core::quantile(pickTimes, 0.5);
  report["pick_ms_p95"] = core::quantile(pickTimes, 0.95);
  report["pick_rays"] = pickTimes.size();
  report["pick_hits"] = pickHits;
  if (!fadeTimes.empty()) {
    report["fade_frame_ms_median"] = core::quantile(fadeTimes, 0.5);
    report["fade_frame_ms_p95"] = core::quantile(fadeTimes, 0.95);
    report["fade_to_still_ratio"] = core::quantile(fadeTimes, 0.5) / core::quantile(times, 0.5);
  }
  if (o.json) {
    std::cout << core::jsonText(report) << "\n";
  } else {
    std::printf("renderer               %s\n", context.description().c_str());
    std::printf("scene                  %s (%zu triangles)\n", loaded.title.c_str(), loaded.scene.triangleCount());
    std::printf("size                   %dx%d, %d samples\n", size.width, size.height, target.samples());
    std::printf("time to first frame    %.1f ms\n", firstFrameMs);
    std::printf("frame time median      %.2f ms over %d frames\n", core::quantile(times, 0.5), o.frames);
    std::printf("frame time p95         %.2f ms\n", core::quantile(times, 0.95));
    std::printf("bare draw median       %.2f ms (same triangles, trivial shader); overhead %.2fx (CPU time %.2fx)\n",
                core::quantile(bareTimes, 0.5), core::quantile(times, 0.5) / core::quantile(bareTimes, 0.5),
                still.cpuMedian() / bareStill.cpuMedian());
    std::printf("moving frame median    %.2f ms at %d samples, %zu of %zu triangles; bare (all of them) %.2f ms; ratio %.2fx (CPU time %.2fx)\n",
                moving.median(), movingTarget.samples(), lighter ? renderer.lighterTriangles() : renderer.gpuTriangles(),
                renderer.gpuTriangles(), bareMoving.median(), moving.median() / bareMoving.median(),
                moving.cpuMedian() / bareMoving.cpuMedian());
    if (baselineScene)
      std::printf("baseline               %s (%zu triangles): frame median %.2f ms; ratio %.2f\n", o.baseline->string().c_str(),
                  baselineScene->triangleCount(), core::quantile(baselineTimes, 0.5),
                  core::quantile(times, 0.5) / core::quantile(baselineTimes, 0.5));
    std::printf("peak resident memory   %.1f MiB\n", peakResidentMiB());
    if (loaded.atlas) {
      std::printf("atlas bake             %.0f ms (", bakeMs);
      for (std::size_t i = 0; i < bakeStages.size(); ++i)
        std::printf("%s%s %.0f", i ? ", " : "", bakeStages[i].first.c_str(), bakeStages[i].second);
      std::printf(")\n");
    }
    std::printf("pick (ray cast)        median %.4f ms, p95 %.4f ms over %zu rays (%d hits); BVH built in %.0f ms\n",
                core::quantile(pickTimes, 0.5), core::quantile(pickTimes, 0.95), pickTimes.size(), pickHits, bvhMs);
    if (!fadeTimes.empty())
      std::printf("frame while fading     median %.2f ms, p95 %.2f ms (%.2fx a still frame)\n",
                  core::quantile(fadeTimes, 0.5), core::quantile(fadeTimes, 0.95),
                  core::quantile(fadeTimes, 0.5) / core::quantile(times, 0.5));
  }
  return 0;
}

}  // namespace dorsum::app
