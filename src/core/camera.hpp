#pragma once
// An orbit camera around a target: yaw/pitch/distance. Pure maths (no GL, no window) so that render,
// picking and tests share one camera. It has no clock: moves between poses are tracks
// (core/view/timeline.hpp) that the window evaluates at its time and jumps the camera to.
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
  bool operator==(const Orbit&) const = default;
};

// Between two orbits (s from 0 to 1): the target moves straight, the yaw turns the short way
// round, the distance changes geometrically (a zoom feels even).
Orbit mixOrbit(const Orbit& a, const Orbit& b, float s);

// Where on the screen the camera centres its picture, and how large: the window shifts the centre
// into the space its panels leave and shrinks the picture to fit it. Applied after the perspective
// projection, so drawing, picking and labels all see it.
struct Lens {
  float shiftX = 0.0f, shiftY = 0.0f;  // in normalised device coordinates
  float zoom = 1.0f;
  bool operator==(const Lens&) const = default;
};

class OrbitCamera {
public:
  float fovY = glm::radians(35.0f);
  Lens lens;

  // Jumps so the bounds fill the view from the given standard view.
  void frame(const Bounds& bounds, StandardView view) { now_ = orbitFor(view, bounds, fovY); }

  void orbit(float dYaw, float dPitch);
  // Pans by fractions of the viewport (dx, dy in [-1, 1] across the view).
  void pan(float dx, float dy, float aspect);
  // Dollies by factor (<1 moves closer) toward the point under the cursor, given in normalised
  // device coordinates (-1..1), keeping that point fixed on screen.
  void dolly(float factor, glm::vec2 cursorNdc, float aspect);

  const Orbit& current() const { return now_; }
  glm::vec3 eye() const;
  glm::mat4 view() const;
  glm::mat4 projection(float aspect) const;

  // Jumps to a pose (no animation): the window sets the pose its camera track gives each frame.
  void jumpTo(const Orbit& pose) { now_ = pose; }

  static Orbit orbitFor(StandardView view, const Bounds& bounds, float fovY);
  // The pose that centres and fits the bounds from the direction `from` looks.
  static Orbit focusOn(const Orbit& from, const Bounds& bounds, float fovY);

private:
  Orbit now_{};
};

}  // namespace dorsum::core
