#pragma once
// What the user sees, as one value: display (peel, skin, skeleton, per-structure show / ghost /
// hide, isolation), the selection and where on its surface it was picked, the camera, labels and
// presentation. Changed only by Commands through apply(); the window, `dorsum render`, `dorsum
// pick` and saved views all go through it. Pure (no GL, no window); the camera here is where the
// camera is headed, and the window animates toward it on its clock (core/view/timeline.hpp).
#include "core/anatomy/atlas_model.hpp"
#include "core/camera.hpp"
#include "core/display_state.hpp"
#include "core/geometry/picking.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

// A point on a structure's surface: the triangle and the barycentric coordinates in it (stable
// for one bake), and the point itself.
struct SurfacePoint {
  std::string node;
  std::uint32_t face = 0;
  glm::vec3 barycentric{0.0f};
  glm::vec3 point{0.0f};
  bool operator==(const SurfacePoint&) const = default;
};

// A trigger point or a region chosen for its referral, on a side.
struct OnSide {
  std::string id;
  Side side = Side::Left;
  bool operator==(const OnSide&) const = default;
};

struct ViewState {
  DisplayState display;
  std::optional<std::string> selected;  // an id that matchesId accepts
  std::optional<SurfacePoint> pickedAt;  // where the selection was clicked (none when chosen by name)
  Orbit camera;                          // where the camera is (or is headed)
  StandardView view = StandardView::Posterior;  // the standard view the camera was last sent to
  bool labels = false;
  bool presenting = false;  // panels hidden: only the body (and labels) on screen
  std::optional<OnSide> triggerPoint;  // its referral painted on the skin
  std::optional<OnSide> region;        // chosen for the reverse lookup: painted, its trigger points listed
  // A massage routine playing (or paused) and where in it (seconds): the strokes are a pure
  // function of this time; the window's player only moves it.
  std::optional<std::string> routine;
  float routineTime = 0.0f;
  bool operator==(const ViewState&) const = default;
};

// What apply() needs to know of the scene: its structures and their bounds, what frames the body,
// and how many layers there are. Built once per loaded scene.
struct ViewContext {
  std::vector<Structure> structures;
  std::vector<Bounds> bounds;  // parallel to structures
  Bounds framing;              // the body (its muscles), or the whole model
  int deepestLayer = 0;        // 0 for a model without layers
  float fovY = OrbitCamera{}.fovY;
  // The scene and its ray-cast hierarchy, when given, let a selection ghost what covers it.
  const Scene* scene = nullptr;
  const Bvh* bvh = nullptr;
  // The body's referral map (trigger points on their muscles, regions on the skin) and its atlas,
  // when the scene is the body.
  const class ReferralMap* referral = nullptr;
  const Atlas* atlas = nullptr;
  // The massage routines (the body only).
  const struct RoutineSet* routines = nullptr;

  static ViewContext of(const Scene& scene, const std::vector<Structure>& structures, int deepestLayer);
  bool knows(const std::string& id) const;
  Bounds boundsOf(const std::string& id) const;
  // The ids nearest a mistyped one (for messages).
  std::vector<std::string> nearestIds(const std::string& id, std::size_t count) const;
  // Usage errors, one sentence each: "The id 'x' <what> names no structure; the nearest are ...".
  void requireKnown(const std::string& id, const std::string& what) const;
  void requirePeel(int peel) const;
  void requireTriggerPoint(const std::string& id) const;
  void requireRegion(const std::string& id) const;
  void requireRoutine(const std::string& id) const;
  // Where a routine plays: the back from the occiput to the sacrum, shoulder to shoulder, with room
  // below for the caption.
  Bounds routineFraming() const;
};

struct Command {
  enum class Kind {
    SetPeel,       // peel: layers removed from the surface, 0 .. deepestLayer
    SetSkin,       // display
    SetSkeleton,   // display
    SetDisplay,    // id, display
    Isolate,       // id: shown, everything else ghosted; selected and framed
    EndIsolation,
    Select,        // id; pickedAt when clicked; reveal: unpeel, show or ghost what hides it
    ClearSelection,
    Frame,         // id: the camera centres and fits it
    GoToView,      // view
    SetCamera,     // camera (the user orbiting, panning, zooming)
    SetLabels,     // on
    SetPresenting, // on
    SelectTriggerPoint,  // id, side: paint its referral, reveal its muscle, frame point and zone
    SelectRegion,        // id, side: paint the region, list what refers there, frame it
    ClearReferral,
    PlayRoutine,   // id: the routine from its start; the skin ghosted, the back framed
    SeekRoutine,   // time: where in the routine (clamped to it)
    StopRoutine,
    Undo,          // handled by ViewHistory
    Reset,         // back to the start: camera, selection, labels, display
  };
  Kind kind = Kind::Reset;
  int peel = 0;
  Display display = Display::Shown;
  std::string id;
  std::optional<SurfacePoint> pickedAt;
  bool reveal = true;
  StandardView view = StandardView::Posterior;
  Orbit camera;
  bool on = false;
  Side side = Side::Left;
  float time = 0.0f;

  static Command setPeel(int peel);
  static Command setSkin(Display d);
  static Command setSkeleton(Display d);
  static Command setDisplay(std::string id, Display d);
  static Command isolate(std::string id);
  static Command endIsolation();
  static Command select(std::string id, std::optional<SurfacePoint> at = std::nullopt, bool reveal = true);
  static Command clearSelection();
  static Command frame(std::string id);
  static Command goToView(StandardView v);
  static Command setCamera(const Orbit& o);
  static Command setLabels(bool on);
  static Command setPresenting(bool on);
  static Command selectTriggerPoint(std::string id, Side side);
  static Command selectRegion(std::string id, Side side);
  static Command clearReferral();
  static Command playRoutine(std::string id);
  static Command seekRoutine(float seconds);
  static Command stopRoutine();
  static Command undo();
  static Command reset();
};

// The state a scene opens in, seen from `view`.
ViewState initialState(const ViewContext& ctx, StandardView view = StandardView::Posterior);

// The next state. Throws UserError for a command a user can get wrong (an unknown id, a peel
// level out of range), naming it; the state is then unchanged.
ViewState apply(const ViewContext& ctx, const ViewState& state, const Command& command);

// Commands with undo: every change of display, selection or labels can be undone (the camera and
// presentation are not part of the history: undoing a selection does not fly the camera back).
class ViewHistory {
public:
  explicit ViewHistory(ViewState start) : current_(std::move(start)), start_(current_) {}
  const ViewState& current() const { return current_; }
  // Returns true when the state changed.
  bool execute(const ViewContext& ctx, const Command& command);
  bool canUndo() const { return !past_.empty(); }

private:
  ViewState current_, start_;
  std::vector<ViewState> past_;
};

// What each structure shows as (parallel to ctx.structures), and what a click may hit.
std::vector<Display> displaysOf(const ViewContext& ctx, const ViewState& state);
std::vector<Pickable> pickableOf(const std::vector<Display>& displays);

// The JSON form (saved views and lessons): every field named; fromJson checks each and names the
// one that is wrong.
nlohmann::json toJson(const ViewState& state);
ViewState viewStateFromJson(const nlohmann::json& j, const ViewContext& ctx);
// The same from a file's text (`what` names it in messages, e.g. "The view state file 'a.json'"):
// text that is not JSON, a number beyond a double and a wrong field are each one UserError.
ViewState viewStateFromText(const std::string& text, const std::string& what, const ViewContext& ctx);

std::string_view displayName(Display d);
std::optional<Display> parseDisplay(std::string_view name);

}  // namespace dorsum::core
