#pragma once
// An OpenGL 3.3 core context with no window and no X server: EGL on Mesa's surfaceless platform
// (llvmpipe when there is no GPU), falling back to the default EGL display with a tiny pbuffer.
#include <memory>
#include <string>

namespace dorsum::app {

class HeadlessContext {
public:
  // Throws core::UserError ("No OpenGL 3.3 context is available for headless rendering: ...").
  HeadlessContext();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;
  const std::string& description() const { return description_; }

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string description_;
};

}  // namespace dorsum::app
