#include "core/model_import.hpp"

#include "core/error.hpp"
#include "core/model_io.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define DORSUM_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define DORSUM_SANITIZED 1
#endif

namespace dorsum::core {

namespace fs = std::filesystem;

// --- checking -------------------------------------------------------------------------------

std::string validUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && len > 1) {  // no overlong forms, surrogates or code points past U+10FFFF
      std::uint32_t cp = c & (0xFF >> (len + 1));
      for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= least[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok && c != 0) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      i += 1;
    }
  }
  return out;
}

namespace {
bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }
bool finite(const glm::vec2& v) { return std::isfinite(v.x) && std::isfinite(v.y); }
bool finite(const glm::vec4& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z) && std::isfinite(v.w); }
}  // namespace

std::size_t checkScene(Scene& scene) {
  std::size_t dropped = 0;
  for (Mesh& m : scene.meshes) {
    m.name = validUtf8(m.name);
    if (!finite(m.color)) m.color = glm::vec3(0.78f, 0.76f, 0.72f);
    const std::size_t n = m.positions.size();
    // Optional arrays are all or nothing: one per vertex.
    if (m.uvs.size() != n) m.uvs.clear();
    if (m.colors.size() != n) m.colors.clear();
    if (m.fibres.size() != n) m.fibres.clear();
    std::vector<std::uint32_t> kept;
    kept.reserve(m.indices.size() - m.indices.size() % 3);
    for (std::size_t f = 0; f + 2 < m.indices.size(); f += 3) {
      const std::uint32_t a = m.indices[f], b = m.indices[f + 1], c = m.indices[f + 2];
      if (a < n && b < n && c < n && finite(m.positions[a]) && finite(m.positions[b]) && finite(m.positions[c]))
        kept.insert(kept.end(), {a, b, c});
      else
        ++dropped;  // an index past the vertices, or a vertex at NaN or infinity
    }
    m.indices = std::move(kept);
    if (m.indices.empty()) continue;
    const glm::vec3 anchor = m.positions[m.indices.front()];
    for (auto& p : m.positions)  // unused broken vertices must not spoil bounds or picking
      if (!finite(p)) p = anchor;
    for (auto& uv : m.uvs)
      if (!finite(uv)) uv = glm::vec2(0.0f);
    for (auto& c : m.colors)
      if (!finite(c)) c = glm::vec4(1.0f);
    for (auto& d : m.fibres)
      if (!finite(d)) d = glm::vec3(0.0f);
    if (m.normals.size() != n) m.computeNormals();
    for (auto& nrm : m.normals)
      if (!finite(nrm)) nrm = glm::vec3(0.0f, 1.0f, 0.0f);
  }
  std::erase_if(scene.meshes, [](const Mesh& m) { return m.indices.empty(); });
  return dropped;
}

// --- the bytes between importer and viewer --------------------------------------------------

namespace {
constexpr char kMagic[8] = {'D', 'O', 'R', 'S', 'C', 'N', '0', '1'};
constexpr std::uint32_t kNormals = 1, kUvs = 2, kColors = 4, kFibres = 8;

template <class T>
void put(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <class T>
void putArray(std::string& out, const std::vector<T>& v) {
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

class Cursor {
public:
  Cursor(std::string_view bytes, const std::string& what) : bytes_(bytes), what_(what) {}
  template <class T>
  T get() {
    T v;
    need(sizeof v);
    std::memcpy(&v, bytes_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  // `count` items of T: the count is checked against the bytes left before anything is allocated.
  template <class T>
  std::vector<T> array(std::uint64_t count) {
    if (count > (bytes_.size() - at_) / sizeof(T)) cutShort();
    std::vector<T> v(static_cast<std::size_t>(count));
    if (!v.empty()) std::memcpy(v.data(), bytes_.data() + at_, v.size() * sizeof(T));  // an empty vector's data() may be null
    at_ += v.size() * sizeof(T);
    return v;
  }
  std::string text(std::uint64_t length) {
    if (length > bytes_.size() - at_) cutShort();
    std::string s(bytes_.substr(at_, static_cast<std::size_t>(length)));
    at_ += s.size();
    return s;
  }
  bool done() const { return at_ == bytes_.size(); }
  [[noreturn]] void cutShort() const { throw UserError(what_ + " came back from the importer cut short or malformed."); }

private:
  void need(std::size_t n) const {
    if (n > bytes_.size() - at_) cutShort();
  }
  std::string_view bytes_;
  const std::string& what_;
  std::size_t at_ = 0;
};
}  // namespace

std::string encodeScene(const Scene& scene) {
  std::string out(kMagic, sizeof kMagic);
  put(out, std::uint32_t(scene.meshes.size()));
  for (const Mesh& m : scene.meshes) {
    const std::size_t n = m.positions.size();
    put(out, std::uint32_t(m.name.size()));
    out += m.name;
    put(out, m.color);
    const std::uint32_t flags = (m.normals.size() == n ? kNormals : 0) | (m.uvs.size() == n ? kUvs : 0) |
                                (m.colors.size() == n ? kColors : 0) | (m.fibres.size() == n ? kFibres : 0);
    put(out, std::uint32_t(n));
    put(out, flags);
    put(out, std::uint64_t(m.indices.size()));
    putArray(out, m.positions);
    if (flags & kNormals) putArray(out, m.normals);
    if (flags & kUvs) putArray(out, m.uvs);
    if (flags & kColors) putArray(out, m.colors);
    if (flags & kFibres) putArray(out, m.fibres);
    putArray(out, m.indices);
  }
  return out;
}

Scene decodeScene(std::string_view bytes, const std::string& what) {
  if (bytes.size() < sizeof kMagic || bytes.compare(0, sizeof kMagic, std::string_view(kMagic, sizeof kMagic)) != 0)
    throw UserError(what + " came back from the importer in a form Dorsum does not know.");
  Cursor in(bytes.substr(sizeof kMagic), what);
  Scene scene;
  const std::uint32_t meshes = in.get<std::uint32_t>();
  for (std::uint32_t i = 0; i < meshes; ++i) {
    Mesh m;
    m.name = in.text(in.get<std::uint32_t>());
    m.color = in.get<glm::vec3>();
    const std::uint32_t n = in.get<std::uint32_t>();
    const std::uint32_t flags = in.get<std::uint32_t>();
    const std::uint64_t indices = in.get<std::uint64_t>();
    if (flags & ~std::uint32_t(kNormals | kUvs | kColors | kFibres)) in.cutShort();
    m.positions = in.array<glm::vec3>(n);
    if (flags & kNormals) m.normals = in.array<glm::vec3>(n);
    if (flags & kUvs) m.uvs = in.array<glm::vec2>(n);
    if (flags & kColors) m.colors = in.array<glm::vec4>(n);
    if (flags & kFibres) m.fibres = in.array<glm::vec3>(n);
    if (indices % 3) in.cutShort();
    m.indices = in.array<std::uint32_t>(indices);
    scene.meshes.push_back(std::move(m));
  }
  if (!in.done()) in.cutShort();
  const std::size_t dropped = checkScene(scene);
  if (scene.meshes.empty())
    throw UserError(what + (dropped ? " has no usable triangles (" + std::to_string(dropped) + " refer to vertices that are missing or not finite)."
                                    : " contains no triangle meshes to show."));
  return scene;
}

// --- the child process ----------------------------------------------------------------------

namespace {
std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

double environmentNumber(const char* name, double fallback, double least, double most) {
  const char* text = std::getenv(name);
  if (!text || !*text) return fallback;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text, &end);
  if (errno || *end || !std::isfinite(v) || v < least || v > most)
    throw usageError(std::string(name) + "='" + text + "' is not a number from " + number(least) + " to " + number(most) + ".");
  return v;
}

constexpr rlim_t kStackBytes = 8u << 20;

std::uint64_t defaultMemory() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  const std::uint64_t gib = 1ull << 30;
  const std::uint64_t half = pages > 0 && page > 0 ? std::uint64_t(pages) * std::uint64_t(page) / 2 : 4 * gib;
  return std::clamp<std::uint64_t>(half, gib, 16 * gib);
}

fs::path defaultImporter() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path("dorsum-import") : exe.parent_path() / "dorsum-import";
}

std::string signalName(int sig) {
  switch (sig) {
    case SIGSEGV: return "a segmentation fault";
    case SIGABRT: return "an abort";
    case SIGBUS: return "a bus error";
    case SIGFPE: return "an arithmetic fault";
    case SIGILL: return "an illegal instruction";
    default: return "signal " + std::to_string(sig);
  }
}

struct Pipe {
  int fd[2]{-1, -1};
  Pipe() {
    if (pipe2(fd, O_CLOEXEC) != 0) throw UserError(std::string("A pipe to the model importer could not be made: ") + std::strerror(errno) + ".");
  }
  ~Pipe() { closeBoth(); }
  void closeEnd(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void closeBoth() {
    closeEnd(0);
    closeEnd(1);
  }
};

std::string lastLine(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}
}  // namespace

bool importMemoryLimited() {
#ifdef DORSUM_SANITIZED
  return false;
#else
  return true;
#endif
}

ImportLimits importLimitsFromEnvironment() {
  ImportLimits l;
  l.seconds = environmentNumber("DORSUM_IMPORT_TIMEOUT_S", l.seconds, 0.001, 86400);
  l.memoryBytes = std::uint64_t(environmentNumber("DORSUM_IMPORT_MEMORY_MB", 0, 0, 1 << 22)) << 20;
  return l;
}

Scene importModelIsolated(const fs::path& path, const ImportLimits& limits) {
  requireReadableFile(path, "The model file");  // a FIFO or a folder is refused before any child starts
  const std::string what = "The model file '" + path.string() + "'";
  const fs::path importer = limits.importer.empty() ? defaultImporter() : limits.importer;
  if (access(importer.c_str(), X_OK) != 0)
    throw UserError("The model importer '" + importer.string() + "' is missing or not executable; Dorsum reads models in it so that a damaged file cannot crash the viewer.");
  const std::uint64_t memory = limits.memoryBytes ? limits.memoryBytes : defaultMemory();

  // Everything the child needs is made before fork(): between fork and exec only system calls.
  const std::string importerText = importer.string(), pathText = path.string();
  char* const argv[] = {const_cast<char*>(importerText.c_str()), const_cast<char*>(pathText.c_str()), nullptr};
  const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  Pipe out, err;
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    if (devNull >= 0) ::close(devNull);
    throw UserError(what + " could not be read: no process could be started for the importer (" + std::strerror(errno) + ").");
  }
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // the importer never outlives Dorsum
    if (getppid() != parent) _exit(126);
    if (devNull >= 0) dup2(devNull, 0);
    dup2(out.fd[1], 1);
    dup2(err.fd[1], 2);
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);  // a crash leaves no core file beside the user's model
    const rlim_t cpu = rlim_t(std::ceil(limits.seconds)) + 1;
    const rlimit cpuLimit{cpu, cpu + 1};
    setrlimit(RLIMIT_CPU, &cpuLimit);
    // Recursive readers meet a stack of the usual size even where the shell's is unlimited: a
    // file nested past it is a crash, never memory without end.
    rlimit stack{};
    if (getrlimit(RLIMIT_STACK, &stack) == 0 && (stack.rlim_cur == RLIM_INFINITY || stack.rlim_cur > kStackBytes)) {
      stack.rlim_cur = kStackBytes;
      setrlimit(RLIMIT_STACK, &stack);
    }
#ifndef DORSUM_SANITIZED  // the sanitizers reserve terabytes of address space for their shadow
    const rlimit as{rlim_t(memory), rlim_t(memory)};
    setrlimit(RLIMIT_AS, &as);
#endif
    execv(argv[0], argv);
    const char msg[] = "exec failed\n";
    [[maybe_unused]] const auto w = write(2, msg, sizeof msg - 1);
    _exit(127);
  }
  if (devNull >= 0) ::close(devNull);
  out.closeEnd(1);
  err.closeEnd(1);

  std::string data, messages;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(limits.seconds);
  bool timedOut = false, tooLarge = false;
  char buffer[1 << 16];
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      timedOut = true;
      break;
    }
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    const int ready = poll(fds, 2, int(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        std::string& into = i == 0 ? data : messages;
        if (i == 1 && messages.size() > (1 << 16)) continue;  // a flood of warnings is not kept
        into.append(buffer, std::size_t(got));
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        (i == 0 ? out : err).closeEnd(0);
      }
    }
    if (data.size() > memory) {  // the scene can be no larger than the memory it was built in
      tooLarge = true;
      break;
    }
  }
  if (timedOut || tooLarge) kill(pid, SIGKILL);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  const std::uint64_t peak = std::uint64_t(usage.ru_maxrss) * 1024;
  const std::string limitMb = std::to_string(memory >> 20) + " MB";

  if (timedOut || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
    throw UserError(what + " took longer than " + number(limits.seconds) + " s to read and its import was stopped; it may be damaged or too large.");
  }
  if (tooLarge) throw UserError(what + " is larger than the importer may hand back (" + limitMb + ").");
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return decodeScene(data, what);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
    const std::string sentence = lastLine(messages);
    throw UserError(sentence.empty() ? what + " cannot be read." : sentence);
  }
  if ((WIFEXITED(status) && WEXITSTATUS(status) == 3) || peak + (64ull << 20) >= memory)
    throw UserError(what + " needs more memory than the importer may use (" + limitMb + "); it may be damaged or too large.");
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    throw UserError("The model importer '" + importer.string() + "' could not be started.");
  // A signal, or a sanitizer's report and exit in an instrumented build.
  const std::string how = WIFSIGNALED(status) ? signalName(WTERMSIG(status)) : "exit status " + std::to_string(WEXITSTATUS(status));
  throw UserError(what + " crashed the model reader (" + how + "): the file is damaged or uses a part of its format the reader cannot handle.");
}

}  // namespace dorsum::core
