#include "core/view/view_state.hpp"

#include "core/strokes/routine.hpp"
#include "core/text_args.hpp"

#include "core/anatomy/referral.hpp"
#include "core/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace dorsum::core {

using nlohmann::json;

// --- Context ---------------------------------------------------------------------------------

ViewContext ViewContext::of(const Scene& scene, const std::vector<Structure>& structures, int deepestLayer) {
  ViewContext c;
  c.structures = structures;
  c.deepestLayer = deepestLayer;
  c.bounds.resize(structures.size());
  for (std::size_t i = 0; i < structures.size() && i < scene.meshes.size(); ++i) {
    c.bounds[i] = scene.meshes[i].bounds();
    if (structures[i].kind == StructureKind::Muscle) c.framing.add(c.bounds[i]);
  }
  if (c.framing.empty()) c.framing = scene.bounds();
  c.scene = &scene;
  return c;
}

bool ViewContext::knows(const std::string& id) const {
  return std::any_of(structures.begin(), structures.end(), [&](const Structure& s) { return matchesId(s, id); });
}

Bounds ViewContext::boundsOf(const std::string& id) const {
  Bounds b;
  for (std::size_t i = 0; i < structures.size(); ++i)
    if (matchesId(structures[i], id)) b.add(bounds[i]);
  return b;
}

std::vector<std::string> ViewContext::nearestIds(const std::string& id, std::size_t count) const {
  std::vector<std::pair<std::size_t, std::string>> ranked;
  std::set<std::string> seen;
  for (const auto& s : structures)
    for (const std::string& candidate : {s.node, s.id, s.muscleId})
      if (!candidate.empty() && seen.insert(candidate).second) {
        // A misspelt beginning ("latisimus") should find the long id it starts ("latissimus_dorsi").
        const std::size_t whole = editDistance(id, candidate);
        const std::size_t start = editDistance(id, candidate.substr(0, std::min(candidate.size(), id.size() + 1))) + 1;
        ranked.push_back({std::min(whole, start), candidate});
      }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < count; ++i) out.push_back(ranked[i].second);
  return out;
}

void ViewContext::requireKnown(const std::string& id, const std::string& what) const {
  if (knows(id)) return;
  std::string nearest;
  for (const auto& n : nearestIds(id, 3)) nearest += (nearest.empty() ? "" : ", ") + n;
  throw usageError("The id '" + id + "' " + what + " names no structure; the nearest are " + nearest + ".");
}

namespace {
template <typename T>
void requireIn(const std::vector<T>& items, const std::string& id, const std::string& what) {
  if (std::any_of(items.begin(), items.end(), [&](const T& t) { return t.id == id; })) return;
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& t : items) ranked.push_back({std::min(editDistance(id, t.id), editDistance(id, t.id.substr(0, std::min(t.id.size(), id.size() + 1))) + 1), t.id});
  std::sort(ranked.begin(), ranked.end());
  std::string nearest;
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) nearest += (i ? ", " : "") + ranked[i].second;
  throw usageError("The " + what + " '" + id + "' is unknown; the nearest are " + nearest + ".");
}
}  // namespace

void ViewContext::requireTriggerPoint(const std::string& id) const {
  if (!atlas || atlas->triggerPoints.empty()) throw usageError("This scene has no trigger points (they belong to the body).");
  requireIn(atlas->triggerPoints, id, "trigger point");
}

void ViewContext::requireRegion(const std::string& id) const {
  if (!atlas || atlas->regions.empty()) throw usageError("This scene has no body regions (they belong to the body).");
  requireIn(atlas->regions, id, "region");
}

void ViewContext::requireRoutine(const std::string& id) const {
  if (!routines || routines->routines.empty()) throw usageError("This scene has no massage routines (they play on the body).");
  requireIn(routines->routines, id, "routine");
}

Bounds ViewContext::routineFraming() const {
  Bounds b;
  if (atlas)
    for (const char* id : {"eop", "s2_median_crest", "scap_acromion_tip", "ilium_crest_high"})
      if (const Landmark* l = atlas->landmark(id)) {
        b.add(l->position);
        b.add(glm::vec3(-l->position.x, l->position.y, l->position.z));
      }
  if (b.empty()) return framing;
  // Room below for the caption the player shows along the bottom.
  return Bounds{b.min - glm::vec3(0.03f, 0.16f, 0.03f), b.max + glm::vec3(0.03f, 0.02f, 0.03f)};
}

void ViewContext::requirePeel(int peel) const {
  if (peel >= 0 && peel <= deepestLayer) return;
  throw usageError("The peel level " + std::to_string(peel) + " is out of range: use 0 (all layers) to " +
                   std::to_string(deepestLayer) + (deepestLayer > 0 ? " (every layer removed)." : " for a model."));
}

// --- Commands --------------------------------------------------------------------------------

Command Command::setPeel(int peel) {
  Command c;
  c.kind = Kind::SetPeel;
  c.peel = peel;
  return c;
}
Command Command::setSkin(Display d) {
  Command c;
  c.kind = Kind::SetSkin;
  c.display = d;
  return c;
}
Command Command::setSkeleton(Display d) {
  Command c;
  c.kind = Kind::SetSkeleton;
  c.display = d;
  return c;
}
Command Command::setDisplay(std::string id, Display d) {
  Command c;
  c.kind = Kind::SetDisplay;
  c.id = std::move(id);
  c.display = d;
  return c;
}
Command Command::isolate(std::string id) {
  Command c;
  c.kind = Kind::Isolate;
  c.id = std::move(id);
  return c;
}
Command Command::endIsolation() {
  Command c;
  c.kind = Kind::EndIsolation;
  return c;
}
Command Command::select(std::string id, std::optional<SurfacePoint> at, bool reveal) {
  Command c;
  c.kind = Kind::Select;
  c.id = std::move(id);
  c.pickedAt = std::move(at);
  c.reveal = reveal;
  return c;
}
Command Command::clearSelection() {
  Command c;
  c.kind = Kind::ClearSelection;
  return c;
}
Command Command::frame(std::string id) {
  Command c;
  c.kind = Kind::Frame;
  c.id = std::move(id);
  return c;
}
Command Command::goToView(StandardView v) {
  Command c;
  c.kind = Kind::GoToView;
  c.view = v;
  return c;
}
Command Command::setCamera(const Orbit& o) {
  Command c;
  c.kind = Kind::SetCamera;
  c.camera = o;
  return c;
}
Command Command::setLabels(bool on) {
  Command c;
  c.kind = Kind::SetLabels;
  c.on = on;
  return c;
}
Command Command::setPresenting(bool on) {
  Command c;
  c.kind = Kind::SetPresenting;
  c.on = on;
  return c;
}
Command Command::selectTriggerPoint(std::string id, Side side) {
  Command c;
  c.kind = Kind::SelectTriggerPoint;
  c.id = std::move(id);
  c.side = side;
  return c;
}
Command Command::selectRegion(std::string id, Side side) {
  Command c;
  c.kind = Kind::SelectRegion;
  c.id = std::move(id);
  c.side = side;
  return c;
}
Command Command::clearReferral() {
  Command c;
  c.kind = Kind::ClearReferral;
  return c;
}
Command Command::playRoutine(std::string id) {
  Command c;
  c.kind = Kind::PlayRoutine;
  c.id = std::move(id);
  return c;
}
Command Command::seekRoutine(float seconds) {
  Command c;
  c.kind = Kind::SeekRoutine;
  c.time = seconds;
  return c;
}
Command Command::stopRoutine() {
  Command c;
  c.kind = Kind::StopRoutine;
  return c;
}
Command Command::undo() {
  Command c;
  c.kind = Kind::Undo;
  return c;
}
Command Command::reset() {
  Command c;
  c.kind = Kind::Reset;
  return c;
}

// --- State -----------------------------------------------------------------------------------

ViewState initialState(const ViewContext& ctx, StandardView view) {
  ViewState s;
  s.view = view;
  s.camera = OrbitCamera::orbitFor(view, ctx.framing, ctx.fovY);
  return s;
}

std::vector<Display> displaysOf(const ViewContext& ctx, const ViewState& state) {
  return resolveDisplay(state.display, ctx.structures);
}

std::vector<Pickable> pickableOf(const std::vector<Display>& displays) {
  std::vector<Pickable> out(displays.size());
  for (std::size_t i = 0; i < displays.size(); ++i)
    out[i] = displays[i] == Display::Shown ? Pickable::Solid : displays[i] == Display::Ghosted ? Pickable::Ghosted : Pickable::Hidden;
  return out;
}

namespace {

glm::vec3 eyeOf(const Orbit& o) {
  const glm::vec3 d(std::sin(o.yaw) * std::cos(o.pitch), std::sin(o.pitch), -std::cos(o.yaw) * std::cos(o.pitch));
  return o.target + d * o.distance;
}

// Makes the selected structure visible: a muscle peeled away comes back (the peel stops above
// its layer), a hidden one is shown, an isolation of something else moves to it, and whatever
// solid lies between the camera and much of it is ghosted.
void reveal(const ViewContext& ctx, ViewState& s, const std::string& id) {
  int shallowest = 1 << 20;
  for (const auto& st : ctx.structures)
    if (matchesId(st, id) && st.kind == StructureKind::Muscle) shallowest = std::min(shallowest, st.layer);
  if (shallowest <= s.display.peel) s.display.peel = shallowest - 1;
  if (s.display.isolated && !std::any_of(ctx.structures.begin(), ctx.structures.end(), [&](const Structure& st) {
        return matchesId(st, id) && matchesId(st, *s.display.isolated);
      }))
    s.display.isolated = id;
  std::vector<Display> displays = resolveDisplay(s.display, ctx.structures);
  for (std::size_t i = 0; i < ctx.structures.size(); ++i)
    if (matchesId(ctx.structures[i], id) && displays[i] == Display::Hidden) s.display.byId[ctx.structures[i].node] = Display::Shown;
  if (!ctx.scene || !ctx.bvh) return;
  displays = resolveDisplay(s.display, ctx.structures);
  // Rays from the camera to points spread over the structure: what solid they meet first, short
  // of the point, covers it there.
  const glm::vec3 eye = eyeOf(s.camera);
  const std::vector<Pickable> solidOnly = [&] {
    std::vector<Pickable> p(displays.size(), Pickable::Hidden);
    for (std::size_t i = 0; i < displays.size(); ++i)
      if (displays[i] == Display::Shown) p[i] = Pickable::Solid;
    return p;
  }();
  std::map<std::size_t, int> blocked;
  int samples = 0;
  for (std::size_t i = 0; i < ctx.structures.size() && i < ctx.scene->meshes.size(); ++i) {
    if (!matchesId(ctx.structures[i], id)) continue;
    const Mesh& m = ctx.scene->meshes[i];
    const std::size_t step = std::max<std::size_t>(1, m.positions.size() / 48);
    for (std::size_t v = 0; v < m.positions.size(); v += step) {
      const glm::vec3 p = m.positions[v];
      if (v < m.normals.size() && glm::dot(m.normals[v], eye - p) <= 0.0f) continue;  // faces away
      const glm::vec3 d = p - eye;
      const float len = glm::length(d);
      if (len < 1e-5f) continue;
      ++samples;
      const auto hit = pick(*ctx.bvh, Ray{eye, d / len}, solidOnly);
      if (hit && hit->t < len - 0.002f && !matchesId(ctx.structures[hit->mesh], id)) ++blocked[hit->mesh];
    }
  }
  for (const auto& [mesh, count] : blocked)
    if (count * 10 >= samples) {  // covers a tenth of it or more
      const Structure& st = ctx.structures[mesh];
      if (st.kind == StructureKind::Skin) s.display.skin = Display::Ghosted;
      else s.display.byId[st.node] = Display::Ghosted;
    }
}

}  // namespace

ViewState apply(const ViewContext& ctx, const ViewState& state, const Command& c) {
  using K = Command::Kind;
  ViewState s = state;
  switch (c.kind) {
    case K::SetPeel:
      ctx.requirePeel(c.peel);
      s.display.peel = c.peel;
      break;
    case K::SetSkin: s.display.skin = c.display; break;
    case K::SetSkeleton: s.display.skeleton = c.display; break;
    case K::SetDisplay:
      ctx.requireKnown(c.id, "to show, ghost or hide");
      s.display.byId[c.id] = c.display;
      break;
    case K::Isolate: {
      ctx.requireKnown(c.id, "to isolate");
      s.display.isolated = c.id;
      s.selected = c.id;
      s.pickedAt.reset();
      // Framed with some of its surroundings.
      const Bounds b = ctx.boundsOf(c.id);
      const glm::vec3 half(std::max(b.radius(), 0.05f) * 1.4f);
      s.camera = OrbitCamera::focusOn(s.camera, Bounds{b.center() - half, b.center() + half}, ctx.fovY);
      break;
    }
    case K::EndIsolation: s.display.isolated.reset(); break;
    case K::Select:
      ctx.requireKnown(c.id, "to select");
      s.selected = c.id;
      s.pickedAt = c.pickedAt;
      if (c.reveal) reveal(ctx, s, c.id);
      break;
    case K::ClearSelection:
      s.selected.reset();
      s.pickedAt.reset();
      break;
    case K::Frame:
      ctx.requireKnown(c.id, "to frame");
      s.camera = OrbitCamera::focusOn(s.camera, ctx.boundsOf(c.id), ctx.fovY);
      break;
    case K::GoToView:
      s.view = c.view;
      s.camera = OrbitCamera::orbitFor(c.view, s.routine ? ctx.routineFraming() : ctx.framing, ctx.fovY);
      break;
    case K::SetCamera: s.camera = c.camera; break;
    case K::SetLabels: s.labels = c.on; break;
    case K::SetPresenting: s.presenting = c.on; break;
    case K::SelectTriggerPoint: {
      ctx.requireTriggerPoint(c.id);
      s.triggerPoint = OnSide{c.id, c.side};
      s.region.reset();
      const TriggerPoint* t = ctx.atlas->triggerPoint(c.id);
      const std::string node = t->part + sideSuffix(c.side);
      s.selected = node;
      s.pickedAt.reset();
      if (ctx.referral)
        if (const SurfacePoint* p = ctx.referral->triggerPoint(c.id, c.side)) s.pickedAt = *p;
      // As the literature draws it: the point's muscle on that side, everything else ghosted, the
      // skin ghosted so the painted zone and the muscle beneath both show; the camera takes in the
      // point and the zone.
      s.display.skin = Display::Ghosted;
      s.display.isolated = t->muscle + sideSuffix(c.side);
      if (ctx.referral) {
        // Seen from where the zone faces, turned a little toward the back where the point lies,
        // and far enough to take in both.
        const ReferralZone z = ctx.referral->zone(c.id, c.side);
        glm::vec3 facing(0.0f, 0.0f, -0.8f);
        if (ctx.scene && ctx.referral->skinMesh() < ctx.scene->meshes.size()) {
          const Mesh& skin = ctx.scene->meshes[ctx.referral->skinMesh()];
          for (std::size_t v = 0; v < skin.normals.size() && v < z.essential.size(); ++v)
            facing += skin.normals[v] * (z.essential[v] + 0.4f * z.spillover[v]) * 0.01f;
        }
        const glm::vec3 d = glm::normalize(facing + glm::vec3(0.0f, 0.0f, -0.3f) * glm::length(facing));
        s.camera.yaw = std::atan2(d.x, -d.z);
        s.camera.pitch = std::clamp(std::asin(std::clamp(d.y, -1.0f, 1.0f)), -0.5f, 0.5f);
        const glm::vec3 c0 = z.bounds.center(), half = (z.bounds.max - z.bounds.min) * 0.5f * 1.15f;
        s.camera = OrbitCamera::focusOn(s.camera, Bounds{c0 - half, c0 + half}, ctx.fovY);
      }
      break;
    }
    case K::SelectRegion: {
      ctx.requireRegion(c.id);
      s.region = OnSide{c.id, c.side};
      s.triggerPoint.reset();
      if (s.display.skin == Display::Hidden) s.display.skin = Display::Ghosted;
      if (ctx.referral)
        if (const SkinRegion* r = ctx.referral->region(c.id, c.side)) {
          const glm::vec3 c0 = r->bounds.center(), half(std::max(r->bounds.radius(), 0.08f));
          s.camera = OrbitCamera::focusOn(s.camera, Bounds{c0 - half, c0 + half}, ctx.fovY);
        }
      break;
    }
    case K::ClearReferral:
      if (s.triggerPoint && ctx.atlas)
        if (const TriggerPoint* t = ctx.atlas->triggerPoint(s.triggerPoint->id);
            t && s.display.isolated == t->muscle + sideSuffix(s.triggerPoint->side))
          s.display.isolated.reset();
      s.triggerPoint.reset();
      s.region.reset();
      break;
    case K::PlayRoutine: {
      ctx.requireRoutine(c.id);
      s.routine = c.id;
      s.routineTime = 0.0f;
      // The strokes on the skin, and through it the muscle each pressure reaches.
      s.display.skin = Display::Ghosted;
      s.display.isolated.reset();
      s.display.peel = 0;
      s.triggerPoint.reset();
      s.region.reset();
      s.selected.reset();
      s.pickedAt.reset();
      s.view = StandardView::Posterior;
      s.camera = OrbitCamera::orbitFor(StandardView::Posterior, ctx.routineFraming(), ctx.fovY);
      break;
    }
    case K::SeekRoutine:
      if (s.routine && ctx.routines)
        if (const Routine* r = ctx.routines->routine(*s.routine))
          s.routineTime = std::isfinite(c.time) ? std::clamp(c.time, 0.0f, r->duration()) : 0.0f;
      break;
    case K::StopRoutine:
      if (s.routine) s.display.skin = initialState(ctx, s.view).display.skin;
      s.routine.reset();
      s.routineTime = 0.0f;
      break;
    case K::Undo: break;
    case K::Reset: s = initialState(ctx, StandardView::Posterior); break;
  }
  return s;
}

bool ViewHistory::execute(const ViewContext& ctx, const Command& c) {
  using K = Command::Kind;
  if (c.kind == K::Undo) {
    if (past_.empty()) return false;
    ViewState back = past_.back();
    past_.pop_back();
    back.camera = current_.camera;  // undo changes what is shown, not where the camera is
    back.view = current_.view;
    back.presenting = current_.presenting;
    if (back.routine == current_.routine) back.routineTime = current_.routineTime;  // nor rewinds a routine
    current_ = back;
    return true;
  }
  ViewState next = c.kind == K::Reset ? start_ : apply(ctx, current_, c);
  if (next == current_) return false;
  const bool recorded = c.kind != K::SetCamera && c.kind != K::GoToView && c.kind != K::Frame && c.kind != K::SetPresenting &&
                        c.kind != K::SeekRoutine;
  // Undoing a referral also puts the camera back where it was before the point framed it.
  if (recorded) {
    past_.push_back(current_);
    if (past_.size() > 200) past_.erase(past_.begin());
  }
  current_ = std::move(next);
  return true;
}

// --- JSON ------------------------------------------------------------------------------------

std::string_view displayName(Display d) {
  return d == Display::Shown ? "shown" : d == Display::Ghosted ? "ghosted" : "hidden";
}

std::optional<Display> parseDisplay(std::string_view name) {
  if (name == "shown") return Display::Shown;
  if (name == "ghosted") return Display::Ghosted;
  if (name == "hidden") return Display::Hidden;
  return std::nullopt;
}

namespace {
json vec(const glm::vec3& v) { return json::array({v.x, v.y, v.z}); }
}  // namespace

json toJson(const ViewState& s) {
  json structures = json::object();
  for (const auto& [id, d] : s.display.byId) structures[id] = displayName(d);
  json picked = nullptr;
  if (s.pickedAt)
    picked = {{"node", s.pickedAt->node}, {"face", s.pickedAt->face}, {"barycentric", vec(s.pickedAt->barycentric)},
              {"point", vec(s.pickedAt->point)}};
  return {{"version", 1},
          {"display",
           {{"peel", s.display.peel},
            {"skin", displayName(s.display.skin)},
            {"skeleton", displayName(s.display.skeleton)},
            {"structures", structures},
            {"isolated", s.display.isolated ? json(*s.display.isolated) : json(nullptr)}}},
          {"selected", s.selected ? json(*s.selected) : json(nullptr)},
          {"picked_at", picked},
          {"camera", {{"target", vec(s.camera.target)}, {"yaw", s.camera.yaw}, {"pitch", s.camera.pitch}, {"distance", s.camera.distance}}},
          {"view", std::string(viewName(s.view))},
          {"labels", s.labels},
          {"presenting", s.presenting},
          {"trigger_point", s.triggerPoint ? json{{"id", s.triggerPoint->id}, {"side", sideName(s.triggerPoint->side)}} : json(nullptr)},
          {"region", s.region ? json{{"id", s.region->id}, {"side", sideName(s.region->side)}} : json(nullptr)},
          {"routine", s.routine ? json{{"id", *s.routine}, {"time", s.routineTime}} : json(nullptr)}};
}

namespace {
[[noreturn]] void bad(const std::string& field, const std::string& why) {
  throw UserError("The view state's field '" + field + "' " + why + ".");
}
const json& member(const json& obj, const std::string& path, const char* key) {
  if (!obj.is_object()) bad(path, "must be an object");
  const auto it = obj.find(key);
  if (it == obj.end()) bad(path.empty() ? key : path + "." + key, "is missing");
  return *it;
}
std::string path(const std::string& parent, const char* key) { return parent.empty() ? key : parent + "." + key; }
float number(const json& obj, const std::string& parent, const char* key) {
  const json& v = member(obj, parent, key);
  if (!v.is_number() || !std::isfinite(v.get<double>())) bad(path(parent, key), "must be a finite number");
  return v.get<float>();
}
bool boolean(const json& obj, const std::string& parent, const char* key) {
  const json& v = member(obj, parent, key);
  if (!v.is_boolean()) bad(path(parent, key), "must be true or false");
  return v.get<bool>();
}
glm::vec3 vec3(const json& obj, const std::string& parent, const char* key) {
  const json& v = member(obj, parent, key);
  if (!v.is_array() || v.size() != 3) bad(path(parent, key), "must be a list of three numbers");
  glm::vec3 out;
  for (int i = 0; i < 3; ++i) {
    if (!v[i].is_number() || !std::isfinite(v[i].get<double>())) bad(path(parent, key), "must be a list of three numbers");
    out[i] = v[i].get<float>();
  }
  return out;
}
Display display(const json& v, const std::string& where) {
  if (!v.is_string() || !parseDisplay(v.get<std::string>())) bad(where, "must be \"shown\", \"ghosted\" or \"hidden\"");
  return *parseDisplay(v.get<std::string>());
}
std::optional<std::string> optionalId(const json& obj, const std::string& parent, const char* key, const ViewContext& ctx) {
  const json& v = member(obj, parent, key);
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) bad(path(parent, key), "must be a structure id or null");
  if (!ctx.knows(v.get<std::string>())) bad(path(parent, key), "names no structure ('" + v.get<std::string>() + "')");
  return v.get<std::string>();
}
}  // namespace

ViewState viewStateFromText(const std::string& text, const std::string& what, const ViewContext& ctx) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    throw UserError(what + " is not valid JSON (at byte " + std::to_string(e.byte) + ").");
  } catch (const json::exception&) {  // a number beyond a double (1e400), ...
    throw UserError(what + " is not valid JSON (a number out of range).");
  }
  try {
    return viewStateFromJson(j, ctx);
  } catch (const UserError& e) {
    throw UserError(what + " is wrong: " + e.what());
  }
}

ViewState viewStateFromJson(const json& j, const ViewContext& ctx) {
  if (!j.is_object()) bad("", "must be an object");
  const json& version = member(j, "", "version");
  if (!version.is_number_integer() || version.get<int>() != 1) bad("version", "must be 1");
  ViewState s;
  const json& d = member(j, "", "display");
  const json& peel = member(d, "display", "peel");
  if (!peel.is_number_integer() || peel.get<int>() < 0 || peel.get<int>() > ctx.deepestLayer)
    bad("display.peel", "must be a whole number from 0 to " + std::to_string(ctx.deepestLayer));
  s.display.peel = peel.get<int>();
  s.display.skin = display(member(d, "display", "skin"), "display.skin");
  s.display.skeleton = display(member(d, "display", "skeleton"), "display.skeleton");
  const json& structures = member(d, "display", "structures");
  if (!structures.is_object()) bad("display.structures", "must be an object of id: display");
  for (const auto& [id, v] : structures.items()) {
    if (!ctx.knows(id)) bad("display.structures." + id, "names no structure");
    s.display.byId[id] = display(v, "display.structures." + id);
  }
  s.display.isolated = optionalId(d, "display", "isolated", ctx);
  s.selected = optionalId(j, "", "selected", ctx);
  const json& picked = member(j, "", "picked_at");
  if (!picked.is_null()) {
    SurfacePoint p;
    const json& node = member(picked, "picked_at", "node");
    if (!node.is_string() || !ctx.knows(node.get<std::string>())) bad("picked_at.node", "must name a structure");
    p.node = node.get<std::string>();
    const json& face = member(picked, "picked_at", "face");
    if (!face.is_number_unsigned()) bad("picked_at.face", "must be a whole number");
    p.face = face.get<std::uint32_t>();
    p.barycentric = vec3(picked, "picked_at", "barycentric");
    p.point = vec3(picked, "picked_at", "point");
    s.pickedAt = p;
  }
  const json& cam = member(j, "", "camera");
  s.camera.target = vec3(cam, "camera", "target");
  s.camera.yaw = number(cam, "camera", "yaw");
  s.camera.pitch = number(cam, "camera", "pitch");
  s.camera.distance = number(cam, "camera", "distance");
  if (!(s.camera.distance > 0.0f)) bad("camera.distance", "must be above 0");
  if (std::abs(s.camera.pitch) > 1.5708f) bad("camera.pitch", "must be between -pi/2 and pi/2");
  const json& view = member(j, "", "view");
  if (!view.is_string() || !parseView(view.get<std::string>())) bad("view", "must be one of " + viewNamesJoined());
  s.view = *parseView(view.get<std::string>());
  s.labels = boolean(j, "", "labels");
  s.presenting = boolean(j, "", "presenting");
  // Added after version 1 was first written: optional.
  auto onSide = [&](const char* key, bool point) -> std::optional<OnSide> {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    const json& v = *it;
    if (!v.is_object() || !v.contains("id") || !v["id"].is_string() || !v.contains("side") || !v["side"].is_string() ||
        (v["side"] != "left" && v["side"] != "right"))
      bad(key, "must be {\"id\": ..., \"side\": \"left\" or \"right\"} or null");
    const std::string id = v["id"].get<std::string>();
    const bool known = ctx.atlas && (point ? ctx.atlas->triggerPoint(id) != nullptr : ctx.atlas->region(id) != nullptr);
    if (!known) bad(key, "names no " + std::string(point ? "trigger point" : "region") + " ('" + id + "')");
    return OnSide{id, v["side"] == "left" ? Side::Left : Side::Right};
  };
  s.triggerPoint = onSide("trigger_point", true);
  s.region = onSide("region", false);
  if (const auto it = j.find("routine"); it != j.end() && !it->is_null()) {
    const json& v = *it;
    if (!v.is_object() || !v.contains("id") || !v["id"].is_string() || !v.contains("time") || !v["time"].is_number() ||
        !std::isfinite(v["time"].get<double>()))
      bad("routine", "must be {\"id\": ..., \"time\": seconds} or null");
    const std::string id = v["id"].get<std::string>();
    const Routine* r = ctx.routines ? ctx.routines->routine(id) : nullptr;
    if (!r) bad("routine", "names no routine ('" + id + "')");
    const double t = v["time"].get<double>();
    if (t < 0.0 || t > double(r->duration())) bad("routine.time", "must be within the routine (0 to " + shortNumber(r->duration()) + " s)");
    s.routine = id;
    s.routineTime = float(t);
  }
  return s;
}

}  // namespace dorsum::core
