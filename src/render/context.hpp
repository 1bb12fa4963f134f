#pragma once
// Loading GL entry points into the current context and describing it.
#include "core/image.hpp"

#include <functional>
#include <string>

namespace dorsum::render {

using ProcLoader = void* (*)(const char* name);

// Loads the GL 3.3 core entry points through the window's or EGL's loader. Returns false with a
// reason when the context is missing or older than 3.3.
bool loadGL(ProcLoader loader, std::string& whyNot);

// "renderer, version" of the current context, for logs and the bench report.
std::string contextDescription();

// The window's own framebuffer: bind it, or read it back (top row first) for screenshots.
void bindDefaultFramebuffer();
core::Image readDefaultFramebuffer(int width, int height);

// Routes KHR_debug messages to the sink (debug builds, or --gl-debug). No-op without KHR_debug.
void enableDebugOutput(std::function<void(const std::string&)> sink);

}  // namespace dorsum::render
