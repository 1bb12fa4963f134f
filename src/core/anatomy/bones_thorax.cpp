// Ribs with their costal cartilages, and the sternum. A rib is a flat band swept through its own
// landmarks (head, tubercle, the measured angle, then round the rib cage to the costochondral
// junction); its cartilage continues to the sternum (ribs 1-7) or to the cartilage above (8-10).
#include "core/anatomy/bone_shapes.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {

std::vector<glm::vec3> catmullRom(const std::vector<glm::vec3>& pts, int perSpan) {
  std::vector<glm::vec3> out;
  const int n = int(pts.size());
  for (int i = 0; i + 1 < n; ++i) {
    const glm::vec3 p0 = pts[std::max(i - 1, 0)], p1 = pts[i], p2 = pts[i + 1], p3 = pts[std::min(i + 2, n - 1)];
    for (int s = 0; s < perSpan; ++s) {
      const float t = float(s) / float(perSpan), t2 = t * t, t3 = t2 * t;
      out.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                            (3.0f * p1 - p0 - 3.0f * p2 + p3) * t3));
    }
  }
  out.push_back(pts.back());
  return out;
}

// A closed tube of elliptic section along a path: `thick` is the half-size along the rib cage's
// outward direction, `tall` across it; both ends closed with a fan.
void sweep(Mesh& m, const std::vector<glm::vec3>& path, const std::vector<float>& thick, const std::vector<float>& tall,
           const glm::vec4& tint, int segments) {
  const auto base = std::uint32_t(m.positions.size());
  const int n = int(path.size());
  for (int i = 0; i < n; ++i) {
    const glm::vec3 tangent = glm::normalize(path[std::min(i + 1, n - 1)] - path[std::max(i - 1, 0)]);
    glm::vec3 out(path[i].x, 0.0f, path[i].z - 0.09f);  // away from the middle of the chest
    out -= tangent * glm::dot(out, tangent);
    if (glm::length(out) < 1e-6f) out = glm::cross(tangent, glm::vec3(0, 1, 0));
    out = glm::normalize(out);
    const glm::vec3 up = glm::cross(tangent, out);
    for (int s = 0; s < segments; ++s) {
      const float a = 6.2831853f * float(s) / float(segments);
      m.positions.push_back(path[i] + out * (std::cos(a) * thick[i]) + up * (std::sin(a) * tall[i]));
      m.colors.push_back(tint);
    }
  }
  for (int i = 0; i + 1 < n; ++i)
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t a = base + i * segments + s, b = base + i * segments + (s + 1) % segments;
      const std::uint32_t c = a + segments, d = b + segments;
      m.indices.insert(m.indices.end(), {a, c, b, b, c, d});
    }
  for (int end : {0, n - 1}) {
    const auto centre = std::uint32_t(m.positions.size());
    m.positions.push_back(path[end]);
    m.colors.push_back(tint);
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t a = base + end * segments + s, b = base + end * segments + (s + 1) % segments;
      if (end == 0) m.indices.insert(m.indices.end(), {centre, a, b});
      else m.indices.insert(m.indices.end(), {centre, b, a});
    }
  }
}

std::vector<glm::vec3> ribControlPoints(const BoneContext& c, int n) {
  const std::string rib = "rib" + std::to_string(n), bone = "rib_" + std::to_string(n);
  std::vector<glm::vec3> pts;
  for (const char* part : {"_head", "_tubercle", "_angle", "_post", "_posterolateral", "_lat", "_axillary",
                           "_anterolateral", "_anterior", "_tip"}) {
    if (n == 12 && std::string(part) == "_lat") continue;  // rib 12's tip comes last
    if (c.has(rib + part)) pts.push_back(c.at(rib + part, bone));
  }
  if (n == 12 && c.has("rib12_lat")) pts.push_back(c.at("rib12_lat", bone));
  if (pts.size() < 3) throw UserError("The rib '" + bone + "' needs at least its head, tubercle and angle landmarks.");
  return pts;
}

// Where the cartilage of rib n meets the sternum (1-7) or the cartilage above (8-10).
std::vector<glm::vec3> cartilagePath(const BoneContext& c, int n) {
  const std::string bone = "rib_" + std::to_string(n);
  const std::string anterior = "rib" + std::to_string(n) + "_anterior";
  if (n > 10 || !c.has(anterior) || !c.has("sternum_angle")) return {};
  const glm::vec3 start = c.at(anterior, bone);
  glm::vec3 end;
  if (n <= 7) {
    const glm::vec3 notch = c.at("sternum_jugular_notch", bone), angle = c.at("sternum_angle", bone);
    const glm::vec3 xs = c.at("sternum_xiphisternal", bone);
    if (n == 1) end = glm::mix(notch, angle, 0.25f) + glm::vec3(0.024f, 0.0f, 0.0f);
    else if (n == 2) end = angle + glm::vec3(0.020f, 0.0f, 0.0f);
    else end = glm::mix(angle, xs, float(n - 2) / 5.0f) + glm::vec3(n == 7 ? 0.011f : 0.017f, 0.0f, 0.0f);
  } else {
    const std::vector<glm::vec3> above = cartilagePath(c, n - 1);
    if (above.empty()) return {};
    end = above[above.size() * 6 / 10];
  }
  // The cartilage leaves the rib in its own direction, then turns up and in toward the sternum.
  const glm::vec3 mid = glm::mix(start, end, 0.5f) + glm::vec3(0.008f, -0.004f * float(std::max(0, n - 4)), 0.006f);
  return catmullRom({start, mid, end}, 5);
}

}  // namespace

Mesh ribShape(const BoneContext& c, int n) {
  Mesh m;
  m.name = "rib_" + std::to_string(n);
  const int segments = std::max(6, int(std::round(8 * c.resolution)));
  const int perSpan = std::max(2, int(std::round(4 * c.resolution)));
  const std::vector<glm::vec3> path = catmullRom(ribControlPoints(c, n), perSpan);
  std::vector<float> thick(path.size()), tall(path.size());
  const float size = n == 1 ? 0.85f : n >= 11 ? 0.8f : 1.0f;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const float t = float(i) / float(path.size() - 1);
    // Round at the head and neck, a flat band (about 13 x 6 mm) along the shaft.
    const float flat = glm::smoothstep(0.0f, 0.18f, t);
    thick[i] = size * glm::mix(0.0045f, 0.003f, flat);
    tall[i] = size * glm::mix(0.0045f, 0.0065f, flat) * (n >= 11 ? 1.0f - 0.4f * t : 1.0f);
  }
  const glm::vec4 bone(kBoneColor, 0.0f), cartilage(kCartilageColor, 0.0f);
  sweep(m, path, thick, tall, bone, segments);
  const std::vector<glm::vec3> cart = cartilagePath(c, n);
  if (!cart.empty()) {
    std::vector<float> ct(cart.size(), 0.0038f), cl(cart.size(), 0.0052f);
    // The cartilage starts inside the end of the bony rib so the two read as one.
    std::vector<glm::vec3> start = cart;
    start.front() -= glm::normalize(path.back() - path[path.size() - 2]) * 0.003f;
    sweep(m, start, ct, cl, cartilage, segments);
  }
  m.color = glm::vec3(1.0f);  // the tint is in the vertex colours
  if (signedVolume(m) < 0.0f)
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  m.computeNormals();
  return m;
}

Mesh sternumShape(const BoneContext& c) {
  const std::string bone = "sternum";
  const glm::vec3 notch = c.at("sternum_jugular_notch", bone), angle = c.at("sternum_angle", bone);
  const glm::vec3 xs = c.at("sternum_xiphisternal", bone), tip = c.at("sternum_xiphoid_tip", bone);
  auto at = [&](float f, float halfWidth) {  // along the sternum from the notch (0) to the xiphisternal joint (1)
    const glm::vec3 p = f < 0.33f ? glm::mix(notch, angle, f / 0.33f) : glm::mix(angle, xs, (f - 0.33f) / 0.67f);
    return std::pair{p + glm::vec3(halfWidth, 0, 0), p - glm::vec3(halfWidth, 0, 0)};
  };
  // Outline: the manubrium (broad, with the clavicular notches), the body, the xiphoid.
  const float widths[][2] = {{0.0f, 0.012f}, {0.05f, 0.026f}, {0.2f, 0.028f}, {0.33f, 0.015f},
                             {0.5f, 0.017f}, {0.8f, 0.019f}, {1.0f, 0.012f}};
  std::vector<glm::vec3> left, right;
  for (const auto& w : widths) {
    const auto [l, r] = at(w[0], w[1]);
    left.push_back(l);
    right.push_back(r);
  }
  std::vector<glm::vec3> outline = left;
  outline.push_back(xs + glm::vec3(0.007f, -0.012f, -0.002f));
  outline.push_back(tip);
  outline.push_back(xs + glm::vec3(-0.007f, -0.012f, -0.002f));
  for (auto it = right.rbegin(); it != right.rend(); ++it) outline.push_back(*it);
  // The plate's mid-surface lies 5 mm behind the landmarks, which are on its front.
  for (auto& p : outline) p.z -= 0.005f;
  ImplicitShape s;
  s.plate(Plate::through(outline, {0, 0, 1}, 0.005f), 0.0f);
  return c.solid(bone, s, 0.0020f, 0.14f);
}

}  // namespace dorsum::core
