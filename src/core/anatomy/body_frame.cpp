#include "core/anatomy/body_frame.hpp"

#include "core/primitives.hpp"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
float smoothMin(float a, float b, float k) {
  const float h = std::clamp(0.5f + 0.5f * (b - a) / k, 0.0f, 1.0f);
  return b + (a - b) * h - k * h * (1.0f - h);
}
float distanceToSegment(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 ab = b - a;
  const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
  return glm::length(p - (a + ab * t));
}
}  // namespace

BodyFrame::BodyFrame(const Atlas& atlas) {
  static const char* names[] = {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "t1", "t2", "t3", "t4", "t5", "t6",
                                "t7", "t8", "t9", "t10", "t11", "t12", "l1", "l2", "l3", "l4", "l5", "s1", "s2", "s3"};
  for (const char* v : names) {
    const std::string id = v;
    const Landmark* sp = atlas.landmark(id + "_sp");
    if (!sp && id == "c1") sp = atlas.landmark("c1_pt");
    if (!sp && id[0] == 's') sp = atlas.landmark(id + "_median_crest");
    if (!sp) continue;
    SpineLevel level{id, sp->position.y, sp->position.z, 0.0f, 0.0f};
    if (const Landmark* tp = atlas.landmark(id + "_tp")) {
      level.tpX = tp->position.x;
      level.tpZ = tp->position.z;
    } else {
      level.tpX = -1.0f;  // filled in below
    }
    levels_.push_back(level);
  }
  // Top to bottom whatever order the data gives.
  std::stable_sort(levels_.begin(), levels_.end(), [](const SpineLevel& a, const SpineLevel& b) { return a.y > b.y; });
  // Transverse processes missing from the atlas (C5, C6, sacrum) are interpolated from neighbours.
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].tpX >= 0.0f) continue;
    int a = int(i) - 1, b = int(i) + 1;
    while (a >= 0 && levels_[a].tpX < 0.0f) --a;
    while (b < int(levels_.size()) && levels_[b].tpX < 0.0f) ++b;
    if (a >= 0 && b < int(levels_.size()) && levels_[b].y != levels_[a].y) {
      const float t = (levels_[i].y - levels_[a].y) / (levels_[b].y - levels_[a].y);
      levels_[i].tpX = levels_[a].tpX + (levels_[b].tpX - levels_[a].tpX) * t;
      levels_[i].tpZ = levels_[a].tpZ + (levels_[b].tpZ - levels_[a].tpZ) * t;
    } else {
      const SpineLevel& n = a >= 0 ? levels_[a] : levels_[b];
      levels_[i].tpX = n.tpX * 0.9f;
      levels_[i].tpZ = levels_[i].spZ + 0.03f;
    }
  }
  if (const Landmark* acr = atlas.landmark("scap_acromion_tip")) acromion_ = acr->position;
  float widest = 0.0f;
  for (const auto& l : atlas.landmarks)
    if (l.bone.rfind("rib_", 0) == 0) widest = std::max(widest, l.position.x);
  if (widest > 0.0f) thoraxHalfWidth_ = widest + 0.02f;
}

SpineLevel BodyFrame::levelAt(float y) const {
  if (levels_.empty()) return {"", y, -0.09f, 0.04f, -0.05f};
  if (y >= levels_.front().y) return levels_.front();
  if (y <= levels_.back().y) return levels_.back();
  for (std::size_t i = 0; i + 1 < levels_.size(); ++i) {
    const SpineLevel& a = levels_[i];
    const SpineLevel& b = levels_[i + 1];
    if (y <= a.y && y >= b.y) {
      const float t = a.y > b.y ? (a.y - y) / (a.y - b.y) : 0.0f;
      SpineLevel s = a;
      s.y = y;
      s.spZ = a.spZ + (b.spZ - a.spZ) * t;
      s.tpX = a.tpX + (b.tpX - a.tpX) * t;
      s.tpZ = a.tpZ + (b.tpZ - a.tpZ) * t;
      return s;
    }
  }
  return levels_.back();
}

namespace {
// Where the neck ends and the thorax begins, as a 0..1 blend by height.
float thoraxWeight(float y, float c7y) { return glm::smoothstep(c7y - 0.01f, c7y - 0.07f, y); }
}  // namespace

glm::vec2 BodyFrame::coreHalfSize(float y) const {
  const float c7 = levels_.size() > 6 ? levels_[6].y : 1.5f;
  const float w = thoraxWeight(y, c7);
  // Thorax narrows to the waist then widens slightly over the pelvis.
  const float waist = glm::smoothstep(1.25f, 1.12f, y) * (1.0f - glm::smoothstep(1.06f, 0.98f, y));
  const float trunkHalfW = thoraxHalfWidth_ - 0.015f * waist;
  const float halfW = glm::mix(0.045f, trunkHalfW, w);
  const float halfD = glm::mix(0.05f, 0.105f, w);
  return {halfW, halfD};
}

float BodyFrame::coreCentreZ(float y) const {
  // The core's back lies just in front of the laminae: spinous process depth plus ~2.3 cm
  // (thorax) or ~2 cm (neck), so the spinous processes stand out of it as they do under the skin.
  const SpineLevel s = levelAt(y);
  const glm::vec2 half = coreHalfSize(y);
  const float laminaDepth = s.spZ + 0.022f;
  return laminaDepth + half.y;
}

float BodyFrame::field(const glm::vec3& p) const {
  const float y = std::clamp(p.y, levels_.empty() ? 0.9f : levels_.back().y, levels_.empty() ? 1.6f : levels_.front().y);
  const glm::vec2 half = coreHalfSize(y);
  const float zc = coreCentreZ(y);
  // Distance to the trunk's axis in a space where the trunk's section is round.
  const float scale = half.y / half.x;
  float d = std::sqrt((p.x * scale) * (p.x * scale) + (p.z - zc) * (p.z - zc)) - half.y;
  // Above and below the spine's extent the field closes over the top and bottom.
  if (p.y > y) d = std::sqrt(std::max(d, 0.0f) * std::max(d, 0.0f) + (p.y - y) * (p.y - y));
  // Each shoulder girdle: a segment from the root of the neck to the acromion; tissue over the
  // top of the shoulder stacks upward.
  const float c7y = levels_.size() > 6 ? levels_[6].y : 1.5f;
  const glm::vec3 root(0.0f, c7y - 0.03f, coreCentreZ(c7y - 0.03f));
  const glm::vec3 acr(std::abs(acromion_.x), acromion_.y - 0.02f, acromion_.z - 0.01f);
  const glm::vec3 q(std::abs(p.x), p.y, p.z);
  const float shoulder = distanceToSegment(q, root, acr) - 0.035f;
  return smoothMin(d, shoulder, 0.05f);
}

glm::vec3 BodyFrame::outward(const glm::vec3& p) const {
  const float h = 0.002f;
  const glm::vec3 g(field(p + glm::vec3(h, 0, 0)) - field(p - glm::vec3(h, 0, 0)),
                    field(p + glm::vec3(0, h, 0)) - field(p - glm::vec3(0, h, 0)),
                    field(p + glm::vec3(0, 0, h)) - field(p - glm::vec3(0, 0, h)));
  const float len = glm::length(g);
  return len > 1e-8f ? g / len : glm::vec3(0, 0, -1);
}

Mesh BodyFrame::deepCore(int rings, int segments) const {
  const float top = levels_.empty() ? 1.59f : levels_.front().y + 0.01f;
  const float bottom = levels_.empty() ? 0.95f : levels_.back().y - 0.03f;
  return makeLoft(
      "deep_core",
      [&](float v, float angle) {
        const float y = bottom + (top - bottom) * v;
        const glm::vec2 half = coreHalfSize(y);
        const float zc = coreCentreZ(y);
        // Superellipse section (exponent 2.6): a flat back and rounded sides, like a thorax.
        const float c = std::cos(angle), s = std::sin(angle);
        const float e = 2.0f / 2.6f;
        return glm::vec3(half.x * std::copysign(std::pow(std::abs(c), e), c), y,
                         zc + half.y * std::copysign(std::pow(std::abs(s), e), s));
      },
      rings, segments);
}

}  // namespace dorsum::core
