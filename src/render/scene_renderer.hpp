#pragma once
// Draws a core::Scene: the GPU mirror of the CPU meshes, uploaded once and re-uploaded only when
// the scene changes. Peeling, ghosting and highlighting change per-mesh styles (uniforms), never
// the geometry. Translucent meshes use weighted blended order-independent transparency, so ghosts
// never pop as the camera turns. Used by the window and by headless renders alike.
#include "core/camera.hpp"
#include "core/mesh.hpp"
#include "render/gl_objects.hpp"
#include "render/shader_library.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <vector>

namespace dorsum::render {

struct FrameParams {
  int width = 0, height = 0;  // framebuffer pixels
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
  glm::vec3 eye{0.0f};
  bool lighter = false;  // a moving picture on software GL: the meshes' lighter triangle lists (core::motionIndices)
};

FrameParams frameFor(const core::OrbitCamera& camera, int width, int height);

struct MeshStyle {
  float alpha = 1.0f;             // 1 opaque, 0 not drawn, between: translucent (ghosted or fading)
  glm::vec4 highlight{0.0f};      // rim light colour and strength (selection, hover)
};

// A pin drawn on top of everything (attachment sites of the selected muscle).
struct Marker {
  glm::vec3 position{0.0f};
  float radius = 0.004f;
  glm::vec3 color{1.0f};
};

class SceneRenderer {
public:
  // Needs a current GL 3.3 context. Throws UserError when the built-in shaders do not compile.
  explicit SceneRenderer(std::optional<std::filesystem::path> shaderDir = std::nullopt);

  // Mirrors the scene on the GPU (replacing what was there).
  void upload(const core::Scene& scene);
  // Per-mesh styles by index in the uploaded scene (missing entries: opaque, no highlight).
  void setStyles(const std::vector<MeshStyle>& styles);
  void setMarkers(std::vector<Marker> markers) { markers_ = std::move(markers); }
  // Paints referred pain on one mesh (the skin): per vertex, how much it is in the essential zone
  // (drawn solid red) and in the spillover zone (stippled red), 0 to 1. Only this per-vertex
  // overlay changes, never the geometry; an empty list clears it.
  void setOverlay(std::size_t mesh, const std::vector<glm::vec2>& essentialSpillover);
  void clearOverlays();
  // Marks drawn over the body with per-vertex colour and opacity (colors: rgb, a = opacity): a
  // massage stroke's hand, trail and arrows. Depth-tested against the opaque body, not written;
  // an empty mesh clears them.
  void setDecals(const core::Mesh& decals);
  // Back faces are culled for closed, outward meshes (the body; a user's mesh that passes
  // core::closedOutward); an open or inward one is drawn two-sided (picking is two-sided too).
  // All meshes alike, or one flag per mesh of the uploaded scene (missing entries: two-sided).
  void setCullBackFaces(bool cull) { setCullBackFaces(std::vector<bool>(meshes_.size(), cull)); }
  void setCullBackFaces(const std::vector<bool>& perMesh);
  // Draws into the currently bound framebuffer.
  void draw(const FrameParams& frame);

  ShaderLibrary& shaders() { return shaders_; }
  std::size_t gpuTriangles() const { return triangles_; }
  // Triangles of every mesh as drawn in a lighter (moving, software GL) frame.
  std::size_t lighterTriangles();

private:
  struct GpuMesh {  // its GL objects made by upload()
    VertexArray vao{NoCreate};
    Buffer vertices{NoCreate};
    Buffer indices{NoCreate};
    int indexCount = 0;
    int motionIndexCount = 0;  // core::motionIndices, stored after the full list in `indices`; 0: none (yet)
    glm::vec3 color{0.8f};
    MeshStyle style;
    Buffer overlay{NoCreate};  // per-vertex (essential, spillover), when painted
    bool painted = false;
    bool cull = true;  // closed and outward: back faces culled
    bool striated = false;  // some vertex shows striation (vertex colour alpha > 0)
    float meanEdge = 0.0f;  // core::meanEdgeLength: how coarse it is
    core::Bounds bounds;
    bool pixelHighlight = true;  // this frame: highlight lit per pixel (PIXEL_SPECULAR), its triangles large on screen
  };
  // The mesh program's uniforms, looked up once a frame (the program may be reloaded from disk).
  struct MeshUniforms {
    unsigned program = 0;
    int model = -1, color = -1, alpha = -1, highlight = -1, oit = -1, twoSided = -1;
  };
  // What every variant of the mesh program gets once a frame.
  struct FrameUniforms {
    glm::mat4 viewProj{1.0f};
    glm::vec3 eye{0.0f}, key{0.0f}, fill{0.0f};
    bool lighter = false;
  };
  // The variant of the mesh program for this mesh (built on first use), in use, with the frame's
  // uniforms set the first time it is used this frame.
  const MeshUniforms& useMeshProgram(const GpuMesh& m, bool oit);
  void drawMesh(const MeshUniforms& u, const GpuMesh& m, const glm::mat4& model, bool twoSided) const;
  void setCulling(bool cull) const;
  void ensureOitTargets(int width, int height, unsigned depthFormat);
  void copyOpaqueDepth(unsigned fromFramebuffer, int width, int height);
  void uploadMarkerSphere();

  ShaderLibrary shaders_;
  std::size_t backgroundProgram_ = 0, compositeProgram_ = 0, decalProgram_ = 0;
  static constexpr std::size_t kNoProgram = ~std::size_t(0);
  static constexpr std::size_t kVariants = 8;  // by striated + 2 * painted + 4 * coarse
  std::size_t meshVariants_[kVariants] = {kNoProgram, kNoProgram, kNoProgram, kNoProgram,
                                          kNoProgram, kNoProgram, kNoProgram, kNoProgram};
  MeshUniforms variantUniforms_[kVariants];
  bool variantReady_[kVariants] = {};  // frame uniforms set this frame
  int variantOit_[kVariants] = {-1, -1, -1, -1, -1, -1, -1, -1};
  std::size_t activeVariant_ = kNoProgram;
  FrameUniforms frame_;
  VertexArray emptyVao_{NoCreate};
  std::vector<GpuMesh> meshes_;
  std::size_t triangles_ = 0;
  // The uploaded meshes' positions and triangles until makeLighterLists() has used them.
  std::vector<core::Mesh> lighterSource_;
  void makeLighterLists();
  std::vector<Marker> markers_;
  mutable bool culling_ = false;  // GL_CULL_FACE as last set by setCulling
  GpuMesh decals_;
  GpuMesh markerSphere_;  // its highlight per pixel
  // Transparency targets, made on first use at the frame's size.
  Framebuffer oitFbo_{NoCreate};
  Texture accumTexture_{NoCreate}, weightTexture_{NoCreate};
  Renderbuffer oitDepth_{NoCreate};
  int oitWidth_ = 0, oitHeight_ = 0;
  unsigned oitDepthFormat_ = 0;
  bool depthCopyFails_ = false;  // the driver refused to blit the target's depth: redraw it instead
};

}  // namespace dorsum::render
