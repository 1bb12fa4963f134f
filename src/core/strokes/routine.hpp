#pragma once
// Massage techniques, tools, pressures, and routines of strokes (assets/routines/*.json). A stroke's
// path is given by landmarks, a muscle's own surface coordinates, the spinous processes or a trigger
// point, so it stays on any body the atlas builds. Pure data and its reading; the motion is in
// core/strokes/stroke_motion.hpp.
#include "core/atlas/atlas.hpp"
#include "core/atlas/atlas_loader.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dorsum::core {

enum class Technique {
  Effleurage,          // long gliding strokes, lighter on the return
  Kneading,            // petrissage: both hands alternately lifting and squeezing a muscle mass
  ThumbPressure,       // both thumbs beside (never on) the spinous processes, one vertebra at a time
  CrossFibreFriction,  // a short oscillation across the fibres under the contact
  Stripping,           // a slow deep glide along the fibres, origin to insertion
  Compression,         // direct sustained (ischemic) pressure on a knot
  CircularFriction,    // small circles on a knot
  Stretch,             // two thumbs drawing a knot apart along the fibres
  Pincer,              // pincer compression across a free border
};

enum class Tool { Palm, BothPalms, Thumb, BothThumbs, Fingertips, Knuckles, Fist, Elbow, Forearm };
enum class Pressure { Light, Medium, Deep };

struct ToolShape {
  float radiusMm;   // contact radius
  float lengthMm;   // along the stroke (a forearm is long, a thumb is round)
  int contacts;     // hands or thumbs at once
};

const char* techniqueName(Technique t);
const char* toolName(Tool t);
const char* pressureName(Pressure p);
std::optional<Technique> parseTechnique(const std::string& s);
std::optional<Tool> parseTool(const std::string& s);
std::optional<Pressure> parsePressure(const std::string& s);
ToolShape toolShape(Tool t);
// How far into the body, beneath the first muscle under the contact, a pressure reaches (metres).
float pressureDepth(Pressure p);

// Where a stroke goes. Exactly one kind is given.
struct StrokePath {
  std::vector<PointSpec> points;       // a polyline through landmark points (left side; mirrored for the right)
  std::string muscle;                  // a muscle part: along its fibres at `across`, from u0 to u1
  float across = 0.5f, u0 = 0.1f, u1 = 0.9f;
  std::vector<std::string> vertebrae;  // spinous processes in order (landmark ids), `besideMm` lateral to each
  float besideMm = 22.0f;
  std::string triggerPoint;            // a trigger point (a knot)
};

enum class Sides { Left, Right, Both };

struct Stroke {
  Technique technique = Technique::Effleurage;
  Tool tool = Tool::BothPalms;
  Pressure pressure = Pressure::Medium;
  StrokePath path;
  Sides sides = Sides::Both;
  int repetitions = 1;
  float durationS = 10.0f;  // all repetitions together
  std::string caption;      // what it does, why, cautions
};

struct Routine {
  std::string id, name, description;
  std::vector<Stroke> strokes;
  std::vector<std::string> sources;
  float duration() const;  // the sum of its strokes
};

struct RoutineSet {
  std::vector<Routine> routines;
  // What each technique is, how it is done, with its sources (techniques.json); and the cautions
  // every routine shares.
  std::map<Technique, Cited> techniques;
  std::vector<Cited> cautions;
  const Routine* routine(const std::string& id) const;
};

struct RoutineLoad {
  RoutineSet set;
  std::vector<Diagnostic> problems;
  bool ok() const { return problems.empty(); }
};

// Reads routine files (one routine each, or the techniques file), checking techniques, tools, pressures and every landmark,
// muscle part, trigger point and source against the atlas.
RoutineLoad loadRoutineFiles(const std::vector<AtlasFile>& files, const Atlas& atlas);
RoutineLoad loadEmbeddedRoutines(const Atlas& atlas);
// The built-in routines (or those of a folder), throwing UserError on the first problem.
RoutineSet loadRoutinesOrThrow(const Atlas& atlas, const std::optional<std::filesystem::path>& dir = std::nullopt);

}  // namespace dorsum::core
