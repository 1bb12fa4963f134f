// `dorsum export --routine ID --out FILE.mp4`: the routine rendered frame by frame into one
// reused offscreen target and piped as raw RGBA to the ffmpeg program, which writes a temporary
// file beside the output; only a finished video is renamed to the name asked for, so Ctrl+C (or a
// failure) never leaves a half-written video under it. Without ffmpeg: numbered PNG frames.
#include "app/commands.hpp"
#include "app/headless_context.hpp"
#include "app/offscreen_render.hpp"
#include "app/scene_source.hpp"
#include "app/stroke_view.hpp"
#include "core/error.hpp"
#include "core/model_io.hpp"
#include "core/video_check.hpp"
#include "core/image.hpp"
#include "core/text_args.hpp"
#include "render/offscreen.hpp"
#include "render/overlay_renderer.hpp"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cerrno>
#include <iostream>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace dorsum::app {

namespace fs = std::filesystem;

namespace {
std::atomic<bool> interrupted{false};
extern "C" void onInterrupt(int) { interrupted = true; }

// The ffmpeg program on PATH (DORSUM_FFMPEG names another; "none" pretends there is none).
std::optional<fs::path> findFfmpeg() {
  if (const char* forced = std::getenv("DORSUM_FFMPEG")) {
    if (std::string(forced) == "none") return std::nullopt;
    return fs::path(forced);
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "ffmpeg";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return std::nullopt;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class Progress {
public:
  explicit Progress(int total) : total_(total), tty_(::isatty(STDERR_FILENO) != 0) {}
  void update(int done) {
    const int percent = total_ > 0 ? done * 100 / total_ : 100;
    if (tty_) {
      const int filled = percent * 30 / 100;
      std::fprintf(stderr, "\r[%s%s] %3d%%  frame %d of %d", std::string(std::size_t(filled), '#').c_str(),
                   std::string(std::size_t(30 - filled), ' ').c_str(), percent, done, total_);
      std::fflush(stderr);
    } else if (percent / 10 != last_ / 10 || done == total_) {
      std::fprintf(stderr, "%d%% (frame %d of %d)\n", percent, done, total_);
    }
    last_ = percent;
  }
  void finish() {
    if (tty_) std::fprintf(stderr, "\n");
  }

private:
  int total_, last_ = -1;
  bool tty_;
};

struct SignalGuard {
  struct sigaction oldInt {}, oldTerm {}, oldPipe {};
  SignalGuard() {
    interrupted = false;
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &oldInt);
    sigaction(SIGTERM, &sa, &oldTerm);
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &oldPipe);  // a dead ffmpeg is an error to report, not a kill
  }
  ~SignalGuard() {
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    sigaction(SIGPIPE, &oldPipe, nullptr);
  }
};
}  // namespace

int runExport(const ExportOptions& o) {
  const core::Size size = core::parseSize(o.size);
  if (size.width % 2 || size.height % 2)
    throw core::usageError("The size " + o.size + " has an odd side; video needs even sizes such as 1280x720.");
  if (o.fps < 1 || o.fps > 120) throw core::usageError("The frame rate " + std::to_string(o.fps) + " is out of range: use 1 to 120.");
  const core::StandardView view = requireView(o.view);
  requireWritableOutput(o.out);
  const std::string ext = o.out.extension().string();
  if (ext != ".mp4" && ext != ".mkv" && ext != ".mov" && ext != ".webm")
    throw core::usageError("The video '" + o.out.string() + "' needs the extension .mp4 (or .mkv, .mov, .webm).");

  const LoadedScene loaded = loadScene({std::nullopt, o.atlasDir});
  const core::RoutineMotion motion = routineMotion(loaded, o.routine);
  const float end = o.to ? *o.to : motion.duration();
  if (!(o.from >= 0.0f && o.from < end && end <= motion.duration() + 1e-3f))
    throw core::usageError("The span " + core::shortNumber(o.from) + " to " + core::shortNumber(end) + " s is not within the routine '" +
                           o.routine + "' (0 to " + core::shortNumber(motion.duration()) + " s).");
  const int frames = std::max(1, int(std::floor((end - o.from) * float(o.fps))));

  const core::Bvh bvh(loaded.scene);
  const core::ViewContext ctx = viewContext(loaded, &bvh);
  core::ViewState state = core::apply(ctx, core::initialState(ctx, view), core::Command::playRoutine(o.routine));
  if (view != core::StandardView::Posterior) state = core::apply(ctx, state, core::Command::goToView(view));
  const auto displays = core::displaysOf(ctx, state);
  const auto baseStyles = meshStyles(loaded, displays, std::nullopt, std::nullopt);

  HeadlessContext context;
  render::SceneRenderer renderer;
  renderer.upload(loaded.scene);
  renderer.setCullBackFaces(true);
  render::OverlayRenderer overlay(renderer.shaders(), std::max(13.0f, float(size.height) / 40.0f));
  render::OffscreenTarget target(size.width, size.height);
  core::OrbitCamera camera;
  camera.jumpTo(state.camera);
  auto draw = [&](int i) {
    const float t = o.from + float(i) / float(o.fps);
    const StrokeFrame frame = strokeFrame(motion, std::min(t, motion.duration()));
    showStrokeFrame(renderer, loaded, baseStyles, frame);
    target.bind();
    renderer.draw(render::frameFor(camera, size.width, size.height));
    overlay.drawCaption(frame.title, frame.caption, size.width, size.height);
    return target.read();
  };

  const SignalGuard signals;
  Progress progress(frames);
  const auto ffmpeg = findFfmpeg();
  if (!ffmpeg) {
    // No encoder: numbered PNG frames in a folder named after the video.
    const fs::path dir = o.out.parent_path() / (o.out.stem().string() + "_frames");
    std::error_code ec;
    const bool made = fs::create_directories(dir, ec);
    if (ec) throw core::UserError("Cannot make the folder '" + dir.string() + "' for the frames: " + ec.message() + ".");
    // Frames of an earlier, longer export would follow ours as if they were part of it.
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string name = e.path().filename().string();
      if (name.size() == 15 && name.rfind("frame_", 0) == 0 && name.substr(11) == ".png") fs::remove(e.path(), ec);
    }
    std::cerr << "ffmpeg is not installed, so no video: writing " << frames << " PNG frames to " << dir.string()
              << " (install ffmpeg, or encode them with any tool at " << o.fps << " frames a second).\n";
    for (int i = 0; i < frames; ++i) {
      if (interrupted) {
        progress.finish();
        std::cerr << "Stopped: " << i << " frames written to " << dir.string() << ".\n";
        return 130;
      }
      char name[32];
      std::snprintf(name, sizeof name, "frame_%05d.png", i + 1);
      try {
        core::writeImage(draw(i), dir / name);
      } catch (const core::UserError&) {  // a full disk: no half set of frames is left behind
        progress.finish();
        for (int k = 1; k <= i; ++k) {
          std::snprintf(name, sizeof name, "frame_%05d.png", k);
          fs::remove(dir / name, ec);
        }
        if (made) fs::remove(dir, ec);
        throw;
      }
      progress.update(i + 1);
    }
    progress.finish();
    std::cout << "Wrote " << frames << " frames to " << dir.string() << " (" << size.width << "x" << size.height << ", " << o.fps
              << " fps).\n";
    return 0;
  }

  const fs::path dir = o.out.has_parent_path() ? o.out.parent_path() : fs::path(".");
  std::string tempName = ".";  // built in steps: GCC 12 warns falsely (-Wrestrict) on "." + string
  tempName += o.out.stem().string();
  tempName += ".dorsum-" + std::to_string(::getpid()) + ".part" + ext;
  const fs::path temp = dir / tempName;
  const std::string command = quoted(ffmpeg->string()) + " -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
                              std::to_string(size.width) + "x" + std::to_string(size.height) + " -r " + std::to_string(o.fps) +
                              " -i - -an -c:v " + (ext == ".webm" ? "libvpx-vp9" : "libx264 -preset veryfast -crf 20") +
                              " -pix_fmt yuv420p " + (ext == ".mp4" || ext == ".mov" ? "-movflags +faststart " : "") + quoted(temp.string());
  // Where the video cannot be written (a read-only folder), say why before encoding anything.
  const int probe = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (probe < 0) throw core::UserError("Cannot write '" + o.out.string() + "': " + std::strerror(errno) + ".");
  ::close(probe);
  FILE* pipe = ::popen(command.c_str(), "w");
  if (!pipe) {
    std::error_code ec;
    fs::remove(temp, ec);
    throw core::UserError("Cannot start ffmpeg ('" + ffmpeg->string() + "') to encode the video.");
  }
  auto abandon = [&](const std::string& why) {
    ::pclose(pipe);
    std::error_code ec;
    fs::remove(temp, ec);
    progress.finish();
    throw core::UserError(why);
  };
  for (int i = 0; i < frames; ++i) {
    if (interrupted) {
      ::pclose(pipe);
      std::error_code ec;
      fs::remove(temp, ec);
      progress.finish();
      std::cerr << "Stopped: no video written ('" << o.out.string() << "' is untouched).\n";
      return 130;
    }
    const core::Image image = draw(i);
    if (std::fwrite(image.rgba.data(), 1, image.rgba.size(), pipe) != image.rgba.size() && !interrupted)
      abandon("ffmpeg stopped taking frames at frame " + std::to_string(i + 1) + "; no video was written to '" + o.out.string() + "'.");
    progress.update(i + 1);
  }
  const int status = ::pclose(pipe);
  progress.finish();
  if (interrupted || status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::error_code ec;
    fs::remove(temp, ec);
    if (interrupted) {
      std::cerr << "Stopped: no video written ('" << o.out.string() << "' is untouched).\n";
      return 130;
    }
    throw core::UserError("ffmpeg could not encode the video '" + o.out.string() + "' (exit status " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "); nothing was written.");
  }
  // ffmpeg can exit 0 after a write failed on a full disk: the file must be whole and on disk.
  std::string written;
  try {
    written = core::readTextFile(temp, "The encoded video");
  } catch (const core::UserError&) {
  }
  const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  std::error_code ec;
  if (!synced || !core::videoBytesComplete(written)) {
    fs::remove(temp, ec);
    throw core::UserError("The video '" + o.out.string() + "' could not be written whole (is the disk full?); '" + o.out.string() +
                          "' is untouched.");
  }
  fs::rename(temp, o.out, ec);
  if (ec) {
    fs::remove(temp, ec);
    throw core::UserError("Cannot move the finished video to '" + o.out.string() + "': " + ec.message() + ".");
  }
  std::cout << "Wrote " << o.out.string() << " (" << frames << " frames, " << size.width << "x" << size.height << ", " << o.fps
            << " fps, " << clockText(float(frames) / float(o.fps)) << ").\n";
  return 0;
}

}  // namespace dorsum::app
