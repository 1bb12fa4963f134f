#pragma once
// Where the scene comes from: a model file the user names, or the built-in body.
#include "core/mesh.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace dorsum::app {

struct LoadedScene {
  core::Scene scene;
  std::string title;  // shown in the window title and the UI
};

// Throws core::UserError when the model cannot be read.
LoadedScene loadScene(const std::optional<std::filesystem::path>& model);

}  // namespace dorsum::app
