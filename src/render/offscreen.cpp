#include "render/offscreen.hpp"

#include "core/error.hpp"
#include "render/gl.hpp"

#include <algorithm>

namespace dorsum::render {

OffscreenTarget::OffscreenTarget(int width, int height, int samples) : width_(width), height_(height) {
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  samples_ = std::clamp(samples, 0, std::max(0, int(maxSamples)));
  glBindRenderbuffer(GL_RENDERBUFFER, msColor_.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
  // The driver may give more samples than asked for (or fewer): report what it gave.
  GLint given = samples_;
  glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_SAMPLES, &given);
  samples_ = int(given);
  glBindRenderbuffer(GL_RENDERBUFFER, msDepth_.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH_COMPONENT24, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, msFbo_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msColor_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, msDepth_.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw core::UserError("The offscreen framebuffer of " + std::to_string(width) + "x" + std::to_string(height) +
                          " pixels could not be created by this OpenGL driver.");
  glBindRenderbuffer(GL_RENDERBUFFER, resolveColor_.id());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColor_.id());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, msFbo_.id()); }

void OffscreenTarget::resolveToWindow() {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

core::Image OffscreenTarget::read() {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  core::Image img(width_, height_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  img.flipVertically();  // GL's row 0 is the bottom
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

}  // namespace dorsum::render
