#include "app/scene_source.hpp"

#include "core/model_io.hpp"
#include "core/primitives.hpp"

namespace dorsum::app {

LoadedScene loadScene(const std::optional<std::filesystem::path>& model) {
  if (model) return {core::loadModel(*model), model->filename().string()};
  // Until the atlas is baked (issue 3), the built-in body is the procedural test figure.
  return {core::makeTestFigure(), "test figure"};
}

}  // namespace dorsum::app
