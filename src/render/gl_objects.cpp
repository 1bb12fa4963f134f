#include "render/gl_objects.hpp"

#include "render/gl.hpp"

namespace dorsum::render {

unsigned glCreateObject(GlKind kind) {
  GLuint id = 0;
  switch (kind) {
    case GlKind::Buffer: glGenBuffers(1, &id); break;
    case GlKind::VertexArray: glGenVertexArrays(1, &id); break;
    case GlKind::Texture: glGenTextures(1, &id); break;
    case GlKind::Framebuffer: glGenFramebuffers(1, &id); break;
    case GlKind::Renderbuffer: glGenRenderbuffers(1, &id); break;
    case GlKind::Program: id = glCreateProgram(); break;
  }
  return id;
}

void glDestroyObject(GlKind kind, unsigned id) {
  switch (kind) {
    case GlKind::Buffer: glDeleteBuffers(1, &id); break;
    case GlKind::VertexArray: glDeleteVertexArrays(1, &id); break;
    case GlKind::Texture: glDeleteTextures(1, &id); break;
    case GlKind::Framebuffer: glDeleteFramebuffers(1, &id); break;
    case GlKind::Renderbuffer: glDeleteRenderbuffers(1, &id); break;
    case GlKind::Program: glDeleteProgram(id); break;
  }
}

}  // namespace dorsum::render
