// The adaptive sample count: software GL multisamples only still pictures; a GPU always does.
#include "core/frame_quality.hpp"

#include <catch2/catch.hpp>

using namespace dorsum::core;

TEST_CASE("isSoftwareRenderer: Mesa's and Google's CPU rasterisers, not GPUs", "[frame_quality]") {
  CHECK(isSoftwareRenderer("llvmpipe (LLVM 15.0.6, 256 bits)"));
  CHECK(isSoftwareRenderer("softpipe"));
  CHECK(isSoftwareRenderer("Google SwiftShader"));
  CHECK(isSoftwareRenderer("ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)"));
  CHECK_FALSE(isSoftwareRenderer("NVIDIA H200/PCIe/SSE2"));
  CHECK_FALSE(isSoftwareRenderer("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  CHECK_FALSE(isSoftwareRenderer(""));
}

TEST_CASE("frameSamples: software GL drops multisampling only while the picture moves", "[frame_quality]") {
  CHECK(frameSamples(true, true) == 0);
  CHECK(frameSamples(true, false) == 4);
  CHECK(frameSamples(false, true) == 4);
  CHECK(frameSamples(false, false) == 4);
  CHECK(frameSamples(false, true, 8) == 8);
  CHECK(frameSamples(true, false, -1) == 0);
}
