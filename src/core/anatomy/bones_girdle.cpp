// The shoulder girdle: the scapula (blade with its fossae and thick borders, the spine rising to
// the acromion, the coracoid process, the glenoid cup) and the S-shaped clavicle. Built on the
// measured BodyParts3D scapular landmarks; sizes after von Schroeder 2001 (spine 134 mm, acromion
// 48 x 22 x 9 mm, glenoid 36 x 29 mm).
#include "core/anatomy/bone_shapes.hpp"

namespace dorsum::core {

Mesh scapulaShape(const BoneContext& c) {
  const std::string b = "scapula";
  auto L = [&](const char* id) { return c.at(id, b); };
  const glm::vec3 S = L("scap_superior_angle"), R = L("scap_spine_root"), I = L("scap_inferior_angle");
  const glm::vec3 A = L("scap_acromion_tip"), AA = L("scap_acromial_angle"), G = L("scap_glenoid");
  const glm::vec3 H = L("hum_head");
  const glm::vec3 IG = c.has("scap_infraglenoid") ? L("scap_infraglenoid") : G + glm::vec3(-0.008f, -0.024f, -0.008f);
  const glm::vec3 notch = c.has("scap_notch") ? L("scap_notch") : glm::mix(S, G, 0.6f) + glm::vec3(0, 0.015f, 0);
  const glm::vec3 medialUpper = L("scap_medial_border_supraspinous"), medialMid = L("scap_medial_border_mid");
  const glm::vec3 latUpper = L("scap_lat_border_upper"), latMid = L("scap_lat_border_mid"), latLower = L("scap_lat_border_lower");
  const glm::vec3 tubercle = L("scap_spine_medial_tubercle"), spineMid = L("scap_spine_mid");
  const glm::vec3 spineLat = c.has("scap_spine_lateral") ? L("scap_spine_lateral") : glm::mix(spineMid, AA, 0.7f);
  const glm::vec3 acrMedial = L("scap_acromion_medial_margin");
  const glm::vec3 acrLateral = c.has("scap_acromion_lateral") ? L("scap_acromion_lateral") : glm::mix(AA, A, 0.5f);
  const glm::vec3 neckTop = G + glm::vec3(-0.011f, 0.013f, -0.007f);
  const glm::vec3 coracoidBase = notch + glm::vec3(0.006f, -0.004f, 0.010f);

  ImplicitShape s;
  // The blade: thin in the fossae, its plane fitted through its outline (posterior side out).
  const std::vector<glm::vec3> blade = {S, notch, coracoidBase, neckTop, IG, latUpper, latMid, latLower, I,
                                        medialMid, R, medialUpper};
  Plate bladePlate = Plate::through(blade, {0, 0, -1}, 0.0022f);
  s.plate(bladePlate, 0.0f);
  // Borders: the lateral border thick and rounded, the medial border thinner.
  s.chain({IG, latUpper, latMid, latLower, I}, {0.0050f, 0.0045f, 0.0042f, 0.0040f, 0.0042f}, 0.003f);
  s.chain({I, medialMid, R, medialUpper, S}, {0.0030f, 0.0026f, 0.0030f, 0.0026f, 0.0030f}, 0.003f);
  s.chain({S, notch}, {0.0028f, 0.0022f}, 0.003f);
  // The spine: a web of strips from its base on the blade up to its crest, which stands 2-4 cm
  // behind the blade laterally and thickens into the acromion.
  const std::vector<glm::vec3> crest = {R, tubercle, spineMid, spineLat, AA};
  const std::vector<float> crestRadius = {0.0030f, 0.0038f, 0.0048f, 0.0058f, 0.0060f};
  s.chain(crest, crestRadius, 0.004f);
  const glm::vec3 baseLat = glm::mix(neckTop, notch, 0.3f) - bladePlate.w * 0.002f;
  auto crestAt = [&](float t) {
    const float f = t * float(crest.size() - 1);
    const int i = std::min(int(f), int(crest.size()) - 2);
    return glm::mix(crest[i], crest[i + 1], f - float(i));
  };
  std::vector<glm::vec3> tops, bases;
  for (int i = 0; i <= 8; ++i) {
    const float t = float(i) / 8.0f;
    const glm::vec3 top = crestAt(t);
    const glm::vec3 base = top - bladePlate.w * glm::dot(top - bladePlate.origin, bladePlate.w);
    tops.push_back(top);
    bases.push_back(glm::mix(base, baseLat, glm::smoothstep(0.55f, 0.9f, t)));
  }
  s.sheet(bases, tops, 0.0024f, 0.004f);
  // The acromion: a flat plate (about 48 x 22 x 9 mm) over the shoulder joint, from the acromial
  // angle forward to the tip and in to the joint with the clavicle.
  const glm::vec3 acrAxis = glm::normalize(A - AA);
  glm::vec3 acrWidth = acrMedial - glm::mix(AA, A, 0.5f);
  acrWidth = glm::normalize(acrWidth - acrAxis * glm::dot(acrWidth, acrAxis));
  const glm::vec3 acrNormal = glm::normalize(glm::cross(acrAxis, acrWidth));
  const glm::vec3 acrCentre = glm::mix(AA, A, 0.55f) + acrWidth * 0.006f;
  s.ellipsoid(acrCentre, glm::mat3(acrAxis, acrWidth, acrNormal), {0.0245f, 0.0125f, 0.0045f}, 0.005f);
  s.chain({spineLat, glm::mix(AA, acrMedial, 0.5f), acrMedial}, {0.005f, 0.0048f, 0.0045f}, 0.005f);
  (void)acrLateral;
  // The coracoid process: up from the root beside the notch, then forward and out.
  const glm::vec3 coracoidTip = c.has("scap_coracoid_tip") ? L("scap_coracoid_tip") : G + glm::vec3(-0.018f, -0.008f, 0.04f);
  s.chain({coracoidBase, coracoidBase + glm::vec3(0.004f, 0.010f, 0.018f), coracoidTip}, {0.0062f, 0.0058f, 0.0048f}, 0.004f);
  // The glenoid: an oval rim facing the humeral head, hollowed into a shallow cup; its neck.
  const glm::vec3 facing = glm::normalize(H - G);
  const glm::mat3 f = frameAround(facing);
  s.ellipsoid(G - facing * 0.002f, f, {0.0150f, 0.0185f, 0.0065f}, 0.004f);
  s.chain({glm::mix(neckTop, IG, 0.5f) - facing * 0.006f, G - facing * 0.006f}, {0.009f, 0.010f}, 0.004f);
  s.cutSphere(H, 0.0242f, 0.002f);
  return c.solid(b, s, 0.0014f, 0.09f);
}

Mesh clavicleShape(const BoneContext& c) {
  const std::string b = "clavicle";
  const glm::vec3 med = c.at("clav_sternal_end", b), lat = c.at("clav_lat_end", b);
  const glm::vec3 mid = c.has("clav_mid") ? c.at("clav_mid", b) : glm::mix(med, lat, 0.5f) + glm::vec3(0, 0, 0.015f);
  // The attachment landmarks are on the posterior border; the shaft's axis is a little in front.
  const glm::vec3 third = c.at("clav_lat_third_medial", b) + glm::vec3(0.0f, -0.003f, 0.006f);
  const glm::vec3 thirdMid = c.at("clav_lat_third_mid", b) + glm::vec3(0.0f, -0.003f, 0.006f);
  ImplicitShape s;
  const float k = 0.004f;
  s.chain({med + glm::vec3(0.004f, 0.0f, -0.002f), glm::mix(med, mid, 0.45f) + glm::vec3(0, 0.002f, 0.004f), mid, third},
          {0.0095f, 0.0075f, 0.0065f, 0.0065f}, k);
  // The lateral third is flattened from above down.
  s.flatCapsule(third, thirdMid, 0.0085f, {0, 1, 0}, 0.6f, k);
  s.flatCapsule(thirdMid, lat - glm::vec3(0.004f, 0.0f, -0.002f), 0.0095f, {0, 1, 0}, 0.55f, k);
  return c.solid(b, s, 0.0016f, 0.14f);
}

}  // namespace dorsum::core
