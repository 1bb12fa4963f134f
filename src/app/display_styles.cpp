#include "app/display_styles.hpp"

namespace dorsum::app {

std::vector<render::MeshStyle> meshStyles(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                          const std::optional<std::string>& selected,
                                          const std::optional<std::size_t>& hoveredMesh) {
  std::vector<render::MeshStyle> styles(loaded.scene.meshes.size());
  for (std::size_t i = 0; i < styles.size(); ++i) {
    styles[i].alpha = i < displays.size() ? core::targetAlpha(displays[i]) : 1.0f;
    if (selected && i < loaded.structures.size() && core::matchesId(loaded.structures[i], *selected))
      styles[i].highlight = glm::vec4(kSelectionColor, 0.55f);
    else if (hoveredMesh && *hoveredMesh == i)
      styles[i].highlight = glm::vec4(kHoverColor, 0.35f);
  }
  return styles;
}

std::vector<render::Marker> attachmentMarkers(const LoadedScene& loaded, const std::optional<std::string>& selected) {
  std::vector<render::Marker> out;
  if (!selected || !loaded.atlas) return out;
  for (const auto& s : loaded.structures) {
    if (s.kind != core::StructureKind::Muscle || !s.side || !core::matchesId(s, *selected)) continue;
    const core::Muscle* muscle = loaded.atlas->muscle(s.muscleId);
    if (!muscle) continue;
    for (const auto& part : muscle->parts) {
      if (part.id != s.id) continue;
      for (const auto* end : {&part.origin, &part.insertion})
        for (const auto& id : end->landmarks)
          if (const core::Landmark* l = loaded.atlas->landmark(id))
            out.push_back({l->on(*s.side), 0.0045f, end == &part.origin ? kOriginColor : kInsertionColor});
    }
  }
  return out;
}

}  // namespace dorsum::app
