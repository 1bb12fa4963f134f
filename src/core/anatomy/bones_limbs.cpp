// The upper limb (humerus, radius, ulna and the bones of the hand, palm forward) and the upper
// femur, from the measured humeral and femoral heads and the limb landmarks derived from them.
#include "core/anatomy/bone_shapes.hpp"

#include <algorithm>

namespace dorsum::core {

namespace {
const glm::mat3 kUpright(1.0f);
}

Mesh humerusShape(const BoneContext& c) {
  const std::string b = "humerus";
  auto L = [&](const char* id) { return c.at(id, b); };
  const glm::vec3 H = L("hum_head"), E = L("hum_elbow");
  const glm::vec3 gtTop = L("hum_gt_superior_facet"), gtMid = L("hum_gt_middle_facet");
  const glm::vec3 epiL = L("hum_epicondyle_lateral"), epiM = L("hum_epicondyle_medial");
  const glm::vec3 axis = glm::normalize(E - H);
  ImplicitShape s;
  const float k = 0.005f;
  s.sphere(H, 0.0215f, k);
  // Greater and lesser tubercles, the groove between them.
  s.ellipsoid(glm::mix(gtTop, gtMid, 0.5f) + glm::vec3(-0.006f, -0.004f, 0.002f), kUpright, {0.0105f, 0.017f, 0.0135f}, k);
  s.ellipsoid(L("hum_ltc_medial_lip_sup") + glm::vec3(0.002f, 0.012f, -0.004f), kUpright, {0.0065f, 0.0095f, 0.0065f}, k);
  // The shaft, round above, triangular and flaring to the epicondyles below.
  const glm::vec3 neck = H + axis * 0.035f + glm::vec3(0.007f, 0.0f, 0.0f);
  const glm::vec3 lower = E - axis * 0.055f;
  s.cone(neck, glm::mix(neck, lower, 0.5f), 0.0135f, 0.0115f, k);
  s.cone(glm::mix(neck, lower, 0.5f), lower, 0.0115f, 0.011f, k);
  s.ellipsoid(L("hum_deltoid_tuberosity") + glm::vec3(-0.004f, 0.0f, 0.0f), kUpright, {0.006f, 0.014f, 0.006f}, k);
  s.flatCapsule(lower, glm::mix(epiL, epiM, 0.5f) + axis * 0.004f, 0.017f, {0, 0, 1}, 0.5f, 0.006f);
  s.capsule(epiL, epiM, 0.0075f, 0.006f);
  s.ellipsoid(E + glm::vec3(0.011f, -0.004f, 0.006f), kUpright, {0.009f, 0.009f, 0.009f}, 0.003f);   // capitulum
  s.ellipsoid(E + glm::vec3(-0.008f, -0.006f, 0.002f), kUpright, {0.012f, 0.011f, 0.011f}, 0.003f);  // trochlea
  s.cutCapsule(L("hum_its_floor_sup") + glm::vec3(0, 0.012f, 0.006f), L("hum_its_floor_inf") + glm::vec3(0, 0, 0.004f), 0.0035f, 0.002f);
  s.cutSphere(E + glm::vec3(-0.002f, 0.02f, -0.015f), 0.0085f, 0.003f);  // olecranon fossa
  return c.solid(b, s, 0.0020f, 0.12f);
}

Mesh radiusShape(const BoneContext& c) {
  const std::string b = "radius";
  const glm::vec3 head = c.at("radius_head", b), styloid = c.at("radius_styloid", b);
  const glm::vec3 distal = styloid + glm::vec3(-0.011f, 0.012f, 0.001f);
  const glm::vec3 axis = glm::normalize(distal - head);
  ImplicitShape s;
  const float k = 0.004f;
  const glm::mat3 f = frameAround(axis);
  s.disc(head, glm::mat3(f[0], f[2], f[1]), {0.0105f, 0.0045f, 0.0105f}, 0.0015f, k);
  const glm::vec3 neck = head + axis * 0.02f;
  s.cone(head + axis * 0.004f, neck, 0.0065f, 0.0065f, k);
  s.ellipsoid(neck + axis * 0.008f + glm::vec3(-0.004f, 0, 0.004f), kUpright, {0.005f, 0.008f, 0.005f}, k);  // radial tuberosity
  const glm::vec3 bow = glm::mix(neck, distal, 0.5f) + glm::vec3(0.005f, 0.0f, 0.0f);  // the lateral bow
  s.chain({neck, bow, distal - axis * 0.012f}, {0.0068f, 0.0072f, 0.0095f}, k);
  s.ellipsoid(distal, frameAround(axis), {0.0155f, 0.009f, 0.0095f}, k);
  s.cone(distal, styloid, 0.007f, 0.0035f, 0.003f);
  return c.solid(b, s, 0.0015f, 0.12f);
}

Mesh ulnaShape(const BoneContext& c) {
  const std::string b = "ulna";
  const glm::vec3 olecranon = c.at("ulna_olecranon", b), styloid = c.at("ulna_styloid", b);
  const glm::vec3 E = c.at("hum_elbow", b);
  const glm::vec3 head = styloid + glm::vec3(0.004f, 0.010f, 0.003f);
  ImplicitShape s;
  const float k = 0.004f;
  const glm::vec3 coronoid = E + glm::vec3(-0.010f, -0.016f, 0.012f);
  s.ellipsoid(olecranon + glm::vec3(0.0f, -0.006f, 0.004f), kUpright, {0.0095f, 0.014f, 0.009f}, k);
  s.chain({olecranon + glm::vec3(0, -0.012f, 0.006f), coronoid, coronoid + glm::vec3(0.002f, -0.03f, -0.004f)},
          {0.009f, 0.0075f, 0.0075f}, k);
  s.chain({coronoid + glm::vec3(0.002f, -0.03f, -0.004f), glm::mix(coronoid, head, 0.55f), head}, {0.0075f, 0.0062f, 0.0062f}, k);
  s.sphere(head, 0.0075f, k);
  s.cone(head, styloid, 0.0045f, 0.0025f, 0.003f);
  s.cutSphere(E + glm::vec3(-0.008f, -0.006f, 0.002f), 0.0125f, 0.002f);  // the trochlear notch around the trochlea
  return c.solid(b, s, 0.0015f, 0.12f);
}

Mesh handShape(const BoneContext& c) {
  const std::string b = "hand";
  const glm::vec3 rs = c.at("radius_styloid", b), us = c.at("ulna_styloid", b);
  const glm::vec3 wrist = glm::mix(rs, us, 0.5f) + glm::vec3(0.0f, -0.010f, 0.004f);
  ImplicitShape s;
  const float k = 0.0022f;
  // The carpus: two rows of small bones, drawn as a cluster.
  const glm::vec3 carpus = wrist + glm::vec3(0.002f, -0.002f, 0.0f);
  s.ellipsoid(carpus, kUpright, {0.021f, 0.012f, 0.0085f}, k);
  for (int i = 0; i < 4; ++i)
    for (int row = 0; row < 2; ++row)
      s.sphere(carpus + glm::vec3(-0.015f + 0.01f * float(i), row ? -0.006f : 0.006f, 0.004f), 0.0055f, k);
  auto digit = [&](const std::string& knuckleId, const std::string& tipId, bool thumb) {
    const glm::vec3 knuckle = c.at(knuckleId, b), tip = c.at(tipId, b);
    const glm::vec3 base = thumb ? carpus + glm::vec3(0.02f, -0.004f, 0.006f)
                                 : glm::vec3(glm::mix(carpus.x, knuckle.x, 0.75f), carpus.y - 0.011f, knuckle.z - 0.002f);
    s.cone(base, knuckle, thumb ? 0.0055f : 0.0045f, 0.0045f, k);  // metacarpal
    s.sphere(knuckle, 0.0055f, k);
    const glm::vec3 d = tip - knuckle;
    const std::vector<float> joints = thumb ? std::vector<float>{0.0f, 0.58f, 0.95f} : std::vector<float>{0.0f, 0.47f, 0.75f, 0.96f};
    const std::vector<float> radii = thumb ? std::vector<float>{0.0048f, 0.0042f, 0.0034f}
                                           : std::vector<float>{0.0044f, 0.0038f, 0.0034f, 0.0030f};
    for (std::size_t j = 0; j + 1 < joints.size(); ++j) {
      const glm::vec3 a = knuckle + d * (joints[j] + 0.04f), e = knuckle + d * (joints[j + 1] - 0.02f);
      s.cone(a, e, radii[j], radii[j + 1] * 0.9f, 0.0012f);
      s.sphere(e, radii[j + 1] * 1.05f, 0.0012f);
    }
  };
  digit("hand_mc1_head", "hand_thumb_tip", true);
  for (int i = 2; i <= 5; ++i)
    digit("hand_mc" + std::to_string(i) + "_head", "hand_finger" + std::to_string(i) + "_tip", false);
  return c.solid(b, s, 0.0010f, 0.08f);
}

Mesh femurShape(const BoneContext& c) {
  const std::string b = "femur";
  const glm::vec3 head = c.at("femur_head_centre", b), gt = c.at("femur_gt_tip", b);
  const glm::vec3 gtLat = c.at("femur_gt_lateral", b), lt = c.at("femur_lesser_trochanter", b);
  const glm::vec3 mid = c.at("femur_shaft_mid", b);
  ImplicitShape s;
  const float k = 0.006f;
  s.sphere(head, 0.023f, 0.004f);
  const glm::vec3 neckBase = glm::mix(gt, lt, 0.45f) + glm::vec3(-0.004f, 0.006f, 0.004f);
  s.flatCapsule(head, neckBase, 0.017f, {0, 0, 1}, 0.8f, k);
  s.ellipsoid(glm::mix(gt, gtLat, 0.5f) + glm::vec3(-0.006f, 0.0f, 0.0f), kUpright, {0.012f, 0.021f, 0.017f}, k);
  s.sphere(lt, 0.0085f, k);
  s.capsule(gt + glm::vec3(-0.004f, -0.004f, -0.008f), lt + glm::vec3(0.002f, 0.0f, -0.004f), 0.005f, 0.004f);  // intertrochanteric crest
  const glm::vec3 top = glm::mix(gtLat, lt, 0.5f) + glm::vec3(0.0f, -0.01f, 0.004f);
  const glm::vec3 bottom = mid + (mid - top) * 0.3f;
  s.chain({top, mid, bottom}, {0.0155f, 0.0135f, 0.013f}, k);
  s.ellipsoid(c.at("femur_gluteal_tuberosity", b) + glm::vec3(-0.006f, 0.0f, 0.004f), kUpright, {0.005f, 0.016f, 0.005f}, k);
  return c.solid(b, s, 0.0022f, 0.12f);
}

Mesh hipBoneShape(const BoneContext& c) {
  const std::string b = "hip_bone";
  auto L = [&](const char* id) { return c.at(id, b); };
  const glm::vec3 psis = L("ilium_psis"), crestPost = L("ilium_crest_post"), crestHigh = L("ilium_crest_high");
  const glm::vec3 crestMid = L("ilium_crest_mid"), tubercle = L("ilium_crest_tubercle"), asis = L("ilium_asis");
  const glm::vec3 acetabulum = c.at("femur_head_centre", b), ischial = L("ischium_tuberosity"), pubic = L("pubis_tubercle");
  const glm::vec3 aiis = asis + glm::vec3(-0.010f, -0.034f, -0.006f);
  const glm::vec3 roof = acetabulum + glm::vec3(0.004f, 0.030f, -0.004f);
  const glm::vec3 piis = psis + glm::vec3(0.002f, -0.028f, 0.008f);
  const glm::vec3 notch = glm::mix(piis, acetabulum, 0.45f) + glm::vec3(-0.008f, -0.006f, -0.004f);
  ImplicitShape s;
  const float k = 0.006f;
  // The wing: a fan of thin strips from its lower border (sciatic notch, acetabular roof, anterior
  // inferior spine) up to the S-shaped crest, so it curves with the crest; the crest rolled on top.
  const std::vector<glm::vec3> crest = {psis, crestPost, crestHigh, crestMid, tubercle, asis};
  const std::vector<glm::vec3> lower = {piis, notch, glm::mix(notch, roof, 0.55f), roof, glm::mix(roof, aiis, 0.5f), aiis};
  s.sheet(lower, crest, 0.0032f, 0.004f);
  s.chain(crest, {0.0062f, 0.0066f, 0.0068f, 0.0066f, 0.0085f, 0.0058f}, 0.004f);
  s.ellipsoid(glm::mix(psis, piis, 0.5f) + glm::vec3(-0.006f, 0.0f, 0.014f), kUpright, {0.009f, 0.022f, 0.018f}, k);  // auricular part
  // The acetabulum: a thick rim round a socket opening out, forward and down.
  const glm::vec3 facing = glm::normalize(glm::vec3(0.75f, -0.35f, 0.55f));
  s.sphere(acetabulum - facing * 0.004f, 0.029f, k);
  // The posterior column down to the ischial tuberosity, the rami round the obturator foramen.
  const glm::vec3 spine = glm::mix(notch, ischial, 0.5f) + glm::vec3(-0.01f, 0.0f, -0.004f);
  s.chain({notch, spine, ischial}, {0.0095f, 0.0085f, 0.011f}, k);
  s.ellipsoid(ischial, kUpright, {0.010f, 0.017f, 0.012f}, k);
  const glm::vec3 symphysis(0.006f, pubic.y - 0.012f, pubic.z + 0.002f);
  s.chain({ischial + glm::vec3(-0.004f, -0.004f, 0.01f), glm::mix(ischial, symphysis, 0.5f) + glm::vec3(0.0f, -0.012f, 0.0f), symphysis},
          {0.0065f, 0.0058f, 0.0075f}, k);
  s.chain({acetabulum + facing * 0.004f + glm::vec3(-0.018f, -0.004f, 0.014f), pubic, symphysis + glm::vec3(0, 0.006f, 0)},
          {0.0085f, 0.0075f, 0.008f}, k);
  s.cutSphere(acetabulum, 0.0238f, 0.002f);
  s.cutSphere(acetabulum + facing * 0.022f, 0.022f, 0.003f);
  return c.solid(b, s, 0.0020f, 0.09f);
}

}  // namespace dorsum::core
