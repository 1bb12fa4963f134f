#pragma once
// Which muscles get a label, and where its leader line touches the muscle: a point of the muscle
// that the camera actually sees (checked with a pick ray), near the middle of its visible part.
// Each muscle is labelled once, on alternating sides, so the two columns stay balanced.
#include "app/scene_source.hpp"
#include "core/camera.hpp"
#include "core/display_state.hpp"
#include "core/geometry/bvh.hpp"
#include "core/label_layout.hpp"

#include <functional>
#include <vector>

namespace dorsum::app {

std::vector<core::PlacedLabel> layoutBodyLabels(const LoadedScene& loaded, const std::vector<core::Display>& displays,
                                                const core::Bvh& bvh, const core::OrbitCamera& camera, int width,
                                                int height, const std::function<glm::vec2(const std::string&)>& measure,
                                                float freeLeft = 0.0f, float freeRight = 1e9f);

}  // namespace dorsum::app
