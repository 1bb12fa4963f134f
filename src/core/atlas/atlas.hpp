#pragma once
// The atlas: every anatomical fact Dorsum shows, loaded from assets/atlas/*.json (format in
// docs/ATLAS_FORMAT.md). Landmarks, layers and muscle attachments are the shared vocabulary that
// geometry, trigger points, regions and strokes build on.
#include <glm/glm.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

enum class Side { Left, Right };
inline const char* sideSuffix(Side s) { return s == Side::Left ? "_l" : "_r"; }
inline const char* sideName(Side s) { return s == Side::Left ? "left" : "right"; }

struct Source {
  std::string id, citation, url;
};

struct Cited {
  std::string text;
  std::vector<std::string> sources;
};

struct Layer {
  int index = 0;  // 1 = most superficial
  std::string name, description;
  std::vector<std::string> sources;
};

struct Landmark {
  std::string id, name, bone;
  bool bilateral = false;
  glm::vec3 position{0.0f};  // the left one for bilateral landmarks (x > 0)
  std::string method;        // how the position was obtained (measured, or derived from what)
  std::vector<std::string> sources;
  glm::vec3 on(Side side) const {
    return bilateral && side == Side::Right ? glm::vec3(-position.x, position.y, position.z) : position;
  }
};

struct Bone {
  std::string id, name, kind;
  bool bilateral = false;
  std::vector<std::string> landmarks;
  std::vector<std::string> sources;
};

struct Attachment {
  std::vector<std::string> landmarks;  // an ordered polyline along the attachment line
  std::string text;
  std::vector<std::string> sources;
};

// Modelling parameters of a part's mesh (not anatomical facts): how thick its belly is and how
// much of each end is tendon or aponeurosis.
// A point of a column's edge: a landmark, moved sideways (toward the side's lateral) by shiftMm.
struct EdgePoint {
  std::string landmark;
  float shiftMm = 0.0f;
};

struct PartShape {
  float thicknessMm = 6.0f;
  float originTendon = 0.06f;     // fraction of the fibre length that is tendon at the origin
  float insertionTendon = 0.10f;  // and at the insertion
  // Optional per-end tendon fraction that varies across the part (v = 0..1), e.g. the
  // thoracolumbar aponeurosis of latissimus widening toward its lower edge.
  std::vector<float> originTendonAcross;
  // How far the belly spreads sideways between its first fibre (medial) and its last (lateral):
  // gives a column such as longissimus its width where its attachments are all in one line.
  float bellySpreadMm = 0.0f;
  // The part and the next part of the same muscle are one continuous sheet (trapezius, latissimus,
  // deltoid): they share their boundary fibre and their thickness runs across both.
  bool joinsNext = false;
  // How closely the sheet follows what lies beneath: 0 lets its fibres run straight across
  // hollows like a taut string, 1 lays it on the surface below wherever it is.
  float stick = 0.6f;
  // The tendon twists half a turn before the insertion (latissimus dorsi): the fibres listed first
  // at the origin insert at the end of the insertion listed last.
  bool twist = false;
  // A sheet that passes through bone leaves it along the body's outward direction; `rise` (0 to 1)
  // tilts that way upward: supraspinatus fills its fossa above the spine of the scapula instead
  // of riding over the spine's crest.
  float rise = 0.0f;
  // A column (the erector spinae): when both edges are given, its fibres run up between a medial
  // and a lateral edge (from the origin end, first, to the insertion end, last) instead of straight
  // from the origin line to the insertion line; its attachments lie along its length.
  std::vector<EdgePoint> medialEdge, lateralEdge;
  // Optional thickness profile from the origin end to the insertion end, as fractions of
  // thicknessMm (a column thick in the loins and thin at the top of the thorax).
  std::vector<float> thicknessAlong;
  bool column() const { return medialEdge.size() >= 2 && lateralEdge.size() >= 2; }
};

struct MusclePart {
  std::string id, name;
  Attachment origin, insertion;
  PartShape shape;
};

struct Innervation {
  std::string nerve, roots;
  std::vector<std::string> sources;
};

struct Disagreement {
  std::string field, text, follow;
  std::vector<std::string> sources;
};

struct Muscle {
  std::string id, name, latin, group;
  int layer = 0;
  bool bilateral = true;
  std::vector<MusclePart> parts;
  std::string fibreArrangement;
  Cited fibres, action, bloodSupply, note;
  Innervation innervation;
  std::vector<Disagreement> disagreements;
};

// A point given by landmarks: a landmark, or the point a fraction t of the way from one landmark to
// another; then moved by an offset in millimetres (x toward the side's lateral, y up, z anterior).
struct PointSpec {
  std::string landmark, to;  // `to` empty: the landmark itself
  float t = 0.5f;
  glm::vec3 offsetMm{0.0f};
};

// One piece of a region: the skin within radiusMm of the segment between two points (a sphere
// when they are the same), optionally only where the skin faces a direction (its normal's
// component along it at least facingMin), and only between two heights.
struct RegionShape {
  PointSpec from, to;
  float radiusMm = 30.0f;
  std::string facing;  // "", posterior, anterior, lateral, medial, superior, inferior
  float facingMin = 0.2f;
  std::optional<PointSpec> above, below;  // keep the skin above / below these points' heights
};

// A named area of the skin (the suprascapular region, the buttock, the little finger), defined
// from landmarks so that it follows the body whatever its mesh. A bilateral region is written for
// the left side and mirrored; a midline one straddles.
struct Region {
  std::string id, name, description;
  bool bilateral = true;
  std::vector<RegionShape> shapes;  // their union
  std::vector<std::string> sources;
};

// A myofascial trigger point: where it lies on its muscle part (u along the fibres from the origin,
// v across them from the first attachment landmark, both 0 to 1: the muscle's own surface
// coordinates, so it stays on the muscle whatever the mesh) and where it refers pain: its
// essential zone (always) and its spillover zone (sometimes), as regions.
struct TriggerPoint {
  std::string id, name, muscle, part;
  Cited location;
  float u = 0.5f, v = 0.5f;
  std::vector<std::string> essential, spillover;
  Cited activation;
  std::vector<std::string> sources;
  std::vector<Disagreement> disagreements;
};

struct Atlas {
  std::vector<Source> sources;
  std::vector<Layer> layers;
  std::vector<Landmark> landmarks;
  std::vector<Bone> bones;
  std::vector<Muscle> muscles;
  std::vector<Region> regions;               // optional file
  std::vector<TriggerPoint> triggerPoints;   // optional file

  const Region* region(const std::string& id) const;
  const TriggerPoint* triggerPoint(const std::string& id) const;
  // The point a spec names, on a side (bilateral landmarks and offsets mirrored for the right);
  // nullopt when a landmark is unknown.
  std::optional<glm::vec3> point(const PointSpec& spec, Side side) const;

  const Landmark* landmark(const std::string& id) const;
  const Muscle* muscle(const std::string& id) const;
  const Bone* bone(const std::string& id) const;
  const Layer* layer(int index) const;
  int deepestLayer() const;
  // Every id a structure can be addressed by (muscles, parts, bones, skin), for messages.
  std::vector<std::string> structureIds() const;
};

}  // namespace dorsum::core
