// The anatomy builder (src/core/anatomy): the body generated from the atlas has every structure,
// its muscles reach their landmarks, every mesh is a closed solid, layers stack outward as the
// atlas says, the skin is one closed surface over every muscle, the resolution parameter works,
// the GLB bake is deterministic and round-trips. The shape checks a student would make are in
// test_anatomy_shapes.cpp. Every test case name starts with "anatomy:" (`ctest -R anatomy`).
//
// The tests look at the body as the build baked it (baked_body.hpp); only the bake and resolution
// tests build it again.
#include "baked_body.hpp"
#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/muscle_builder.hpp"
#include "core/anatomy/muscle_support.hpp"
#include "core/geometry/bvh.hpp"
#include "core/mesh_checks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

using namespace dorsum::core;
using dorsum::test::bakedBody;
using dorsum::test::embeddedAtlas;

namespace {

const Atlas& atlas() { return embeddedAtlas(); }
const AtlasModel& model() { return bakedBody(); }
// What the bake's structure table says of a node (kind Other when it has no entry).
Structure structureOf(const AtlasModel& m, const std::string& node) {
  for (const auto& s : m.structures)
    if (s.node == node) return s;
  return Structure{node, node, "", StructureKind::Other, 0, std::nullopt};
}

const OutwardField& outward() {
  static const BodyFrame frame(atlas());
  static const OutwardField field(atlas(), frame);
  return field;
}

const Mesh& meshNamed(const std::string& name) {
  const Mesh* m = model().scene.find(name);
  INFO("mesh " << name);
  REQUIRE(m != nullptr);
  return *m;
}

std::string mm(float metres) {
  std::ostringstream s;
  s.precision(3);
  s << metres * 1000.0f << " mm";
  return s.str();
}

std::string point(const glm::vec3& p) {
  std::ostringstream s;
  s.precision(4);
  s << "(" << p.x << ", " << p.y << ", " << p.z << ")";
  return s.str();
}

std::size_t partCount() {
  std::size_t n = 0;
  for (const auto& m : atlas().muscles) n += m.parts.size();
  return n;
}

void checkClosedSolid(const Mesh& m) {
  const TopologyReport t = checkTopology(m);
  INFO(m.name << ": " << t.describe() << ", volume " << signedVolume(m) * 1e6f << " cm3");
  CHECK(t.closedAndOriented());
  CHECK(signedVolume(m) > 0.0f);
}

const Bvh& skinBvh() {
  static const Bvh bvh = [] {
    Scene skinOnly;
    skinOnly.meshes.push_back(meshNamed("skin"));
    return Bvh(skinOnly);
  }();
  return bvh;
}

// Inside a closed surface a ray crosses it an odd number of times (a direction no mesh edge is
// likely to line up with).
bool insideSkin(const glm::vec3& p) {
  int crossings = 0;
  skinBvh().forEachHit({p, glm::normalize(glm::vec3(0.31f, 0.53f, -0.79f))}, 0.0f, 1e30f, [&](const RayHit&) { ++crossings; });
  return crossings % 2 == 1;
}

}  // namespace

TEST_CASE("anatomy: every muscle part, bone and the skin are in the model, named by atlas id", "[anatomy]") {
  const AtlasModel& mdl = model();
  REQUIRE(mdl.structures.size() == mdl.scene.meshes.size());
  std::set<std::string> names;
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    INFO("mesh " << i << " " << mdl.scene.meshes[i].name);
    CHECK(mdl.structures[i].node == mdl.scene.meshes[i].name);
    CHECK(names.insert(mdl.scene.meshes[i].name).second);  // names are unique
    CHECK(mdl.scene.meshes[i].triangleCount() > 0);
  }
  std::size_t expected = 1;  // the skin
  for (const Muscle& muscle : atlas().muscles)
    for (const MusclePart& part : muscle.parts)
      for (Side side : {Side::Left, Side::Right}) {
        const std::string node = part.id + sideSuffix(side);
        INFO(node);
        ++expected;
        CHECK(mdl.scene.find(node) != nullptr);
        const Structure s = structureOf(mdl, node);
        CHECK(s.kind == StructureKind::Muscle);
        CHECK(s.id == part.id);
        CHECK(s.muscleId == muscle.id);
        CHECK(s.layer == muscle.layer);
        REQUIRE(s.side.has_value());
        CHECK(*s.side == side);
      }
  for (const Bone& bone : atlas().bones) {
    INFO("bone " << bone.id);
    if (bone.bilateral) {
      CHECK(mdl.scene.find(bone.id) == nullptr);  // only the sided names
      for (Side side : {Side::Left, Side::Right}) {
        const std::string node = bone.id + sideSuffix(side);
        ++expected;
        CHECK(mdl.scene.find(node) != nullptr);
        const Structure s = structureOf(mdl, node);
        CHECK(s.kind == StructureKind::Bone);
        CHECK(s.id == bone.id);
        REQUIRE(s.side.has_value());
        CHECK(*s.side == side);
      }
    } else {
      ++expected;
      CHECK(mdl.scene.find(bone.id) != nullptr);
      const Structure s = structureOf(mdl, bone.id);
      CHECK(s.kind == StructureKind::Bone);
      CHECK_FALSE(s.side.has_value());
    }
  }
  const Structure skin = structureOf(mdl, "skin");
  CHECK(skin.kind == StructureKind::Skin);
  CHECK(mdl.scene.meshes.size() == expected);  // exactly the atlas's structures
}

TEST_CASE("anatomy: every muscle's ends lie on their landmarks", "[anatomy]") {
  // A sheet's fibres run from the origin line to the insertion line, so each landmark of an
  // attachment lies on the end zone of its mesh: the triangles whose corners all have UV x (the
  // fraction along the fibres) within the attachment zone of that end. A column (the erector
  // spinae) attaches all along its length, so its landmarks must lie on the mesh anywhere.
  // Measured as the distance from the landmark (mirrored for the right side) to the nearest point
  // of those triangles. A single-point end is widened across the fibres: a millimetre more there.
  const float tolerance = 0.008f, pointTolerance = 0.009f;
  float worstDistance = -1.0f;
  std::string worst;
  std::vector<std::string> failures;
  for (const Muscle& muscle : atlas().muscles)
    for (const MusclePart& part : muscle.parts)
      for (Side side : {Side::Left, Side::Right}) {
        const Mesh& m = meshNamed(part.id + sideSuffix(side));
        REQUIRE(m.uvs.size() == m.positions.size());
        for (const bool origin : {true, false}) {
          const Attachment& end = origin ? part.origin : part.insertion;
          Scene zone;
          zone.meshes.push_back(m);
          Mesh& z = zone.meshes.back();
          z.indices.clear();
          for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            bool inZone = true;
            for (int c = 0; c < 3; ++c) {
              const float u = m.uvs[m.indices[t + c]].x;
              if (!part.shape.column() && (origin ? u > kAttachmentZone : u < 1.0f - kAttachmentZone)) inZone = false;
            }
            if (inZone) z.indices.insert(z.indices.end(), {m.indices[t], m.indices[t + 1], m.indices[t + 2]});
          }
          INFO(m.name << (origin ? " origin" : " insertion"));
          REQUIRE(!z.indices.empty());
          const Bvh bvh(zone);
          const float allowed = end.landmarks.size() == 1 ? pointTolerance : tolerance;
          for (const auto& id : end.landmarks) {
            const Landmark* l = atlas().landmark(id);
            REQUIRE(l != nullptr);
            const auto c = bvh.closest(l->on(side));
            REQUIRE(c);
            const std::string what = m.name + (origin ? " origin " : " insertion ") + id + ": " + mm(c->distance) +
                                     " (allowed " + mm(allowed) + ")";
            if (c->distance > worstDistance) {
              worstDistance = c->distance;
              worst = what;
            }
            if (c->distance > allowed) failures.push_back(what);
          }
        }
      }
  INFO("worst: " << worst);
  std::string all;
  for (const auto& f : failures) all += "  " + f + "\n";
  INFO(failures.size() << " landmarks too far from the end of their muscle:\n" << all);
  CHECK(failures.empty());
}

TEST_CASE("anatomy: every muscle and bone mesh is closed and faces outward", "[anatomy]") {
  std::size_t muscles = 0, bones = 0;
  for (std::size_t i = 0; i < model().scene.meshes.size(); ++i) {
    const Structure& s = model().structures[i];
    if (s.kind == StructureKind::Muscle) ++muscles;
    else if (s.kind == StructureKind::Bone) ++bones;
    else continue;
    checkClosedSolid(model().scene.meshes[i]);
  }
  CHECK(muscles == 2 * partCount());  // every muscle mesh was checked
  INFO(bones << " bone meshes checked");
  CHECK(bones > 60);
}

TEST_CASE("anatomy: the skin is one closed 2-manifold", "[anatomy]") {
  // One piece over head, neck, trunk, arms, hands and thighs: welded, every edge shared by two
  // triangles running opposite ways, every vertex one fan, positive volume.
  const Mesh& skin = meshNamed("skin");
  const TopologyReport t = checkTopology(skin);
  INFO(t.describe());
  CHECK(t.singleClosedManifold());
  CHECK(signedVolume(skin) > 0.0f);
  // It reaches the hands (fingertips) and the head (vertex of the skull).
  const Bounds b = skin.bounds();
  CHECK(b.min.y < atlas().landmark("hand_finger3_tip")->position.y);
  CHECK(b.max.y > atlas().landmark("skull_vertex")->position.y);
}

TEST_CASE("anatomy: the skin has separate fingers", "[anatomy]") {
  // Between the fingertips of neighbouring fingers there is air: a point half way between the
  // tips of the ring and little fingers is outside the skin, the tips themselves inside.
  for (Side side : {Side::Left, Side::Right}) {
    for (const auto& [a, b] : {std::pair{"hand_finger4_tip", "hand_finger5_tip"}, std::pair{"hand_finger3_tip", "hand_finger4_tip"},
                               std::pair{"hand_finger2_tip", "hand_finger3_tip"}}) {
      const glm::vec3 pa = atlas().landmark(a)->on(side), pb = atlas().landmark(b)->on(side);
      INFO(a << " / " << b << (side == Side::Left ? " left" : " right"));
      CHECK(insideSkin(pa + glm::vec3(0.0f, 0.004f, 0.0f)));
      CHECK(insideSkin(pb + glm::vec3(0.0f, 0.004f, 0.0f)));
      CHECK_FALSE(insideSkin(glm::mix(pa, pb, 0.5f) + glm::vec3(0.0f, 0.004f, 0.0f)));
    }
  }
}

TEST_CASE("anatomy: spinalis thoracis lies beside the spinous processes, one on each side", "[anatomy]") {
  for (Side side : {Side::Left, Side::Right}) {
    const Mesh& m = meshNamed(std::string("spinalis_thoracis") + sideSuffix(side));
    const Bounds b = m.bounds();
    INFO(m.name << ": volume " << signedVolume(m) * 1e6f << " cm3, x " << b.min.x << " .. " << b.max.x);
    CHECK(signedVolume(m) > 0.0f);
    if (side == Side::Left) CHECK(b.min.x > 0.0f);
    else CHECK(b.max.x < 0.0f);
  }
}

TEST_CASE("anatomy: nothing of a deeper layer lies outside a muscle along its normals", "[anatomy]") {
  // For each left muscle of layer k, from each vertex of its outer surface away from the
  // attachment zones (where the ends leave the surface beneath for their bones) and from its free
  // side borders (where a ray along a tilted normal leaves the sheet sideways and may meet a deeper
  // muscle lying beside it, not under it), a ray along the surface normal, starting 0.5 mm out,
  // must meet no muscle of a strictly deeper layer within 6 mm: one that does has come through, or
  // lies on it (farther off, a ray leaving a curved sheet at a slant meets muscles beside it).
  const AtlasModel& mdl = model();
  std::size_t inwardHits = 0, testedMuscles = 0;
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    const Structure& s = mdl.structures[i];
    if (s.kind != StructureKind::Muscle || s.side != Side::Left) continue;
    Scene deeper;
    for (std::size_t j = 0; j < mdl.scene.meshes.size(); ++j) {
      const Structure& d = mdl.structures[j];
      if (d.kind == StructureKind::Muscle && d.side == Side::Left && d.layer > s.layer) deeper.meshes.push_back(mdl.scene.meshes[j]);
    }
    if (deeper.meshes.empty()) continue;  // the deepest layer
    ++testedMuscles;
    const Bvh bvh(deeper);
    const Mesh& m = mdl.scene.meshes[i];
    float width = 0.0f;  // UV y runs across the fibres, in centimetres
    for (const auto& uv : m.uvs) width = std::max(width, uv.y);
    std::size_t tested = 0, hits = 0;
    std::string nearestName;
    glm::vec3 example(0.0f);
    for (std::size_t v = 0; v < m.positions.size(); ++v) {
      const glm::vec3 p = m.positions[v], n = m.normals[v];
      if (glm::dot(n, outward().at(p)) < 0.5f) continue;  // the outer surface only
      const float u = m.uvs[v].x, across = m.uvs[v].y / std::max(width, 1e-6f);
      if (u < kAttachmentZone || u > 1.0f - kAttachmentZone || across < 0.1f || across > 0.9f) continue;
      ++tested;
      if (const auto hit = bvh.nearest({p + n * 0.0005f, n}, 0.0f, 0.006f)) {
        // Where two muscles attach side by side on one bone, their ends converge there; a hit on
        // the deeper muscle's own attachment zone is that, not one layer through another.
        const Mesh& d = deeper.meshes[hit->mesh];
        float du = 0.0f;
        for (int c = 0; c < 3; ++c) du += hit->barycentric[c] * d.uvs[d.indices[3 * std::size_t(hit->face) + c]].x;
        if (du < kAttachmentZone || du > 1.0f - kAttachmentZone) continue;
        ++hits;
        nearestName = d.name;
        example = p;
      }
      if (bvh.nearest({p - n * 0.0005f, -n}, 0.0f, 0.05f)) ++inwardHits;
    }
    INFO(m.name << " (layer " << s.layer << "): " << hits << " of " << tested << " outer vertices have a deeper muscle ("
                << nearestName << ") outside them, e.g. at " << point(example));
    CHECK(tested > 0);
    // At most 1 in 16: where a sheet wraps the side of a bulk (latissimus down the flank of the
    // erector spinae, the trapezius's ends converging on the levator's and rhomboids') it touches it
    // within a millimetre or two.
    CHECK(hits <= std::max<std::size_t>(1, tested / 16));
  }
  CHECK(testedMuscles > 15);
  INFO("inward hits: " << inwardHits);
  CHECK(inwardHits > 500);  // the control: looking inward, the deeper layers are there
}

TEST_CASE("anatomy: no muscle pierces the skin", "[anatomy]") {
  const AtlasModel& mdl = model();
  std::size_t checked = 0;
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    if (mdl.structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& m = mdl.scene.meshes[i];
    ++checked;
    std::size_t outside = 0;
    glm::vec3 example(0.0f);
    for (const auto& p : m.positions)
      if (!insideSkin(p)) {
        ++outside;
        example = p;
      }
    INFO(m.name << ": " << outside << " of " << m.positions.size() << " vertices outside the skin, e.g. " << point(example));
    CHECK(outside == 0);
  }
  CHECK(checked == 2 * partCount());
}

TEST_CASE("anatomy: the resolution parameter makes the body coarser or finer", "[anatomy]") {
  const std::size_t coarse = buildAtlasModel(atlas(), 0.5f).scene.triangleCount();
  const std::size_t normal = model().scene.triangleCount();
  INFO("triangles at resolution 0.5 and 1: " << coarse << ", " << normal);
  CHECK(coarse < normal);
}

TEST_CASE("anatomy: the bake is deterministic, matches the build's, and round-trips every structure", "[anatomy]") {
  const AtlasModel built = buildAtlasModel(atlas(), 1.0f);
  const std::string glb = sceneToGlb(built.scene, &built.structures);
  REQUIRE(!glb.empty());
  CHECK(glb == sceneToGlb(built.scene, &built.structures));
  // The structure table travels with the bake and comes back whole.
  const std::vector<Structure> table = glbStructureTable(glb, "the bake");
  REQUIRE(table.size() == built.structures.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    INFO(built.structures[i].node);
    CHECK(table[i].node == built.structures[i].node);
    CHECK(table[i].id == built.structures[i].id);
    CHECK(table[i].muscleId == built.structures[i].muscleId);
    CHECK(table[i].kind == built.structures[i].kind);
    CHECK(table[i].layer == built.structures[i].layer);
    CHECK(table[i].side == built.structures[i].side);
  }
  CHECK(glbStructureTable(sceneToGlbPlain(built.scene), "a plain GLB").empty());
  CHECK_THROWS_WITH(describeScene(atlas(), Scene{}, {}, "A GLB without a table"), Catch::Contains("no table of its structures"));
  const Scene loaded = loadModelFromMemory(glb, "glb", "the baked atlas");
  REQUIRE(loaded.meshes.size() == model().scene.meshes.size());
  for (std::size_t i = 0; i < loaded.meshes.size(); ++i) {
    INFO(loaded.meshes[i].name);
    CHECK(loaded.meshes[i].name == model().scene.meshes[i].name);
    CHECK(loaded.meshes[i].positions.size() == model().scene.meshes[i].positions.size());
  }
  double allAgreement = 0.0;
  std::size_t allCompared = 0;
  // Muscles keep what the viewer needs for striations: UVs, vertex colours and fibre directions
  // recovered on import from the UV tangents, which agree with the builder's fibres (dP/du along
  // each grid column): mean |dot| > 0.9 per mesh, away from the two end rows.
  for (std::size_t i = 0; i < built.scene.meshes.size(); ++i) {
    if (built.structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& original = built.scene.meshes[i];
    const Mesh* imported = loaded.find(original.name);
    INFO(original.name);
    REQUIRE(imported != nullptr);
    REQUIRE(imported->positions.size() == original.positions.size());
    CHECK(imported->uvs.size() == imported->positions.size());
    CHECK(imported->colors.size() == imported->positions.size());
    REQUIRE(imported->fibres.size() == imported->positions.size());
    // Assimp may reorder the vertices: match them by position and, where a border's side wall
    // repeats a position with another normal, by the nearest normal.
    std::multimap<std::tuple<float, float, float>, std::size_t> byPosition;
    for (std::size_t v = 0; v < original.positions.size(); ++v)
      byPosition.emplace(std::make_tuple(original.positions[v].x, original.positions[v].y, original.positions[v].z), v);
    double agreement = 0.0;
    std::size_t compared = 0;
    float width = 0.0f;
    for (const auto& uv : imported->uvs) width = std::max(width, uv.y);
    for (std::size_t v = 0; v < imported->positions.size(); ++v) {
      if (imported->uvs[v].x < 0.1f || imported->uvs[v].x > 0.9f) continue;  // not where the fibres converge on a tendon
      if (imported->uvs[v].y < 1e-4f || imported->uvs[v].y > width - 1e-4f) continue;  // nor the borders' side walls
      const auto [from, to] = byPosition.equal_range(std::make_tuple(imported->positions[v].x, imported->positions[v].y, imported->positions[v].z));
      if (from == to) continue;
      auto it = from;
      for (auto k = from; k != to; ++k)
        if (glm::dot(imported->normals[v], original.normals[k->second]) > glm::dot(imported->normals[v], original.normals[it->second])) it = k;
      ++compared;
      agreement += std::abs(glm::dot(imported->fibres[v], original.fibres[it->second]));
    }
    CHECK(compared > imported->positions.size() / 10);
    CHECK(agreement / double(std::max<std::size_t>(compared, 1)) > 0.7);  // coarse, converging grids (teres major) agree least
    allAgreement += agreement;
    allCompared += compared;
  }
  INFO("over all muscles: " << allAgreement / double(allCompared));
  CHECK(allAgreement / double(allCompared) > 0.9);
}
