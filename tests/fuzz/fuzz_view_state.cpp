// Fuzz target: view state files (`--state FILE`, the viewer's --report, saved views and lessons),
// read against the baked body as the CLI and the viewer read them. A wrong file must come back as
// one short UserError; a state that reads must write back the same JSON and take every kind of
// command without throwing.
#include "fuzz_common.hpp"

#include "core/anatomy/atlas_model.hpp"
#include "core/anatomy/referral.hpp"
#include "core/error.hpp"
#include "core/geometry/bvh.hpp"
#include "core/model_io.hpp"
#include "core/strokes/routine.hpp"
#include "core/view/view_state.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <exception>
#include <string>

using namespace dorsum;

namespace {
struct Body {
  core::Atlas atlas = core::loadAtlasOrThrow(std::nullopt);
  core::AtlasModel model = [this] {
    const std::string glb = core::readTextFile(DORSUM_BAKED_ATLAS, "The baked body");
    return core::describeScene(atlas, core::loadModelFromMemory(glb, "glb", "the baked body"),
                               core::glbStructureTable(glb, "the baked body"), "the baked body");
  }();
  core::Bvh bvh{model.scene};
  core::ReferralMap referral{atlas, model.scene, model.structures};
  core::RoutineSet routines = core::loadRoutinesOrThrow(atlas);
  core::ViewContext ctx = [this] {
    core::ViewContext c = core::ViewContext::of(model.scene, model.structures, atlas.deepestLayer());
    c.bvh = &bvh;
    c.referral = &referral;
    c.atlas = &atlas;
    c.routines = &routines;
    return c;
  }();
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Body body;
  const core::ViewContext& ctx = body.ctx;
  const std::string text(reinterpret_cast<const char*>(data), size);
  core::ViewState state;
  try {
    state = core::viewStateFromText(text, "The view state file 'state.json'", ctx);
  } catch (const core::UserError& e) {
    const std::string message = e.what();
    if (message.size() > fuzz::kMaxDiagnosticBytes)
      fuzz::finding("a message of " + std::to_string(message.size()) + " bytes: " + message.substr(0, 200));
    return 0;
  } catch (const std::exception& e) {
    fuzz::finding(std::string("an exception other than UserError left the view state reader: ") + e.what());
  }
  try {
    const nlohmann::json written = core::toJson(state);
    const core::ViewState again = core::viewStateFromText(written.dump(), "the state written back", ctx);
    if (core::toJson(again) != written) fuzz::finding("a state that does not read back as written: " + written.dump().substr(0, 400));
    (void)core::displaysOf(ctx, state);
    for (const core::Command& c : {core::Command::setPeel(ctx.deepestLayer), core::Command::goToView(core::StandardView::Left),
                                   core::Command::setPresenting(!state.presenting), core::Command::seekRoutine(1.0f),
                                   core::Command::clearReferral(), core::Command::undo(), core::Command::reset()})
      (void)core::apply(ctx, state, c);
  } catch (const std::exception& e) {
    fuzz::finding(std::string("a state that read could not be used: ") + e.what());
  }
  return 0;
}
