// The anatomy builder (src/core/anatomy): the body generated from the atlas has every structure,
// its muscles reach their landmarks, every mesh is closed, layers stack outward as the atlas says,
// the skin covers every muscle, the resolution parameter works, the GLB bake round-trips, and the
// big muscles have the shapes a student knows.
// Every test case name starts with "anatomy:" so that `ctest -R anatomy` runs them all.
#include "core/anatomy/atlas_model.hpp"
#include "core/anatomy/body_frame.hpp"
#include "core/anatomy/muscle_builder.hpp"
#include "core/atlas/atlas_loader.hpp"
#include "core/geometry/bvh.hpp"
#include "core/mesh_checks.hpp"
#include "core/model_io.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace dorsum::core;

namespace {

const Atlas& atlas() {
  static const Atlas a = [] {
    AtlasLoad load = loadEmbeddedAtlas();
    REQUIRE(load.ok());
    return std::move(load.atlas);
  }();
  return a;
}

// The body at the default resolution, built once per test binary (a build takes about a second).
const AtlasModel& model() {
  static const AtlasModel m = buildAtlasModel(atlas(), 1.0f);
  return m;
}

const BodyFrame& frame() {
  static const BodyFrame f(atlas());
  return f;
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

// Closest point on triangle abc to p (Ericson, Real-Time Collision Detection, 5.1.5).
glm::vec3 closestOnTriangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  const glm::vec3 bp = p - b;
  const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  const float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
  const glm::vec3 cp = p - c;
  const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  const float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
  const float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  const float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}

float nearestVertexDistance(const Mesh& m, const glm::vec3& p) {
  float best = 1e30f;
  for (const auto& q : m.positions) best = std::min(best, glm::length(q - p));
  return best;
}

Bounds boundsOf(const std::vector<std::string>& names) {
  Bounds b;
  for (const auto& n : names) b.add(meshNamed(n).bounds());
  return b;
}

// The generated muscle sheets (core/anatomy/sheet.cpp) hold the inner surface's nu*nv vertices
// first and the outer surface's nu*nv after them, with the same UVs. This checks that layout
// before a test relies on it, so a change of layout fails loudly instead of testing the wrong
// surface.
void requireSheetLayout(const Mesh& m) {
  INFO(m.name);
  REQUIRE(m.positions.size() % 2 == 0);
  REQUIRE(m.uvs.size() == m.positions.size());
  const std::size_t half = m.positions.size() / 2;
  double outwardness = 0.0;
  for (std::size_t i = 0; i < half; ++i) {
    REQUIRE(m.uvs[i] == m.uvs[half + i]);
    outwardness += glm::dot(m.positions[half + i] - m.positions[i], frame().outward(m.positions[i]));
  }
  // As a whole, the second half lies outward of the first.
  REQUIRE(outwardness > 0.0);
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
        const Structure s = describeNode(atlas(), node);
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
      for (Side side : {Side::Left, Side::Right}) {
        const std::string node = bone.id + sideSuffix(side);
        INFO(node);
        ++expected;
        CHECK(mdl.scene.find(node) != nullptr);
        CHECK(mdl.scene.find(bone.id) == nullptr);
        const Structure s = describeNode(atlas(), node);
        CHECK(s.kind == StructureKind::Bone);
        CHECK(s.id == bone.id);
        REQUIRE(s.side.has_value());
        CHECK(*s.side == side);
      }
    } else {
      ++expected;
      CHECK(mdl.scene.find(bone.id) != nullptr);
      const Structure s = describeNode(atlas(), bone.id);
      CHECK(s.kind == StructureKind::Bone);
      CHECK(s.id == bone.id);
      CHECK_FALSE(s.side.has_value());
    }
  }
  CHECK(mdl.scene.find("skin") != nullptr);
  CHECK(std::count_if(mdl.structures.begin(), mdl.structures.end(),
                      [](const Structure& s) { return s.kind == StructureKind::Skin; }) == 1);
  CHECK(describeNode(atlas(), "skin").kind == StructureKind::Skin);
  // Nothing else: exactly the atlas's structures.
  CHECK(mdl.scene.meshes.size() == expected);

  // The structures the builder attached agree with describeNode, field by field.
  for (const Structure& s : mdl.structures) {
    INFO(s.node);
    const Structure d = describeNode(atlas(), s.node);
    CHECK(d.kind == s.kind);
    CHECK(d.id == s.id);
    CHECK(d.muscleId == s.muscleId);
    CHECK(d.layer == s.layer);
    CHECK(d.side == s.side);
  }
  // A name that is none of the atlas's structures.
  const Structure other = describeNode(atlas(), "teapot_l");
  CHECK(other.kind == StructureKind::Other);
  CHECK_FALSE(other.side.has_value());
  // describeScene attaches the same descriptions.
  const AtlasModel described = describeScene(atlas(), mdl.scene);
  REQUIRE(described.structures.size() == mdl.structures.size());
  for (std::size_t i = 0; i < described.structures.size(); ++i) {
    INFO(mdl.structures[i].node);
    CHECK(described.structures[i].kind == mdl.structures[i].kind);
    CHECK(described.structures[i].id == mdl.structures[i].id);
    CHECK(described.structures[i].layer == mdl.structures[i].layer);
    CHECK(described.structures[i].side == mdl.structures[i].side);
  }
}

TEST_CASE("anatomy: every muscle's ends lie on their landmarks", "[anatomy]") {
  // The fibres run from the origin line to the insertion line, and the attachment zones are
  // blended back onto those lines, so every landmark of an attachment has a mesh vertex close by.
  // A single-point attachment is widened by 7 mm either side across the fibres (muscle_builder),
  // so its landmark sits at the middle of a short line: allow a little more there.
  const float tolerance = 0.008f, pointTolerance = 0.009f;
  float worstExcess = -1e30f;
  std::string worst;
  std::vector<std::string> failures;
  for (const Muscle& muscle : atlas().muscles)
    for (const MusclePart& part : muscle.parts)
      for (Side side : {Side::Left, Side::Right}) {
        const Mesh& m = meshNamed(part.id + sideSuffix(side));
        for (const auto* end : {&part.origin, &part.insertion}) {
          const float allowed = end->landmarks.size() == 1 ? pointTolerance : tolerance;
          for (const auto& id : end->landmarks) {
            const Landmark* l = atlas().landmark(id);
            REQUIRE(l != nullptr);
            const float d = nearestVertexDistance(m, l->on(side));
            const std::string what = m.name + " " + (end == &part.origin ? "origin " : "insertion ") + id + ": " +
                                     mm(d) + " (allowed " + mm(allowed) + ")";
            if (d - allowed > worstExcess) {
              worstExcess = d - allowed;
              worst = what;
            }
            if (d > allowed) failures.push_back(what);
          }
        }
      }
  INFO("worst: " << worst);
  std::string all;
  for (const auto& f : failures) all += "  " + f + "\n";
  INFO(failures.size() << " landmarks too far from their muscle:\n" << all);
  CHECK(failures.empty());
}

TEST_CASE("anatomy: every muscle, bone and the skin is closed and faces outward", "[anatomy]") {
  for (std::size_t i = 0; i < model().scene.meshes.size(); ++i) {
    const Mesh& m = model().scene.meshes[i];
    const TopologyReport t = checkTopology(m);
    INFO(m.name << ": " << t.describe());
    CHECK(t.closedAndOriented());
    CHECK(signedVolume(m) > 0.0f);
  }
}

TEST_CASE("anatomy: nothing of a deeper layer lies outside a muscle", "[anatomy]") {
  const float ramp = MuscleBuildOptions{}.attachmentRamp;
  const AtlasModel& mdl = model();
  float worstFraction = 0.0f;
  std::string worstName;
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    const Structure& s = mdl.structures[i];
    if (s.kind != StructureKind::Muscle || s.side != Side::Left) continue;
    Scene deeper;
    for (std::size_t j = 0; j < mdl.scene.meshes.size(); ++j) {
      const Structure& d = mdl.structures[j];
      if (d.kind == StructureKind::Muscle && d.side == Side::Left && d.layer > s.layer)
        deeper.meshes.push_back(mdl.scene.meshes[j]);
    }
    if (deeper.meshes.empty()) continue;
    const Bvh bvh(deeper);
    const Mesh& m = mdl.scene.meshes[i];
    requireSheetLayout(m);
    const std::size_t half = m.positions.size() / 2;
    std::size_t tested = 0, hits = 0;
    float closest = 1e30f;
    std::string first;
    for (std::size_t v = half; v < m.positions.size(); ++v) {
      if (attachmentBlend(m.uvs[v].x, ramp) < 1.0f) continue;
      ++tested;
      const glm::vec3 p = m.positions[v];
      const glm::vec3 n = frame().outward(p);
      const auto hit = bvh.nearest({p + n * 0.0005f, n}, 0.0f, 0.05f);
      if (hit) {
        ++hits;
        if (hit->t < closest) {
          closest = hit->t;
          first = deeper.meshes[hit->mesh].name;
        }
      }
    }
    const float fraction = tested ? float(hits) / float(tested) : 0.0f;
    WARN(m.name << " layer " << s.layer << ": " << hits << "/" << tested << " hit, first " << first << " at " << mm(closest));
    if (fraction > worstFraction) {
      worstFraction = fraction;
      worstName = m.name;
    }
    INFO(m.name << " (layer " << s.layer << "): " << hits << " of " << tested << " outer vertices have a deeper muscle ("
                << first << ") outside them, the nearest " << mm(closest) << " out");
    CHECK(tested > 0);
    CHECK(hits == 0);
  }
  WARN("worst " << worstName << " " << worstFraction);
}

TEST_CASE("anatomy: no muscle pierces the skin", "[anatomy]") {
  Scene skinOnly;
  skinOnly.meshes.push_back(meshNamed("skin"));
  const Bvh bvh(skinOnly);
  const AtlasModel& mdl = model();
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    if (mdl.structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& m = mdl.scene.meshes[i];
    std::size_t outside = 0;
    float worstY = 0;
    glm::vec3 example(0.0f);
    for (const auto& p : m.positions) {
      int crossings = 0;
      bvh.forEachHit({p, frame().outward(p)}, 0.0f, 1e30f, [&](const RayHit&) { ++crossings; });
      if (crossings == 0) {
        if (outside == 0) example = p;
        ++outside;
      }
    }
    (void)worstY;
    const float fraction = float(outside) / float(m.positions.size());
    if (outside) WARN(m.name << " outside " << outside << "/" << m.positions.size());
    INFO(m.name << ": " << outside << " of " << m.positions.size() << " vertices (" << fraction * 100.0f
                << " %) outside the skin, e.g. (" << example.x << ", " << example.y << ", " << example.z << ")");
    CHECK(outside == 0);
  }
}

TEST_CASE("anatomy: the resolution parameter makes the body coarser or finer", "[anatomy]") {
  const std::size_t coarse = buildAtlasModel(atlas(), 0.5f).scene.triangleCount();
  const std::size_t normal = model().scene.triangleCount();
  const std::size_t fine = buildAtlasModel(atlas(), 2.0f).scene.triangleCount();
  INFO("triangles at 0.5, 1, 2: " << coarse << ", " << normal << ", " << fine);
  WARN("triangles at 0.5, 1, 2: " << coarse << ", " << normal << ", " << fine);
  CHECK(coarse < normal);
  CHECK(normal < fine);
}

TEST_CASE("anatomy: the baked GLB is deterministic and round-trips every structure", "[anatomy]") {
  const Scene& scene = model().scene;
  const std::string glb = sceneToGlb(scene);
  REQUIRE(!glb.empty());
  CHECK(glb == sceneToGlb(scene));

  const Scene loaded = loadModelFromMemory(glb, "glb", "the baked atlas");
  CHECK(loaded.meshes.size() == scene.meshes.size());
  for (const Muscle& muscle : atlas().muscles)
    for (const MusclePart& part : muscle.parts)
      for (Side side : {Side::Left, Side::Right}) {
        INFO(part.id << sideSuffix(side));
        CHECK(loaded.find(part.id + sideSuffix(side)) != nullptr);
      }
  for (const Bone& bone : atlas().bones) {
    if (bone.bilateral) {
      for (Side side : {Side::Left, Side::Right}) {
        INFO(bone.id << sideSuffix(side));
        CHECK(loaded.find(bone.id + sideSuffix(side)) != nullptr);
      }
    } else {
      INFO(bone.id);
      CHECK(loaded.find(bone.id) != nullptr);
    }
  }
  CHECK(loaded.find("skin") != nullptr);
  // Every id the atlas can address that names a mesh of its own (muscles with several parts are
  // addressed through their parts) is there too.
  for (const auto& id : atlas().structureIds()) {
    const Muscle* muscle = atlas().muscle(id);
    if (muscle && !(muscle->parts.size() == 1 && muscle->parts[0].id == id)) continue;
    const Bone* bone = atlas().bone(id);
    const bool sided = (muscle != nullptr) || (bone && bone->bilateral);
    INFO(id);
    if (sided) {
      CHECK(loaded.find(id + "_l") != nullptr);
      CHECK(loaded.find(id + "_r") != nullptr);
    } else {
      CHECK(loaded.find(id) != nullptr);
    }
  }
  // The descriptions come back from the names alone.
  const AtlasModel described = describeScene(atlas(), loaded);
  CHECK(std::count_if(described.structures.begin(), described.structures.end(),
                      [](const Structure& s) { return s.kind == StructureKind::Other; }) == 0);

  // Muscles keep what the viewer needs for striations: UVs, vertex colours and fibre directions
  // (recovered on import from the UV tangents) that agree with the builder's.
  float worstAgreement = 1.0f;
  std::string worstName;
  for (std::size_t i = 0; i < scene.meshes.size(); ++i) {
    if (model().structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& original = scene.meshes[i];
    const Mesh* imported = loaded.find(original.name);
    INFO(original.name);
    REQUIRE(imported != nullptr);
    CHECK(imported->uvs.size() == imported->positions.size());
    CHECK(imported->colors.size() == imported->positions.size());
    REQUIRE(imported->fibres.size() == imported->positions.size());
    REQUIRE(original.fibres.size() == original.positions.size());
    std::size_t zero = 0;
    double agreement = 0.0;
    const bool sameOrder = imported->positions.size() == original.positions.size();
    for (std::size_t v = 0; v < imported->positions.size(); ++v) {
      const glm::vec3 f = imported->fibres[v];
      if (glm::length(f) < 0.5f) {
        ++zero;
        continue;
      }
      std::size_t match = v;
      if (!sameOrder || glm::length(original.positions[v] - imported->positions[v]) > 1e-5f) {
        float best = 1e30f;
        for (std::size_t w = 0; w < original.positions.size(); ++w) {
          const float d = glm::length(original.positions[w] - imported->positions[v]);
          if (d < best) {
            best = d;
            match = w;
          }
        }
      }
      agreement += std::abs(glm::dot(glm::normalize(f), original.fibres[match]));
    }
    const std::size_t counted = imported->positions.size() - zero;
    const float mean = counted ? float(agreement / double(counted)) : 0.0f;
    if (mean < worstAgreement) {
      worstAgreement = mean;
      worstName = original.name;
    }
    INFO(zero << " of " << imported->positions.size() << " imported fibre directions are zero; mean |dot| with the "
              << "builder's fibres " << mean);
    CHECK(zero == 0);
    CHECK(mean > 0.9f);
  }
  WARN("worst fibre agreement " << worstName << " " << worstAgreement);
}

TEST_CASE("anatomy: the big back muscles have the shapes a student knows", "[anatomy]") {
  SECTION("trapezius: occiput to T12, out to the acromion") {
    const Bounds b = boundsOf({"trapezius_descending_l", "trapezius_transverse_l", "trapezius_ascending_l"});
    INFO("trapezius_l y " << b.min.y << " .. " << b.max.y << ", x up to " << b.max.x);
    CHECK(b.max.y > 1.60f);
    CHECK(b.min.y < 1.24f);
    CHECK(b.max.x > 0.15f);
    CHECK(b.min.x > -0.01f);  // a left muscle stays on the left of the midline
  }
  SECTION("latissimus dorsi: below the iliac crest up into the armpit, out to the humerus") {
    std::vector<std::string> parts;
    for (const auto& p : atlas().muscle("latissimus_dorsi")->parts) parts.push_back(p.id + "_l");
    const Bounds b = boundsOf(parts);
    INFO("latissimus_dorsi_l y " << b.min.y << " .. " << b.max.y << ", x up to " << b.max.x);
    CHECK(b.min.y < 1.06f);
    CHECK(b.max.y > 1.33f);
    CHECK(b.max.x > 0.17f);
  }
  SECTION("levator scapulae: in the neck, between the upper cervical spine and the scapula") {
    const Bounds b = meshNamed("levator_scapulae_l").bounds();
    INFO("levator_scapulae_l y " << b.min.y << " .. " << b.max.y);
    CHECK(b.min.y > 1.43f);
    CHECK(b.max.y < 1.60f);
  }
  SECTION("erector spinae: long columns on their own side") {
    for (const char* id : {"iliocostalis_lumborum", "longissimus_thoracis", "spinalis_thoracis"}) {
      for (Side side : {Side::Left, Side::Right}) {
        const Bounds b = meshNamed(std::string(id) + sideSuffix(side)).bounds();
        INFO(id << sideSuffix(side) << " y " << b.min.y << " .. " << b.max.y << ", x " << b.min.x << " .. " << b.max.x);
        CHECK(b.max.y - b.min.y > 0.20f);
        if (side == Side::Left) CHECK(b.min.x > 0.0f);
        else CHECK(b.max.x < 0.0f);
      }
    }
  }
}

// SCRATCH-BEGIN
#include <cstdio>
#include "core/primitives.hpp"
TEST_CASE("scratch2", "[.scratch2]") {
  for (auto [c, r, a, b] : {std::tuple{glm::vec3(0.18f, 1.405f, -0.01f), glm::vec3(0.024f, 0.025f, 0.024f), 10, 14},
                            std::tuple{glm::vec3(0.16f, 1.405f, -0.02f), glm::vec3(0.006f, 0.017f, 0.012f), 8, 12},
                            std::tuple{glm::vec3(0.0f, 1.608f, 0.055f), glm::vec3(0.056f, 0.04f, 0.058f), 16, 24},
                            std::tuple{glm::vec3(0.228f, 0.765f, 0.004f), glm::vec3(0.045f, 0.09f, 0.018f), 16, 24},
                            std::tuple{glm::vec3(1, 2, 3), glm::vec3(0.1f, 0.2f, 0.3f), 48, 64}}) {
    const Mesh m = makeEllipsoid("e", c, r, a, b);
    std::printf("ellipsoid at (%g %g %g): %s\n", c.x, c.y, c.z, checkTopology(m).describe().c_str());
  }
}
TEST_CASE("scratch3", "[.scratch3]") {
  const AtlasModel& mdl = model();
  const float ramp = MuscleBuildOptions{}.attachmentRamp;
  for (std::size_t i = 0; i < mdl.scene.meshes.size(); ++i) {
    const Structure& s = mdl.structures[i];
    if (s.kind != StructureKind::Muscle || s.side != Side::Left) continue;
    Scene deeper;
    for (std::size_t j = 0; j < mdl.scene.meshes.size(); ++j) {
      const Structure& d = mdl.structures[j];
      if (d.kind == StructureKind::Muscle && d.side == Side::Left && d.layer > s.layer) deeper.meshes.push_back(mdl.scene.meshes[j]);
    }
    if (deeper.meshes.empty()) continue;
    const Bvh bvh(deeper);
    const Mesh& m = mdl.scene.meshes[i];
    const std::size_t half = m.positions.size() / 2;
    int in = 0, tested = 0, inFromInner = 0;
    for (std::size_t v = half; v < m.positions.size(); ++v) {
      if (attachmentBlend(m.uvs[v].x, ramp) < 1.0f) continue;
      ++tested;
      const glm::vec3 p = m.positions[v];
      const glm::vec3 n = frame().outward(p);
      if (bvh.nearest({p - n * 0.0005f, -n}, 0.0f, 0.05f)) ++in;
      const glm::vec3 q = m.positions[v - half];
      const glm::vec3 nq = frame().outward(q);
      if (bvh.nearest({q + nq * 0.0005f, nq}, 0.0f, 0.05f)) ++inFromInner;
    }
    std::printf("%s inward hits %d/%d ; outward-from-inner hits %d\n", m.name.c_str(), in, tested, inFromInner);
  }
  // skin: parity in 6 directions
  Scene skinOnly;
  skinOnly.meshes.push_back(meshNamed("skin"));
  const Bvh sb(skinOnly);
  for (const char* name : {"trapezius_descending_l", "splenius_capitis_l"}) {
    const Mesh& m = meshNamed(name);
    int out = 0, outAll = 0;
    float maxY = -1, minY = 9, maxD = 0;
    for (std::size_t v = 0; v < m.positions.size(); ++v) {
      const glm::vec3 p = m.positions[v];
      int c = 0;
      sb.forEachHit({p, frame().outward(p)}, 0.0f, 1e30f, [&](const RayHit&) { ++c; });
      if (c) continue;
      ++out;
      int dirsHit = 0;
      for (glm::vec3 d : {glm::vec3(1, 0, 0), glm::vec3(-1, 0, 0), glm::vec3(0, 1, 0), glm::vec3(0, -1, 0), glm::vec3(0, 0, 1), glm::vec3(0, 0, -1)}) {
        int k = 0;
        sb.forEachHit({p, d}, 0.0f, 1e30f, [&](const RayHit&) { ++k; });
        if (k) ++dirsHit;
      }
      if (dirsHit < 6) ++outAll;
      maxY = std::max(maxY, p.y); minY = std::min(minY, p.y);
      // distance to skin along -outward (how deep the skin lies below)
      auto h = sb.nearest({p, -frame().outward(p)}, 0.0f, 1.0f);
      if (h) maxD = std::max(maxD, h->t);
      if (out <= 3) std::printf("  %s v%zu uv(%.2f %.2f) p(%.4f %.4f %.4f) out(%.2f %.2f %.2f) back-to-skin %.2f mm\n", name, v, m.uvs[v].x, m.uvs[v].y, p.x, p.y, p.z, frame().outward(p).x, frame().outward(p).y, frame().outward(p).z, h ? h->t * 1000 : -1.f);
    }
    std::printf("%s: %d outside along outward; %d of them with some axis direction missing skin; y %.3f..%.3f; max depth beyond skin %.2f mm\n", name, out, outAll, minY, maxY, maxD * 1000);
  }
}
TEST_CASE("scratch4", "[.scratch4]") {
  const Scene& scene = model().scene;
  const Scene loaded = loadModelFromMemory(sceneToGlb(scene), "glb", "x");
  int nu = 30, nv = 14;
  for (std::size_t i = 0; i < scene.meshes.size(); ++i) {
    if (model().structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& o = scene.meshes[i];
    const Mesh* im = loaded.find(o.name);
    bool same = im->positions.size() == o.positions.size();
    std::size_t moved = 0;
    if (same) for (std::size_t v = 0; v < o.positions.size(); ++v) if (glm::length(o.positions[v] - im->positions[v]) > 1e-6f) ++moved;
    double sIn = 0, sB = 0, sInMid = 0; int nIn = 0, nB = 0, nInMid = 0, bad = 0; float minIn = 1;
    for (std::size_t v = 0; v < o.positions.size(); ++v) {
      const int k = int(v % std::size_t(nu * nv)), ii = k / nv, jj = k % nv;
      const float d = std::abs(glm::dot(im->fibres[v], o.fibres[v]));
      if (d < 0.5f) ++bad;
      const bool boundary = ii == 0 || ii == nu - 1 || jj == 0 || jj == nv - 1;
      if (boundary) { sB += d; ++nB; } else { sIn += d; ++nIn; minIn = std::min(minIn, d); if (jj == nv / 2) { sInMid += d; ++nInMid; } }
    }
    std::printf("%-32s same=%d moved=%zu interior %.3f (min %.3f, middle fibre %.3f) boundary %.3f ; |dot|<0.5: %d/%zu\n", o.name.c_str(), same, moved, sIn / nIn, minIn, sInMid / nInMid, sB / nB, bad, o.positions.size());
  }
}
TEST_CASE("scratch5", "[.scratch5]") {
  const Scene& scene = model().scene;
  for (std::size_t i = 0; i < scene.meshes.size(); i += 2) {
    if (model().structures[i].kind != StructureKind::Muscle) continue;
    const Mesh& o = scene.meshes[i];
    std::vector<glm::vec3> acc(o.positions.size(), glm::vec3(0));
    std::vector<glm::vec3> accAll(o.positions.size(), glm::vec3(0));
    for (std::size_t t = 0; t + 2 < o.indices.size(); t += 3) {
      const auto a = o.indices[t], b = o.indices[t + 1], c = o.indices[t + 2];
      const glm::vec3 e1 = o.positions[b] - o.positions[a], e2 = o.positions[c] - o.positions[a];
      const glm::vec2 d1 = o.uvs[b] - o.uvs[a], d2 = o.uvs[c] - o.uvs[a];
      const float det = d1.x * d2.y - d2.x * d1.y;
      if (std::abs(det) < 1e-12f) continue;
      glm::vec3 tan = (e1 * d2.y - e2 * d1.y) / det;
      const bool wall = (a < o.positions.size() / 2) != (b < o.positions.size() / 2) || (a < o.positions.size() / 2) != (c < o.positions.size() / 2);
      for (auto v : {a, b, c}) { accAll[v] += tan; if (!wall) acc[v] += tan; }
    }
    double sum = 0; int n = 0;
    for (std::size_t v = 0; v < o.positions.size(); ++v) {
      if (glm::length(acc[v]) == 0) continue;
      sum += std::abs(glm::dot(glm::normalize(acc[v]), o.fibres[v])); ++n;
    }
    std::printf("%-32s ideal UV tangent (surfaces only) mean |dot| %.3f\n", o.name.c_str(), sum / n);
  }
}
TEST_CASE("scratch", "[.scratch]") {
  const AtlasModel& mdl = model();
  // topology locations
  for (const char* name : {"scapula_l", "humerus_l", "ilium_l", "skin", "spinalis_thoracis_l"}) {
    const Mesh& m = meshNamed(name);
    std::map<std::tuple<float, float, float>, std::uint32_t> ids;
    std::vector<std::uint32_t> weld(m.positions.size());
    std::vector<glm::vec3> wp;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
      const auto& p = m.positions[i];
      auto r = ids.emplace(std::make_tuple(p.x, p.y, p.z), std::uint32_t(ids.size()));
      if (r.second) wp.push_back(p);
      weld[i] = r.first->second;
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
      const std::uint32_t v[3] = {weld[m.indices[t]], weld[m.indices[t + 1]], weld[m.indices[t + 2]]};
      if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) continue;
      for (int e = 0; e < 3; ++e) edges[{std::min(v[e], v[(e + 1) % 3]), std::max(v[e], v[(e + 1) % 3])}]++;
    }
    int shown = 0;
    for (auto& [e, c] : edges)
      if (c > 2 && shown++ < 8)
        std::printf("%s nonmanifold edge used %d: (%.4f %.4f %.4f)-(%.4f %.4f %.4f)\n", name, c, wp[e.first].x, wp[e.first].y,
                    wp[e.first].z, wp[e.second].x, wp[e.second].y, wp[e.second].z);
    const Bounds b = m.bounds();
    std::printf("%s vol %.3g bounds (%.4f %.4f %.4f)-(%.4f %.4f %.4f)\n", name, signedVolume(m), b.min.x, b.min.y, b.min.z,
                b.max.x, b.max.y, b.max.z);
  }
  // attachment: distance from landmark to end-zone triangles
  const float ramp = MuscleBuildOptions{}.attachmentRamp;
  float worstV = 0, worstS = 0;
  for (const Muscle& muscle : atlas().muscles)
    for (const MusclePart& part : muscle.parts)
      for (Side side : {Side::Left}) {
        const Mesh& m = meshNamed(part.id + sideSuffix(side));
        for (int e = 0; e < 2; ++e) {
          const Attachment& at = e == 0 ? part.origin : part.insertion;
          for (const auto& id : at.landmarks) {
            const glm::vec3 p = atlas().landmark(id)->on(side);
            float best = 1e30f;
            for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
              bool inZone = true;
              for (int c = 0; c < 3; ++c) {
                const float u = m.uvs[m.indices[t + c]].x;
                if (e == 0 ? u > ramp : u < 1 - ramp) inZone = false;
              }
              if (!inZone) continue;
              const glm::vec3 q = closestOnTriangle(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                                    m.positions[m.indices[t + 2]]);
              best = std::min(best, glm::length(q - p));
            }
            const float dv = nearestVertexDistance(m, p);
            worstV = std::max(worstV, dv);
            worstS = std::max(worstS, best);
            if (best > 0.002f || dv > 0.007f) std::printf("%s %s %s vertex %.2f mm surface %.2f mm (n=%zu)\n", m.name.c_str(), e ? "ins" : "orig", id.c_str(), dv * 1000, best * 1000, at.landmarks.size());
          }
        }
      }
  std::printf("worst vertex %.2f surface %.2f\n", worstV * 1000, worstS * 1000);
}
// SCRATCH-END
