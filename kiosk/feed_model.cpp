#include "kiosk/feed_model.hpp"

#include <array>
#include <map>

#include "data/vocab.hpp"

namespace bk::kiosk {

std::span<const LegendGroup> legend_groups() {
    static const std::array<LegendGroup, 7> groups = {{
        {"group.food", IM_COL32(208, 98, 62, 255), IM_COL32(190, 60, 0, 255)},        // food & coffee
        {"group.learn", IM_COL32(42, 128, 140, 255), IM_COL32(0, 110, 150, 255)},      // language & learning
        {"group.help", IM_COL32(64, 96, 168, 255), IM_COL32(20, 40, 170, 255)},        // help & advice
        {"group.kids", IM_COL32(222, 160, 30, 255), IM_COL32(200, 140, 0, 255)},       // children & play
        {"group.move", IM_COL32(86, 146, 70, 255), IM_COL32(0, 120, 30, 255)},         // moving & green
        {"group.creative", IM_COL32(150, 88, 158, 255), IM_COL32(130, 20, 160, 255)},  // creative & music
        {"group.together", IM_COL32(180, 84, 110, 255), IM_COL32(170, 0, 70, 255)},    // together
    }};
    return groups;
}

int category_group(std::string_view c) {
    static const std::map<std::string_view, int> group = {
        {"maaltijd", 0},  {"koffie", 0},     {"taal", 1},       {"werk", 1},       {"computer", 1},
        {"spreekuur", 2}, {"formulierhulp", 2}, {"geldzaken", 2}, {"gezondheid", 2}, {"kinderen", 3},
        {"spel", 3},      {"sport", 4},      {"wandelen", 4},   {"groen", 4},      {"creatief", 5},
        {"muziek", 5},    {"gespreksgroep", 6},
    };
    auto it = group.find(c);
    return it == group.end() ? 6 : it->second;
}

std::vector<std::string> group_categories(int group) {
    std::vector<std::string> out;
    for (const auto& c : data::categories())
        if (category_group(c.id) == group) out.emplace_back(c.id);
    return out;
}

void FeedModel::set(data::FeedPtr feed) {
    feed_ = std::move(feed);
    markers_.clear();
    if (!feed_) return;
    // Count categories per venue; the most frequent one colours the marker (ties: legend order).
    std::vector<std::array<int, 7>> counts(feed_->venues.size(), std::array<int, 7>{});
    for (const auto& a : feed_->activities) {
        if (a.venue >= counts.size()) continue;
        for (const auto& c : a.categories) counts[a.venue][static_cast<std::size_t>(category_group(c))]++;
    }
    for (std::uint32_t i = 0; i < feed_->venues.size(); ++i) {
        const auto& v = feed_->venues[i];
        int best = 0;
        for (int g = 1; g < 7; ++g)
            if (counts[i][g] > counts[i][best]) best = g;
        if (counts[i][best] == 0) best = v.kind == "speeltuin" ? 3 : v.kind == "groenplek" ? 4 : 6;
        markers_.push_back({i, v.location.lon_deg, v.location.lat_deg, best});
    }
}

const data::Venue* FeedModel::venue(std::string_view id) const {
    if (!feed_) return nullptr;
    auto i = feed_->find_venue(id);
    return i ? &feed_->venues[*i] : nullptr;
}

}  // namespace bk::kiosk
