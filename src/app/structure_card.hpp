#pragma once
// What the structure panel shows for a selection, read from the atlas: names, layer and side,
// origin, insertion, action, innervation, blood supply, teaching note, disagreements and sources.
#include "app/scene_source.hpp"
#include "ui/explore_panels.hpp"

#include <optional>
#include <string>

namespace dorsum::app {

// For an id as the viewer selects it: a node ("rhomboid_major_l"), a muscle or a bone id.
std::optional<ui::StructureCard> structureCard(const LoadedScene& loaded, const std::string& id);
// The rows of the searchable list: every muscle, then every bone.
std::vector<ui::ListEntry> structureList(const LoadedScene& loaded);
std::vector<ui::LayerEntry> layerEntries(const LoadedScene& loaded);
// Trigger points by layer and muscle, and the body regions, for the lists.
std::vector<ui::TriggerEntry> triggerEntries(const LoadedScene& loaded);
std::vector<ui::RegionEntry> regionEntries(const LoadedScene& loaded);
// The card for the state's chosen trigger point or region (none when neither is chosen).
std::optional<ui::ReferralCard> referralCard(const LoadedScene& loaded, const core::ViewState& state);
// A structure's display name for tooltips and labels ("Trapezius, ascending part").
std::string displayName(const LoadedScene& loaded, const core::Structure& s);

}  // namespace dorsum::app
