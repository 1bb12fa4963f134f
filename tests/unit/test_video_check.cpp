// A video the encoder says it finished must be whole before it replaces the user's file.
#include "core/video_check.hpp"

#include <catch2/catch.hpp>

#include <string>

using dorsum::core::videoBytesComplete;

namespace {
std::string box(const char* type, std::size_t payload) {
  const std::size_t size = payload + 8;
  std::string b{char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
  return b + type + std::string(payload, 'x');
}
}  // namespace

TEST_CASE("video check: an MP4 is whole when its boxes tile the file and moov and mdat are there", "[video]") {
  const std::string mp4 = box("ftyp", 12) + box("moov", 40) + box("mdat", 100);
  CHECK(videoBytesComplete(mp4));
  for (std::size_t n = 0; n < mp4.size(); ++n) {
    INFO("cut at " << n);
    CHECK_FALSE(videoBytesComplete(std::string_view(mp4).substr(0, n)));
  }
  CHECK_FALSE(videoBytesComplete(box("ftyp", 12) + box("mdat", 100)));  // no index: unplayable
  CHECK_FALSE(videoBytesComplete(mp4 + "junk"));
}

TEST_CASE("video check: a WebM is whole when its Segment ends at the end of the file", "[video]") {
  const std::string header = std::string("\x1A\x45\xDF\xA3", 4) + "\x84" + "abcd";  // EBML header, 4 bytes of body
  const std::string segment = std::string("\x18\x53\x80\x67", 4) + "\x8A" + std::string(10, 's');
  CHECK(videoBytesComplete(header + segment));
  CHECK_FALSE(videoBytesComplete(header + segment.substr(0, segment.size() - 1)));
  CHECK_FALSE(videoBytesComplete(header + segment + "x"));
  CHECK_FALSE(videoBytesComplete(header));
}
