#include "core/error.hpp"
#include "core/fonts.hpp"
#include "core/image.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace dorsum::core;
namespace fs = std::filesystem;

namespace {
Image gradient(int w, int h) {
  Image img(w, h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      auto* p = img.pixel(x, y);
      p[0] = std::uint8_t(x * 255 / std::max(1, w - 1));
      p[1] = std::uint8_t(y * 255 / std::max(1, h - 1));
      p[2] = 90;
      p[3] = 255;
    }
  return img;
}
// Each test writes in a folder of its own: ctest runs tests in parallel, and the atomicity check
// must not see another test's temporary file.
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(DORSUM_TEST_OUTPUT) / "unit" / fs::path(name).stem();
  fs::create_directories(dir);
  return dir / fs::path(name).filename();
}
}  // namespace

TEST_CASE("identical images do not differ", "[image]") {
  const Image a = gradient(32, 16);
  const ImageDiff d = compareImages(a, a);
  CHECK(d.differentFraction == 0.0);
  CHECK(d.maxDelta == 0.0);
}

TEST_CASE("a changed pixel is found, a one-unit change is tolerated", "[image]") {
  const Image a = gradient(10, 10);
  Image b = a;
  b.pixel(3, 4)[1] = std::uint8_t(b.pixel(3, 4)[1] + 1);
  CHECK(compareImages(a, b).differentFraction == 0.0);
  b.pixel(5, 5)[0] = 255;
  b.pixel(5, 5)[1] = 255;
  b.pixel(5, 5)[2] = 255;
  const ImageDiff d = compareImages(a, b);
  CHECK(d.differentFraction == Approx(0.01));
  CHECK(d.visual.pixel(5, 5)[0] == 255);
  CHECK(d.visual.pixel(5, 5)[1] == 0);
}

TEST_CASE("images of different sizes differ everywhere", "[image]") {
  CHECK(compareImages(gradient(8, 8), gradient(8, 9)).differentFraction == 1.0);
}

TEST_CASE("flipVertically swaps rows", "[image]") {
  Image a = gradient(4, 3);
  const std::uint8_t top = a.pixel(0, 0)[1];
  a.flipVertically();
  CHECK(a.pixel(0, 2)[1] == top);
}

TEST_CASE("PNG round trip is lossless and atomic", "[image]") {
  const fs::path path = scratch("roundtrip.png");
  const Image a = gradient(17, 9);
  writePng(a, path);
  const Image b = readPng(path);
  CHECK(b.width == 17);
  CHECK(b.height == 9);
  CHECK(b.rgba == a.rgba);
  for (const auto& e : fs::directory_iterator(path.parent_path()))
    CHECK(e.path().filename().string().find(".tmp") == std::string::npos);
}

TEST_CASE("writing over a file replaces it whole", "[image]") {
  const fs::path path = scratch("replace.png");
  writePng(gradient(5, 5), path);
  writePng(gradient(7, 3), path);
  CHECK(readPng(path).width == 7);
}

TEST_CASE("unwritable and unreadable image paths are user errors", "[image]") {
  CHECK_THROWS_AS(writePng(gradient(2, 2), fs::path(DORSUM_TEST_OUTPUT) / "unit" / "no-such-folder" / "x.png"), UserError);
  CHECK_THROWS_WITH(readPng(scratch("missing.png")), Catch::Contains("does not exist"));
  const fs::path notPng = scratch("not.png");
  std::ofstream(notPng) << "hello";
  CHECK_THROWS_WITH(readPng(notPng), Catch::Contains("cannot be read"));
}

TEST_CASE("images are written as PNG or JPEG by their name, and nothing else", "[image]") {
  Image img(8, 4);
  for (auto& b : img.rgba) b = 200;
  const std::filesystem::path dir = std::filesystem::path(DORSUM_TEST_OUTPUT) / "image_formats";
  std::filesystem::create_directories(dir);
  writeImage(img, dir / "a.jpg");
  writeImage(img, dir / "b.PNG");
  auto head = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::string bytes(4, '\0');
    in.read(bytes.data(), 4);
    return bytes;
  };
  CHECK(head(dir / "a.jpg").substr(0, 2) == "\xFF\xD8");  // JPEG's start of image
  CHECK(head(dir / "b.PNG").substr(1, 3) == "PNG");
  CHECK_THROWS_WITH(writeImage(img, dir / "c.bmp"), Catch::Contains("c.bmp") && Catch::Contains(".png or .jpg"));
  CHECK(!std::filesystem::exists(dir / "c.bmp"));
}

TEST_CASE("the UI and label font is embedded: no font file is needed where Dorsum runs", "[image]") {
  const auto font = dorsum::core::embeddedUiFont();
  REQUIRE(font.size() > 100000);
  // A TrueType font starts with the sfnt version 0x00010000.
  CHECK(font[0] == 0x00);
  CHECK(font[1] == 0x01);
  CHECK(font[2] == 0x00);
  CHECK(font[3] == 0x00);
}
