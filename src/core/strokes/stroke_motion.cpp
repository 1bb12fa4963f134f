#include "core/strokes/stroke_motion.hpp"

#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace dorsum::core {

namespace {
constexpr float kPi = 3.14159265358979f;

float smooth(float s) {
  s = std::clamp(s, 0.0f, 1.0f);
  return s * s * (3.0f - 2.0f * s);
}
glm::vec3 alongSkin(const glm::vec3& v, const glm::vec3& n) { return v - n * glm::dot(v, n); }
glm::vec3 unit(const glm::vec3& v, const glm::vec3& fallback) {
  const float l = glm::length(v);
  return l > 1e-9f ? v / l : fallback;
}
}  // namespace

// --- the body ----------------------------------------------------------------------------------

MassageBody::MassageBody(const Scene& scene, const std::vector<Structure>& structures, std::shared_ptr<const ReferralMap> referral)
    : scene_(scene), structures_(structures), referral_(std::move(referral)) {
  std::optional<std::size_t> skin;
  for (std::size_t i = 0; i < structures_.size() && i < scene_.meshes.size(); ++i)
    if (structures_[i].kind == StructureKind::Skin) skin = i;
  if (!skin) throw UserError("Massage strokes need the body's skin, and this scene has none.");
  if (!referral_) throw UserError("Massage strokes need the body's trigger points, and this scene has none.");
  skin_ = *skin;
  skinOnly_.meshes.push_back(scene_.meshes[skin_]);
  skinBvh_.build(skinOnly_);
  bodyBvh_.build(scene_);
}

ClosestPoint MassageBody::onSkin(const glm::vec3& p) const {
  auto c = skinBvh_.closest(p);
  if (!c) return ClosestPoint{0, 0, p, glm::vec3(1.0f / 3.0f), 0.0f, glm::vec3(0.0f, 0.0f, -1.0f)};
  c->mesh = std::uint32_t(skin_);
  c->normal = unit(c->normal, glm::vec3(0.0f, 0.0f, -1.0f));
  return *c;
}

glm::vec3 MassageBody::skinBehind(const glm::vec3& p) const {
  const auto hit = skinBvh_.nearest(Ray{p + glm::vec3(0.0f, 0.0f, 0.06f), glm::vec3(0.0f, 0.0f, -1.0f)}, 0.0f, 0.3f);
  return hit ? hit->point : onSkin(p).point;
}

std::optional<std::size_t> MassageBody::meshOf(const std::string& node) const {
  for (std::size_t i = 0; i < structures_.size() && i < scene_.meshes.size(); ++i)
    if (structures_[i].node == node) return i;
  return std::nullopt;
}

Reach MassageBody::reach(const glm::vec3& p, const glm::vec3& n, Pressure pressure) const {
  constexpr float lift = 0.005f;
  const Ray ray{p + n * lift, -n};
  struct Hit {
    float t;
    std::uint32_t mesh;
    bool entry;
  };
  std::vector<Hit> hits;
  bodyBvh_.forEachHit(ray, 0.0f, 0.30f, [&](const RayHit& h) {
    if (h.mesh != skin_) hits.push_back({h.t, h.mesh, h.frontFacing});
  });
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.t < b.t; });
  Reach r;
  std::optional<float> first;
  for (const Hit& h : hits)
    if (h.entry && structures_[h.mesh].kind == StructureKind::Muscle) {
      first = h.t;
      break;
    }
  if (!first) return r;
  float limit = *first + pressureDepth(pressure);
  std::optional<std::uint32_t> reached;
  for (const Hit& h : hits) {
    if (h.t > limit) break;
    const Structure& s = structures_[h.mesh];
    if (s.kind == StructureKind::Bone) {  // pressure stops at bone
      limit = h.t;
      break;
    }
    if (h.entry && s.kind == StructureKind::Muscle) reached = h.mesh;
  }
  if (reached) {
    r.node = structures_[*reached].node;
    r.layer = structures_[*reached].layer;
  }
  r.point = ray.origin + ray.direction * limit;
  r.depth = std::max(0.0f, limit - lift);
  return r;
}

glm::vec3 MassageBody::fibreUnder(const std::string& node, const glm::vec3& p, const glm::vec3& n, float radius) const {
  const auto m = meshOf(node);
  if (!m) return glm::vec3(0.0f);
  const Mesh& mesh = scene_.meshes[*m];
  if (mesh.fibres.size() != mesh.positions.size() || mesh.positions.empty()) return glm::vec3(0.0f);
  auto at = [&](const glm::vec3& q) -> std::optional<glm::vec3> {
    const auto hit = bodyBvh_.nearest(Ray{q + n * 0.005f, -n}, 0.0f, 0.30f, [&](std::uint32_t i) { return i == *m; });
    if (!hit) return std::nullopt;
    const std::uint32_t* tri = &mesh.indices[std::size_t(hit->face) * 3];
    return mesh.fibres[tri[0]] * hit->barycentric.x + mesh.fibres[tri[1]] * hit->barycentric.y + mesh.fibres[tri[2]] * hit->barycentric.z;
  };
  // Over the contact's area, not one point: the fibres a stroke works are those under the whole
  // pad (the centre and four points around it).
  const glm::vec3 u = unit(glm::cross(n, std::abs(n.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)), glm::vec3(1, 0, 0));
  const glm::vec3 v = glm::cross(n, u);
  glm::vec3 sum(0.0f), first(0.0f);
  for (const glm::vec3& o : {glm::vec3(0.0f), u, -u, v, -v}) {
    const auto f = at(p + o * radius);
    if (!f) continue;
    glm::vec3 g = alongSkin(*f, n);
    if (glm::length(first) == 0.0f) first = g;
    if (glm::dot(g, first) < 0.0f) g = -g;  // one way along the fibres: origin to insertion as the first
    sum += g;
  }
  if (glm::length(sum) < 1e-9f) {  // the contact is beside the part: the fibres of its nearest vertex
    float best = 1e30f;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
      const float d = glm::dot(mesh.positions[i] - p, mesh.positions[i] - p);
      if (d < best) {
        best = d;
        sum = alongSkin(mesh.fibres[i], n);
      }
    }
  }
  return unit(sum, glm::vec3(0.0f));
}

// --- laying a routine on the body ------------------------------------------------------------

struct RoutineMotion::Lane {
  Side side = Side::Left;
  std::vector<glm::vec3> pts;  // dense, on the skin
  std::vector<float> cum;      // arc length at each point
  // The spots a spot technique works (and thumb pressure's stops), on the skin, with the part
  // whose fibres count there, those fibres and the axis across them.
  std::vector<glm::vec3> stops;
  std::vector<std::string> stopNames, stopTargets;
  std::vector<glm::vec3> stopFibres, stopAcross;
  std::string target;  // the part the path follows (muscle or trigger point paths)
  std::optional<OnSide> trigger;

  float length() const { return cum.empty() ? 0.0f : cum.back(); }
  glm::vec3 at(float s) const {
    if (pts.size() < 2) return pts.empty() ? glm::vec3(0.0f) : pts.front();
    const float d = std::clamp(s, 0.0f, 1.0f) * length();
    const auto it = std::upper_bound(cum.begin(), cum.end(), d);
    const std::size_t i = std::min<std::size_t>(std::max<std::ptrdiff_t>(it - cum.begin(), 1), pts.size() - 1);
    const float span = cum[i] - cum[i - 1];
    return glm::mix(pts[i - 1], pts[i], span > 0.0f ? (d - cum[i - 1]) / span : 0.0f);
  }
  glm::vec3 tangent(float s) const {
    const float h = 3.0f / std::max(1.0f, length() * 1000.0f);  // about 3 mm either side
    return unit(at(std::min(1.0f, s + h)) - at(std::max(0.0f, s - h)), glm::vec3(0.0f, 1.0f, 0.0f));
  }
};

struct RoutineMotion::Laid {
  const Stroke* stroke = nullptr;
  std::vector<Lane> lanes;
  bool simultaneous = false;  // one contact per lane at once (both palms, both thumbs, one each side)
  int pairContacts = 1;       // contacts around a lane's centre when the lanes take turns
};

namespace {
bool spotTechnique(Technique t) {
  return t == Technique::CrossFibreFriction || t == Technique::Compression || t == Technique::CircularFriction ||
         t == Technique::Stretch || t == Technique::Pincer;
}

// The control points of a path on one side, before they are laid on the skin.
struct Controls {
  std::vector<glm::vec3> points;
  std::vector<std::string> names;
  std::string target;
  std::optional<OnSide> trigger;
};

Controls controlsOf(const Stroke& s, const Atlas& atlas, const MassageBody& body, Side side, const std::string& where) {
  Controls c;
  const StrokePath& p = s.path;
  if (!p.points.empty()) {
    for (const PointSpec& spec : p.points) {
      const auto q = atlas.point(spec, side);
      if (!q) throw UserError(where + " names a landmark the atlas does not have ('" + spec.landmark + "').");
      c.points.push_back(*q);
    }
  } else if (!p.muscle.empty()) {
    const std::string node = p.muscle + sideSuffix(side);
    const auto m = body.meshOf(node);
    if (!m) throw UserError(where + " follows the muscle part '" + p.muscle + "', which the body does not have.");
    // Close enough together that the path follows the fibres where they turn.
    constexpr int steps = 32;
    for (int k = 0; k <= steps; ++k) {
      const float u = p.u0 + (p.u1 - p.u0) * float(k) / float(steps);
      const auto q = pointOnPart(body.scene().meshes[*m], node, u, p.across, true);
      if (!q) throw UserError(where + " could not be laid along '" + node + "' at u " + std::to_string(u) + ".");
      c.points.push_back(q->point);
    }
    c.target = node;
  } else if (!p.vertebrae.empty()) {
    for (const std::string& v : p.vertebrae) {
      const auto q = atlas.point(PointSpec{v, "", 0.5f, glm::vec3(0.0f)}, side);
      if (!q) throw UserError(where + " names a spinous process the atlas does not have ('" + v + "').");
      const float lateral = (side == Side::Left ? 1.0f : -1.0f) * p.besideMm * 0.001f;
      c.points.push_back(glm::vec3(q->x + lateral, q->y, q->z));
      c.names.push_back(v);
    }
  } else if (!p.triggerPoint.empty()) {
    const SurfacePoint* tp = body.referral().triggerPoint(p.triggerPoint, side);
    const TriggerPoint* def = atlas.triggerPoint(p.triggerPoint);
    if (!tp || !def) throw UserError(where + " works the trigger point '" + p.triggerPoint + "', which the body does not have.");
    c.points.push_back(tp->point);
    c.target = def->part + sideSuffix(side);
    c.trigger = OnSide{p.triggerPoint, side};
  }
  return c;
}

RoutineMotion::Lane layLane(const Stroke& s, const Controls& c, const MassageBody& body, Side side) {
  RoutineMotion::Lane lane;
  lane.side = side;
  lane.target = c.target;
  lane.trigger = c.trigger;
  // Beside the spine, the thumbs stand on the skin straight behind their points, so they stay
  // the given distance from the spinous processes however the skin dips in the midline.
  for (const glm::vec3& p : c.points) lane.stops.push_back(c.names.empty() ? body.onSkin(p).point : body.skinBehind(p));
  lane.stopNames = c.names;
  // Dense: every 4 mm between the stops, each point on the skin.
  lane.pts.push_back(lane.stops.front());
  for (std::size_t i = 1; i < lane.stops.size(); ++i) {
    const glm::vec3 a = lane.stops[i - 1], b = lane.stops[i];
    const int n = std::max(1, int(std::ceil(glm::length(b - a) / 0.004f)));
    for (int k = 1; k <= n; ++k) lane.pts.push_back(body.onSkin(glm::mix(a, b, float(k) / float(n))).point);
  }
  // Stripping follows the fibres themselves: a streamline of the muscle's fibre field traced on
  // the skin from over its origin toward over its insertion (a little pull toward the end keeps it
  // from wandering where the fibres fan out).
  if (s.technique == Technique::Stripping && !lane.target.empty() && lane.stops.size() >= 2) {
    const glm::vec3 end = lane.stops.back();
    std::vector<glm::vec3> traced{lane.stops.front()};
    glm::vec3 p = traced.front();
    float best = glm::length(end - p);
    std::size_t bestAt = 0;
    int worse = 0;
    for (int i = 0; i < 1000 && best > 0.006f && worse < 5; ++i) {
      const ClosestPoint cp = body.onSkin(p);
      const glm::vec3 toEnd = alongSkin(end - p, cp.normal);
      glm::vec3 f = body.fibreUnder(lane.target, p, cp.normal, toolShape(s.tool).radiusMm * 0.001f);
      if (glm::dot(f, toEnd) < 0.0f) f = -f;
      // Level with the insertion (the fibres no longer lead toward it): the glide ends here.
      if (i > 10 && glm::length(f) > 0.5f && glm::dot(glm::normalize(f), unit(toEnd, f)) < 0.5f) break;
      const glm::vec3 d = unit(unit(f, unit(toEnd, glm::vec3(0, 1, 0))) * 0.95f + unit(toEnd, glm::vec3(0, 1, 0)) * 0.05f, glm::vec3(0, 1, 0));
      p = body.onSkin(p + d * 0.002f).point;
      traced.push_back(p);
      const float left = glm::length(end - p);
      if (left < best) {
        best = left;
        bestAt = traced.size() - 1;
        worse = 0;
      } else {
        ++worse;
      }
    }
    traced.resize(bestAt + 1);  // it ends where it came nearest the insertion
    if (traced.size() >= 2) lane.pts = traced;
  }
  lane.cum.assign(lane.pts.size(), 0.0f);
  for (std::size_t i = 1; i < lane.pts.size(); ++i) lane.cum[i] = lane.cum[i - 1] + glm::length(lane.pts[i] - lane.pts[i - 1]);
  // Spot techniques on a muscle path work three spots along it (start, middle, end).
  if (spotTechnique(s.technique) && !s.path.muscle.empty()) {
    lane.stops = {lane.at(0.0f), lane.at(0.5f), lane.at(1.0f)};
  }
  for (std::size_t k = 0; k < lane.stops.size(); ++k) {
    const ClosestPoint cp = body.onSkin(lane.stops[k]);
    const std::string target = !lane.target.empty() ? lane.target : body.reach(cp.point, cp.normal, s.pressure).node;
    glm::vec3 f = body.fibreUnder(target, cp.point, cp.normal, toolShape(s.tool).radiusMm * 0.001f);
    if (glm::length(f) < 0.5f) f = unit(alongSkin(lane.tangent(lane.length() > 0 ? float(k) / std::max<std::size_t>(1, lane.stops.size() - 1) : 0.0f), cp.normal), glm::vec3(0, 1, 0));
    lane.stopTargets.push_back(target);
    lane.stopFibres.push_back(f);
    lane.stopAcross.push_back(unit(glm::cross(cp.normal, f), glm::vec3(1, 0, 0)));
  }
  return lane;
}

// Where a technique's contacts mean to be at time tau of a lane's share of the stroke (before
// they are put on the skin), how hard they press and which way they would move if standing still.
struct Intent {
  std::string phase;
  std::vector<glm::vec3> points;
  std::vector<float> pressing;
  std::vector<glm::vec3> hint;  // direction when the motion is momentarily zero (0: press inward)
  std::string vertebra;
  int stop = -1;
};

// Lateral: away from the midline on the lane's side.
glm::vec3 lateralOf(Side side) { return glm::vec3(side == Side::Left ? 1.0f : -1.0f, 0.0f, 0.0f); }

}  // namespace

namespace {
Intent intentOf(const RoutineMotion::Laid& laid, const std::vector<const RoutineMotion::Lane*>& lanes, int contacts, float tau,
                float span, const MassageBody& body) {
  const Stroke& s = *laid.stroke;
  const int reps = std::max(1, s.repetitions);
  const float rep = span / float(reps);
  const int r = std::min(reps - 1, int(tau / rep));
  const float phi = std::clamp((tau - float(r) * rep) / rep, 0.0f, 1.0f);
  Intent in;
  in.points.resize(std::size_t(contacts));
  in.pressing.assign(std::size_t(contacts), 1.0f);
  in.hint.assign(std::size_t(contacts), glm::vec3(0.0f));
  const bool perLane = lanes.size() > 1;
  const RoutineMotion::Lane& first = *lanes.front();
  auto normalAt = [&](const glm::vec3& p) { return body.onSkin(p).normal; };
  // Two contacts around one centre, `half` apart either way along `axis`.
  auto pair = [&](const glm::vec3& centre, const glm::vec3& axis, float half) {
    if (contacts == 1) {
      in.points[0] = centre;
      return;
    }
    in.points[0] = centre + axis * half;
    in.points[1] = centre - axis * half;
  };

  switch (s.technique) {
    case Technique::Effleurage: {
      // Out along the path with the stroke's pressure, back lighter and displaced outward (down
      // the sides), in one continuous loop.
      const bool out = phi < 0.62f;
      const float sPath = out ? smooth(phi / 0.62f) : 1.0f - smooth((phi - 0.62f) / 0.38f);
      in.phase = out ? "work" : "return";
      for (std::size_t k = 0; k < lanes.size() && int(k) < contacts; ++k) {
        const auto& lane = *lanes[k];
        glm::vec3 p = lane.at(sPath);
        if (!out) p += lateralOf(lane.side) * (0.085f * std::sin(kPi * sPath));
        in.points[k] = p;
        in.pressing[k] = out ? 1.0f : 0.35f;
        in.hint[k] = lane.tangent(sPath) * (out ? 1.0f : -1.0f);
      }
      if (!perLane) {
        const glm::vec3 c = in.points[0];
        const glm::vec3 across = unit(glm::cross(normalAt(c), first.tangent(sPath)), glm::vec3(1, 0, 0));
        pair(c, across, 0.045f);
        for (auto& h : in.hint) h = first.tangent(sPath) * (out ? 1.0f : -1.0f);
        for (auto& p : in.pressing) p = out ? 1.0f : 0.35f;
      }
      break;
    }
    case Technique::Kneading: {
      // The hands travel up the path once a repetition, each circling, lifting and squeezing in
      // turn: one presses while the other lets go.
      in.phase = "work";
      const float progress = phi;
      const float freq = 0.8f;
      for (int k = 0; k < contacts; ++k) {
        const auto& lane = perLane ? *lanes[std::size_t(k)] : first;
        glm::vec3 centre = lane.at(progress);
        const glm::vec3 n = normalAt(centre);
        const glm::vec3 along = unit(alongSkin(lane.tangent(progress), n), glm::vec3(0, 1, 0));
        const glm::vec3 across = unit(glm::cross(n, along), glm::vec3(1, 0, 0));
        if (!perLane && contacts == 2) centre += across * (k == 0 ? 0.04f : -0.04f);
        const float theta = 2.0f * kPi * freq * tau + float(k) * kPi;
        const float radius = 0.015f;
        in.points[std::size_t(k)] = centre + (across * std::cos(theta) + along * std::sin(theta)) * radius;
        in.pressing[std::size_t(k)] = 0.55f + 0.45f * std::sin(theta);
        in.hint[std::size_t(k)] = -across * std::sin(theta) + along * std::cos(theta);
      }
      break;
    }
    case Technique::ThumbPressure: {
      // Stop by stop: glide to the next vertebra, then press and hold, and let go.
      const std::size_t n = first.stops.size();
      const float slot = 1.0f / float(n);
      const std::size_t k = std::min(n - 1, std::size_t(phi / slot));
      const float w = (phi - float(k) * slot) / slot;
      in.stop = int(k);
      in.vertebra = k < first.stopNames.size() ? first.stopNames[k] : "";
      const bool travel = w < 0.25f && k > 0;
      for (int c = 0; c < contacts; ++c) {
        const auto& lane = perLane ? *lanes[std::size_t(c)] : first;
        if (travel) {
          const glm::vec3 a = lane.stops[k - 1], b = lane.stops[k];
          in.points[std::size_t(c)] = glm::mix(a, b, smooth(w / 0.25f));
          in.pressing[std::size_t(c)] = 0.1f;
          in.hint[std::size_t(c)] = unit(b - a, glm::vec3(0, -1, 0));
        } else {
          const float h = k > 0 ? (w - 0.25f) / 0.75f : w;
          in.points[std::size_t(c)] = lane.stops[k] + (perLane ? glm::vec3(0.0f) : glm::vec3(0, c == 0 ? 0.008f : -0.008f, 0));
          in.pressing[std::size_t(c)] = std::min(smooth(h / 0.25f), 1.0f - smooth((h - 0.8f) / 0.2f));
        }
      }
      in.phase = travel ? "travel" : "hold";
      break;
    }
    case Technique::Stripping: {
      // A slow glide origin to insertion, then lifted back.
      const bool work = phi < 0.8f;
      const float sPath = work ? phi / 0.8f : 1.0f - smooth((phi - 0.8f) / 0.2f);
      in.phase = work ? "work" : "return";
      for (int c = 0; c < contacts; ++c) {
        const auto& lane = perLane ? *lanes[std::size_t(c)] : first;
        in.points[std::size_t(c)] = lane.at(sPath);
        in.pressing[std::size_t(c)] = work ? std::min(smooth(sPath / 0.06f), 1.0f - smooth((sPath - 0.94f) / 0.06f) * 0.5f) : 0.0f;
        in.hint[std::size_t(c)] = lane.tangent(sPath) * (work ? 1.0f : -1.0f);
      }
      if (!perLane && contacts == 2) {  // two thumbs, one behind the other along the fibres
        const glm::vec3 t = first.tangent(sPath);
        in.points[1] = in.points[0] - t * 0.02f;
      }
      break;
    }
    default: {
      // Spot techniques: each repetition works every spot in turn, gliding between them.
      const std::size_t n = first.stops.size();
      const float slot = 1.0f / float(n);
      const std::size_t k = std::min(n - 1, std::size_t(phi / slot));
      const float w0 = (phi - float(k) * slot) / slot;
      in.stop = int(k);
      const bool moves = n > 1 && (k > 0 || r > 0);
      const float travelShare = moves ? 0.12f : 0.0f;
      const float slotSeconds = rep * slot;
      for (int c = 0; c < contacts; ++c) {
        const auto& lane = perLane ? *lanes[std::size_t(c)] : first;
        const glm::vec3 fibre = lane.stopFibres[k], across = lane.stopAcross[k];
        const glm::vec3 spot = lane.stops[k];
        const float sign = (c == 0 || perLane) ? 1.0f : -1.0f;
        glm::vec3 p = spot;
        float press = 1.0f;
        glm::vec3 hint(0.0f);
        if (w0 < travelShare) {
          const glm::vec3 from = lane.stops[k > 0 ? k - 1 : n - 1];
          p = glm::mix(from, spot, smooth(w0 / travelShare));
          press = 0.1f;
          hint = unit(spot - from, fibre);
          in.phase = "travel";
        } else {
          const float w = (w0 - travelShare) / (1.0f - travelShare);
          const float seconds = w * slotSeconds * (1.0f - travelShare);
          switch (s.technique) {
            case Technique::CrossFibreFriction: {
              // Across the fibres, one and a half times a second (Cyriax's school: 60 to 100 a
              // minute), the skin moving with the fingers.
              const float theta = 2.0f * kPi * 1.5f * seconds;
              p = spot + across * (0.009f * std::sin(theta));
              press = std::min(smooth(w / 0.05f), 1.0f - smooth((w - 0.95f) / 0.05f));
              hint = across * (std::cos(theta) >= 0.0f ? 1.0f : -1.0f);
              if (!perLane && contacts == 2) p += fibre * (0.011f * sign);
              in.phase = "work";
              break;
            }
            case Technique::Compression: {
              p = spot + (!perLane && contacts == 2 ? fibre * (0.011f * sign) : glm::vec3(0.0f));
              press = std::min(smooth(w / 0.2f), 1.0f - smooth((w - 0.85f) / 0.15f));
              in.phase = "hold";
              break;
            }
            case Technique::CircularFriction: {
              const float theta = 2.0f * kPi * 1.25f * seconds;
              p = spot + (fibre * std::cos(theta) + across * std::sin(theta)) * 0.011f;
              hint = -fibre * std::sin(theta) + across * std::cos(theta);
              press = std::min(smooth(w / 0.08f), 1.0f - smooth((w - 0.92f) / 0.08f));
              in.phase = "work";
              break;
            }
            case Technique::Stretch: {
              // Two thumbs on the knot drawing apart along the fibres, then lifted back together.
              const bool apart = w < 0.7f;
              const float sep = apart ? 0.008f + 0.032f * smooth(w / 0.7f) : 0.04f - 0.032f * smooth((w - 0.7f) / 0.3f);
              p = spot + fibre * (sep * sign);
              press = apart ? std::min(1.0f, smooth(w / 0.1f)) : 0.0f;
              hint = fibre * (apart ? sign : -sign);
              in.phase = apart ? "work" : "return";
              break;
            }
            case Technique::Pincer: {
              // Thumb and fingers either side of the free border, squeezing it between them.
              const float squeeze = std::min(smooth(w / 0.3f), 1.0f - smooth((w - 0.8f) / 0.2f));
              const float half = 0.035f - 0.017f * squeeze;
              p = spot + across * (half * sign);
              press = squeeze;
              hint = -across * sign * (w < 0.3f ? 1.0f : (w > 0.8f ? -1.0f : 0.0f));
              in.phase = "hold";
              break;
            }
            default: break;
          }
        }
        in.points[std::size_t(c)] = p;
        in.pressing[std::size_t(c)] = press;
        in.hint[std::size_t(c)] = hint;
      }
      break;
    }
  }
  return in;
}
}  // namespace

RoutineMotion::RoutineMotion(const Routine& routine, const Atlas& atlas, std::shared_ptr<const MassageBody> body)
    : routine_(routine), body_(std::move(body)) {
  float t = 0.0f;
  for (std::size_t i = 0; i < routine_.strokes.size(); ++i) {
    const Stroke& s = routine_.strokes[i];
    starts_.push_back(t);
    t += s.durationS;
    auto laid = std::make_shared<Laid>();
    laid->stroke = &s;
    const std::string where = "Stroke " + std::to_string(i + 1) + " of the routine '" + routine_.id + "'";
    std::vector<Side> sides;
    if (s.sides != Sides::Right) sides.push_back(Side::Left);
    if (s.sides != Sides::Left) sides.push_back(Side::Right);
    for (Side side : sides) {
      const Controls c = controlsOf(s, atlas, *body_, side, where);
      if (c.points.empty()) throw UserError(where + " has no path.");
      laid->lanes.push_back(layLane(s, c, *body_, side));
    }
    const ToolShape shape = toolShape(s.tool);
    laid->simultaneous = laid->lanes.size() == 2 && shape.contacts == 2 && s.technique != Technique::Pincer &&
                         s.technique != Technique::Stretch;
    laid->pairContacts = (shape.contacts == 2 || s.technique == Technique::Pincer || s.technique == Technique::Stretch) ? 2 : 1;
    laid_.push_back(std::move(laid));
  }
  starts_.push_back(t);
}

int RoutineMotion::strokeAt(float t) const {
  const int n = strokeCount();
  for (int i = n - 1; i >= 0; --i)
    if (t >= starts_[std::size_t(i)]) return i;
  return 0;
}

StrokeSample RoutineMotion::sample(float t, bool detail) const {
  StrokeSample out;
  if (routine_.strokes.empty()) return out;
  t = std::clamp(t, 0.0f, duration());
  const int i = strokeAt(t);
  const Laid& laid = *laid_[std::size_t(i)];
  const Stroke& s = *laid.stroke;
  out.t = t;
  out.stroke = i;
  out.strokeTime = std::clamp(t - starts_[std::size_t(i)], 0.0f, s.durationS);
  out.technique = s.technique;
  out.tool = s.tool;
  out.pressure = s.pressure;

  // Which lanes move now: all at once, or one after the other (each its share of the time).
  std::vector<const Lane*> lanes;
  float tau = out.strokeTime, span = s.durationS;
  int contacts = 1;
  if (laid.simultaneous) {
    for (const Lane& l : laid.lanes) lanes.push_back(&l);
    contacts = int(lanes.size());
  } else {
    const std::size_t n = laid.lanes.size();
    span = s.durationS / float(n);
    const std::size_t k = std::min(n - 1, std::size_t(tau / span));
    tau -= float(k) * span;
    lanes.push_back(&laid.lanes[k]);
    contacts = laid.pairContacts;
  }
  tau = std::clamp(tau, 0.0f, span);
  const Intent now = intentOf(laid, lanes, contacts, tau, span, *body_);
  const float h = std::min(0.02f, span * 0.001f);
  const Intent before = intentOf(laid, lanes, contacts, std::max(0.0f, tau - h), span, *body_);
  const Intent after = intentOf(laid, lanes, contacts, std::min(span, tau + h), span, *body_);
  out.phase = now.phase;
  out.vertebra = now.vertebra;
  for (int c = 0; c < contacts; ++c) {
    const std::size_t k = std::size_t(c);
    const ClosestPoint cp = body_->onSkin(now.points[k]);
    Contact contact;
    contact.position = cp.point;
    contact.normal = cp.normal;
    contact.pressing = std::clamp(now.pressing[k], 0.0f, 1.0f);
    contact.side = laid.simultaneous ? lanes[k]->side : lanes.front()->side;
    const glm::vec3 moved = alongSkin(after.points[k] - before.points[k], cp.normal);
    const glm::vec3 hinted = alongSkin(now.hint[k], cp.normal);
    // Oscillations turn where they stand still: take the way they are about to go (the hint).
    const bool hintFirst = s.technique == Technique::CrossFibreFriction && now.phase == "work";
    if (hintFirst && glm::length(hinted) > 1e-6f) contact.motion = glm::normalize(hinted);
    else if (glm::length(moved) > 2e-5f) contact.motion = glm::normalize(moved);
    else if (glm::length(hinted) > 1e-6f) contact.motion = glm::normalize(hinted);
    else contact.motion = -cp.normal;
    out.contacts.push_back(contact);
  }
  out.triggerPoint = lanes.front()->trigger;
  if (!detail) return out;
  const Contact& c0 = out.contacts.front();
  out.reach = body_->reach(c0.position, c0.normal, s.pressure);
  const Lane& lane0 = *lanes.front();
  out.targetMuscle = !lane0.target.empty() ? lane0.target
                     : (now.stop >= 0 && std::size_t(now.stop) < lane0.stopTargets.size() ? lane0.stopTargets[std::size_t(now.stop)]
                                                                                         : out.reach.node);
  out.fibre = body_->fibreUnder(out.targetMuscle, c0.position, c0.normal, toolShape(s.tool).radiusMm * 0.001f);
  // Friction moves the skin with the fingers over one spot: the fibres that count are the spot's.
  if (s.technique == Technique::CrossFibreFriction && now.stop >= 0 && std::size_t(now.stop) < lane0.stopFibres.size()) {
    const glm::vec3 f = alongSkin(lane0.stopFibres[std::size_t(now.stop)], c0.normal);
    if (glm::length(f) > 1e-6f) out.fibre = glm::normalize(f);
  }
  return out;
}

std::vector<std::vector<glm::vec3>> RoutineMotion::strokePaths(int stroke) const {
  std::vector<std::vector<glm::vec3>> out;
  if (stroke < 0 || stroke >= strokeCount()) return out;
  for (const Lane& l : laid_[std::size_t(stroke)]->lanes) out.push_back(l.pts);
  return out;
}

// --- JSON ----------------------------------------------------------------------------------------

namespace {
nlohmann::json vec(const glm::vec3& v, float scale = 1.0f) {
  auto r = [&](float x) { return std::round(double(x) * scale * 1e5) / 1e5; };
  return nlohmann::json::array({r(v.x), r(v.y), r(v.z)});
}
const char* sidesName(Sides s) { return s == Sides::Left ? "left" : s == Sides::Right ? "right" : "both"; }
}  // namespace

nlohmann::json routinesJson(const RoutineSet& set) {
  nlohmann::json out = nlohmann::json::array();
  for (const Routine& r : set.routines) {
    nlohmann::json strokes = nlohmann::json::array();
    for (const Stroke& s : r.strokes) {
      nlohmann::json path;
      if (!s.path.points.empty()) {
        nlohmann::json pts = nlohmann::json::array();
        for (const auto& p : s.path.points) pts.push_back(p.to.empty() ? p.landmark : p.landmark + ".." + p.to);
        path["points"] = pts;
      }
      if (!s.path.muscle.empty()) path = {{"muscle", s.path.muscle}, {"across", s.path.across}, {"from_u", s.path.u0}, {"to_u", s.path.u1}};
      if (!s.path.vertebrae.empty()) path = {{"vertebrae", s.path.vertebrae}, {"beside_mm", s.path.besideMm}};
      if (!s.path.triggerPoint.empty()) path = {{"trigger_point", s.path.triggerPoint}};
      strokes.push_back({{"technique", techniqueName(s.technique)}, {"tool", toolName(s.tool)}, {"pressure", pressureName(s.pressure)},
                         {"sides", sidesName(s.sides)}, {"repetitions", s.repetitions}, {"duration_s", s.durationS},
                         {"caption", s.caption}, {"path", path}});
    }
    out.push_back({{"id", r.id}, {"name", r.name}, {"description", r.description}, {"duration_s", r.duration()},
                   {"sources", r.sources}, {"strokes", strokes}});
  }
  return out;
}

nlohmann::json sampleJson(const StrokeSample& s) {
  nlohmann::json contacts = nlohmann::json::array();
  for (const Contact& c : s.contacts)
    contacts.push_back({{"side", sideName(c.side)}, {"position", vec(c.position)}, {"normal", vec(c.normal)},
                        {"motion_direction", vec(c.motion)}, {"pressing", std::round(c.pressing * 1000.0) / 1000.0}});
  const Contact c0 = s.contacts.empty() ? Contact{} : s.contacts.front();
  nlohmann::json j = {{"t", std::round(double(s.t) * 1e4) / 1e4},
                      {"stroke", s.stroke},
                      {"technique", techniqueName(s.technique)},
                      {"tool", toolName(s.tool)},
                      {"pressure", pressureName(s.pressure)},
                      {"phase", s.phase},
                      {"position", vec(c0.position)},
                      {"normal", vec(c0.normal)},
                      {"motion_direction", vec(c0.motion)},
                      {"pressing", std::round(c0.pressing * 1000.0) / 1000.0},
                      {"muscle", s.reach.node.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.reach.node)},
                      {"layer_reached", s.reach.layer},
                      {"depth_mm", std::round(s.reach.depth * 10000.0) / 10.0},
                      {"fibre_muscle", s.targetMuscle.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.targetMuscle)},
                      {"fibre_direction", glm::length(s.fibre) > 0.5f ? vec(s.fibre) : nlohmann::json(nullptr)},
                      {"contacts", contacts}};
  if (!s.vertebra.empty()) j["vertebra"] = s.vertebra;
  if (s.triggerPoint) j["trigger_point"] = {{"id", s.triggerPoint->id}, {"side", sideName(s.triggerPoint->side)}};
  return j;
}

}  // namespace dorsum::core
