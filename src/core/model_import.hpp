#pragma once
// Models the user names are read in a child process (`dorsum-import`, beside the executable):
// Assimp's readers can crash, recurse past the stack, allocate without end or loop on a damaged
// file, and none of that may take the viewer down mid-lecture. The child imports the file with
// loadModel and writes the scene to its standard output in a small binary form (encodeScene);
// the parent reads it back with decodeScene, which trusts nothing: every count is checked
// against the bytes, every face against the vertices. A crash, a hang past the time limit or
// memory past the limit becomes one UserError naming the file and what happened.
#include "core/mesh.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace dorsum::core {

struct ImportLimits {
  double seconds = 120.0;          // wall time the child may take
  std::uint64_t memoryBytes = 0;   // the child's address space; 0: half the machine's memory, 1-16 GiB
  std::filesystem::path importer;  // empty: dorsum-import beside the running executable
};

// The default limits, changed by DORSUM_IMPORT_TIMEOUT_S and DORSUM_IMPORT_MEMORY_MB (a classroom
// machine with little memory, or a test); throws a usage UserError when they are not numbers.
ImportLimits importLimitsFromEnvironment();

// Whether the memory limit applies (not in sanitizer builds: their shadow memory needs terabytes of
// address space).
bool importMemoryLimited();

// Reads the model at path in a child process under the limits; throws UserError naming the file
// and the reason when it cannot be read, crashes the reader, takes too long or too much memory.
Scene importModelIsolated(const std::filesystem::path& path, const ImportLimits& limits);

// The scene as bytes for the pipe between the importer and Dorsum (native byte order).
std::string encodeScene(const Scene& scene);
// The scene back from encodeScene's bytes. Throws UserError (naming `what`) when the bytes are
// cut short, counts exceed what the bytes hold, or arrays disagree in length; faces that index
// missing or non-finite vertices are dropped, names are made valid UTF-8 (checkScene).
Scene decodeScene(std::string_view bytes, const std::string& what);

// What every loaded scene goes through once, whoever read it: faces that index a vertex that does
// not exist or is not finite are dropped (their count returned), unused broken vertices moved
// onto a good one, missing or broken normals recomputed, names made valid UTF-8, meshes left with
// no triangle removed.
std::size_t checkScene(Scene& scene);

// `text` with every byte that is not part of a valid UTF-8 sequence replaced by U+FFFD.
std::string validUtf8(std::string_view text);

}  // namespace dorsum::core
