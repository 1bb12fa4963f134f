#pragma once
// From what the user chose (display state, selection, hover) to what the renderer draws: per-mesh
// opacity and highlight, and pins on the selected muscle's attachment landmarks. Shared by the
// window and `dorsum render`, so both show a selection the same way.
#include "app/scene_source.hpp"
#include "core/display_state.hpp"
#include "core/geometry/bvh.hpp"
#include "core/view/view_state.hpp"
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

// Which meshes may have their back faces culled: the body's all (built closed and outward, and
// checked so by the builder's tests); a user's model mesh by mesh, when core::closedOutward says so
// (an open or inward-wound mesh is drawn two-sided). Decided once per loaded scene.
std::vector<bool> closedMeshes(const LoadedScene& loaded);

// Origin (green) and insertion (blue) pins of the selected muscle, on the selected side(s).
std::vector<render::Marker> attachmentMarkers(const LoadedScene& loaded, const std::optional<std::string>& selected);

// The referral painted on the skin in this state (a trigger point's essential and spillover zones,
// or a chosen region, painted as essential): the skin's mesh index and a value per vertex. None
// when nothing is chosen or the scene is not the body.
struct ReferralPaint {
  std::size_t mesh = 0;
  std::vector<glm::vec2> values;  // (essential, spillover) per vertex
};
std::optional<ReferralPaint> referralPaint(const LoadedScene& loaded, const core::ViewState& state);

// Trigger points as X marks on screen: every point whose muscle is drawn and not covered there
// (a ray from the eye meets its muscle first), the chosen one larger and gold.
struct TriggerMark {
  glm::vec2 at;  // framebuffer pixels
  std::string id;
  core::Side side = core::Side::Left;
  bool chosen = false;
};
std::vector<TriggerMark> triggerPointMarks(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                           const core::Bvh& bvh, const core::OrbitCamera& camera, int width, int height,
                                           const core::ViewState& state);

// While a massage stroke plays: the muscle it works (else the one its pressure reaches) lit
// (kReachColor) and every muscle of a layer above it ghosted, so it shows through them.
inline const glm::vec3 kReachColor(1.0f, 0.5f, 0.15f);
void styleStroke(const LoadedScene& loaded, const core::StrokeSample& sample, std::vector<render::MeshStyle>& styles);
// The trigger point a stroke presses, while it presses (its referral is then painted).
std::optional<core::OnSide> strokeReferral(const core::StrokeSample& sample);

}  // namespace dorsum::app
