#include "core/anatomy/sheet.hpp"

#include <algorithm>

namespace dorsum::core {

Mesh makeSheet(const std::string& name, const SheetGrid& g) {
  Mesh m;
  m.name = name;
  const int nu = g.nu, nv = g.nv;
  // Across-fibre coordinate: constant along each fibre (grid column j), so that lines of constant
  // UV y are the fibres and the tangent Assimp derives from the UVs is the fibre direction. Its
  // scale is the mean width of the sheet in centimetres, so striations are about evenly spaced.
  float meanWidth = 0.0f;
  for (int i = 0; i < nu; ++i)
    for (int j = 1; j < nv; ++j) meanWidth += glm::length(g.inner[g.at(i, j)] - g.inner[g.at(i, j - 1)]);
  meanWidth = meanWidth / float(nu) * 100.0f;
  auto uv = [&](int i, int j) { return glm::vec2(float(i) / float(nu - 1), meanWidth * float(j) / float(nv - 1)); };
  auto fibreAt = [&](int i, int j) {
    const int a = std::max(i - 1, 0), b = std::min(i + 1, nu - 1);
    const glm::vec3 d = g.inner[g.at(b, j)] - g.inner[g.at(a, j)];
    const float len = glm::length(d);
    return len > 0 ? d / len : glm::vec3(0, 1, 0);
  };
  const bool tinted = !g.color.empty();
  auto vertex = [&](int i, int j, bool outer) {
    const std::size_t k = g.at(i, j);
    m.positions.push_back(outer ? g.inner[k] + g.outward[k] * g.thickness[k] : g.inner[k]);
    m.uvs.push_back(uv(i, j));
    m.fibres.push_back(fibreAt(i, j));
    if (tinted) m.colors.push_back(g.color[k]);
    return std::uint32_t(m.positions.size() - 1);
  };
  auto quad = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
  };
  // The two surfaces.
  std::vector<std::uint32_t> inner, outer;
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) inner.push_back(vertex(i, j, false));
  for (int i = 0; i < nu; ++i)
    for (int j = 0; j < nv; ++j) outer.push_back(vertex(i, j, true));
  auto in = [&](int i, int j) { return inner[std::size_t(i) * nv + j]; };
  auto out = [&](int i, int j) { return outer[std::size_t(i) * nv + j]; };
  for (int i = 0; i + 1 < nu; ++i)
    for (int j = 0; j + 1 < nv; ++j) {
      quad(out(i, j), out(i + 1, j), out(i + 1, j + 1), out(i, j + 1));
      quad(in(i, j), in(i, j + 1), in(i + 1, j + 1), in(i + 1, j));
    }
  // Walls: vertices of their own at the same positions (so the mesh is closed once welded), so that
  // their normals stay crisp and their UVs do not disturb the surfaces' tangents.
  auto wallPair = [&](int i, int j) { return std::pair{vertex(i, j, false), vertex(i, j, true)}; };
  for (int j : {0, nv - 1}) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> side;
    for (int i = 0; i < nu; ++i) side.push_back(wallPair(i, j));
    for (int i = 0; i + 1 < nu; ++i) {
      if (j == 0) quad(side[i].first, side[i + 1].first, side[i + 1].second, side[i].second);
      else quad(side[i].first, side[i].second, side[i + 1].second, side[i + 1].first);
    }
  }
  for (int i : {0, nu - 1}) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> end;
    for (int j = 0; j < nv; ++j) end.push_back(wallPair(i, j));
    for (int j = 0; j + 1 < nv; ++j) {
      if (i == 0) quad(end[j].first, end[j].second, end[j + 1].second, end[j + 1].first);
      else quad(end[j].first, end[j + 1].first, end[j + 1].second, end[j].second);
    }
  }
  if (signedVolume(m) < 0.0f)
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  m.computeNormals();
  return m;
}

Mesh mirrorX(const Mesh& src, const std::string& name) {
  Mesh m = src;
  m.name = name;
  for (auto& p : m.positions) p.x = -p.x;
  for (auto& n : m.normals) n.x = -n.x;
  for (auto& f : m.fibres) f.x = -f.x;
  for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  return m;
}

}  // namespace dorsum::core
