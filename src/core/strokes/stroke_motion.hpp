#pragma once
// Massage strokes on the body: where each contact (palm, thumb, elbow...) is at any time of a
// routine, as a pure function of time. Paths are laid on the continuous skin from the routine's
// landmarks, muscle coordinates, spinous processes or trigger points; every position is the skin's
// point there (re-projected at each instant); what a pressure reaches is found by casting inward
// through the body under the contact. No GL: the window, `dorsum render`, `dorsum export`, the
// CLI and the tests all ask the same sample(t).
#include "core/anatomy/referral.hpp"
#include "core/geometry/bvh.hpp"
#include "core/strokes/routine.hpp"
#include "core/structure.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

// One hand, thumb, elbow... on the skin.
struct Contact {
  glm::vec3 position{0.0f};  // on the skin (metres)
  glm::vec3 normal{0.0f, 0.0f, -1.0f};  // the skin's outward normal there
  glm::vec3 motion{0.0f};    // unit: the way it moves along the skin (inward, -normal, while it holds still)
  float pressing = 0.0f;     // 0 lifted or gliding without pressure, 1 the stroke's full pressure
  Side side = Side::Left;
};

// What pressing at a point of the skin reaches: the muscle part and layer at the pressure's depth
// below the first muscle under the contact (stopped by bone), and that point.
struct Reach {
  std::string node;      // the muscle part's mesh ("" when no muscle lies under the contact)
  int layer = 0;         // its layer (0: none)
  glm::vec3 point{0.0f}; // the deepest point pressed
  float depth = 0.0f;    // below the skin (metres)
};

// The body strokes are laid on: its skin and what lies under it. Built once per loaded body.
class MassageBody {
public:
  // Throws UserError when the scene has no skin.
  MassageBody(const Scene& scene, const std::vector<Structure>& structures, std::shared_ptr<const ReferralMap> referral);

  const Scene& scene() const { return scene_; }
  const std::vector<Structure>& structures() const { return structures_; }
  const ReferralMap& referral() const { return *referral_; }
  const Mesh& skin() const { return scene_.meshes[skin_]; }

  // The skin's point nearest p, with its normal.
  ClosestPoint onSkin(const glm::vec3& p) const;
  // The skin straight behind p (posterior: -z), as seen from behind; the nearest skin point when
  // nothing lies behind.
  glm::vec3 skinBehind(const glm::vec3& p) const;
  // Pressing at a skin point (normal n) with a pressure.
  Reach reach(const glm::vec3& p, const glm::vec3& n, Pressure pressure) const;
  // The fibre direction of a muscle part's mesh under a contact of this radius at a skin point
  // (along the skin, unit); zero when the part is unknown.
  glm::vec3 fibreUnder(const std::string& node, const glm::vec3& p, const glm::vec3& n, float radius = 0.008f) const;
  std::optional<std::size_t> meshOf(const std::string& node) const;

private:
  Scene scene_;
  std::vector<Structure> structures_;
  std::shared_ptr<const ReferralMap> referral_;
  std::size_t skin_ = 0;
  Scene skinOnly_;
  Bvh skinBvh_, bodyBvh_;
};

// One instant of a routine.
struct StrokeSample {
  float t = 0.0f;            // routine time (seconds)
  int stroke = 0;            // index into the routine's strokes
  float strokeTime = 0.0f;   // since the stroke began
  Technique technique = Technique::Effleurage;
  Tool tool = Tool::BothPalms;
  Pressure pressure = Pressure::Medium;
  // work: the technique's working motion; travel: moving to the next spot; return: lifted or
  // lighter on the way back; hold: pressing still.
  std::string phase;
  std::vector<Contact> contacts;  // one or two (both palms, both thumbs, a pincer's two sides)
  Reach reach;                    // under the first contact, at the stroke's pressure
  glm::vec3 fibre{0.0f};          // the worked muscle's fibres under the first contact (zero when none)
  std::string targetMuscle;       // the part whose fibres those are
  std::string vertebra;           // thumb pressure: the spinous process beside which the thumbs are
  std::optional<OnSide> triggerPoint;  // the knot this stroke works (its referral shows while pressed)
};

// A routine laid on a body.
class RoutineMotion {
public:
  // Throws UserError when a path cannot be laid on the body (a muscle part or point it lacks).
  RoutineMotion(const Routine& routine, const Atlas& atlas, std::shared_ptr<const MassageBody> body);

  const Routine& routine() const { return routine_; }
  float duration() const { return starts_.empty() ? 0.0f : starts_.back(); }
  float strokeStart(int stroke) const { return starts_[std::size_t(stroke)]; }
  int strokeCount() const { return int(routine_.strokes.size()); }
  // The stroke playing at t (the last at or after the end).
  int strokeAt(float t) const;
  // The routine at time t (clamped to [0, duration]). Without detail, only the contacts (no reach,
  // no fibres: for trails).
  StrokeSample sample(float t, bool detail = true) const;
  // The paths a stroke follows on the skin (one per side it works), for drawing.
  std::vector<std::vector<glm::vec3>> strokePaths(int stroke) const;
  const MassageBody& body() const { return *body_; }

  struct Lane;  // a path on the skin (internal)
  struct Laid;  // a stroke laid on the body (internal)

private:
  Routine routine_;
  std::shared_ptr<const MassageBody> body_;
  std::vector<float> starts_;  // strokes' start times, then the total
  std::vector<std::shared_ptr<const Laid>> laid_;
};

// `dorsum routines --json`: each routine with its strokes.
nlohmann::json routinesJson(const RoutineSet& set);
// One sample as `dorsum routine ID --samples N --json` writes it.
nlohmann::json sampleJson(const StrokeSample& s);

}  // namespace dorsum::core
