#include "core/label_layout.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace dorsum::core;

namespace {
bool overlap(const PlacedLabel& a, const PlacedLabel& b) {
  return a.box.x < b.box.x + b.size.x && b.box.x < a.box.x + a.size.x && a.box.y < b.box.y + b.size.y &&
         b.box.y < a.box.y + a.size.y;
}
}  // namespace

TEST_CASE("labels never overlap, stay on screen and beside the body", "[labels]") {
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> x(500, 780), y(100, 700), w(60, 220);
  LabelArea area;
  area.width = 1280;
  area.height = 800;
  area.bodyLeft = 480;
  area.bodyRight = 800;
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 22; ++i) requests.push_back({{x(rng), y(rng)}, {w(rng), 22.0f}, i % 2 == 0, "label " + std::to_string(i)});
    const auto placed = layoutLabels(requests, area);
    REQUIRE(placed.size() == requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const auto& p = placed[i];
      CHECK(p.box.y >= 0.0f);
      CHECK(p.box.y + p.size.y <= area.height);
      CHECK(p.box.x >= 0.0f);
      CHECK(p.box.x + p.size.x <= area.width);
      const bool leftColumn = p.box.x + p.size.x <= area.bodyLeft;
      const bool rightColumn = p.box.x >= area.bodyRight;
      CHECK((leftColumn || rightColumn));
      for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(overlap(p, placed[j]));
    }
  }
}

TEST_CASE("labels keep out of the panels' part of the window", "[labels]") {
  LabelArea area;
  area.width = 1280;
  area.height = 800;
  area.bodyLeft = 420;
  area.bodyRight = 860;
  area.left = 330;   // the layer panel's right edge
  area.right = 900;  // the structure card's left edge
  const auto placed =
      layoutLabels({{{450, 300}, {200, 20}, true, "Trapezius"}, {{800, 300}, {200, 20}, false, "Latissimus"}}, area);
  REQUIRE(placed.size() == 2);
  for (const auto& p : placed) {
    CHECK(p.box.x >= area.left);
    CHECK(p.box.x + p.size.x <= area.right);
  }
}

TEST_CASE("a lone label sits level with its anchor, its leader joining the near edge", "[labels]") {
  LabelArea area;
  area.width = 1000;
  area.height = 600;
  area.bodyLeft = 400;
  area.bodyRight = 600;
  const auto placed = layoutLabels({{{450, 300}, {100, 20}, true, "Trapezius"}}, area);
  REQUIRE(placed.size() == 1);
  CHECK(placed[0].box.y == Approx(290));
  CHECK(placed[0].join.x == Approx(placed[0].box.x + 100));
  CHECK(placed[0].join.x <= 400 - area.margin + 0.01f);
}

TEST_CASE("labels never overlap at any UI scale: crowded columns merge and shed the labels listed last", "[labels]") {
  for (const float scale : {1.0f, 1.5f, 2.0f, 3.0f}) {
    LabelArea area;
    area.width = 1024;
    area.height = 700;
    area.left = 260;   // the panels at this scale
    area.right = 760;
    area.bodyLeft = 380;
    area.bodyRight = 640;
    area.gap = 4.0f * scale;
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 24; ++i)
      requests.push_back({{400.0f + float(i % 5) * 50.0f, 80.0f + float(i) * 24.0f}, {150.0f * scale, 18.0f * scale}, i % 2 == 0,
                          "label " + std::to_string(i)});
    const auto placed = layoutLabels(requests, area);
    INFO("scale " << scale << ": " << placed.size() << " of " << requests.size() << " placed");
    CHECK(!placed.empty());
    for (std::size_t i = 0; i < placed.size(); ++i) {
      CHECK(placed[i].box.y >= 0.0f);
      CHECK(placed[i].box.y + placed[i].size.y <= area.height);
      for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(overlap(placed[i], placed[j]));
    }
    // The first ones asked for are kept.
    CHECK(std::any_of(placed.begin(), placed.end(), [](const PlacedLabel& p) { return p.text == "label 0"; }));
    if (scale >= 2.0f) CHECK(placed.size() < requests.size());
  }
}
