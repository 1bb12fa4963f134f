#pragma once
// One headless GL context for a whole test binary (EGL surfaceless on Mesa llvmpipe).
#include "app/headless_context.hpp"

inline dorsum::app::HeadlessContext& testContext() {
  static dorsum::app::HeadlessContext context;
  return context;
}
