#pragma once
// An offscreen multisampled render target: the headless renders, the bench and the golden tests
// draw into it with the same SceneRenderer the window uses, then read the pixels back. The window
// draws its still frames into one and resolves it onto the screen.
#include "core/image.hpp"
#include "render/gl_objects.hpp"

namespace dorsum::render {

class OffscreenTarget {
public:
  // samples: 4 by default; falls back to fewer when the driver offers fewer.
  OffscreenTarget(int width, int height, int samples = 4);
  void bind();        // draw into the multisampled buffer
  core::Image read();  // resolve and read back (top row first)
  void resolveToWindow();  // resolve into the window's framebuffer (same size), left bound for drawing
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }  // as the driver gave them

private:
  int width_, height_, samples_;
  Framebuffer msFbo_, resolveFbo_;
  Renderbuffer msColor_, msDepth_, resolveColor_;
};

}  // namespace dorsum::render
