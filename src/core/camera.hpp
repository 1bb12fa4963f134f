#pragma once
// An orbit camera around a target: yaw/pitch/distance, with smooth transitions toward a goal.
// Pure maths (no GL, no window) so that render, picking and tests share one camera.
#include "core/mesh.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dorsum::core {

enum class StandardView { Posterior, Anterior, Left, Right, Superior, ThreeQuarter };

std::optional<StandardView> parseView(std::string_view name);
std::string_view viewName(StandardView v);
const std::vector<StandardView>& allViews();
std::string viewNamesJoined();  // "posterior, anterior, ..." for messages and --help

struct Orbit {
  glm::vec3 target{0.0f};
  float yaw = 0.0f;    // 0: camera behind the body (on -Z) looking toward +Z
  float pitch = 0.0f;  // positive: camera above the target looking down
  float distance = 3.0f;
};

class OrbitCamera {
public:
  float fovY = glm::radians(35.0f);

  // Jumps (no animation) so the bounds fill the view from the given standard view.
  void frame(const Bounds& bounds, StandardView view);
  // Starts a smooth transition to a standard view around the framed bounds.
  void goTo(StandardView view);
  void reset() { goTo(home_); }
  // Starts a smooth transition that centres and fits these bounds, keeping the direction of view.
  void focus(const Bounds& bounds);

  void orbit(float dYaw, float dPitch);
  // Pans by fractions of the viewport (dx, dy in [-1, 1] across the view).
  void pan(float dx, float dy, float aspect);
  // Dollies by factor (<1 moves closer) toward the point under the cursor, given in normalised
  // device coordinates (-1..1), keeping that point fixed on screen.
  void dolly(float factor, glm::vec2 cursorNdc, float aspect);

  // Advances the transition; returns true while still moving (the caller keeps redrawing).
  bool update(float dt);
  bool animating() const;

  const Orbit& current() const { return now_; }
  const Orbit& goal() const { return goal_; }
  glm::vec3 eye() const;
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;

  static Orbit orbitFor(StandardView view, const Bounds& bounds, float fovY);

private:
  Orbit now_{}, goal_{};
  Bounds bounds_{};
  StandardView home_ = StandardView::Posterior;
};

}  // namespace dorsum::core
