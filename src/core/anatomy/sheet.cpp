#include "core/anatomy/sheet.hpp"

#include <algorithm>

namespace dorsum::core {

Mesh makeSheet(const std::string& name, const SheetGrid& g) {
  Mesh m;
  m.name = name;
  const int nu = g.nu, nv = g.nv;
  const auto layerSize = std::uint32_t(nu * nv);
  // Across-fibre distance along the middle fibre line, in centimetres, for the UV's y.
  std::vector<float> across(std::size_t(nu) * nv, 0.0f);
  for (int i = 0; i < nu; ++i)
    for (int j = 1; j < nv; ++j)
      across[g.at(i, j)] = across[g.at(i, j - 1)] + glm::length(g.inner[g.at(i, j)] - g.inner[g.at(i, j - 1)]) * 100.0f;
  const bool tinted = !g.color.empty();
  for (int layer = 0; layer < 2; ++layer)  // 0: inner surface, 1: outer surface
    for (int i = 0; i < nu; ++i)
      for (int j = 0; j < nv; ++j) {
        const std::size_t k = g.at(i, j);
        m.positions.push_back(layer == 0 ? g.inner[k] : g.inner[k] + g.outward[k] * g.thickness[k]);
        m.uvs.emplace_back(float(i) / float(nu - 1), across[k]);
        if (tinted) m.colors.push_back(g.color[k]);
      }
  auto inner = [&](int i, int j) { return std::uint32_t(i * nv + j); };
  auto outer = [&](int i, int j) { return layerSize + std::uint32_t(i * nv + j); };
  auto quad = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
  };
  for (int i = 0; i + 1 < nu; ++i)
    for (int j = 0; j + 1 < nv; ++j) {
      quad(outer(i, j), outer(i + 1, j), outer(i + 1, j + 1), outer(i, j + 1));
      quad(inner(i, j), inner(i, j + 1), inner(i + 1, j + 1), inner(i + 1, j));
    }
  // Walls: shared vertices keep the mesh closed by index; rounded shading suits a thin edge.
  for (int i = 0; i + 1 < nu; ++i) {
    quad(inner(i, 0), inner(i + 1, 0), outer(i + 1, 0), outer(i, 0));
    quad(inner(i, nv - 1), outer(i, nv - 1), outer(i + 1, nv - 1), inner(i + 1, nv - 1));
  }
  for (int j = 0; j + 1 < nv; ++j) {
    quad(inner(0, j), outer(0, j), outer(0, j + 1), inner(0, j + 1));
    quad(inner(nu - 1, j), inner(nu - 1, j + 1), outer(nu - 1, j + 1), outer(nu - 1, j));
  }
  if (signedVolume(m) < 0.0f)
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) std::swap(m.indices[t + 1], m.indices[t + 2]);
  m.computeNormals();
  // Fibre direction: dP/du from the grid, the same on both surfaces.
  m.fibres.resize(m.positions.size());
  for (int layer = 0; layer < 2; ++layer)
    for (int i = 0; i < nu; ++i)
      for (int j = 0; j < nv; ++j) {
        const int a = std::max(i - 1, 0), b = std::min(i + 1, nu - 1);
        glm::vec3 d = g.inner[g.at(b, j)] - g.inner[g.at(a, j)];
        const float len = glm::length(d);
        m.fibres[layer * layerSize + std::uint32_t(i * nv + j)] = len > 0 ? d / len : glm::vec3(0, 1, 0);
      }
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
