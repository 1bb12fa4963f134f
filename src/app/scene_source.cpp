#include "app/scene_source.hpp"

#include "core/anatomy/atlas_model.hpp"
#include "core/display_state.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/error.hpp"
#include "core/model_io.hpp"

#include <algorithm>
#include <set>
#include <unistd.h>

namespace dorsum::app {

namespace fs = std::filesystem;

fs::path bakedAtlasPath() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path() / "assets" / "atlas.glb";
}

LoadedScene loadScene(const SceneRequest& request) {
  LoadedScene out;
  if (request.model) {
    out.scene = core::loadModel(*request.model);
    out.title = request.model->filename().string();
    for (const auto& m : out.scene.meshes) out.structures.push_back({m.name, m.name, "", core::StructureKind::Other, 0, {}});
    return out;
  }
  core::Atlas atlas = core::loadAtlasOrThrow(request.atlasDir);
  const fs::path baked = bakedAtlasPath();
  std::error_code ec;
  core::Scene scene;
  if (!request.atlasDir && !baked.empty() && fs::exists(baked, ec)) {
    scene = core::loadModel(baked);
  } else {
    // No baked file (an installed binary, or edited atlas files): bake now, in memory.
    const std::string glb = core::sceneToGlb(core::buildAtlasModel(atlas).scene);
    scene = core::loadModelFromMemory(glb, "glb", "The atlas baked in memory");
  }
  core::AtlasModel model = core::describeScene(atlas, std::move(scene));
  out.scene = std::move(model.scene);
  out.structures = std::move(model.structures);
  out.atlas = std::move(atlas);
  out.title = "the back";
  return out;
}

bool matchesStructure(const core::Structure& s, const std::string& id) { return core::matchesId(s, id); }

namespace {
std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}
}  // namespace

void requireKnownIds(const LoadedScene& loaded, const std::vector<std::string>& ids, const char* option) {
  for (const auto& id : ids) {
    bool found = false;
    for (const auto& s : loaded.structures) found = found || matchesStructure(s, id);
    if (found) continue;
    std::vector<std::pair<std::size_t, std::string>> ranked;
    std::set<std::string> seen;
    for (const auto& s : loaded.structures)
      for (const std::string& candidate : {s.node, s.id, s.muscleId})
        if (!candidate.empty() && seen.insert(candidate).second) {
          // A misspelt beginning ("latisimus") should find the long id it starts ("latissimus_dorsi").
          const std::size_t whole = editDistance(id, candidate);
          const std::size_t start = editDistance(id, candidate.substr(0, std::min(candidate.size(), id.size() + 1))) + 1;
          ranked.push_back({std::min(whole, start), candidate});
        }
    std::sort(ranked.begin(), ranked.end());
    std::string nearest;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) nearest += (i ? ", " : "") + ranked[i].second;
    throw core::usageError(std::string("The id '") + id + "' given to " + option +
                           " names no structure; the nearest are " + nearest + ".");
  }
}

std::vector<bool> visibleMeshes(const LoadedScene& loaded, const Visibility& v) {
  std::vector<bool> visible(loaded.scene.meshes.size(), true);
  for (std::size_t i = 0; i < loaded.structures.size() && i < visible.size(); ++i) {
    const auto& s = loaded.structures[i];
    if (s.kind == core::StructureKind::Skin) visible[i] = v.skin;
    else if (s.kind == core::StructureKind::Bone) visible[i] = v.skeleton;
    else if (s.kind == core::StructureKind::Muscle) visible[i] = s.layer > v.peel;
    for (const auto& id : v.hidden)
      if (matchesStructure(s, id)) visible[i] = false;
  }
  return visible;
}

}  // namespace dorsum::app
