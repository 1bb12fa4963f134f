#include "app/body_labels.hpp"

#include "app/structure_card.hpp"
#include "core/geometry/picking.hpp"

#include <algorithm>

namespace dorsum::app {

std::vector<core::PlacedLabel> layoutBodyLabels(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                                const core::Bvh& bvh, const core::OrbitCamera& camera, int width,
                                                int height, const std::function<glm::vec2(const std::string&)>& measure,
                                                float freeLeft, float freeRight) {
  const float aspect = float(width) / float(height);
  const glm::mat4 viewProj = camera.projection(aspect) * camera.view();
  auto toScreen = [&](const glm::vec3& p, glm::vec2& out) {
    const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
    if (c.w <= 0.0f) return false;
    out = {(c.x / c.w * 0.5f + 0.5f) * float(width), (0.5f - c.y / c.w * 0.5f) * float(height)};
    return true;
  };
  std::vector<core::Pickable> pickable(displays.size());
  for (std::size_t i = 0; i < displays.size(); ++i)
    pickable[i] = displays[i] == core::Display::Shown ? core::Pickable::Solid : core::Pickable::Hidden;

  std::vector<core::LabelRequest> requests;
  core::LabelArea area{float(width), float(height), float(width), 0.0f};
  area.gap = std::max(4.0f, measure("Ag").y * 0.2f);
  // Each part of each muscle once; the side alternates from muscle to muscle.
  std::vector<std::string> parts;
  for (const auto& s : loaded.structures)
    if (s.kind == core::StructureKind::Muscle && std::find(parts.begin(), parts.end(), s.id) == parts.end())
      parts.push_back(s.id);
  for (std::size_t n = 0; n < parts.size(); ++n) {
    const core::Side preferred = n % 2 == 0 ? core::Side::Left : core::Side::Right;
    std::optional<std::size_t> chosen;
    for (const core::Side side : {preferred, preferred == core::Side::Left ? core::Side::Right : core::Side::Left}) {
      for (std::size_t i = 0; i < loaded.structures.size() && !chosen; ++i) {
        const auto& s = loaded.structures[i];
        if (s.id != parts[n] || s.side != side || displays[i] != core::Display::Shown) continue;
        const core::Mesh& mesh = loaded.scene.meshes[i];
        // Candidates: vertices facing the camera, nearest the projected centre first.
        glm::vec2 centre;
        if (!toScreen(mesh.bounds().center(), centre)) continue;
        std::vector<std::pair<float, std::size_t>> candidates;
        const std::size_t step = std::max<std::size_t>(1, mesh.positions.size() / 160);
        for (std::size_t v = 0; v < mesh.positions.size(); v += step) {
          if (glm::dot(mesh.normals[v], camera.eye() - mesh.positions[v]) <= 0.0f) continue;
          glm::vec2 sp;
          if (toScreen(mesh.positions[v], sp)) candidates.push_back({glm::length(sp - centre), v});
        }
        std::sort(candidates.begin(), candidates.end());
        for (std::size_t c = 0; c < candidates.size() && c < 16; ++c) {
          const glm::vec3 p = mesh.positions[candidates[c].second];
          const glm::vec3 dir = glm::normalize(p - camera.eye());
          const auto hit = core::pick(bvh, {camera.eye(), dir}, pickable);
          if (!hit || hit->mesh != i) continue;
          glm::vec2 anchor;
          toScreen(hit->point, anchor);
          const std::string text = displayName(loaded, s);
          requests.push_back({anchor, measure(text), anchor.x < float(width) * 0.5f, text});
          area.bodyLeft = std::min(area.bodyLeft, anchor.x);
          area.bodyRight = std::max(area.bodyRight, anchor.x);
          chosen = i;
          break;
        }
      }
      if (chosen) break;
    }
  }
  // The columns stand beside everything drawn, not just beside the anchors.
  for (std::size_t i = 0; i < loaded.scene.meshes.size(); ++i) {
    if (displays[i] != core::Display::Shown || loaded.structures[i].kind != core::StructureKind::Muscle) continue;
    const core::Bounds b = loaded.scene.meshes[i].bounds();
    for (int k = 0; k < 8; ++k) {
      glm::vec2 sp;
      if (toScreen({k & 1 ? b.max.x : b.min.x, k & 2 ? b.max.y : b.min.y, k & 4 ? b.max.z : b.min.z}, sp)) {
        area.bodyLeft = std::min(area.bodyLeft, sp.x);
        area.bodyRight = std::max(area.bodyRight, sp.x);
      }
    }
  }
  area.bodyLeft = std::max(area.bodyLeft, 0.0f);
  area.bodyRight = std::min(area.bodyRight, float(width));
  area.margin = std::max(12.0f, float(width) * 0.015f);
  area.left = freeLeft;
  area.right = freeRight;
  return core::layoutLabels(std::move(requests), area);
}

}  // namespace dorsum::app
