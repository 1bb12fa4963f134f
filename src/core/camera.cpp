#include "core/camera.hpp"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
constexpr float kPi = glm::pi<float>();
constexpr float kMaxPitch = glm::radians(89.0f);

struct ViewEntry {
  StandardView view;
  std::string_view name;
  float yaw, pitch;
};
// Yaw 0 looks at the back (posterior view); +pi/2 puts the camera on the subject's left (+X).
constexpr ViewEntry kViews[] = {
    {StandardView::Posterior, "posterior", 0.0f, 0.0f},
    {StandardView::Anterior, "anterior", kPi, 0.0f},
    {StandardView::Left, "left", kPi / 2, 0.0f},
    {StandardView::Right, "right", -kPi / 2, 0.0f},
    {StandardView::Superior, "superior", 0.0f, kMaxPitch},
    {StandardView::ThreeQuarter, "three-quarter", kPi / 4, glm::radians(20.0f)},
};

const ViewEntry& entry(StandardView v) {
  for (const auto& e : kViews)
    if (e.view == v) return e;
  return kViews[0];
}

glm::vec3 direction(float yaw, float pitch) {
  return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch)};
}

float wrapAngle(float a) {
  a = std::fmod(a + kPi, 2 * kPi);
  if (a < 0) a += 2 * kPi;
  return a - kPi;
}
}  // namespace

std::optional<StandardView> parseView(std::string_view name) {
  for (const auto& e : kViews)
    if (e.name == name) return e.view;
  if (name == "back") return StandardView::Posterior;
  if (name == "front") return StandardView::Anterior;
  if (name == "top") return StandardView::Superior;
  return std::nullopt;
}

std::string_view viewName(StandardView v) { return entry(v).name; }

const std::vector<StandardView>& allViews() {
  static const std::vector<StandardView> views = [] {
    std::vector<StandardView> v;
    for (const auto& e : kViews) v.push_back(e.view);
    return v;
  }();
  return views;
}

std::string viewNamesJoined() {
  std::string s;
  for (const auto& e : kViews) {
    if (!s.empty()) s += ", ";
    s += e.name;
  }
  return s;
}

Orbit OrbitCamera::orbitFor(StandardView view, const Bounds& bounds, float fovY) {
  const auto& e = entry(view);
  Orbit o;
  o.target = bounds.empty() ? glm::vec3(0.0f) : bounds.center();
  o.yaw = e.yaw;
  o.pitch = e.pitch;
  const float r = std::max(bounds.radius(), 0.01f);
  // Fit the bounding sphere in the vertical field of view with a small margin.
  o.distance = r / std::sin(fovY * 0.5f) * 0.92f;
  return o;
}

Orbit OrbitCamera::focusOn(const Orbit& from, const Bounds& bounds, float fovY) {
  Orbit o = from;
  if (bounds.empty()) return o;
  o.target = bounds.center();
  o.distance = std::max(bounds.radius(), 0.05f) / std::sin(fovY * 0.5f) * 1.15f;
  return o;
}

Orbit mixOrbit(const Orbit& a, const Orbit& b, float s) {
  Orbit o;
  o.target = glm::mix(a.target, b.target, s);
  o.yaw = a.yaw + wrapAngle(b.yaw - a.yaw) * s;
  o.pitch = glm::mix(a.pitch, b.pitch, s);
  o.distance = a.distance * std::pow(std::max(b.distance, 1e-6f) / std::max(a.distance, 1e-6f), s);
  return o;
}

void OrbitCamera::orbit(float dYaw, float dPitch) {
  now_.yaw += dYaw;
  now_.pitch = std::clamp(now_.pitch + dPitch, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dx, float dy, float aspect) {
  const glm::mat4 inv = glm::inverse(view());
  const glm::vec3 right = glm::vec3(inv[0]);
  const glm::vec3 up = glm::vec3(inv[1]);
  const float halfH = std::tan(fovY * 0.5f) * now_.distance;
  const glm::vec3 delta = -right * dx * halfH * aspect - up * dy * halfH;
  now_.target += delta;
}

void OrbitCamera::dolly(float factor, glm::vec2 cursorNdc, float aspect) {
  factor = std::clamp(factor, 0.2f, 5.0f);
  const float newDistance = std::clamp(now_.distance * factor, 0.05f, 50.0f);
  factor = newDistance / now_.distance;
  // The point under the cursor on the plane through the target, facing the camera.
  const glm::mat4 inv = glm::inverse(view());
  const glm::vec3 right = glm::vec3(inv[0]);
  const glm::vec3 up = glm::vec3(inv[1]);
  const float halfH = std::tan(fovY * 0.5f) * now_.distance;
  const glm::vec3 under = now_.target + right * cursorNdc.x * halfH * aspect + up * cursorNdc.y * halfH;
  // Scaling distances about that point keeps it fixed on screen.
  now_.target = under + (now_.target - under) * factor;
  now_.distance = newDistance;
}

glm::vec3 OrbitCamera::eye() const { return now_.target + direction(now_.yaw, now_.pitch) * now_.distance; }

glm::mat4 OrbitCamera::view() const {
  // Near the poles "up" follows the yaw so the superior view keeps the head's back at the bottom.
  const glm::vec3 fwd = -direction(now_.yaw, now_.pitch);
  glm::vec3 up(0.0f, 1.0f, 0.0f);
  if (std::abs(glm::dot(fwd, up)) > 0.9999f) up = glm::vec3(-std::sin(now_.yaw), 0.0f, std::cos(now_.yaw));
  return glm::lookAt(eye(), now_.target, up);
}

glm::mat4 OrbitCamera::projection(float aspect) const {
  const float nearZ = std::max(0.01f, now_.distance * 0.02f);
  const float farZ = now_.distance * 10.0f + 10.0f;
  const glm::mat4 p = glm::perspective(fovY, std::max(aspect, 1e-3f), nearZ, farZ);
  if (lens == Lens{}) return p;
  const glm::mat4 shift = glm::translate(glm::mat4(1.0f), glm::vec3(lens.shiftX, lens.shiftY, 0.0f));
  return shift * glm::scale(glm::mat4(1.0f), glm::vec3(lens.zoom, lens.zoom, 1.0f)) * p;
}

}  // namespace dorsum::core
