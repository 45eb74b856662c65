#include "map/basemap/boundary_lines.hpp"

#include <cmath>
#include <cstdint>
#include <set>
#include <utility>

namespace bk::map::basemap {

namespace {

using Key = std::pair<std::int64_t, std::int64_t>;
Key key_of(MercatorPoint p) { return {std::llround(p.x_m * 10), std::llround(p.y_m * 10)}; }  // 0.1 m grid
std::pair<Key, Key> edge_key(MercatorPoint a, MercatorPoint b) {
    Key ka = key_of(a), kb = key_of(b);
    return ka < kb ? std::pair{ka, kb} : std::pair{kb, ka};
}

}  // namespace

std::vector<Polyline> unique_boundary_lines(const std::vector<Area>& areas, const std::vector<Area>& skip_areas) {
    std::set<std::pair<Key, Key>> seen;
    for (const auto& a : skip_areas)
        for (const auto& ring : a.polygon.rings)
            for (std::size_t i = 0; i < ring.size(); ++i) seen.insert(edge_key(ring[i], ring[(i + 1) % ring.size()]));

    std::vector<Polyline> out;
    for (const auto& a : areas) {
        for (const auto& ring : a.polygon.rings) {
            const std::size_t n = ring.size();
            if (n < 2) continue;
            // Start the walk just after an already-seen edge so a run that wraps around stays one line.
            std::size_t start = 0;
            for (std::size_t i = 0; i < n; ++i)
                if (seen.contains(edge_key(ring[i], ring[(i + 1) % n]))) {
                    start = (i + 1) % n;
                    break;
                }
            Polyline cur;
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t i = (start + k) % n;
                const auto a_pt = ring[i], b_pt = ring[(i + 1) % n];
                if (!seen.insert(edge_key(a_pt, b_pt)).second) {
                    if (cur.size() >= 2) out.push_back(std::move(cur));
                    cur.clear();
                    continue;
                }
                if (cur.empty()) cur.push_back(a_pt);
                cur.push_back(b_pt);
            }
            if (cur.size() >= 2) out.push_back(std::move(cur));
        }
    }
    return out;
}

}  // namespace bk::map::basemap
