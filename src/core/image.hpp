#pragma once
// RGBA8 images: what the renderer reads back, what PNGs hold, what golden tests compare.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dorsum::core {

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // row 0 is the top row

  Image() = default;
  Image(int w, int h) : width(w), height(h), rgba(std::size_t(w) * h * 4, 0) {}
  bool empty() const { return width == 0 || height == 0; }
  std::uint8_t* pixel(int x, int y) { return &rgba[(std::size_t(y) * width + x) * 4]; }
  const std::uint8_t* pixel(int x, int y) const { return &rgba[(std::size_t(y) * width + x) * 4]; }
  void flipVertically();
};

// Writes a PNG atomically (temporary file + rename): never half a file, never the old one lost.
// Throws UserError naming the path and the reason.
void writePng(const Image& image, const std::filesystem::path& path);
enum class ImageFormat { Png, Jpeg };
// From the file name: .png or .jpg/.jpeg; anything else is a usage error naming the file.
ImageFormat imageFormatFor(const std::filesystem::path& path);
// PNG or JPEG (quality 92) by the file name, written atomically.
void writeImage(const Image& image, const std::filesystem::path& path);
// Throws UserError when the file is missing or not a PNG/JPEG stb can read.
Image readPng(const std::filesystem::path& path);

struct ImageDiff {
  double differentFraction = 0.0;  // share of pixels whose perceptual difference exceeds tolerance
  double maxDelta = 0.0;           // largest perceptual difference, 0..1
  Image visual;                    // red where pixels differ, faded actual elsewhere
};

// Compares by a YIQ-weighted colour distance (as pixelmatch does), so that differences the eye
// barely sees (antialiasing noise of a unit or two) weigh less than a shifted edge.
// Images of different sizes differ in every pixel.
ImageDiff compareImages(const Image& expected, const Image& actual, double pixelTolerance = 0.1);

}  // namespace dorsum::core
