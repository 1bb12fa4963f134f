#include "render/scene_renderer.hpp"

#include "core/error.hpp"
#include "core/frame_quality.hpp"
#include "core/primitives.hpp"
#include "render/gl.hpp"

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/type_ptr.hpp>

namespace dorsum::render {

FrameParams frameFor(const core::OrbitCamera& camera, int width, int height) {
  FrameParams f;
  f.width = width;
  f.height = height;
  f.view = camera.view();
  f.projection = camera.projection(height > 0 ? float(width) / float(height) : 1.0f);
  f.eye = camera.eye();
  return f;
}

namespace {
struct Vertex {
  glm::vec3 p, n;
  glm::vec2 uv;
  glm::vec4 color;  // tint and striation strength; white and none without vertex colours
};

void fill(const core::Mesh& m, VertexArray& vao, Buffer& vertices, Buffer& indices) {
  std::vector<Vertex> verts(m.positions.size());
  for (std::size_t i = 0; i < verts.size(); ++i) {
    verts[i].p = m.positions[i];
    verts[i].n = i < m.normals.size() ? m.normals[i] : glm::vec3(0, 1, 0);
    verts[i].uv = i < m.uvs.size() ? m.uvs[i] : glm::vec2(0.0f);
    verts[i].color = i < m.colors.size() ? m.colors[i] : glm::vec4(1.0f, 1.0f, 1.0f, 0.0f);
  }
  glBindVertexArray(vao.id());
  glBindBuffer(GL_ARRAY_BUFFER, vertices.id());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(verts.size() * sizeof(Vertex)), verts.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(m.indices.size() * sizeof(std::uint32_t)), m.indices.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, p)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, n)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, uv)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<void*>(offsetof(Vertex, color)));
  glDisableVertexAttribArray(4);  // the referral overlay: (0, 0) until painted
  glBindVertexArray(0);
}
}  // namespace

SceneRenderer::SceneRenderer(std::optional<std::filesystem::path> shaderDir) : shaders_(std::move(shaderDir)) {
  GpuMesh plain;
  plain.pixelHighlight = false;
  useMeshProgram(plain, false);  // the common variant: fail early
  backgroundProgram_ = shaders_.add("background.vert", "background.frag");
  compositeProgram_ = shaders_.add("oit_composite.vert", "oit_composite.frag");
  decalProgram_ = shaders_.add("mesh.vert", "decal.frag");
  emptyVao_ = VertexArray();
  uploadMarkerSphere();
}

void SceneRenderer::uploadMarkerSphere() {
  const core::Mesh sphere = core::makeEllipsoid("marker", glm::vec3(0.0f), glm::vec3(1.0f), 10, 16);
  markerSphere_.vao = VertexArray();
  markerSphere_.vertices = Buffer();
  markerSphere_.indices = Buffer();
  fill(sphere, markerSphere_.vao, markerSphere_.vertices, markerSphere_.indices);
  markerSphere_.indexCount = int(sphere.indices.size());
}

void SceneRenderer::upload(const core::Scene& scene) {
  meshes_.clear();
  triangles_ = 0;
  // The lighter triangle lists are made by the first frame that needs them (software GL, moving):
  // a GPU never does, and the first frame comes sooner.
  lighterSource_.clear();
  for (const auto& m : scene.meshes) {
    core::Mesh shape;
    shape.positions = m.positions;
    shape.indices = m.indices;
    lighterSource_.push_back(std::move(shape));
  }
  for (const auto& m : scene.meshes) {
    GpuMesh g;
    g.vao = VertexArray();
    g.vertices = Buffer();
    g.indices = Buffer();
    fill(m, g.vao, g.vertices, g.indices);
    g.indexCount = int(m.indices.size());
    g.color = m.color;
    g.meanEdge = core::meanEdgeLength(m);
    g.bounds = m.bounds();
    g.striated = std::any_of(m.colors.begin(), m.colors.end(), [](const glm::vec4& c) { return c.a > 0.0f; });
    triangles_ += m.triangleCount();
    meshes_.push_back(std::move(g));
  }
}

void SceneRenderer::makeLighterLists() {
  if (lighterSource_.empty()) return;
  for (std::size_t i = 0; i < meshes_.size() && i < lighterSource_.size(); ++i) {
    const core::Mesh& shape = lighterSource_[i];
    const std::vector<std::uint32_t> lighter = core::motionIndices(shape);
    if (lighter.empty()) continue;
    GpuMesh& g = meshes_[i];
    std::vector<std::uint32_t> both = shape.indices;
    both.insert(both.end(), lighter.begin(), lighter.end());
    glBindVertexArray(g.vao.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(both.size() * sizeof(std::uint32_t)), both.data(), GL_STATIC_DRAW);
    g.motionIndexCount = int(lighter.size());
  }
  glBindVertexArray(0);
  lighterSource_.clear();
  lighterSource_.shrink_to_fit();
}

std::size_t SceneRenderer::lighterTriangles() {
  makeLighterLists();
  std::size_t n = 0;
  for (const auto& m : meshes_) n += std::size_t(m.motionIndexCount > 0 ? m.motionIndexCount : m.indexCount) / 3;
  return n;
}

void SceneRenderer::setOverlay(std::size_t mesh, const std::vector<glm::vec2>& values) {
  if (mesh >= meshes_.size()) return;
  GpuMesh& g = meshes_[mesh];
  glBindVertexArray(g.vao.id());
  if (values.empty()) {
    glDisableVertexAttribArray(4);
    g.painted = false;
  } else {
    if (!g.overlay) g.overlay = Buffer();
    glBindBuffer(GL_ARRAY_BUFFER, g.overlay.id());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(values.size() * sizeof(glm::vec2)), values.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(4);
    glVertexAttribPointer(4, 2, GL_FLOAT, GL_FALSE, sizeof(glm::vec2), nullptr);
    g.painted = true;
  }
  glBindVertexArray(0);
}

void SceneRenderer::clearOverlays() {
  for (std::size_t i = 0; i < meshes_.size(); ++i)
    if (meshes_[i].painted) setOverlay(i, {});
}

void SceneRenderer::setDecals(const core::Mesh& decals) {
  if (decals.indices.empty()) {
    decals_.indexCount = 0;
    return;
  }
  if (!decals_.vao) {
    decals_.vao = VertexArray();
    decals_.vertices = Buffer();
    decals_.indices = Buffer();
  }
  fill(decals, decals_.vao, decals_.vertices, decals_.indices);
  decals_.indexCount = int(decals.indices.size());
}

void SceneRenderer::setStyles(const std::vector<MeshStyle>& styles) {
  for (std::size_t i = 0; i < meshes_.size(); ++i) meshes_[i].style = i < styles.size() ? styles[i] : MeshStyle{};
}

void SceneRenderer::setCullBackFaces(const std::vector<bool>& perMesh) {
  for (std::size_t i = 0; i < meshes_.size(); ++i) meshes_[i].cull = i < perMesh.size() && perMesh[i];
}

const SceneRenderer::MeshUniforms& SceneRenderer::useMeshProgram(const GpuMesh& m, bool oit) {
  const std::size_t v = (m.striated ? 1 : 0) + (m.painted ? 2 : 0) + (m.pixelHighlight ? 4 : 0);
  if (meshVariants_[v] == kNoProgram) {
    const std::string defines = std::string(m.striated ? "" : "#define NO_STRIATION\n") +
                                (m.painted ? "" : "#define NO_REFERRAL\n") + (m.pixelHighlight ? "#define PIXEL_SPECULAR\n" : "");
    meshVariants_[v] = shaders_.add("mesh.vert", "mesh.frag", defines);
  }
  MeshUniforms& u = variantUniforms_[v];
  if (!variantReady_[v]) {  // first use this frame: the program may have been rebuilt since the last
    const GLuint prog = shaders_.program(meshVariants_[v]).id();
    u = MeshUniforms{prog, glGetUniformLocation(prog, "uModel"), glGetUniformLocation(prog, "uColor"),
                     glGetUniformLocation(prog, "uAlpha"), glGetUniformLocation(prog, "uHighlight"),
                     glGetUniformLocation(prog, "uOit"), glGetUniformLocation(prog, "uTwoSided")};
    glUseProgram(prog);
    glUniformMatrix4fv(glGetUniformLocation(prog, "uViewProj"), 1, GL_FALSE, glm::value_ptr(frame_.viewProj));
    glUniform3fv(glGetUniformLocation(prog, "uEye"), 1, glm::value_ptr(frame_.eye));
    glUniform3fv(glGetUniformLocation(prog, "uKeyDir"), 1, glm::value_ptr(frame_.key));
    glUniform3fv(glGetUniformLocation(prog, "uFillDir"), 1, glm::value_ptr(frame_.fill));
    variantReady_[v] = true;
    variantOit_[v] = -1;
    activeVariant_ = v;
  }
  if (activeVariant_ != v) {
    glUseProgram(u.program);
    activeVariant_ = v;
  }
  if (variantOit_[v] != int(oit)) {
    glUniform1i(u.oit, oit ? 1 : 0);
    variantOit_[v] = int(oit);
  }
  return u;
}

void SceneRenderer::setCulling(bool cull) const {
  if (cull == culling_) return;
  culling_ = cull;
  if (cull) glEnable(GL_CULL_FACE);
  else glDisable(GL_CULL_FACE);
}

void SceneRenderer::drawMesh(const MeshUniforms& u, const GpuMesh& m, const glm::mat4& model, bool twoSided) const {
  glUniform1i(u.twoSided, twoSided ? 1 : 0);
  glUniformMatrix4fv(u.model, 1, GL_FALSE, glm::value_ptr(model));
  glUniform3fv(u.color, 1, glm::value_ptr(m.color));
  glUniform1f(u.alpha, m.style.alpha);
  glUniform4fv(u.highlight, 1, glm::value_ptr(m.style.highlight));
  glBindVertexArray(m.vao.id());
  if (frame_.lighter && m.motionIndexCount > 0)
    glDrawElements(GL_TRIANGLES, m.motionIndexCount, GL_UNSIGNED_INT,
                   reinterpret_cast<void*>(std::size_t(m.indexCount) * sizeof(std::uint32_t)));
  else
    glDrawElements(GL_TRIANGLES, m.indexCount, GL_UNSIGNED_INT, nullptr);
}

void SceneRenderer::ensureOitTargets(int width, int height, unsigned depthFormat) {
  if (oitFbo_ && width == oitWidth_ && height == oitHeight_ && depthFormat == oitDepthFormat_) return;
  oitWidth_ = width;
  oitHeight_ = height;
  oitDepthFormat_ = depthFormat;
  oitFbo_ = Framebuffer();
  accumTexture_ = Texture();
  weightTexture_ = Texture();
  oitDepth_ = Renderbuffer();
  auto floatTexture = [&](const Texture& t, GLenum internal, GLenum format) {
    glBindTexture(GL_TEXTURE_2D, t.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GLint(internal), width, height, 0, format, GL_FLOAT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  };
  floatTexture(accumTexture_, GL_RGBA16F, GL_RGBA);
  floatTexture(weightTexture_, GL_R16F, GL_RED);
  glBindRenderbuffer(GL_RENDERBUFFER, oitDepth_.id());
  glRenderbufferStorage(GL_RENDERBUFFER, depthFormat, width, height);
  const bool stencil = depthFormat == GL_DEPTH24_STENCIL8 || depthFormat == GL_DEPTH32F_STENCIL8;
  glBindFramebuffer(GL_FRAMEBUFFER, oitFbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, accumTexture_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT1, GL_TEXTURE_2D, weightTexture_.id(), 0);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, stencil ? GL_DEPTH_STENCIL_ATTACHMENT : GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER,
                            oitDepth_.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw core::UserError("This OpenGL driver cannot render translucent structures (no 16-bit float render targets).");
}

namespace {
// The depth format of a framebuffer's depth buffer (the window's or an offscreen one), so the
// transparency pass can take a copy of it; 0 when it has none that a blit could copy.
GLenum depthFormatOf(GLuint framebuffer) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
  const GLenum attachment = framebuffer == 0 ? GL_DEPTH : GL_DEPTH_ATTACHMENT;
  GLint type = GL_NONE, depthBits = 0, stencilBits = 0, componentType = GL_NONE;
  glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
  if (type == GL_NONE) return 0;
  glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE, &depthBits);
  glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE, &stencilBits);
  glGetFramebufferAttachmentParameteriv(GL_READ_FRAMEBUFFER, attachment, GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE, &componentType);
  const bool isFloat = componentType == GL_FLOAT;
  if (depthBits == 24) return stencilBits > 0 ? GL_DEPTH24_STENCIL8 : GL_DEPTH_COMPONENT24;
  if (depthBits == 32 && isFloat) return stencilBits > 0 ? GL_DEPTH32F_STENCIL8 : GL_DEPTH_COMPONENT32F;
  if (depthBits == 16 && stencilBits == 0) return GL_DEPTH_COMPONENT16;
  if (depthBits == 32 && stencilBits == 0) return GL_DEPTH_COMPONENT32;
  return 0;
}
}  // namespace

// The translucent surfaces are depth-tested against the opaque ones: the target's depth is blitted
// into the transparency target (one copy, resolved from the samples), or, where the driver cannot,
// the opaque meshes are drawn again there without colour.
void SceneRenderer::copyOpaqueDepth(unsigned fromFramebuffer, int width, int height) {
  if (!depthCopyFails_) {
    while (glGetError() != GL_NO_ERROR) {
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fromFramebuffer);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, oitFbo_.id());
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    if (glGetError() == GL_NO_ERROR) return;
    depthCopyFails_ = true;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, oitFbo_.id());
  glClear(GL_DEPTH_BUFFER_BIT);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  for (const auto& m : meshes_)
    if (m.style.alpha >= 0.999f) {
      setCulling(m.cull);
      drawMesh(useMeshProgram(m, false), m, glm::mat4(1.0f), !m.cull);
    }
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

void SceneRenderer::draw(const FrameParams& f) {
  GLint target = 0, readTarget = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &readTarget);
  // Start from known state whatever ran before (ImGui, the overlay).
  glDisable(GL_SCISSOR_TEST);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glDepthMask(GL_TRUE);
  glViewport(0, 0, f.width, f.height);
  glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glDisable(GL_BLEND);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LESS);
  glCullFace(GL_BACK);
  glDisable(GL_CULL_FACE);
  culling_ = false;

  // Lights follow the camera, so every view of the body is lit the same way.
  const glm::mat3 camToWorld = glm::transpose(glm::mat3(f.view));
  const glm::vec3 key = glm::normalize(camToWorld * glm::vec3(-0.45f, 0.6f, 0.65f));
  const glm::vec3 fill = glm::normalize(camToWorld * glm::vec3(0.7f, -0.1f, 0.5f));
  const glm::mat4 viewProj = f.projection * f.view;
  if (f.lighter) makeLighterLists();
  frame_ = FrameUniforms{viewProj, f.eye, key, fill, f.lighter};
  for (bool& ready : variantReady_) ready = false;
  activeVariant_ = kNoProgram;
  const glm::mat4 identity(1.0f);

  for (auto& m : meshes_)
    m.pixelHighlight = core::projectedPixels(m.meanEdge, m.bounds, f.eye, f.view, f.projection, f.height) > core::kVertexHighlightMaxPixels;
  bool translucent = false;
  for (const auto& m : meshes_) {
    if (m.style.alpha >= 0.999f) {
      setCulling(m.cull);
      drawMesh(useMeshProgram(m, false), m, identity, !m.cull);
    } else if (m.style.alpha > 0.001f) {
      translucent = true;
    }
  }

  // Background after the opaque body, at the far plane: only the pixels the body left uncovered
  // are shaded (the depth test rejects the rest before the shader runs).
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_FALSE);
  const GLuint bg = shaders_.program(backgroundProgram_).id();
  glUseProgram(bg);
  glUniform3f(glGetUniformLocation(bg, "uTop"), 0.16f, 0.18f, 0.22f);
  glUniform3f(glGetUniformLocation(bg, "uBottom"), 0.035f, 0.04f, 0.05f);
  glBindVertexArray(emptyVao_.id());
  glDrawArrays(GL_TRIANGLES, 0, 32 * 18 * 6);  // background.vert's grid
  glDepthFunc(GL_LESS);
  glDepthMask(GL_TRUE);
  activeVariant_ = kNoProgram;

  if (translucent && f.width > 0 && f.height > 0) {
    // Weighted blended OIT: the opaque depth first, then every translucent surface accumulated
    // without depth writes, then one composite over the opaque image.
    const GLenum depthFormat = depthFormatOf(GLuint(target));
    ensureOitTargets(f.width, f.height, depthFormat ? depthFormat : GLenum(GL_DEPTH_COMPONENT24));
    if (!depthFormat) depthCopyFails_ = true;
    copyOpaqueDepth(GLuint(target), f.width, f.height);
    glBindFramebuffer(GL_FRAMEBUFFER, oitFbo_.id());
    const GLenum buffers[] = {GL_COLOR_ATTACHMENT0, GL_COLOR_ATTACHMENT1};
    glDrawBuffers(2, buffers);
    const float clearAccum[] = {0.0f, 0.0f, 0.0f, 1.0f}, clearWeight[] = {0.0f, 0.0f, 0.0f, 0.0f};
    glClearBufferfv(GL_COLOR, 0, clearAccum);
    glClearBufferfv(GL_COLOR, 1, clearWeight);
    glDepthMask(GL_FALSE);
    setCulling(false);  // a ghost shows its far side faintly too, as glass does
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_ONE, GL_ONE, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);
    for (const auto& m : meshes_)
      if (m.style.alpha < 0.999f && m.style.alpha > 0.001f) drawMesh(useMeshProgram(m, true), m, identity, true);

    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(target));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(readTarget));
    glDisable(GL_DEPTH_TEST);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    const GLuint comp = shaders_.program(compositeProgram_).id();
    glUseProgram(comp);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, accumTexture_.id());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, weightTexture_.id());
    glActiveTexture(GL_TEXTURE0);
    glUniform1i(glGetUniformLocation(comp, "uAccum"), 0);
    glUniform1i(glGetUniformLocation(comp, "uWeight"), 1);
    glBindVertexArray(emptyVao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glDisable(GL_BLEND);
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
    activeVariant_ = kNoProgram;
  }
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(target));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(readTarget));

  if (decals_.indexCount > 0) {
    const GLuint dp = shaders_.program(decalProgram_).id();
    glUseProgram(dp);
    glUniformMatrix4fv(glGetUniformLocation(dp, "uViewProj"), 1, GL_FALSE, glm::value_ptr(viewProj));
    glUniformMatrix4fv(glGetUniformLocation(dp, "uModel"), 1, GL_FALSE, glm::value_ptr(identity));
    glUniform3fv(glGetUniformLocation(dp, "uEye"), 1, glm::value_ptr(f.eye));
    glUniform3fv(glGetUniformLocation(dp, "uKeyDir"), 1, glm::value_ptr(key));
    setCulling(false);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    glDepthFunc(GL_LEQUAL);
    glBindVertexArray(decals_.vao.id());
    glDrawElements(GL_TRIANGLES, decals_.indexCount, GL_UNSIGNED_INT, nullptr);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    activeVariant_ = kNoProgram;
  }

  if (!markers_.empty()) {
    // Pins stay visible through the muscles that cover their bone.
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    setCulling(true);  // a closed sphere: without depth, only its front faces may be drawn
    for (const auto& mk : markers_) {
      GpuMesh& s = markerSphere_;
      s.color = mk.color;
      s.style = MeshStyle{1.0f, glm::vec4(mk.color, 0.6f)};
      drawMesh(useMeshProgram(s, false), s, glm::scale(glm::translate(identity, mk.position), glm::vec3(mk.radius)), false);
    }
    glDepthMask(GL_TRUE);
    glEnable(GL_DEPTH_TEST);
  }
  setCulling(false);
  glBindVertexArray(0);
}

}  // namespace dorsum::render
