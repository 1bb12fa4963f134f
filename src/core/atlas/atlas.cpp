#include "core/atlas/atlas.hpp"

#include <algorithm>

namespace dorsum::core {

namespace {
template <typename T>
const T* findById(const std::vector<T>& items, const std::string& id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return nullptr;
}
}  // namespace

const Landmark* Atlas::landmark(const std::string& id) const { return findById(landmarks, id); }
const Muscle* Atlas::muscle(const std::string& id) const { return findById(muscles, id); }
const Bone* Atlas::bone(const std::string& id) const { return findById(bones, id); }

const Layer* Atlas::layer(int index) const {
  for (const auto& l : layers)
    if (l.index == index) return &l;
  return nullptr;
}

int Atlas::deepestLayer() const {
  int deepest = 0;
  for (const auto& l : layers) deepest = std::max(deepest, l.index);
  return deepest;
}

std::vector<std::string> Atlas::structureIds() const {
  std::vector<std::string> ids;
  for (const auto& m : muscles) {
    ids.push_back(m.id);
    for (const auto& p : m.parts)
      if (p.id != m.id) ids.push_back(p.id);
  }
  for (const auto& b : bones) ids.push_back(b.id);
  ids.push_back("skin");
  return ids;
}

const Region* Atlas::region(const std::string& id) const { return findById(regions, id); }
const TriggerPoint* Atlas::triggerPoint(const std::string& id) const { return findById(triggerPoints, id); }

std::optional<glm::vec3> Atlas::point(const PointSpec& spec, Side side) const {
  const Landmark* a = landmark(spec.landmark);
  if (!a) return std::nullopt;
  glm::vec3 p = a->on(Side::Left);
  if (!spec.to.empty()) {
    const Landmark* b = landmark(spec.to);
    if (!b) return std::nullopt;
    p = glm::mix(p, b->on(Side::Left), spec.t);
  }
  p += spec.offsetMm * 0.001f;
  if (side == Side::Right) p.x = -p.x;
  return p;
}

}  // namespace dorsum::core
