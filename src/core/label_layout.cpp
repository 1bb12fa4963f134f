#include "core/label_layout.hpp"

#include <algorithm>

namespace dorsum::core {

namespace {
// Places one column: sorted by anchor height, swept down to remove overlaps, then swept up from
// the bottom edge if the column ran off the screen.
void placeColumn(std::vector<LabelRequest>& column, const LabelArea& area, bool left, std::vector<PlacedLabel>& out) {
  std::sort(column.begin(), column.end(), [](const LabelRequest& a, const LabelRequest& b) {
    return a.anchor.y < b.anchor.y || (a.anchor.y == b.anchor.y && a.text < b.text);
  });
  std::vector<float> top(column.size());
  float cursor = 4.0f;
  for (std::size_t i = 0; i < column.size(); ++i) {
    top[i] = std::max(column[i].anchor.y - column[i].size.y * 0.5f, cursor);
    cursor = top[i] + column[i].size.y + area.gap;
  }
  float limit = area.height - 4.0f;
  for (std::size_t i = column.size(); i-- > 0;) {
    top[i] = std::min(top[i], limit - column[i].size.y);
    limit = top[i] - area.gap;
  }
  for (std::size_t i = 0; i < column.size(); ++i) {
    const LabelRequest& r = column[i];
    PlacedLabel p;
    p.anchor = r.anchor;
    p.size = r.size;
    p.text = r.text;
    const float freeLeft = std::max(0.0f, area.left) + 4.0f, freeRight = std::min(area.width, area.right) - 4.0f;
    const float x = left ? std::max(freeLeft, area.bodyLeft - area.margin - r.size.x)
                         : std::min(freeRight - r.size.x, area.bodyRight + area.margin);
    p.box = {x, top[i]};
    p.join = {left ? x + r.size.x : x, top[i] + r.size.y * 0.5f};
    out.push_back(p);
  }
}
}  // namespace

std::vector<PlacedLabel> layoutLabels(std::vector<LabelRequest> requests, const LabelArea& area) {
  std::vector<LabelRequest> left, right;
  for (auto& r : requests) (r.left ? left : right).push_back(std::move(r));
  std::vector<PlacedLabel> out;
  placeColumn(left, area, true, out);
  placeColumn(right, area, false, out);
  return out;
}

}  // namespace dorsum::core
