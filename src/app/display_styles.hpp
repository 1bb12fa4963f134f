#pragma once
// From what the user chose (display state, selection, hover) to what the renderer draws: per-mesh
// opacity and highlight, and pins on the selected muscle's attachment landmarks. Shared by the
// window and `dorsum render`, so both show a selection the same way.
#include "app/scene_source.hpp"
#include "core/display_state.hpp"
#include "render/scene_renderer.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dorsum::app {

inline const glm::vec3 kSelectionColor(1.0f, 0.78f, 0.22f);
inline const glm::vec3 kHoverColor(0.45f, 0.78f, 1.0f);
inline const glm::vec3 kOriginColor(0.25f, 0.9f, 0.45f);
inline const glm::vec3 kInsertionColor(0.3f, 0.55f, 1.0f);

std::vector<render::MeshStyle> meshStyles(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                          const std::optional<std::string>& selected,
                                          const std::optional<std::size_t>& hoveredMesh);

// Origin (green) and insertion (blue) pins of the selected muscle, on the selected side(s).
std::vector<render::Marker> attachmentMarkers(const LoadedScene& loaded, const std::optional<std::string>& selected);

}  // namespace dorsum::app
