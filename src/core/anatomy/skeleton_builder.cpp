#include "core/anatomy/skeleton_builder.hpp"

#include "core/anatomy/bone_shapes.hpp"
#include "core/anatomy/sheet.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <future>
#include <mutex>

namespace dorsum::core {

namespace {

// The shape of one bone of the atlas, by id or kind; empty when the builder does not know it.
Mesh shapeOf(const BoneContext& c, const Bone& b) {
  if (b.kind == "vertebra" && b.id != "sacrum" && b.id != "coccyx") return vertebraShape(c, b.id);
  if (b.id == "sacrum") return sacrumShape(c);
  if (b.id == "coccyx") return coccyxShape(c);
  if (b.kind == "rib") return ribShape(c, std::stoi(b.id.substr(4)));
  if (b.id == "sternum") return sternumShape(c);
  if (b.id == "scapula") return scapulaShape(c);
  if (b.id == "clavicle") return clavicleShape(c);
  if (b.id == "humerus") return humerusShape(c);
  if (b.id == "radius") return radiusShape(c);
  if (b.id == "ulna") return ulnaShape(c);
  if (b.id == "hand") return handShape(c);
  if (b.id == "hip_bone") return hipBoneShape(c);
  if (b.id == "femur") return femurShape(c);
  if (b.id == "cranium") return craniumShape(c);
  if (b.id == "occipital") return occipitalShape(c);
  if (b.id == "temporal") return temporalShape(c);
  if (b.id == "mandible") return mandibleShape(c);
  if (b.kind == "ligament") return nuchalLigamentShape(c);
  return {};
}

bool isGirdle(const Bone& b) {
  return b.kind == "shoulder_girdle" || b.id == "humerus" || b.id == "radius" || b.id == "ulna" || b.id == "hand";
}

}  // namespace

std::vector<BuiltBone> buildSkeleton(const Atlas& a, const BodyFrame& frame, float res) {
  const BoneContext context{a, frame, res};
  // Bones are independent: build them two at a time (the bake machine has two cores).
  std::vector<Mesh> shapes(a.bones.size());
  // The costliest bones first, so the two workers finish together.
  std::vector<std::size_t> order(a.bones.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto cost = [&](const Bone& b) {
    for (const char* big : {"hand", "scapula", "hip_bone", "cranium", "occipital", "humerus", "sacrum", "mandible"})
      if (b.id == big) return 0;
    return b.kind == "rib" ? 2 : 1;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return cost(a.bones[x]) < cost(a.bones[y]); });
  std::vector<std::future<void>> jobs;
  std::size_t next = 0;
  std::mutex guard;
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::lock_guard<std::mutex> lock(guard);
        if (next >= a.bones.size()) return;
        i = order[next++];
      }
      shapes[i] = shapeOf(context, a.bones[i]);
    }
  };
  jobs.push_back(std::async(std::launch::async, worker));
  worker();
  for (auto& j : jobs) j.get();  // rethrows a builder's error here

  std::vector<BuiltBone> out;
  for (std::size_t i = 0; i < a.bones.size(); ++i) {
    const Bone& b = a.bones[i];
    Mesh m = std::move(shapes[i]);
    if (m.positions.empty()) continue;
    if (m.colors.empty()) m.color = kBoneColor;
    for (const auto& p : m.positions)
      if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
        throw UserError("The bone '" + b.id + "' cannot be built from its landmarks (its geometry degenerates).");
    if (b.bilateral) {
      m.name = b.id + "_l";
      Mesh right = mirrorX(m, b.id + "_r");
      out.push_back({std::move(m), b.id, Side::Left, isGirdle(b)});
      out.push_back({std::move(right), b.id, Side::Right, isGirdle(b)});
    } else {
      m.name = b.id;
      out.push_back({std::move(m), b.id, std::nullopt, isGirdle(b)});
    }
  }
  return out;
}

}  // namespace dorsum::core
