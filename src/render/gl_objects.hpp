#pragma once
// Move-only RAII owners of GL objects (after Magnum): copy deleted, move noexcept, and a NoCreate
// state for members built before the context exists. Destroying one needs the context current.
#include <utility>

namespace dorsum::render {

struct NoCreateT {
  explicit constexpr NoCreateT() = default;
};
inline constexpr NoCreateT NoCreate{};

enum class GlKind { Buffer, VertexArray, Texture, Framebuffer, Renderbuffer, Program };

unsigned glCreateObject(GlKind kind);
void glDestroyObject(GlKind kind, unsigned id);

template <GlKind K>
class GlObject {
public:
  GlObject() : id_(glCreateObject(K)) {}
  explicit GlObject(NoCreateT) noexcept {}
  ~GlObject() {
    if (id_) glDestroyObject(K, id_);
  }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& o) noexcept : id_(std::exchange(o.id_, 0u)) {}
  GlObject& operator=(GlObject&& o) noexcept {
    std::swap(id_, o.id_);
    return *this;
  }
  unsigned id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }

private:
  unsigned id_ = 0;
};

using Buffer = GlObject<GlKind::Buffer>;
using VertexArray = GlObject<GlKind::VertexArray>;
using Texture = GlObject<GlKind::Texture>;
using Framebuffer = GlObject<GlKind::Framebuffer>;
using Renderbuffer = GlObject<GlKind::Renderbuffer>;
using Program = GlObject<GlKind::Program>;

}  // namespace dorsum::render
