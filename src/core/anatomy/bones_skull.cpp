// The skull: one implicit solid (vault, occipital squama with its protuberance, mastoids,
// zygomatic arches, face with orbits and nasal aperture) divided into the bones the atlas names
// (occipital behind the lambdoid plane, temporal around the ear, the rest of the cranium), and
// the mandible. Built around the measured external occipital protuberance and mastoid processes.
#include "core/anatomy/bone_shapes.hpp"

#include <algorithm>

namespace dorsum::core {

namespace {
const glm::mat3 kUpright(1.0f);

struct Skull {
  ImplicitShape solid;
  glm::vec3 lambda{0.0f}, asterion{0.0f};  // left asterion
  glm::vec3 ear{0.0f};                     // left porion
  // Occipital region: behind the plane through lambda and both asteria.
  float behindLambdoid(const glm::vec3& p) const {
    const glm::vec3 right(-asterion.x, asterion.y, asterion.z);
    glm::vec3 n = glm::normalize(glm::cross(asterion - lambda, right - lambda));
    if (n.z > 0.0f) n = -n;  // pointing backward
    return -glm::dot(p - lambda, n);  // negative behind the plane
  }
  float aroundEar(const glm::vec3& p) const {
    const glm::vec3 q(std::abs(p.x), p.y, p.z);
    return sdf::ellipsoid(q, ear + glm::vec3(-0.008f, -0.008f, -0.012f), {0.03f, 0.032f, 0.036f});
  }
};

Skull buildSkull(const BoneContext& c) {
  const std::string b = "cranium";
  const glm::vec3 eop = c.at("eop", b), mastoid = c.at("mastoid_process", b);
  const glm::vec3 vertex = c.at("skull_vertex", b), nasion = c.at("skull_nasion", b);
  const glm::vec3 parietal = c.at("skull_parietal", b), porion = c.at("skull_porion", b);
  const glm::vec3 zygion = c.at("skull_zygion", b), orbitale = c.at("skull_orbitale", b);
  const glm::vec3 back = c.has("skull_opisthocranion") ? c.at("skull_opisthocranion", b) : eop + glm::vec3(0, 0.028f, -0.007f);
  Skull sk;
  sk.ear = porion;
  ImplicitShape& s = sk.solid;
  const float k = 0.012f;
  // The vault: from the back of the skull to the brow, as wide as the parietal eminences.
  const float zc = 0.5f * (back.z + nasion.z + 0.004f), halfLength = 0.5f * (nasion.z + 0.004f - back.z);
  const float yc = vertex.y - 0.072f;
  s.ellipsoid({0.0f, yc, zc}, kUpright, {parietal.x, vertex.y - yc, halfLength}, k);
  // Occipital squama down to the protuberance and the nuchal plane.
  s.ellipsoid(eop + glm::vec3(0.0f, 0.012f, 0.030f), kUpright, {0.050f, 0.030f, 0.032f}, k);
  s.sphere(eop + glm::vec3(0.0f, 0.0f, 0.006f), 0.006f, 0.006f);
  // Skull base and the temporal bones with the mastoid processes.
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    s.ellipsoid(S(porion + glm::vec3(-0.010f, -0.002f, -0.010f)), kUpright, {0.016f, 0.022f, 0.030f}, k);
    s.cone(S(mastoid + glm::vec3(0.006f, 0.022f, -0.008f)), S(mastoid + glm::vec3(0, 0.004f, 0)), 0.010f, 0.0055f, 0.006f);
    s.chain({S(porion + glm::vec3(-0.002f, -0.003f, 0.012f)), S(zygion), S(zygion + glm::vec3(-0.014f, 0.003f, 0.030f))},
            {0.0042f, 0.0045f, 0.0075f}, 0.004f);
    s.ellipsoid(S(orbitale + glm::vec3(0.012f, -0.008f, -0.006f)), kUpright, {0.016f, 0.014f, 0.012f}, 0.008f);  // cheek
    s.cutSphere(S(orbitale + glm::vec3(-0.001f, 0.020f, 0.012f)), 0.0175f, 0.004f);  // orbit
  }
  // Face: brow, maxilla with the upper teeth, the nasal aperture.
  s.capsule(nasion + glm::vec3(0.032f, 0.002f, -0.006f), nasion + glm::vec3(-0.032f, 0.002f, -0.006f), 0.008f, 0.008f);
  s.ellipsoid(nasion + glm::vec3(0.0f, -0.052f, -0.018f), kUpright, {0.034f, 0.030f, 0.026f}, 0.012f);
  s.ellipsoid(nasion + glm::vec3(0.0f, -0.076f, -0.014f), kUpright, {0.028f, 0.011f, 0.022f}, 0.008f);
  s.cut([=](const glm::vec3& p) { return sdf::ellipsoid(p, nasion + glm::vec3(0.0f, -0.040f, 0.012f), {0.011f, 0.016f, 0.014f}); },
        [&] {
          Bounds bb;
          bb.add(nasion + glm::vec3(-0.012f, -0.058f, -0.004f));
          bb.add(nasion + glm::vec3(0.012f, -0.022f, 0.028f));
          return bb;
        }(),
        0.003f);
  // Foramen magnum.
  if (c.has("occ_opisthion")) {
    const glm::vec3 o = c.at("occ_opisthion", b);
    s.cutCapsule(o + glm::vec3(0.0f, 0.002f, 0.006f), o + glm::vec3(0.0f, 0.0f, 0.030f), 0.014f, 0.004f);
  }
  sk.lambda = glm::vec3(0.0f, back.y + 0.028f, back.z + 0.012f);
  sk.asterion = glm::vec3(std::abs(mastoid.x) + 0.012f, mastoid.y + 0.036f, mastoid.z - 0.028f);
  return sk;
}

Bounds skullBounds(const Skull& sk) {
  Bounds bb = sk.solid.bounds();
  return bb;
}
}  // namespace

Mesh craniumShape(const BoneContext& c) {
  const Skull sk = buildSkull(c);
  ImplicitShape s;
  s.add([&](const glm::vec3& p) { return std::max({sk.solid(p), -sk.behindLambdoid(p), -sk.aroundEar(p)}); }, skullBounds(sk), 0.0f);
  return c.solid("cranium", s, 0.0026f, 0.1f);
}

Mesh occipitalShape(const BoneContext& c) {
  const Skull sk = buildSkull(c);
  ImplicitShape s;
  s.add([&](const glm::vec3& p) { return std::max({sk.solid(p), sk.behindLambdoid(p), -sk.aroundEar(p)}); }, skullBounds(sk), 0.0f);
  return c.solid("occipital", s, 0.0022f, 0.14f);
}

Mesh temporalShape(const BoneContext& c) {
  const Skull sk = buildSkull(c);
  ImplicitShape s;
  Bounds left;
  left.add(sk.ear + glm::vec3(-0.045f, -0.05f, -0.05f));
  left.add(sk.ear + glm::vec3(0.03f, 0.03f, 0.035f));
  s.add([&](const glm::vec3& p) { return std::max(sk.solid(p), sdf::smax(sk.aroundEar(p), -p.x, 0.0f)); }, left, 0.0f);
  return c.solid("temporal", s, 0.0018f, 0.14f);
}

ImplicitShape skullSolid(const BoneContext& c) { return buildSkull(c).solid; }

Mesh mandibleShape(const BoneContext& c) { return c.solid("mandible", mandibleSolid(c), 0.0018f, 0.12f); }

ImplicitShape mandibleSolid(const BoneContext& c) {
  const std::string b = "mandible";
  const glm::vec3 gonion = c.at("mandible_gonion", b), chin = c.at("mandible_gnathion", b);
  const glm::vec3 condyle = c.at("mandible_condyle", b);
  ImplicitShape s;
  const float k = 0.006f;
  for (float side : {1.0f, -1.0f}) {
    auto S = [&](glm::vec3 p) { return glm::vec3(p.x * side, p.y, p.z); };
    const glm::vec3 body = glm::vec3(gonion.x * 0.82f, chin.y + 0.004f, glm::mix(gonion.z, chin.z, 0.55f));
    const glm::vec3 canine(0.020f, chin.y + 0.006f, chin.z - 0.008f);
    // Body: a tall, thin band from the angle round to the chin; the ramus up to the condyle.
    s.flatCapsule(S(gonion + glm::vec3(0, 0.006f, 0.004f)), S(body), 0.0115f, S(glm::vec3(0.95f, 0.0f, 0.3f)), 0.45f, k);
    s.flatCapsule(S(body), S(canine), 0.0115f, S(glm::vec3(0.8f, 0.0f, 0.6f)), 0.45f, k);
    s.flatCapsule(S(canine), chin + glm::vec3(0.0f, 0.006f, -0.004f), 0.0115f, {0, 0, 1}, 0.5f, k);
    s.flatCapsule(S(gonion + glm::vec3(0, 0.008f, 0.004f)), S(condyle + glm::vec3(0, -0.010f, 0)), 0.011f, {1, 0, 0}, 0.4f, k);
    s.ellipsoid(S(condyle), kUpright, {0.0095f, 0.0055f, 0.0055f}, 0.004f);
    s.cone(S(condyle + glm::vec3(-0.002f, -0.018f, 0.014f)), S(condyle + glm::vec3(-0.002f, -0.004f, 0.024f)), 0.006f, 0.0028f, 0.005f);
  }
  s.sphere(chin + glm::vec3(0.0f, 0.002f, -0.003f), 0.0075f, 0.008f);  // the mental protuberance
  return s;
}

}  // namespace dorsum::core
