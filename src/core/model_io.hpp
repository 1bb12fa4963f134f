#pragma once
// Reads any model Assimp understands (glTF/GLB, OBJ, STL, FBX, ...) into a Scene, keeping node
// names as mesh names so later content can address structures by id.
#include "core/mesh.hpp"

#include <filesystem>

namespace dorsum::core {

// Throws UserError with one sentence naming the file and the reason when it cannot be read.
Scene loadModel(const std::filesystem::path& path);

// Checks that path names a readable, non-empty regular file; throws UserError otherwise.
void requireReadableFile(const std::filesystem::path& path, const char* what);

}  // namespace dorsum::core
