#include "core/model_io.hpp"

#include "core/error.hpp"
#include "core/model_import.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

#include <assimp/DefaultIOSystem.h>
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <cmath>
#include <fstream>
#include <iterator>
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
  // Opening a FIFO waits for a writer for ever; a device never ends.
  if (!fs::is_regular_file(status))
    throw UserError(std::string(what) + " '" + path.string() + "' is not a regular file (a pipe, socket or device).");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(std::string(what) + " '" + path.string() + "' cannot be opened for reading.");
  if (fs::file_size(path, ec) == 0 && !ec)
    throw UserError(std::string(what) + " '" + path.string() + "' is empty.");
}

std::string readTextFile(const fs::path& path, const char* what) {
  requireReadableFile(path, what);
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw UserError(std::string(what) + " '" + path.string() + "' could not be read.");
  return text;
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

// Walks the node tree with a stack of its own (a file can nest nodes deeper than the call stack
// goes), and takes nothing on trust: meshes a node names must exist; checkScene then drops faces
// that index missing or non-finite vertices.
void collect(const aiScene& scene, const aiNode& root, Scene& out, std::size_t& dropped) {
  std::vector<std::pair<const aiNode*, glm::mat4>> stack{{&root, glm::mat4(1.0f)}};
  while (!stack.empty()) {
    const auto [nodePtr, parent] = stack.back();
    stack.pop_back();
    const aiNode& node = *nodePtr;
    const glm::mat4 world = parent * toGlm(node.mTransformation);
    const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world)));
    for (unsigned c = node.mNumChildren; c-- > 0;)
      if (node.mChildren && node.mChildren[c]) stack.push_back({node.mChildren[c], world});
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
      if (!node.mMeshes || node.mMeshes[i] >= scene.mNumMeshes || !scene.mMeshes[node.mMeshes[i]]) continue;
      const aiMesh& src = *scene.mMeshes[node.mMeshes[i]];
      if (!src.mVertices || !src.mFaces) continue;
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
        if (src.HasVertexColors(0)) {
          const auto& c = src.mColors[0][v];
          m.colors.emplace_back(c.r, c.g, c.b, c.a);
        }
        // Fibre direction: the tangent Assimp recovers from the UVs (u runs along the fibres).
        if (src.HasTangentsAndBitangents() && src.HasTextureCoords(0)) {
          const auto& t = src.mTangents[v];
          const glm::vec3 d = glm::vec3(world * glm::vec4(t.x, t.y, t.z, 0.0f));
          const float len = glm::length(d);
          m.fibres.push_back(len > 0 && std::isfinite(len) ? d / len : glm::vec3(0.0f));
        }
      }
      for (unsigned f = 0; f < src.mNumFaces; ++f) {
        const aiFace& face = src.mFaces[f];
        if (face.mNumIndices == 3 && face.mIndices)
          m.indices.insert(m.indices.end(), {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
        else
          ++dropped;
      }
      out.meshes.push_back(std::move(m));
    }
  }
}

}  // namespace

namespace {
// Assimp validates what its reader produced before any step uses it: a face indexing a vertex
// that does not exist (a PLY can say 454761243 of 3) is refused instead of crashing the steps.
constexpr unsigned kImportFlags = aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType |
                                  aiProcess_JoinIdenticalVertices | aiProcess_CalcTangentSpace;

void configure(Assimp::Importer& importer) {
  // Points and lines are dropped: the viewer draws surfaces.
  importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
  // Normals generated for files without them keep hard edges (a cube stays a cube).
  importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 60.0f);
}

Scene collectScene(const aiScene* scene, Assimp::Importer& importer, const std::string& what) {
  if (!scene || !scene->mRootNode) {
    std::string reason = importer.GetErrorString();
    if (reason.empty()) reason = "the format is not recognised";
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == '.')) reason.pop_back();
    throw UserError(what + " cannot be read: " + reason + ".");
  }
  Scene out;
  std::size_t dropped = 0;
  collect(*scene, *scene->mRootNode, out, dropped);
  dropped += checkScene(out);
  if (out.meshes.empty())
    throw UserError(what + (dropped ? " has no usable triangles (" + std::to_string(dropped) + " refer to vertices that are missing or not finite)."
                                    : " contains no triangle meshes to show."));
  return out;
}
}  // namespace

Scene loadModelFromMemory(const std::string& bytes, const std::string& hint, const std::string& what, bool ownBake) {
  Assimp::Importer importer;
  configure(importer);
  // Our own bake is triangles with normals and unique vertices already: only the fibre tangents
  // are derived (joining vertices and generating normals again cost most of the import).
  const unsigned flags = ownBake ? aiProcess_ValidateDataStructure | aiProcess_CalcTangentSpace : kImportFlags;
  return collectScene(importer.ReadFileFromMemory(bytes.data(), bytes.size(), flags, hint.c_str()), importer, what);
}

namespace {
// A GLB: a 12-byte header (magic "glTF", version 2, total length), then chunks of (length, type,
// data): the JSON first, padded with spaces to 4 bytes, then the binary buffer.
constexpr std::uint32_t kGlbMagic = 0x46546C67, kJsonChunk = 0x4E4F534A;
std::uint32_t readU32(const std::string& b, std::size_t at) {
  std::uint32_t v = 0;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}
void writeU32(std::string& b, std::size_t at, std::uint32_t v) { std::memcpy(b.data() + at, &v, 4); }

nlohmann::json glbJson(const std::string& glb, const std::string& what) {
  if (glb.size() < 20 || readU32(glb, 0) != kGlbMagic || readU32(glb, 16) != kJsonChunk)
    throw UserError(what + " is not a binary glTF (GLB) file.");
  const std::uint32_t length = readU32(glb, 12);
  if (20 + std::size_t(length) > glb.size()) throw UserError(what + " is cut short (its JSON chunk runs past the end).");
  try {
    return nlohmann::json::parse(glb.begin() + 20, glb.begin() + 20 + length);
  } catch (const nlohmann::json::exception&) {
    throw UserError(what + " has a JSON chunk that does not parse.");
  }
}

const char* kindName(StructureKind k) {
  switch (k) {
    case StructureKind::Muscle: return "muscle";
    case StructureKind::Bone: return "bone";
    case StructureKind::Skin: return "skin";
    case StructureKind::Other: break;
  }
  return "other";
}
}  // namespace

std::vector<Structure> glbStructureTable(const std::string& glb, const std::string& what) {
  const nlohmann::json j = glbJson(glb, what);
  std::vector<Structure> out;
  if (!j.contains("nodes") || !j["nodes"].is_array()) return out;
  for (const auto& node : j["nodes"]) {
    if (!node.contains("extras") || !node["extras"].contains("dorsum")) continue;
    const auto& d = node["extras"]["dorsum"];
    Structure s;
    try {
      s.node = node.at("name").get<std::string>();
      s.id = d.at("id").get<std::string>();
      s.muscleId = d.value("muscle", std::string());
      const std::string kind = d.at("kind").get<std::string>();
      s.kind = kind == "muscle" ? StructureKind::Muscle : kind == "bone" ? StructureKind::Bone : kind == "skin" ? StructureKind::Skin : StructureKind::Other;
      s.layer = d.value("layer", 0);
      const std::string side = d.value("side", std::string());
      if (side == "left") s.side = Side::Left;
      else if (side == "right") s.side = Side::Right;
    } catch (const nlohmann::json::exception&) {
      throw UserError(what + " has a structure entry that is not complete (node " + node.value("name", std::string("?")) + ").");
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {
// FNV-1a, 64 bits: a content check, not a security one.
std::string fnv1a(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}
// The GLB's binary chunk (its geometry), empty when the file is not a whole GLB.
std::string_view binaryChunk(const std::string& glb) {
  if (glb.size() < 20 || glb.compare(0, 4, "glTF") != 0) return {};
  const std::uint64_t jsonLength = readU32(glb, 12);
  const std::uint64_t at = 20 + jsonLength;
  if (at + 8 > glb.size() || readU32(glb, 8) != glb.size()) return {};
  const std::uint64_t binLength = readU32(glb, std::size_t(at));
  if (at + 8 + binLength > glb.size()) return {};
  return std::string_view(glb).substr(std::size_t(at + 8), std::size_t(binLength));
}
// Bumped whenever the builder changes what it makes from the same atlas.
constexpr const char* kBuilderVersion = "dorsum-body-10";
}  // namespace

std::string bakeStamp(const std::string& atlasJson) { return fnv1a(atlasJson) + "-" + kBuilderVersion; }

bool glbMatchesStamp(const std::string& glb, const std::string& stamp) {
  try {
    const std::string_view bin = binaryChunk(glb);
    if (bin.empty()) return false;
    const nlohmann::json j = glbJson(glb, "The baked body");
    const auto& d = j.at("asset").at("extras").at("dorsum_bake");
    return d.at("stamp").get<std::string>() == stamp && d.at("geometry").get<std::string>() == fnv1a(bin);
  } catch (const std::exception&) {
    return false;
  }
}

std::string sceneToGlb(const Scene& in, const std::vector<Structure>* structures, const std::string& stamp) {
  std::string glb = sceneToGlbPlain(in);
  if (!structures && stamp.empty()) return glb;
  nlohmann::json j = glbJson(glb, "The GLB just written");
  if (!stamp.empty()) j["asset"]["extras"]["dorsum_bake"] = {{"stamp", stamp}, {"geometry", fnv1a(binaryChunk(glb))}};
  if (structures)
  for (auto& node : j["nodes"]) {
    const std::string name = node.value("name", std::string());
    const auto it = std::find_if(structures->begin(), structures->end(), [&](const Structure& s) { return s.node == name; });
    if (it == structures->end()) continue;
    nlohmann::json d = {{"kind", kindName(it->kind)}, {"id", it->id}};
    if (!it->muscleId.empty()) d["muscle"] = it->muscleId;
    if (it->kind == StructureKind::Muscle) d["layer"] = it->layer;
    if (it->side) d["side"] = it->side == Side::Left ? "left" : "right";
    node["extras"]["dorsum"] = d;
  }
  std::string text = j.dump();
  while (text.size() % 4) text += ' ';
  const std::uint32_t oldLength = readU32(glb, 12);
  std::string out = glb.substr(0, 12);
  out.resize(20);
  writeU32(out, 12, std::uint32_t(text.size()));
  writeU32(out, 16, kJsonChunk);
  out += text;
  out += glb.substr(20 + oldLength);  // the binary chunk as it was
  writeU32(out, 8, std::uint32_t(out.size()));
  return out;
}

std::string sceneToGlbPlain(const Scene& in) {
  aiScene scene;
  const unsigned n = unsigned(in.meshes.size());
  scene.mRootNode = new aiNode("dorsum");
  scene.mNumMeshes = n;
  scene.mMeshes = new aiMesh*[n];
  scene.mNumMaterials = n;
  scene.mMaterials = new aiMaterial*[n];
  scene.mRootNode->mNumChildren = n;
  scene.mRootNode->mChildren = new aiNode*[n];
  for (unsigned i = 0; i < n; ++i) {
    const Mesh& src = in.meshes[i];
    auto* m = new aiMesh;
    m->mName = src.name;
    m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    m->mMaterialIndex = i;
    m->mNumVertices = unsigned(src.positions.size());
    m->mVertices = new aiVector3D[m->mNumVertices];
    m->mNormals = new aiVector3D[m->mNumVertices];
    for (unsigned v = 0; v < m->mNumVertices; ++v) {
      m->mVertices[v] = aiVector3D(src.positions[v].x, src.positions[v].y, src.positions[v].z);
      const glm::vec3 nrm = v < src.normals.size() ? src.normals[v] : glm::vec3(0, 1, 0);
      m->mNormals[v] = aiVector3D(nrm.x, nrm.y, nrm.z);
    }
    if (src.uvs.size() == src.positions.size()) {
      m->mNumUVComponents[0] = 2;
      m->mTextureCoords[0] = new aiVector3D[m->mNumVertices];
      for (unsigned v = 0; v < m->mNumVertices; ++v) m->mTextureCoords[0][v] = aiVector3D(src.uvs[v].x, src.uvs[v].y, 0);
    }
    if (src.colors.size() == src.positions.size()) {
      m->mColors[0] = new aiColor4D[m->mNumVertices];
      for (unsigned v = 0; v < m->mNumVertices; ++v)
        m->mColors[0][v] = aiColor4D(src.colors[v].r, src.colors[v].g, src.colors[v].b, src.colors[v].a);
    }
    m->mNumFaces = unsigned(src.triangleCount());
    m->mFaces = new aiFace[m->mNumFaces];
    for (unsigned f = 0; f < m->mNumFaces; ++f) {
      m->mFaces[f].mNumIndices = 3;
      m->mFaces[f].mIndices = new unsigned[3]{src.indices[3 * f], src.indices[3 * f + 1], src.indices[3 * f + 2]};
    }
    scene.mMeshes[i] = m;

    auto* mat = new aiMaterial;
    const aiString matName(src.name);
    mat->AddProperty(&matName, AI_MATKEY_NAME);
    const aiColor4D colour(src.color.r, src.color.g, src.color.b, 1.0f);
    mat->AddProperty(&colour, 1, AI_MATKEY_COLOR_DIFFUSE);
    mat->AddProperty(&colour, 1, AI_MATKEY_BASE_COLOR);
    scene.mMaterials[i] = mat;

    auto* node = new aiNode(src.name);
    node->mParent = scene.mRootNode;
    node->mNumMeshes = 1;
    node->mMeshes = new unsigned[1]{i};
    scene.mRootNode->mChildren[i] = node;
  }
  Assimp::Exporter exporter;
  const aiExportDataBlob* blob = exporter.ExportToBlob(&scene, "glb2", 0);
  if (!blob) throw UserError(std::string("The atlas could not be written as GLB: ") + exporter.GetErrorString() + ".");
  return std::string(static_cast<const char*>(blob->data), blob->size);
}

namespace {
// The files a model may open: its own and those in its own folder (or below), and only regular
// files. A glTF buffer `../../etc/passwd` or an OBJ `mtllib` outside the folder is refused and
// named; a FIFO would block the import for ever.
class ConfinedIOSystem : public Assimp::DefaultIOSystem {
public:
  explicit ConfinedIOSystem(fs::path folder) : folder_(std::move(folder)) {}
  bool Exists(const char* file) const override { return allowed(file) && Assimp::DefaultIOSystem::Exists(file); }
  Assimp::IOStream* Open(const char* file, const char* mode = "rb") override {
    if (!allowed(file)) {
      refused_.push_back(file);
      return nullptr;
    }
    return Assimp::DefaultIOSystem::Open(file, mode);
  }
  const std::vector<std::string>& refused() const { return refused_; }

private:
  bool allowed(const char* file) const {
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(fs::absolute(file, ec), ec);
    if (ec) return false;
    const auto rel = p.lexically_relative(folder_);
    if (rel.empty() || *rel.begin() == "..") return false;
    const auto status = fs::status(p, ec);
    return ec || !fs::exists(status) || fs::is_regular_file(status);  // missing: Assimp says so itself
  }
  fs::path folder_;
  mutable std::vector<std::string> refused_;
};
}  // namespace

Scene loadModel(const fs::path& path) {
  requireReadableFile(path, "The model file");
  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  Assimp::Importer importer;
  configure(importer);
  auto* io = new ConfinedIOSystem(folder);  // owned by the importer
  importer.SetIOHandler(io);
  const std::string what = "The model file '" + path.string() + "'";
  const aiScene* scene = importer.ReadFile(path.string(), kImportFlags);
  if (!io->refused().empty())
    throw UserError(what + " refers to '" + io->refused().front() + "', which is outside its folder or not a regular file; only regular files beside the model are read.");
  return collectScene(scene, importer, what);
}

}  // namespace dorsum::core
