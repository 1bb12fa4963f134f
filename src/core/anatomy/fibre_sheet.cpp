#include "core/anatomy/fibre_sheet.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <future>

namespace dorsum::core {

namespace {

constexpr float kPi = 3.14159265f;

// A polyline through landmarks, sampled by arc length.
struct Polyline {
  std::vector<glm::vec3> points;
  std::vector<float> cumulative;
  void finish() {
    cumulative.assign(points.size(), 0.0f);
    for (std::size_t i = 1; i < points.size(); ++i) cumulative[i] = cumulative[i - 1] + glm::length(points[i] - points[i - 1]);
  }
  float length() const { return cumulative.empty() ? 0.0f : cumulative.back(); }
  glm::vec3 at(float t) const {
    if (points.size() == 1 || length() <= 0.0f) return points.front();
    const float s = std::clamp(t, 0.0f, 1.0f) * length();
    std::size_t i = 1;
    while (i + 1 < points.size() && cumulative[i] < s) ++i;
    const float seg = cumulative[i] - cumulative[i - 1];
    return glm::mix(points[i - 1], points[i], seg > 0 ? (s - cumulative[i - 1]) / seg : 0.0f);
  }
};

bool onMidline(const Atlas& atlas, const Attachment& a) {
  for (const auto& id : a.landmarks)
    if (const Landmark* l = atlas.landmark(id); l && (l->bilateral || std::abs(l->position.x) >= 0.001f)) return false;
  return true;
}

Polyline attachmentLine(const Atlas& atlas, const MusclePart& part, const Attachment& a, float midlineShift) {
  Polyline line;
  for (const auto& id : a.landmarks) {
    const Landmark* l = atlas.landmark(id);
    if (!l) throw UserError("The muscle part '" + part.id + "' is attached to the landmark '" + id + "', which the atlas does not have.");
    glm::vec3 p = l->on(Side::Left);
    // A bilateral muscle attaches beside a midline process, not in the plane between the sides.
    if (!l->bilateral && std::abs(p.x) < 0.001f) p.x += midlineShift;
    line.points.push_back(p);
  }
  return line;
}

// An end on one landmark still has some width: spread it across the fibres.
void widenPoint(Polyline& line, const glm::vec3& towardOther, const glm::vec3& outward, float halfWidth) {
  if (line.points.size() != 1) return;
  const glm::vec3 along = glm::length(towardOther) > 1e-6f ? glm::normalize(towardOther) : glm::vec3(0, 1, 0);
  glm::vec3 across = glm::cross(along, outward);
  if (glm::length(across) < 1e-6f) across = glm::vec3(0, 0, 1);
  across = glm::normalize(across);
  const glm::vec3 p = line.points[0];
  line.points = {p - across * halfWidth, p + across * halfWidth};
}

struct PartLines {
  Polyline origin, insertion;
  Polyline medial, lateral;  // a column's edges (empty for a sheet from line to line)
  float spread = 0.0f;  // metres
  int columns = 0;
};

template <typename Body>
void inParallel(int count, Body&& body) {
  auto half = std::async(std::launch::async, [&] {
    for (int j = 0; j < count; j += 2) body(j);
  });
  for (int j = 1; j < count; j += 2) body(j);
  half.get();
}

}  // namespace

FibreGrid layFibres(const Atlas& atlas, const Muscle& muscle, const std::vector<const MusclePart*>& parts,
                    const OutwardField& outward, const MuscleSupport& support, const FibreOptions& o) {
  // Attachment lines. Superficial sheets meet their other half at the midline; deeper muscles
  // attach beside the spinous processes, and a muscle from midline to midline (spinalis) lies in
  // the groove beside them.
  std::vector<PartLines> lines;
  float longest = 0.0f;
  for (const MusclePart* part : parts) {
    const bool midlineToMidline = onMidline(atlas, part->origin) && onMidline(atlas, part->insertion);
    const float shift = midlineToMidline ? 0.007f : muscle.layer == 1 ? 0.0006f : 0.004f;
    PartLines l;
    if (part->shape.column()) {
      // A column: its fibres run between its edges; its ends are the edges' first and last points.
      for (auto [edge, line] : {std::pair{&part->shape.medialEdge, &l.medial}, std::pair{&part->shape.lateralEdge, &l.lateral}})
        for (const EdgePoint& e : *edge) {
          const Landmark* lm = atlas.landmark(e.landmark);
          if (!lm) throw UserError("The muscle part '" + part->id + "' has an edge through the landmark '" + e.landmark + "', which the atlas does not have.");
          glm::vec3 q = lm->on(Side::Left);
          q.x += e.shiftMm * 0.001f;
          line->points.push_back(q);
        }
      l.medial.finish();
      l.lateral.finish();
      l.origin.points = {l.medial.points.front(), l.lateral.points.front()};
      l.insertion.points = {l.medial.points.back(), l.lateral.points.back()};
      l.origin.finish();
      l.insertion.finish();
      float width = 0.0f;
      for (int k = 0; k <= 10; ++k) width = std::max(width, glm::length(l.lateral.at(k / 10.0f) - l.medial.at(k / 10.0f)));
      l.columns = std::clamp(int(std::round(width / 0.008f * o.resolution)), 3, int(16 * std::max(o.resolution, 1.0f)));
      longest = std::max({longest, l.medial.length(), l.lateral.length()});
      lines.push_back(std::move(l));
      continue;
    }
    l.origin = attachmentLine(atlas, *part, part->origin, shift);
    l.insertion = attachmentLine(atlas, *part, part->insertion, shift);
    const glm::vec3 oc = l.origin.points[l.origin.points.size() / 2], ic = l.insertion.points[l.insertion.points.size() / 2];
    l.origin.finish();
    l.insertion.finish();
    const float otherWidth = std::max(l.origin.length(), l.insertion.length());
    const float half = std::clamp(0.12f * otherWidth, 0.005f, 0.011f);
    widenPoint(l.origin, ic - oc, outward.at(oc), half);
    widenPoint(l.insertion, oc - ic, outward.at(ic), half);
    l.origin.finish();
    l.insertion.finish();
    l.spread = part->shape.bellySpreadMm * 0.001f;
    const float width = std::max(l.origin.length(), l.insertion.length()) + l.spread;
    l.columns = std::clamp(int(std::round(width / 0.009f * o.resolution)), 3, int(30 * std::max(o.resolution, 1.0f)));
    longest = std::max(longest, glm::length(ic - oc));
    lines.push_back(std::move(l));
  }

  // Joined parts share their boundary fibre: each part's lines run on to the next part's first
  // points, so the boundary lies on both parts' landmarks.
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (!lines[k].medial.points.empty() || !lines[k + 1].medial.points.empty()) continue;
    lines[k].origin.points.push_back(lines[k + 1].origin.points.front());
    lines[k].insertion.points.push_back(lines[k + 1].insertion.points.front());
    lines[k].origin.finish();
    lines[k].insertion.finish();
  }
  // Columns: the parts side by side, a joined boundary fibre shared by both parts.
  struct Column {
    glm::vec3 origin, insertion;
    float spread;  // lateral spread of the belly at this column (metres)
    const PartLines* edges = nullptr;  // a column part: the fibre runs between its edges at `across`
    float across = 0.0f;
  };
  std::vector<Column> columns;
  FibreGrid grid;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const PartLines& l = lines[k];
    const int first = k == 0 ? 0 : int(columns.size()) - 1;
    for (int j = (k == 0 ? 0 : 1); j < l.columns; ++j) {
      const float v = float(j) / float(l.columns - 1);
      Column c{l.origin.at(v), l.insertion.at(v), l.spread * v};
      if (!l.medial.points.empty()) {
        c.edges = &l;
        c.across = v;
      }
      columns.push_back(c);
    }
    grid.partColumns.emplace_back(first, int(columns.size()) - 1);
  }
  grid.columns = int(columns.size());
  // A twisting tendon is laid untwisted (each fibre to the mirror-image insertion point, so no
  // two fibres cross) and turned half a round at the end.
  bool twist = false;
  for (const MusclePart* part : parts) twist = twist || part->shape.twist;
  std::vector<glm::vec3> anatomicalInsertion;
  for (const auto& c : columns) anatomicalInsertion.push_back(c.insertion);
  if (twist)
    for (int j = 0; j < grid.columns; ++j) columns[j].insertion = anatomicalInsertion[grid.columns - 1 - j];
  grid.nu = std::clamp(int(std::round(longest / 0.011f * o.resolution)), 10, int(40 * std::max(o.resolution, 1.0f)));
  grid.points.resize(std::size_t(grid.nu) * grid.columns);
  for (int j = 0; j < grid.columns; ++j) grid.across.push_back(grid.columns > 1 ? float(j) / float(grid.columns - 1) : 0.5f);

  const float stick = parts.front()->shape.stick;
  const float rise = parts.front()->shape.rise;
  // The way out of a solid a point has sunk into.
  auto exitWay = [&](const glm::vec3& p) {
    const glm::vec3 d = outward.at(p);
    return rise > 0.0f ? glm::normalize(glm::mix(d, glm::vec3(0.0f, 1.0f, 0.0f), rise)) : d;
  };

  inParallel(grid.columns, [&](int j) {
    const Column& c = columns[j];
    // The straight line between the ends, the belly spread sideways; then out of any solid it
    // passes through, along the body's outward direction.
    for (int i = 0; i < grid.nu; ++i) {
      const float u = float(i) / float(grid.nu - 1);
      glm::vec3 p = c.edges ? glm::mix(c.edges->medial.at(u), c.edges->lateral.at(u), c.across) : glm::mix(c.origin, c.insertion, u);
      p.x += c.spread * std::sqrt(std::max(0.0f, std::sin(kPi * u)));
      if (i > 0 && i + 1 < grid.nu) {
        const glm::vec3 d = exitWay(p);
        const glm::vec3 out = support.exitAlong(p, d, 0.15f);
        if (out != p) {
          const auto c = support.contact(p, 0.01f);
          if (c && c->nearest.distance < 0.006f && glm::dot(c->nearest.normal, d) > -0.2f && glm::length(out - p) > c->nearest.distance)
            p = c->nearest.point + c->nearest.normal * o.gap;  // just under a face that looks out: through it
          else
            p = out + d * o.gap;
        }
      }
      grid.at(i, j) = p;
    }
  });
  // Relax, all points at once from the previous iteration's positions (deterministic on any
  // number of threads): each point moves toward the middle of its neighbours along the fibre
  // (tension), and toward the plane of its neighbours across the fibres (so the sheet drapes
  // smoothly over small bumps, without its outline shrinking); it is pushed out of the support
  // where it sinks in and drawn onto it as far as `stick` says.
  std::vector<glm::vec3> next(grid.points.size());
  for (int iteration = 0; iteration < o.relaxIterations; ++iteration) {
    inParallel(grid.columns, [&](int j) {
      next[j] = grid.at(0, j);
      next[std::size_t(grid.nu - 1) * grid.columns + j] = grid.at(grid.nu - 1, j);
      for (int i = 1; i + 1 < grid.nu; ++i) {
        const glm::vec3 p = grid.at(i, j);
        glm::vec3 q = p + 0.5f * (0.5f * (grid.at(i - 1, j) + grid.at(i + 1, j)) - p);
        if (j > 0 && j + 1 < grid.columns) {
          const glm::vec3 du = grid.at(i + 1, j) - grid.at(i - 1, j), dv = grid.at(i, j + 1) - grid.at(i, j - 1);
          const glm::vec3 n = glm::cross(du, dv);
          if (glm::length(n) > 1e-10f) {
            const glm::vec3 unit = glm::normalize(n);
            q += unit * (0.4f * glm::dot(0.5f * (grid.at(i, j - 1) + grid.at(i, j + 1)) - p, unit));
          }
        }
        if (const auto c = support.contact(q, 0.06f)) {
          const float h = glm::dot(q - c->nearest.point, c->nearest.normal);
          // Near a surface, whether the point has sunk in is decided by counting crossings along
          // the way out (exact for closed solids, unlike the side of the nearest surface).
          const glm::vec3 d = exitWay(q);
          const glm::vec3 out = c->inside || c->nearest.distance < 0.008f ? support.exitAlong(q, d, 0.15f) : q;
          if (out != q) {
            // Sunk into something. Just under a face that looks out of the body (a thin plate of
            // bone, the floor of a fossa), leave through that face; deeper in, or under a face
            // that looks into the body (the deep face of a sheet), leave the way out of the body.
            if (c->nearest.distance < 0.006f && glm::dot(c->nearest.normal, d) > -0.2f && glm::length(out - q) > c->nearest.distance)
              q = c->nearest.point + c->nearest.normal * o.gap;
            else
              q = out + d * o.gap;
          } else if (h < o.gap) {
            q += c->nearest.normal * (o.gap - h);
          } else {
            q -= c->nearest.normal * ((h - o.gap) * stick * 0.5f);
          }
        }
        q.x = std::max(q.x, 0.0005f);  // a left muscle stays on its side of the midline
        next[std::size_t(i) * grid.columns + j] = q;
      }
    });
    grid.points.swap(next);
  }
  // Drape: a sheet that does not cling to what lies beneath (stick < 1) bridges its small bumps
  // and grooves like fascia. Each point keeps the plane of the surface under it as a floor; the
  // grid is then smoothed across and along its fibres many times (cheaply, without asking the
  // support again), never sinking below the floors. The side borders are smoothed only along.
  if (stick < 0.95f) {
    struct Floor {
      glm::vec3 point, normal;
      bool valid = false;
    };
    std::vector<Floor> floors(grid.points.size());
    inParallel(grid.columns, [&](int j) {
      for (int i = 1; i + 1 < grid.nu; ++i) {
        const glm::vec3 p = grid.at(i, j);
        if (const auto c = support.contact(p, 0.03f)) floors[std::size_t(i) * grid.columns + j] = {c->nearest.point, c->nearest.normal, true};
      }
    });
    const float weight = 0.6f * (1.0f - stick) + 0.2f;
    for (int pass = 0; pass < 24; ++pass) {
      std::vector<glm::vec3> smooth = grid.points;
      for (int i = 1; i + 1 < grid.nu; ++i)
        for (int j = 0; j < grid.columns; ++j) {
          const glm::vec3 p = grid.at(i, j);
          glm::vec3 target = 0.5f * (grid.at(i - 1, j) + grid.at(i + 1, j));
          if (j > 0 && j + 1 < grid.columns) target = 0.5f * target + 0.25f * (grid.at(i, j - 1) + grid.at(i, j + 1));
          glm::vec3 q = p + weight * (target - p);
          const Floor& f = floors[std::size_t(i) * grid.columns + j];
          if (f.valid) {
            const float h = glm::dot(q - f.point, f.normal);
            if (h < o.gap) q += f.normal * (o.gap - h);
          }
          q.x = std::max(q.x, 0.0005f);
          smooth[std::size_t(i) * grid.columns + j] = q;
        }
      grid.points.swap(smooth);
    }
  }
  // Between grid points the sheet is flat, and a sharp edge of what lies beneath (the end of a
  // deeper sheet) can rise through it: check the middle of each edge of the grid and lift both of
  // its ends by what it lacks. Twice, since lifting a point changes its other edges.
  for (int pass = 0; pass < 2; ++pass) {
    // What each edge lacks, found in parallel (an edge belongs to the column of its first end),
    // then given to both its ends in one thread: no two threads write one point.
    std::vector<std::array<glm::vec3, 2>> edgeUp(grid.points.size(), {glm::vec3(0.0f), glm::vec3(0.0f)});
    inParallel(grid.columns, [&](int j) {
      for (int i = 1; i + 1 < grid.nu; ++i)
        for (int e = 0; e < 2; ++e) {
          const int ni = e == 0 ? i + 1 : i, nj = e == 0 ? j : j + 1;
          if (nj >= grid.columns || ni >= grid.nu) continue;
          const glm::vec3 mid = 0.5f * (grid.at(i, j) + grid.at(ni, nj));
          const auto c = support.contact(mid, 0.03f);
          if (!c) continue;
          const float h = glm::dot(mid - c->nearest.point, c->nearest.normal);
          const glm::vec3 d = exitWay(mid);
          const glm::vec3 out = c->nearest.distance < 0.02f ? support.exitAlong(mid, d, 0.05f) : mid;
          glm::vec3& up = edgeUp[std::size_t(i) * grid.columns + j][e];
          if (out != mid) {
            if (glm::length(out - mid) > 0.008f) continue;  // deep: an end going down to its bone, or an edge of the sheet beside a bulk
            up = out - mid + d * o.gap;
          } else if (h < o.gap) {
            up = c->nearest.normal * (o.gap - h);
          }
        }
    });
    std::vector<glm::vec3> lift(grid.points.size(), glm::vec3(0.0f));
    auto raise = [&](int a, int b, const glm::vec3& up) {
      if (a <= 0 || a + 1 >= grid.nu) return;  // the ends stay on their landmarks
      glm::vec3& l = lift[std::size_t(a) * grid.columns + b];
      if (glm::dot(up, up) > glm::dot(l, l)) l = up;
    };
    for (int i = 1; i + 1 < grid.nu; ++i)
      for (int j = 0; j < grid.columns; ++j)
        for (int e = 0; e < 2; ++e) {
          const glm::vec3& up = edgeUp[std::size_t(i) * grid.columns + j][e];
          if (glm::dot(up, up) == 0.0f) continue;
          raise(i, j, up);
          raise(e == 0 ? i + 1 : i, e == 0 ? j : j + 1, up);
        }
    for (std::size_t n = 0; n < grid.points.size(); ++n) grid.points[n] += lift[n];
  }
  // A column attaches all along its length: its deep surface dips to each attachment landmark (a
  // tendon reaching a process), the points nearest it fully, their neighbours less.
  grid.innerShift.assign(grid.points.size(), glm::vec3(0.0f));
  std::vector<float> strength(grid.points.size(), 0.0f);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    if (!parts[k]->shape.column()) continue;
    const auto [first, last] = grid.partColumns[k];
    for (const Attachment* a : {&parts[k]->origin, &parts[k]->insertion})
      for (const auto& id : a->landmarks) {
        const Landmark* lm = atlas.landmark(id);
        if (!lm) continue;
        glm::vec3 target = lm->on(Side::Left);
        if (!lm->bilateral && std::abs(target.x) < 0.001f) target.x = 0.003f;  // beside a midline process
        int bi = 0, bj = first;
        float best = 1e30f;
        for (int i = 0; i < grid.nu; ++i)
          for (int j = first; j <= last; ++j)
            if (const float d = glm::length(grid.at(i, j) - target); d < best) {
              best = d;
              bi = i;
              bj = j;
            }
        // A tendon reaches a process beside the column; a landmark farther off (the far end of a
        // long attachment line) is the column's ends' business, not a dip of its deep surface.
        if (best < 0.002f || best > 0.025f) continue;
        const glm::vec3 reach = (target - grid.at(bi, bj)) * (1.0f - 0.002f / best);
        for (int di = -2; di <= 2; ++di)
          for (int dj = -2; dj <= 2; ++dj) {
            const int i = bi + di, j = bj + dj;
            if (i < 0 || i >= grid.nu || j < first || j > last) continue;
            const float w = std::exp(-0.5f * float(di * di + dj * dj));
            const std::size_t n = std::size_t(i) * grid.columns + j;
            if (w > strength[n]) {
              strength[n] = w;
              grid.innerShift[n] = reach * w;
              const float x = grid.points[n].x + grid.innerShift[n].x;
              if (x < 0.0005f) grid.innerShift[n].x += 0.0005f - x;
            }
          }
      }
  }
  if (twist) {
    // Rotate each row about its centre, round the fibres' direction, by up to half a turn.
    std::vector<glm::vec3> centre(grid.nu, glm::vec3(0.0f));
    for (int i = 0; i < grid.nu; ++i) {
      for (int j = 0; j < grid.columns; ++j) centre[i] += grid.at(i, j);
      centre[i] /= float(grid.columns);
    }
    for (int i = 1; i + 1 < grid.nu; ++i) {
      const float u = float(i) / float(grid.nu - 1);
      const float angle = kPi * glm::smoothstep(0.8f, 1.0f, u);
      if (angle <= 0.0f) continue;
      const glm::vec3 axis = glm::normalize(centre[i + 1] - centre[i - 1]);
      const float c = std::cos(angle), s = std::sin(angle);
      for (int j = 0; j < grid.columns; ++j) {
        const glm::vec3 off = grid.at(i, j) - centre[i];
        // Rodrigues' rotation formula.
        grid.at(i, j) = centre[i] + off * c + glm::cross(axis, off) * s + axis * glm::dot(axis, off) * (1.0f - c);
      }
    }
    for (int j = 0; j < grid.columns; ++j) grid.at(grid.nu - 1, j) = anatomicalInsertion[j];
  }
  return grid;
}

}  // namespace dorsum::core
