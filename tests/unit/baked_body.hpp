#pragma once
// The body as the build baked it (build/assets/atlas.glb), loaded once per test process and shared
// by every test that only looks at it, so the suite does not rebuild the body for each test.
#include "core/anatomy/atlas_model.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/model_io.hpp"

#include <catch2/catch.hpp>

namespace dorsum::test {

inline const core::Atlas& embeddedAtlas() {
  static const core::Atlas a = [] {
    core::AtlasLoad load = core::loadEmbeddedAtlas();
    REQUIRE(load.ok());
    return std::move(load.atlas);
  }();
  return a;
}

inline const core::AtlasModel& bakedBody() {
  static const core::AtlasModel m = [] {
    const std::string glb = core::readTextFile(DORSUM_BAKED_ATLAS, "The baked body");
    return core::describeScene(embeddedAtlas(), core::loadModelFromMemory(glb, "glb", "the baked body"),
                               core::glbStructureTable(glb, "the baked body"), "the baked body");
  }();
  return m;
}

}  // namespace dorsum::test
