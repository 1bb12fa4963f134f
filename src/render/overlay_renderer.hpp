#pragma once
// Screen-space overlay drawn over the scene: leader-line labels with their boxes and text, X marks,
// captions. The font is DejaVu Sans embedded in the binary and baked with stb_truetype, so labels
// look the same in the window and in headless renders, on any machine.
#include "core/label_layout.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_library.hpp"

#include <glm/glm.hpp>

#include <array>
#include <string>
#include <vector>

namespace dorsum::render {

class OverlayRenderer {
public:
  // Needs a current GL context. Labels are unavailable (available() false) without the font.
  OverlayRenderer(ShaderLibrary& shaders, float pixelHeight);
  bool available() const { return fontReady_; }
  // Why labels are unavailable, as a sentence ("" when they are available).
  const std::string& whyUnavailable() const { return why_; }
  float pixelHeight() const { return pixelHeight_; }
  // The size of a label's box for this text (padding included).
  glm::vec2 measure(const std::string& text) const;
  // Draws into the currently bound framebuffer.
  void drawLabels(const std::vector<core::PlacedLabel>& labels, int width, int height);
  // X marks (trigger points), centred on pixels; drawn even without the font.
  struct Cross {
    glm::vec2 at;
    float size = 12.0f;
    glm::vec4 color{1.0f};
  };
  void drawCrosses(const std::vector<Cross>& crosses, int width, int height);
  // A caption box along the bottom of the frame (a massage stroke's name and what it does): the
  // title in gold, the text wrapped to the box's width, at most maxLines lines.
  // Centred between left and right (pixels; right <= 0: the frame's width).
  void drawCaption(const std::string& title, const std::string& body, int width, int height, int maxLines = 3, float left = 0.0f,
                   float right = 0.0f);
  // Words of `text` in lines no wider than maxWidth pixels.
  std::vector<std::string> wrap(const std::string& text, float maxWidth) const;

private:
  struct Vertex {
    glm::vec2 p, uv;
    glm::vec4 color;
  };
  void quad(std::vector<Vertex>& v, glm::vec2 a, glm::vec2 b, glm::vec4 color) const;
  void line(std::vector<Vertex>& v, glm::vec2 a, glm::vec2 b, float width, glm::vec4 color) const;
  void text(std::vector<Vertex>& v, glm::vec2 at, const std::string& s, glm::vec4 color) const;
  void submit(const std::vector<Vertex>& v, int width, int height);

  ShaderLibrary& shaders_;
  std::size_t program_ = 0;
  float pixelHeight_;
  bool fontReady_ = false;
  Texture font_{NoCreate};
  VertexArray vao_{NoCreate};
  Buffer buffer_{NoCreate};
  static constexpr int kFirst = 32, kCount = 96;
  int atlasSide_ = 512;  // grows with the pixel height so that big (projector) text still fits
  std::string why_;
  std::vector<unsigned char> baked_;  // stbtt_bakedchar records (kept opaque so no header needs stb)
};

}  // namespace dorsum::render
