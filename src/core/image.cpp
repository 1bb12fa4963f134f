#include "core/image.hpp"

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/model_io.hpp"

// One known implementation of stb's image code, compiled here with internal linkage: libdraco
// (through Assimp) exports its own stbi_* copies, and which one a call reached depended on link
// order. The headers come from Debian's libstb-dev.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cmath>
#include <string>

namespace dorsum::core {

void Image::flipVertically() {
  const std::size_t row = std::size_t(width) * 4;
  for (int y = 0; y < height / 2; ++y)
    std::swap_ranges(rgba.begin() + y * row, rgba.begin() + (y + 1) * row, rgba.begin() + (height - 1 - y) * row);
}

void writePng(const Image& image, const std::filesystem::path& path) {
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), std::size_t(size));
  };
  // One filter for every row (Paeth, the best for rendered pictures) instead of trying all five
  // per row: the same pixels, written several times faster.
  stbi_write_force_png_filter = 4;
  if (!stbi_write_png_to_func(sink, &bytes, image.width, image.height, 4, image.rgba.data(), image.width * 4))
    throw UserError("Cannot encode the PNG for '" + path.string() + "'.");
  writeFileAtomically(path, bytes);
}

ImageFormat imageFormatFor(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".png") return ImageFormat::Png;
  if (ext == ".jpg" || ext == ".jpeg") return ImageFormat::Jpeg;
  throw usageError("Cannot write '" + path.string() + "': the picture's name must end in .png or .jpg.");
}

void writeImage(const Image& image, const std::filesystem::path& path) {
  if (imageFormatFor(path) == ImageFormat::Png) return writePng(image, path);
  // JPEG has no alpha: the picture is composed on its (opaque) background already.
  std::vector<unsigned char> rgb(std::size_t(image.width) * image.height * 3);
  for (std::size_t i = 0, n = std::size_t(image.width) * image.height; i < n; ++i)
    for (int c = 0; c < 3; ++c) rgb[3 * i + c] = image.rgba[4 * i + c];
  std::string bytes;
  auto sink = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), std::size_t(size));
  };
  if (!stbi_write_jpg_to_func(sink, &bytes, image.width, image.height, 3, rgb.data(), 92))
    throw UserError("Cannot encode the JPEG for '" + path.string() + "'.");
  writeFileAtomically(path, bytes);
}

Image readPng(const std::filesystem::path& path) {
  requireReadableFile(path, "The image file");
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
  if (!data)
    throw UserError("The image file '" + path.string() + "' cannot be read: " + stbi_failure_reason() + ".");
  Image img(w, h);
  std::copy(data, data + std::size_t(w) * h * 4, img.rgba.begin());
  stbi_image_free(data);
  return img;
}

namespace {
// YIQ colour distance normalised to 0..1 (Kotsarenko & Ramos 2010, as used by pixelmatch).
double yiqDelta(const std::uint8_t* a, const std::uint8_t* b) {
  auto yiq = [](const std::uint8_t* p, double& y, double& i, double& q) {
    const double r = p[0] / 255.0, g = p[1] / 255.0, bl = p[2] / 255.0;
    y = 0.29889531 * r + 0.58662247 * g + 0.11448223 * bl;
    i = 0.59597799 * r - 0.27417610 * g - 0.32180189 * bl;
    q = 0.21147017 * r - 0.52261711 * g + 0.31114694 * bl;
  };
  double y1, i1, q1, y2, i2, q2;
  yiq(a, y1, i1, q1);
  yiq(b, y2, i2, q2);
  const double dy = y1 - y2, di = i1 - i2, dq = q1 - q2;
  // The largest possible value of this sum is about 0.5 * 1 + 0.299 * 1.4 + 0.1957 * 1.1.
  return std::sqrt((0.5053 * dy * dy + 0.299 * di * di + 0.1957 * dq * dq) / 0.7456);
}
}  // namespace

ImageDiff compareImages(const Image& expected, const Image& actual, double pixelTolerance) {
  ImageDiff d;
  d.visual = Image(actual.width, actual.height);
  if (expected.width != actual.width || expected.height != actual.height) {
    d.differentFraction = 1.0;
    d.maxDelta = 1.0;
    for (std::size_t i = 0; i < d.visual.rgba.size(); i += 4) {
      d.visual.rgba[i] = 255;
      d.visual.rgba[i + 3] = 255;
    }
    return d;
  }
  std::size_t different = 0;
  for (int y = 0; y < actual.height; ++y)
    for (int x = 0; x < actual.width; ++x) {
      const double delta = yiqDelta(expected.pixel(x, y), actual.pixel(x, y));
      d.maxDelta = std::max(d.maxDelta, delta);
      std::uint8_t* v = d.visual.pixel(x, y);
      if (delta > pixelTolerance) {
        ++different;
        v[0] = 255, v[1] = 0, v[2] = 0;
      } else {
        const auto* p = actual.pixel(x, y);
        const auto grey = std::uint8_t(160 + (p[0] + p[1] + p[2]) / 9);
        v[0] = v[1] = v[2] = grey;
      }
      v[3] = 255;
    }
  const double total = double(actual.width) * actual.height;
  d.differentFraction = total > 0 ? double(different) / total : 0.0;
  return d;
}

}  // namespace dorsum::core
