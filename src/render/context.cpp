#include "render/context.hpp"

#include "render/gl.hpp"

namespace dorsum::render {

bool loadGL(ProcLoader loader, std::string& whyNot) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
  if (version == 0) {
    whyNot = "the OpenGL entry points could not be loaded (no current context)";
    return false;
  }
  if (GLAD_VERSION_MAJOR(version) < 3 || (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3)) {
    whyNot = "the OpenGL context is version " + std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
             std::to_string(GLAD_VERSION_MINOR(version)) + ", and Dorsum needs 3.3 core";
    return false;
  }
  return true;
}

std::string contextDescription() {
  auto str = [](GLenum e) {
    const auto* s = reinterpret_cast<const char*>(glGetString(e));
    return std::string(s ? s : "?");
  };
  return str(GL_RENDERER) + ", OpenGL " + str(GL_VERSION);
}

void bindDefaultFramebuffer() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

core::Image readDefaultFramebuffer(int width, int height) {
  core::Image img(width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  img.flipVertically();
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

namespace {
std::function<void(const std::string&)>& debugSink() {
  static std::function<void(const std::string&)> sink;
  return sink;
}
void GLAPIENTRY onDebugMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei, const GLchar* message,
                               const void*) {
  if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
  if (debugSink()) debugSink()(std::string(type == GL_DEBUG_TYPE_ERROR ? "GL error: " : "GL: ") + message);
}
}  // namespace

void enableDebugOutput(std::function<void(const std::string&)> sink) {
  if (!GLAD_GL_KHR_debug) return;
  debugSink() = std::move(sink);
  glEnable(GL_DEBUG_OUTPUT);
  glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
  glDebugMessageCallback(onDebugMessage, nullptr);
}

}  // namespace dorsum::render
