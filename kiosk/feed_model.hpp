// FeedModel — what the screens derive from one Feed snapshot: a marker per venue with its colour
// group (the main category of the venue's activities), and the legend groups.
// Usage: model.set(feed); for (auto& m : model.markers()) draw(m); colour = legend_groups()[m.group].colour
// Main thread (rebuilt when the updater publishes a new snapshot; cheap: one pass over activities).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <string>
#include <vector>

#include "data/feed.hpp"

namespace bk::kiosk {

// One category scheme for the legend, the markers and the filters: the feed's categories fall
// into seven colour families, each named by its own catalogue key ("group.food", ...).
struct LegendGroup {
    std::string_view key;          // i18n key of the family's name
    ImU32 colour;
    ImU32 colour_high_contrast;
};

// Seven calm, distinguishable colours; the last ("together") also takes unknown categories.
std::span<const LegendGroup> legend_groups();
int category_group(std::string_view category_id);
// The vocabulary categories of family `group` (data::categories() order).
std::vector<std::string> group_categories(int group);

struct VenueMarker {
    std::uint32_t venue = 0;
    double lon_deg = 0;
    double lat_deg = 0;
    int group = 0;
};

class FeedModel {
public:
    void set(data::FeedPtr feed);
    const data::FeedPtr& feed() const { return feed_; }
    const std::vector<VenueMarker>& markers() const { return markers_; }
    const data::Venue* venue(std::string_view id) const;

private:
    data::FeedPtr feed_;
    std::vector<VenueMarker> markers_;
};

}  // namespace bk::kiosk
