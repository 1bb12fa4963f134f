#include "core/model_io.hpp"

#include "core/error.hpp"

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <fstream>
#include <glm/gtc/matrix_transform.hpp>

namespace dorsum::core {

namespace fs = std::filesystem;

void requireReadableFile(const fs::path& path, const char* what) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status))
    throw UserError(std::string(what) + " '" + path.string() + "' does not exist.");
  if (fs::is_directory(status))
    throw UserError(std::string(what) + " '" + path.string() + "' is a directory, not a file.");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(std::string(what) + " '" + path.string() + "' cannot be opened for reading.");
  if (fs::file_size(path, ec) == 0 && !ec)
    throw UserError(std::string(what) + " '" + path.string() + "' is empty.");
}

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
  // Assimp is row-major; glm is column-major.
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4,
                   m.b4, m.c4, m.d4);
}

glm::vec3 materialColor(const aiScene& scene, const aiMesh& mesh) {
  if (mesh.mMaterialIndex < scene.mNumMaterials) {
    aiColor4D c;
    const aiMaterial* mat = scene.mMaterials[mesh.mMaterialIndex];
    if (mat->Get(AI_MATKEY_BASE_COLOR, c) == AI_SUCCESS ||
        mat->Get(AI_MATKEY_COLOR_DIFFUSE, c) == AI_SUCCESS) {
      // Assimp's default material is pure white or black; keep a neutral grey for those.
      if (!(c.r == c.g && c.g == c.b && (c.r >= 0.999f || c.r <= 0.001f))) return {c.r, c.g, c.b};
    }
  }
  return {0.78f, 0.76f, 0.72f};
}

void collect(const aiScene& scene, const aiNode& node, const glm::mat4& parent, Scene& out) {
  const glm::mat4 world = parent * toGlm(node.mTransformation);
  const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
  for (unsigned i = 0; i < node.mNumMeshes; ++i) {
    const aiMesh& src = *scene.mMeshes[node.mMeshes[i]];
    if (!(src.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) continue;
    Mesh m;
    m.name = node.mName.length > 0 ? node.mName.C_Str() : src.mName.C_Str();
    m.color = materialColor(scene, src);
    m.positions.reserve(src.mNumVertices);
    for (unsigned v = 0; v < src.mNumVertices; ++v) {
      const auto& p = src.mVertices[v];
      m.positions.push_back(glm::vec3(world * glm::vec4(p.x, p.y, p.z, 1.0f)));
      if (src.HasNormals()) {
        const auto& n = src.mNormals[v];
        m.normals.push_back(glm::normalize(normalMatrix * glm::vec3(n.x, n.y, n.z)));
      }
      if (src.HasTextureCoords(0)) m.uvs.emplace_back(src.mTextureCoords[0][v].x, src.mTextureCoords[0][v].y);
    }
    for (unsigned f = 0; f < src.mNumFaces; ++f) {
      const aiFace& face = src.mFaces[f];
      if (face.mNumIndices != 3) continue;
      m.indices.insert(m.indices.end(), {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
    }
    if (m.indices.empty()) continue;
    if (m.normals.size() != m.positions.size()) m.computeNormals();
    out.meshes.push_back(std::move(m));
  }
  for (unsigned c = 0; c < node.mNumChildren; ++c) collect(scene, *node.mChildren[c], world, out);
}

}  // namespace

Scene loadModel(const fs::path& path) {
  requireReadableFile(path, "The model file");
  Assimp::Importer importer;
  // Points and lines are dropped: the viewer draws surfaces.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  // Normals generated for files without them keep hard edges (a cube stays a cube).
  importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 60.0f);
  const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                         aiProcess_JoinIdenticalVertices | aiProcess_CalcTangentSpace;
  const aiScene* scene = importer.ReadFile(path.string(), flags);
  if (!scene || !scene->mRootNode) {
    std::string reason = importer.GetErrorString();
    if (reason.empty()) reason = "the format is not recognised";
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '.')) reason.pop_back();
    throw UserError("The model file '" + path.string() + "' cannot be read: " + reason + ".");
  }
  Scene out;
  collect(*scene, *scene->mRootNode, glm::mat4(1.0f), out);
  if (out.meshes.empty())
    throw UserError("The model file '" + path.string() + "' contains no triangle meshes to show.");
  return out;
}

}  // namespace dorsum::core
