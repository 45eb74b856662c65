#include "data/geo.hpp"

#include <cmath>
#include <numbers>

namespace bk::data {

double haversine_m(LatLon a, LatLon b) {
    constexpr double kEarthRadiusM = 6371008.8;  // mean radius (IUGG)
    constexpr double kRad = std::numbers::pi / 180.0;
    double dlat = (b.lat_deg - a.lat_deg) * kRad;
    double dlon = (b.lon_deg - a.lon_deg) * kRad;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.lat_deg * kRad) * std::cos(b.lat_deg * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

double walking_distance_m(LatLon a, LatLon b) {
    return haversine_m(a, b) * kDetourFactor;
}

int walking_minutes(double walking_m) {
    double minutes = walking_m / (kWalkingSpeedKmh * 1000.0 / 60.0);
    return int(std::ceil(minutes - 1e-9));
}

}  // namespace bk::data
