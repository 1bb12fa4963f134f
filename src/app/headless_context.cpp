#include "app/headless_context.hpp"

#include "core/error.hpp"
#include "render/context.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstring>
#include <cstdlib>

namespace dorsum::app {

struct HeadlessContext::Impl {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
  EGLSurface surface = EGL_NO_SURFACE;
  // The context that was current before, made current again at the end (nested use in tests).
  EGLDisplay previousDisplay = eglGetCurrentDisplay();
  EGLContext previousContext = eglGetCurrentContext();
  EGLSurface previousDraw = eglGetCurrentSurface(EGL_DRAW), previousRead = eglGetCurrentSurface(EGL_READ);
  // Here rather than in ~HeadlessContext so that a constructor that throws still cleans up.
  ~Impl() {
    if (display == EGL_NO_DISPLAY) return;
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
    if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
    if (previousContext != EGL_NO_CONTEXT) {
      eglMakeCurrent(previousDisplay, previousDraw, previousRead, previousContext);
      return;  // the display is shared with the outer context: leave it initialised
    }
    eglTerminate(display);
  }
};

namespace {
[[noreturn]] void fail(const std::string& reason) {
  throw core::UserError("No OpenGL 3.3 context is available for headless rendering: " + reason + ".");
}

bool hasExtension(const char* list, const char* name) {
  if (!list) return false;
  const std::size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)); p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

EGLDisplay openDisplay(bool& surfaceless) {
  // Testing hook: lets the CLI tests check the "no GL" message without removing Mesa.
  if (const char* off = std::getenv("DORSUM_DISABLE_EGL"); off && *off == '1') return EGL_NO_DISPLAY;
  const char* clientExt = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  surfaceless = false;
  if (hasExtension(clientExt, "EGL_MESA_platform_surfaceless")) {
    auto getPlatformDisplay =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (getPlatformDisplay) {
      EGLDisplay d = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
      EGLint major = 0, minor = 0;
      if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) {
        surfaceless = true;
        return d;
      }
    }
  }
  EGLDisplay d = eglGetDisplay(EGL_DEFAULT_DISPLAY);
  EGLint major = 0, minor = 0;
  if (d != EGL_NO_DISPLAY && eglInitialize(d, &major, &minor)) return d;
  return EGL_NO_DISPLAY;
}
}  // namespace

HeadlessContext::HeadlessContext() : impl_(std::make_unique<Impl>()) {
  bool surfaceless = false;
  impl_->display = openDisplay(surfaceless);
  if (impl_->display == EGL_NO_DISPLAY) fail("no EGL display could be opened (is Mesa's libegl-mesa0 installed?)");
  if (!eglBindAPI(EGL_OPENGL_API)) fail("this EGL does not offer desktop OpenGL");

  const EGLint configAttribs[] = {EGL_SURFACE_TYPE, surfaceless ? 0 : EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE,
                                  EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
                                  EGL_DEPTH_SIZE, 24, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (!eglChooseConfig(impl_->display, configAttribs, &config, 1, &count) || count == 0)
    fail("EGL offers no configuration for desktop OpenGL rendering");

  const EGLint contextAttribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  impl_->context = eglCreateContext(impl_->display, config, EGL_NO_CONTEXT, contextAttribs);
  if (impl_->context == EGL_NO_CONTEXT) fail("the driver refused to create an OpenGL 3.3 core context");

  if (!surfaceless) {
    const EGLint pbufferAttribs[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
    impl_->surface = eglCreatePbufferSurface(impl_->display, config, pbufferAttribs);
  }
  if (!eglMakeCurrent(impl_->display, impl_->surface, impl_->surface, impl_->context))
    fail("the OpenGL context could not be made current");

  std::string why;
  if (!render::loadGL(reinterpret_cast<render::ProcLoader>(eglGetProcAddress), why)) fail(why);
  description_ = render::contextDescription();
}

HeadlessContext::~HeadlessContext() = default;

}  // namespace dorsum::app
