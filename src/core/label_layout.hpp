#pragma once
// Leader-line labels: each label sits in a column beside the body, level with its anchor where it
// can be, pushed up or down so that no two labels overlap; the leader line joins label and anchor.
// Labels never overlap: when the columns would meet they share one side, and a column with no room
// for all its labels keeps the ones listed first (the caller lists the most important first).
// Pure layout in pixels (no GL, no fonts): the renderer measures the text and draws the result.
#include <glm/glm.hpp>

#include <string>
#include <vector>

namespace dorsum::core {

struct LabelRequest {
  glm::vec2 anchor;  // the point on the structure, in pixels (y down)
  glm::vec2 size;    // the label's box, in pixels
  bool left = true;  // which column
  std::string text;
};

struct PlacedLabel {
  glm::vec2 anchor;
  glm::vec2 box;   // top-left corner of the label's box
  glm::vec2 size;
  glm::vec2 join;  // where the leader line meets the box
  std::string text;
};

struct LabelArea {
  float width = 0, height = 0;     // the viewport
  float left = 0, right = 1e9f;     // the free part of it (panels cover the rest)
  float bodyLeft = 0, bodyRight = 0;  // horizontal extent of the body on screen
  float gap = 6.0f;                 // vertical space between labels
  float margin = 24.0f;             // between the body and the columns
};

std::vector<PlacedLabel> layoutLabels(std::vector<LabelRequest> requests, const LabelArea& area);

}  // namespace dorsum::core
