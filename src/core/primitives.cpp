#include "core/primitives.hpp"

#include <glm/gtc/constants.hpp>

#include <cmath>
#include <map>
#include <tuple>

namespace dorsum::core {

namespace {
constexpr float kTau = glm::two_pi<float>();

// Orthonormal basis around an axis, used to orient capsules.
void basis(glm::vec3 axis, glm::vec3& u, glm::vec3& w) {
  const glm::vec3 helper = std::abs(axis.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  u = glm::normalize(glm::cross(helper, axis));
  w = glm::cross(axis, u);
}
}  // namespace

Mesh makeLoft(const std::string& name, const std::function<glm::vec3(float, float)>& ring, int rings, int segments) {
  Mesh m;
  m.name = name;
  // Ring vertices; the seam is duplicated so u runs 0..1 without wrapping.
  for (int r = 0; r <= rings; ++r) {
    const float v = float(r) / float(rings);
    for (int s = 0; s <= segments; ++s) {
      const float a = kTau * float(s) / float(segments);
      m.positions.push_back(ring(v, s == segments ? 0.0f : a));
      m.uvs.emplace_back(float(s) / float(segments), v);
    }
  }
  const auto row = std::uint32_t(segments + 1);
  for (int r = 0; r < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t i0 = r * row + s, i1 = i0 + 1, i2 = i0 + row, i3 = i2 + 1;
      m.indices.insert(m.indices.end(), {i0, i2, i1, i1, i2, i3});
    }
  // A ring that collapses to a point (a pole) must be one point bit for bit, or rounding leaves
  // slivers that make the mesh non-manifold there.
  for (int r : {0, rings}) {
    glm::vec3 lo = m.positions[r * row], hi = lo;
    for (int s = 0; s <= segments; ++s) {
      lo = glm::min(lo, m.positions[r * row + s]);
      hi = glm::max(hi, m.positions[r * row + s]);
    }
    if (glm::length(hi - lo) < 1e-5f)
      for (int s = 0; s <= segments; ++s) m.positions[r * row + s] = m.positions[r * row];
  }
  // Caps: a centre vertex joined to the first and last rings.
  auto cap = [&](int r, bool flip) {
    glm::vec3 c(0.0f);
    for (int s = 0; s < segments; ++s) c += m.positions[r * row + s];
    c /= float(segments);
    const auto centre = std::uint32_t(m.positions.size());
    m.positions.push_back(c);
    m.uvs.emplace_back(0.5f, r == 0 ? 0.0f : 1.0f);
    for (int s = 0; s < segments; ++s) {
      const std::uint32_t a = r * row + s, b = a + 1;
      if (flip) m.indices.insert(m.indices.end(), {centre, a, b});
      else m.indices.insert(m.indices.end(), {centre, b, a});
    }
  };
  cap(0, true);
  cap(rings, false);
  // Whatever handedness ring() has, triangles face outward: a positive enclosed volume.
  if (signedVolume(m) < 0.0f)
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) std::swap(m.indices[i + 1], m.indices[i + 2]);
  m.computeNormals();
  // Vertices that coincide (the seam, collapsed poles) must share one normal, or lighting shows
  // a crease or a dark spot there.
  std::map<std::tuple<float, float, float>, glm::vec3> shared;
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const auto& p = m.positions[i];
    shared[{p.x, p.y, p.z}] += m.normals[i];
  }
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const auto& p = m.positions[i];
    const glm::vec3 n = shared[{p.x, p.y, p.z}];
    if (glm::length(n) > 0.0f) m.normals[i] = glm::normalize(n);
  }
  return m;
}

Mesh makeEllipsoid(const std::string& name, glm::vec3 center, glm::vec3 radii, int rings, int segments) {
  Mesh m = makeLoft(
      name,
      [&](float v, float a) {
        const float phi = glm::pi<float>() * v;  // 0 at the bottom pole
        return center + radii * glm::vec3(std::sin(phi) * std::cos(a), -std::cos(phi), std::sin(phi) * -std::sin(a));
      },
      rings, segments);
  return m;
}

Mesh makeCapsule(const std::string& name, glm::vec3 a, glm::vec3 b, float r, int rings, int segments) {
  const glm::vec3 axis = glm::normalize(b - a);
  glm::vec3 u, w;
  basis(axis, u, w);
  const float len = glm::length(b - a);
  const float total = len + 2 * r;
  return makeLoft(
      name,
      [&](float v, float ang) {
        const float s = v * total;  // arc position along the axis, hemispheres at both ends
        float along, radius;
        if (s < r) {
          const float t = std::acos(1.0f - s / r);  // 0..pi/2
          along = r - r * std::cos(t) - r;
          radius = r * std::sin(t);
        } else if (s > r + len) {
          const float t = std::acos(1.0f - (total - s) / r);
          along = len + r * std::cos(t);
          radius = r * std::sin(t);
        } else {
          along = s - r;
          radius = r;
        }
        return a + axis * along + (u * std::cos(ang) - w * std::sin(ang)) * radius;
      },
      rings * 2, segments);
}

namespace {
glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float t) {
  const float t2 = t * t, t3 = t2 * t;
  return 0.5f * ((2.0f * p1) + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                 (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}
}  // namespace

Mesh makeTube(const std::string& name, const std::vector<glm::vec3>& pts, const std::vector<float>& radii,
              int samplesPerSpan, int segments, float flatten, glm::vec3 flatAxis) {
  // Sample the curve, then carry a frame along it without twisting (parallel transport).
  std::vector<glm::vec3> c;
  std::vector<float> r;
  const int n = int(pts.size());
  for (int i = 0; i + 1 < n; ++i)
    for (int k = 0; k < samplesPerSpan; ++k) {
      const float t = float(k) / float(samplesPerSpan);
      c.push_back(catmullRom(pts[std::max(i - 1, 0)], pts[i], pts[i + 1], pts[std::min(i + 2, n - 1)], t));
      r.push_back(radii[std::min<std::size_t>(i, radii.size() - 1)] * (1 - t) +
                  radii[std::min<std::size_t>(i + 1, radii.size() - 1)] * t);
    }
  c.push_back(pts.back());
  r.push_back(radii.back());
  const int m = int(c.size());
  std::vector<glm::vec3> tangent(m), normal(m), binormal(m);
  for (int i = 0; i < m; ++i) {
    const glm::vec3 d = c[std::min(i + 1, m - 1)] - c[std::max(i - 1, 0)];
    tangent[i] = glm::length(d) > 0 ? glm::normalize(d) : glm::vec3(0, 1, 0);
  }
  glm::vec3 u, w;
  basis(tangent[0], u, w);
  normal[0] = u;
  for (int i = 1; i < m; ++i) {
    glm::vec3 nrm = normal[i - 1] - tangent[i] * glm::dot(normal[i - 1], tangent[i]);
    normal[i] = glm::length(nrm) > 1e-6f ? glm::normalize(nrm) : normal[i - 1];
  }
  for (int i = 0; i < m; ++i) binormal[i] = glm::cross(tangent[i], normal[i]);
  const glm::vec3 flat = glm::normalize(flatAxis);
  return makeLoft(
      name,
      [&](float v, float angle) {
        const float f = v * float(m - 1);
        const int i = std::min(int(f), m - 2);
        const float t = f - float(i);
        const glm::vec3 centre = c[i] * (1 - t) + c[i + 1] * t;
        const glm::vec3 nn = glm::normalize(normal[i] * (1 - t) + normal[i + 1] * t);
        const glm::vec3 bb = glm::normalize(binormal[i] * (1 - t) + binormal[i + 1] * t);
        glm::vec3 offset = (nn * std::cos(angle) + bb * std::sin(angle)) * (r[i] * (1 - t) + r[i + 1] * t);
        if (flatten != 1.0f) offset -= flat * glm::dot(offset, flat) * (1.0f - flatten);
        return centre + offset;
      },
      (m - 1) * 2, segments);
}

void appendMesh(Mesh& a, const Mesh& b) {
  const auto base = std::uint32_t(a.positions.size());
  a.positions.insert(a.positions.end(), b.positions.begin(), b.positions.end());
  a.normals.insert(a.normals.end(), b.normals.begin(), b.normals.end());
  a.uvs.insert(a.uvs.end(), b.uvs.begin(), b.uvs.end());
  if (!a.colors.empty() || !b.colors.empty()) {
    a.colors.resize(base, glm::vec4(1.0f));
    if (b.colors.empty()) a.colors.resize(a.positions.size(), glm::vec4(1.0f));
    else a.colors.insert(a.colors.end(), b.colors.begin(), b.colors.end());
  }
  for (auto i : b.indices) a.indices.push_back(base + i);
}

Scene makeTestFigure() {
  Scene s;
  const glm::vec3 skin(0.86f, 0.66f, 0.55f);
  // Proportions of a 1.75 m adult; coordinates as in docs/ATLAS_FORMAT.md (+Y up, +Z anterior).
  Mesh trunk = makeLoft(
      "trunk",
      [](float v, float a) {
        const float y = 0.95f + v * 0.55f;
        // Wider at the shoulders and hips than at the waist; flatter front to back.
        const float waist = 1.0f - 0.18f * std::sin(glm::pi<float>() * std::clamp((v - 0.05f) / 0.6f, 0.0f, 1.0f));
        const float halfW = (0.15f + 0.05f * v) * waist;
        const float halfD = 0.11f * (0.9f + 0.1f * waist);
        const float c = std::cos(a), sn = std::sin(a);
        // Superellipse cross-section (exponent 2.6) reads as a torso, not a cylinder.
        const float e = 2.0f / 2.6f;
        const float x = halfW * std::copysign(std::pow(std::abs(c), e), c);
        const float z = halfD * std::copysign(std::pow(std::abs(sn), e), -sn);
        return glm::vec3(x, y, z);
      },
      32, 48);
  trunk.color = skin;
  s.meshes.push_back(std::move(trunk));
  Mesh neck = makeCapsule("neck", {0, 1.47f, -0.01f}, {0, 1.58f, 0.0f}, 0.055f);
  neck.color = skin;
  s.meshes.push_back(std::move(neck));
  Mesh head = makeEllipsoid("head", {0, 1.66f, 0.01f}, {0.078f, 0.11f, 0.095f});
  head.color = skin;
  s.meshes.push_back(std::move(head));
  for (int side = -1; side <= 1; side += 2) {
    const float x = float(side);
    Mesh upper = makeCapsule(side > 0 ? "arm_l" : "arm_r", {x * 0.2f, 1.43f, -0.01f}, {x * 0.24f, 1.12f, -0.01f}, 0.045f);
    upper.color = skin;
    s.meshes.push_back(std::move(upper));
    Mesh fore = makeCapsule(side > 0 ? "forearm_l" : "forearm_r", {x * 0.24f, 1.1f, -0.01f}, {x * 0.26f, 0.86f, 0.02f}, 0.036f);
    fore.color = skin;
    s.meshes.push_back(std::move(fore));
  }
  Mesh spine = makeCapsule("spine_marker", {0, 1.0f, -0.105f}, {0, 1.48f, -0.095f}, 0.012f);
  spine.color = {0.93f, 0.89f, 0.78f};
  s.meshes.push_back(std::move(spine));
  return s;
}

}  // namespace dorsum::core
