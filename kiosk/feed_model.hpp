// FeedModel — what the screens derive from one Feed snapshot: a marker per venue with its colour
// group (the main category of the venue's activities), and the legend groups.
// Usage: model.set(feed); for (auto& m : model.markers()) draw(m); colour = legend_groups()[m.group].colour
// Main thread (rebuilt when the updater publishes a new snapshot; cheap: one pass over activities).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "data/feed.hpp"

namespace bk::kiosk {

struct LegendGroup {
    std::string_view category_id;  // representative category (its translated name labels the group)
    ImU32 colour;
    ImU32 colour_high_contrast;
};

// Seven calm, distinguishable colours; the last is "other".
std::span<const LegendGroup> legend_groups();
int category_group(std::string_view category_id);

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
