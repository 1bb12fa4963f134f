#pragma once
// Reads any model Assimp understands (glTF/GLB, OBJ, STL, FBX, ...) into a Scene, keeping node
// names as mesh names so later content can address structures by id.
#include "core/mesh.hpp"

#include <filesystem>

namespace dorsum::core {

// Throws UserError with one sentence naming the file and the reason when it cannot be read.
Scene loadModel(const std::filesystem::path& path);

// Reads a model held in memory (e.g. a GLB baked in this process); hint is the format's extension.
Scene loadModelFromMemory(const std::string& bytes, const std::string& hint, const std::string& what);

// Writes the scene as one binary glTF (GLB) through Assimp's exporter: one node per mesh named
// as the mesh, one material per mesh, normals, UVs and vertex colours. Deterministic.
std::string sceneToGlb(const Scene& scene);

// Checks that path names a readable, non-empty regular file; throws UserError otherwise.
void requireReadableFile(const std::filesystem::path& path, const char* what);
// The whole file as text, after requireReadableFile's checks.
std::string readTextFile(const std::filesystem::path& path, const char* what);

}  // namespace dorsum::core
