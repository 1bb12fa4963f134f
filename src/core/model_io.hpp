#pragma once
// Reads any model Assimp understands (glTF/GLB, OBJ, STL, FBX, ...) into a Scene, keeping node
// names as mesh names so later content can address structures by id.
#include "core/mesh.hpp"
#include "core/structure.hpp"

#include <string>
#include <vector>

#include <filesystem>

namespace dorsum::core {

// Throws UserError with one sentence naming the file and the reason when it cannot be read.
Scene loadModel(const std::filesystem::path& path);

// Reads a model held in memory (e.g. a GLB baked in this process); hint is the format's extension.
// ownBake: the bytes are a GLB sceneToGlb wrote (checked by its stamp), so Assimp's clean-up steps
// are skipped.
Scene loadModelFromMemory(const std::string& bytes, const std::string& hint, const std::string& what, bool ownBake = false);

// Writes the scene as one binary glTF (GLB) through Assimp's exporter: one node per mesh named
// as the mesh, one material per mesh, normals, UVs and vertex colours. Deterministic.
// With `structures` (parallel to scene.meshes), every node carries what it is in its glTF
// "extras" ({"dorsum": {kind, id, muscle, layer, side}}): the structure table a viewer reads back
// with glbStructureTable instead of guessing from node names.
// With a `stamp` (what the body was baked from: bakeStamp of its atlas), the GLB also records it
// and a hash of its geometry, so that a loader can tell a truncated or foreign file from its own.
std::string sceneToGlb(const Scene& scene, const std::vector<Structure>* structures = nullptr, const std::string& stamp = "");
// What a body baked from this atlas by this build is stamped with: a hash of the atlas's content
// and of the builder's version.
std::string bakeStamp(const std::string& atlasJson);
// Whether a GLB is complete and was baked from the atlas with this stamp (its geometry hash and
// stamp match); false for any other bytes, never throws.
bool glbMatchesStamp(const std::string& glb, const std::string& stamp);
// The structure table of a GLB written by sceneToGlb (empty when it has none). Throws UserError
// when the bytes are not a GLB.
std::vector<Structure> glbStructureTable(const std::string& glb, const std::string& what);
// The GLB without a structure table (what Assimp's exporter writes).
std::string sceneToGlbPlain(const Scene& scene);

// Checks that path names a readable, non-empty regular file; throws UserError otherwise.
void requireReadableFile(const std::filesystem::path& path, const char* what);
// The whole file as text, after requireReadableFile's checks.
std::string readTextFile(const std::filesystem::path& path, const char* what);

}  // namespace dorsum::core
