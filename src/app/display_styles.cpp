#include "app/display_styles.hpp"

#include "core/geometry/picking.hpp"
#include "core/mesh_checks.hpp"

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

std::vector<bool> closedMeshes(const LoadedScene& loaded) {
  std::vector<bool> closed(loaded.scene.meshes.size(), loaded.atlas.has_value());
  if (!loaded.atlas)
    for (std::size_t i = 0; i < closed.size(); ++i) closed[i] = core::closedOutward(loaded.scene.meshes[i]);
  return closed;
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

std::optional<ReferralPaint> referralPaint(const LoadedScene& loaded, const core::ViewState& state) {
  if (!loaded.referral || (!state.triggerPoint && !state.region)) return std::nullopt;
  const core::ReferralMap& map = *loaded.referral;
  ReferralPaint paint;
  paint.mesh = map.skinMesh();
  const std::size_t n = loaded.scene.meshes[paint.mesh].positions.size();
  paint.values.assign(n, glm::vec2(0.0f));
  if (state.triggerPoint) {
    const core::ReferralZone z = map.zone(state.triggerPoint->id, state.triggerPoint->side);
    for (std::size_t v = 0; v < n && v < z.essential.size(); ++v) paint.values[v] = {z.essential[v], z.spillover[v]};
  } else if (const core::SkinRegion* r = map.region(state.region->id, state.region->side)) {
    for (std::size_t v = 0; v < n && v < r->weight.size(); ++v) paint.values[v] = {r->weight[v], 0.0f};
  }
  return paint;
}

std::vector<TriggerMark> triggerPointMarks(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                           const core::Bvh& bvh, const core::OrbitCamera& camera, int width, int height,
                                           const core::ViewState& state) {
  std::vector<TriggerMark> out;
  if (!loaded.referral || !loaded.atlas) return out;
  const glm::mat4 viewProj = camera.projection(float(width) / float(height)) * camera.view();
  // What covers a point: solid structures only, and not the skin (the marks show through it).
  std::vector<core::Pickable> solid(displays.size(), core::Pickable::Hidden);
  for (std::size_t i = 0; i < displays.size(); ++i)
    if (displays[i] == core::Display::Shown && loaded.structures[i].kind != core::StructureKind::Skin) solid[i] = core::Pickable::Solid;
  const glm::vec3 eye = camera.eye();
  for (const auto& t : loaded.atlas->triggerPoints)
    for (const core::Side side : {core::Side::Left, core::Side::Right}) {
      const core::SurfacePoint* p = loaded.referral->triggerPoint(t.id, side);
      if (!p) continue;
      std::optional<std::size_t> mesh;
      for (std::size_t i = 0; i < loaded.structures.size(); ++i)
        if (loaded.structures[i].node == p->node) mesh = i;
      if (!mesh || displays[*mesh] == core::Display::Hidden) continue;
      const bool chosen = state.triggerPoint && state.triggerPoint->id == t.id && state.triggerPoint->side == side;
      // Not covered: the first solid thing a ray from the eye meets is its own muscle, near the point.
      const glm::vec3 d = p->point - eye;
      const float len = glm::length(d);
      const auto hit = core::pick(bvh, core::Ray{eye, d / len}, solid);
      const bool seen = !hit || hit->mesh == *mesh || hit->t > len - 0.004f;
      if (!seen && !chosen) continue;
      const glm::vec4 c = viewProj * glm::vec4(p->point, 1.0f);
      if (c.w <= 0.0f) continue;
      out.push_back({{(c.x / c.w * 0.5f + 0.5f) * float(width), (0.5f - c.y / c.w * 0.5f) * float(height)}, t.id, side, chosen});
    }
  return out;
}

void styleStroke(const LoadedScene& loaded, const core::StrokeSample& sample, std::vector<render::MeshStyle>& styles) {
  // The muscle the stroke works (its trigger point's, the one it follows, the one under its spot),
  // else the one its pressure reaches.
  const std::string lit = !sample.targetMuscle.empty() ? sample.targetMuscle : sample.reach.node;
  int reached = 0;
  for (const auto& s : loaded.structures)
    if (s.node == lit) reached = s.layer;
  for (std::size_t i = 0; i < styles.size() && i < loaded.structures.size(); ++i) {
    const core::Structure& s = loaded.structures[i];
    if (s.kind != core::StructureKind::Muscle || styles[i].alpha <= 0.001f) continue;
    if (s.node == lit) {
      styles[i].alpha = 1.0f;
      const float press = sample.contacts.empty() ? 0.0f : sample.contacts.front().pressing;
      styles[i].highlight = glm::vec4(kReachColor, 0.25f + 0.5f * press);
    } else if (reached > 0 && s.layer < reached) {
      styles[i].alpha = std::min(styles[i].alpha, core::targetAlpha(core::Display::Ghosted));
    }
  }
}

std::optional<core::OnSide> strokeReferral(const core::StrokeSample& sample) {
  if (!sample.triggerPoint || sample.contacts.empty()) return std::nullopt;
  float press = 0.0f;
  for (const auto& c : sample.contacts) press = std::max(press, c.pressing);
  return press >= 0.3f ? sample.triggerPoint : std::nullopt;
}

}  // namespace dorsum::app
