#pragma once
// Picking: an exact CPU ray cast from a pixel through the camera into the scene's BVH (after the
// libigl viewer). It returns {mesh, face, barycentric, point}, respects what is hidden, and picks
// ghosted structures only when nothing solid is hit. The viewer's clicks and `dorsum pick` share it.
#include "core/camera.hpp"
#include "core/geometry/bvh.hpp"

#include <optional>
#include <vector>

namespace dorsum::core {

// The ray through pixel (px, py) of a width x height image (pixel centres at +0.5, row 0 on top).
Ray pixelRay(const OrbitCamera& camera, int width, int height, float px, float py);

enum class Pickable : std::uint8_t { Hidden, Solid, Ghosted };

// Nearest solid hit; else nearest ghosted hit; else none. `pickable` is indexed by mesh.
std::optional<RayHit> pick(const Bvh& bvh, const Ray& ray, const std::vector<Pickable>& pickable);

}  // namespace dorsum::core
