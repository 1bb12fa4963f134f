#include "core/label_layout.hpp"

#include <algorithm>

namespace dorsum::core {

namespace {
using Indexed = std::pair<std::size_t, LabelRequest>;  // the request's place in the list: its priority

// Drops the labels listed last until the column's labels fit the height (with their gaps).
void fitHeight(std::vector<Indexed>& column, const LabelArea& area) {
  auto needed = [&] {
    float h = 4.0f;
    for (const auto& [i, r] : column) h += r.size.y + area.gap;
    return h;
  };
  while (!column.empty() && needed() > area.height - 4.0f)
    column.erase(std::max_element(column.begin(), column.end(), [](const Indexed& a, const Indexed& b) { return a.first < b.first; }));
}

float columnX(const LabelRequest& r, const LabelArea& area, bool left) {
  const float freeLeft = std::max(0.0f, area.left) + 4.0f, freeRight = std::min(area.width, area.right) - 4.0f;
  return left ? std::max(freeLeft, area.bodyLeft - area.margin - r.size.x)
              : std::min(freeRight - r.size.x, area.bodyRight + area.margin);
}

// Places one column: sorted by anchor height, swept down to remove overlaps, then swept up from
// the bottom edge if the column ran off the screen (it fits: fitHeight has made sure).
void placeColumn(std::vector<Indexed>& column, const LabelArea& area, bool left, std::vector<PlacedLabel>& out) {
  std::sort(column.begin(), column.end(), [](const Indexed& a, const Indexed& b) {
    return a.second.anchor.y < b.second.anchor.y || (a.second.anchor.y == b.second.anchor.y && a.second.text < b.second.text);
  });
  std::vector<float> top(column.size());
  float cursor = 4.0f;
  for (std::size_t i = 0; i < column.size(); ++i) {
    top[i] = std::max(column[i].second.anchor.y - column[i].second.size.y * 0.5f, cursor);
    cursor = top[i] + column[i].second.size.y + area.gap;
  }
  float limit = area.height - 4.0f;
  for (std::size_t i = column.size(); i-- > 0;) {
    top[i] = std::min(top[i], limit - column[i].second.size.y);
    limit = top[i] - area.gap;
  }
  for (std::size_t i = 0; i < column.size(); ++i) {
    const LabelRequest& r = column[i].second;
    PlacedLabel p;
    p.anchor = r.anchor;
    p.size = r.size;
    p.text = r.text;
    const float x = columnX(r, area, left);
    p.box = {x, top[i]};
    p.join = {left ? x + r.size.x : x, top[i] + r.size.y * 0.5f};
    out.push_back(p);
  }
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(std::vector<LabelRequest> requests, const LabelArea& area) {
  std::vector<Indexed> left, right;
  for (std::size_t i = 0; i < requests.size(); ++i) (requests[i].left ? left : right).push_back({i, std::move(requests[i])});
  // When the free space is too narrow for a column on each side (a large UI scale, a small
  // window), the two columns would run into each other: all labels go to the roomier side.
  float leftEdge = 1e9f, rightEdge = -1e9f;
  for (const auto& [i, r] : right) leftEdge = std::min(leftEdge, columnX(r, area, false));
  for (const auto& [i, r] : left) rightEdge = std::max(rightEdge, columnX(r, area, true) + r.size.x);
  if (!left.empty() && !right.empty() && rightEdge + 4.0f > leftEdge) {
    const float roomLeft = area.bodyLeft - std::max(0.0f, area.left), roomRight = std::min(area.width, area.right) - area.bodyRight;
    std::vector<Indexed>& keep = roomLeft >= roomRight ? left : right;
    std::vector<Indexed>& move = roomLeft >= roomRight ? right : left;
    for (auto& m : move) keep.push_back(std::move(m));
    move.clear();
  }
  // A column that cannot hold all its labels keeps those listed first.
  fitHeight(left, area);
  fitHeight(right, area);
  std::vector<PlacedLabel> out;
  placeColumn(left, area, true, out);
  placeColumn(right, area, false, out);
  return out;
}

}  // namespace dorsum::core
