#include "render/overlay_renderer.hpp"

#include "core/fonts.hpp"
#include "render/gl.hpp"

// stb_truetype compiled here with internal linkage (see core/image.cpp: no copy elsewhere can
// stand in for it).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
#pragma GCC diagnostic pop

#include <cmath>
#include <fstream>
#include <iterator>

namespace dorsum::render {

namespace {
const stbtt_bakedchar* glyphs(const std::vector<unsigned char>& baked) {
  return reinterpret_cast<const stbtt_bakedchar*>(baked.data());
}
constexpr float kPad = 0.35f;  // padding around the text, in font heights
}  // namespace

OverlayRenderer::OverlayRenderer(ShaderLibrary& shaders, float pixelHeight)
    : shaders_(shaders), pixelHeight_(pixelHeight) {
  program_ = shaders_.add("overlay.vert", "overlay.frag");
  vao_ = VertexArray();
  buffer_ = Buffer();
  const std::span<const unsigned char> ttf = core::embeddedUiFont();
  baked_.resize(sizeof(stbtt_bakedchar) * kCount);
  // 96 glyphs of this height need roughly a square of side 10 x height; grow until they fit.
  int baked = 0;
  std::vector<unsigned char> bitmap;
  for (atlasSide_ = 256; atlasSide_ <= 8192; atlasSide_ *= 2) {
    if (float(atlasSide_) < pixelHeight * 8.0f) continue;
    bitmap.assign(std::size_t(atlasSide_) * atlasSide_, 0);
    baked = ttf.empty() ? 0
                        : stbtt_BakeFontBitmap(ttf.data(), 0, pixelHeight, bitmap.data(), atlasSide_, atlasSide_, kFirst,
                                               kCount, reinterpret_cast<stbtt_bakedchar*>(baked_.data()));
    if (baked > 0 || ttf.empty()) break;
  }
  if (baked <= 0) {
    why_ = "The label font (DejaVu Sans) could not be prepared at " + std::to_string(int(pixelHeight)) +
           " pixels.";
    return;
  }
  font_ = Texture();
  glBindTexture(GL_TEXTURE_2D, font_.id());
  GLint alignment = 4;
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &alignment);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlasSide_, atlasSide_, 0, GL_RED, GL_UNSIGNED_BYTE, bitmap.data());
  glPixelStorei(GL_UNPACK_ALIGNMENT, alignment);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  fontReady_ = true;
}

glm::vec2 OverlayRenderer::measure(const std::string& s) const {
  float width = 0.0f;
  if (fontReady_)
    for (unsigned char c : s)
      if (c >= kFirst && c < kFirst + kCount) width += glyphs(baked_)[c - kFirst].xadvance;
  return {std::ceil(width + 2.0f * kPad * pixelHeight_), std::ceil(pixelHeight_ * (1.0f + 2.0f * kPad * 0.6f))};
}

void OverlayRenderer::quad(std::vector<Vertex>& v, glm::vec2 a, glm::vec2 b, glm::vec4 color) const {
  const glm::vec2 none(-1.0f);
  v.insert(v.end(), {{a, none, color}, {{b.x, a.y}, none, color}, {b, none, color},
                     {a, none, color}, {b, none, color}, {{a.x, b.y}, none, color}});
}

void OverlayRenderer::line(std::vector<Vertex>& v, glm::vec2 a, glm::vec2 b, float width, glm::vec4 color) const {
  const glm::vec2 d = b - a;
  const float len = glm::length(d);
  if (len < 1e-3f) return;
  const glm::vec2 n = glm::vec2(-d.y, d.x) / len * (width * 0.5f);
  const glm::vec2 none(-1.0f);
  v.insert(v.end(), {{a - n, none, color}, {b - n, none, color}, {b + n, none, color},
                     {a - n, none, color}, {b + n, none, color}, {a + n, none, color}});
}

void OverlayRenderer::text(std::vector<Vertex>& v, glm::vec2 at, const std::string& s, glm::vec4 color) const {
  float x = at.x, y = at.y;
  for (unsigned char c : s) {
    if (c < kFirst || c >= kFirst + kCount) continue;
    stbtt_aligned_quad q;
    stbtt_GetBakedQuad(glyphs(baked_), atlasSide_, atlasSide_, c - kFirst, &x, &y, &q, 1);
    v.insert(v.end(), {{{q.x0, q.y0}, {q.s0, q.t0}, color}, {{q.x1, q.y0}, {q.s1, q.t0}, color},
                       {{q.x1, q.y1}, {q.s1, q.t1}, color}, {{q.x0, q.y0}, {q.s0, q.t0}, color},
                       {{q.x1, q.y1}, {q.s1, q.t1}, color}, {{q.x0, q.y1}, {q.s0, q.t1}, color}});
  }
}

void OverlayRenderer::drawCrosses(const std::vector<Cross>& crosses, int width, int height) {
  if (crosses.empty()) return;
  std::vector<Vertex> v;
  for (const Cross& c : crosses) {
    const float r = c.size * 0.5f, w = std::max(2.0f, c.size * 0.22f);
    // A dark outline under the coloured strokes, so the mark reads on red muscle and pale skin.
    for (const auto& [width_, color] : {std::pair{w + 2.5f, glm::vec4(0.05f, 0.05f, 0.06f, 0.9f)}, std::pair{w, c.color}}) {
      line(v, c.at + glm::vec2(-r, -r), c.at + glm::vec2(r, r), width_, color);
      line(v, c.at + glm::vec2(-r, r), c.at + glm::vec2(r, -r), width_, color);
    }
  }
  submit(v, width, height);
}

void OverlayRenderer::submit(const std::vector<Vertex>& v, int width, int height) {
  if (v.empty()) return;
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, buffer_.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(v.size() * sizeof(Vertex)), v.data(), GL_STREAM_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, p)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, color)));
  const GLuint prog = shaders_.program(program_).id();
  glUseProgram(prog);
  glUniform2f(glGetUniformLocation(prog, "uViewport"), float(width), float(height));
  glUniform1i(glGetUniformLocation(prog, "uFont"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, font_.id());
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDrawArrays(GL_TRIANGLES, 0, GLsizei(v.size()));
  glDisable(GL_BLEND);
  glEnable(GL_DEPTH_TEST);
  glBindVertexArray(0);
}

void OverlayRenderer::drawLabels(const std::vector<core::PlacedLabel>& labels, int width, int height) {
  if (!fontReady_ || labels.empty()) return;
  std::vector<Vertex> v;
  const float lineWidth = std::max(1.5f, pixelHeight_ / 10.0f);
  const glm::vec4 leader(0.95f, 0.93f, 0.88f, 0.85f), box(0.08f, 0.09f, 0.11f, 0.78f), ink(0.97f, 0.96f, 0.92f, 1.0f);
  for (const auto& l : labels) {
    line(v, l.anchor, l.join, lineWidth, leader);
    const float dot = lineWidth * 1.8f;
    quad(v, l.anchor - glm::vec2(dot), l.anchor + glm::vec2(dot), leader);
  }
  for (const auto& l : labels) {
    quad(v, l.box, l.box + l.size, box);
    const float baseline = l.box.y + l.size.y * 0.5f + pixelHeight_ * 0.32f;
    text(v, {l.box.x + kPad * pixelHeight_, baseline}, l.text, ink);
  }
  submit(v, width, height);
}

std::vector<std::string> OverlayRenderer::wrap(const std::string& text, float maxWidth) const {
  std::vector<std::string> lines;
  std::string line, word;
  auto flush = [&] {
    if (word.empty()) return;
    const std::string joined = line.empty() ? word : line + " " + word;
    if (!line.empty() && measure(joined).x > maxWidth) {
      lines.push_back(line);
      line = word;
    } else {
      line = joined;
    }
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\n') flush();
    else word += c;
  }
  flush();
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void OverlayRenderer::drawCaption(const std::string& title, const std::string& body, int width, int height, int maxLines, float left,
                                  float right) {
  if (!fontReady_) return;
  if (right <= left) left = 0.0f, right = float(width);
  const float margin = pixelHeight_ * 0.8f, lineHeight = pixelHeight_ * 1.3f;
  const float boxWidth = std::max(pixelHeight_ * 10.0f, std::min(right - left - 2.0f * margin, pixelHeight_ * 48.0f));
  std::vector<std::string> lines = wrap(body, boxWidth - 2.0f * margin);
  if (int(lines.size()) > maxLines) {
    lines.resize(std::size_t(maxLines));
    lines.back() += " ...";
  }
  const std::vector<std::string> titleLines = wrap(title, boxWidth - 2.0f * margin);
  const float boxHeight = lineHeight * float(lines.size() + titleLines.size()) + margin;
  const glm::vec2 a(0.5f * (left + right - boxWidth), float(height) - boxHeight - margin);
  std::vector<Vertex> v;
  quad(v, a, a + glm::vec2(boxWidth, boxHeight), glm::vec4(0.06f, 0.07f, 0.09f, 0.82f));
  float y = a.y + margin * 0.5f + pixelHeight_ * 1.0f - lineHeight;
  for (const auto& l : titleLines) {
    y += lineHeight;
    text(v, {a.x + margin, y}, l, glm::vec4(1.0f, 0.82f, 0.35f, 1.0f));
  }
  for (const auto& l : lines) {
    y += lineHeight;
    text(v, {a.x + margin, y}, l, glm::vec4(0.97f, 0.96f, 0.92f, 1.0f));
  }
  submit(v, width, height);
}

}  // namespace dorsum::render
