// Walking distance on foot between two WGS84 points.
//
// Usage:
//   double m = bk::data::walking_distance_m(a, b);   // haversine × kDetourFactor
//   int min = bk::data::walking_minutes(m);           // at kWalkingSpeedKmh, rounded up
// The detour factor approximates street-grid walking (Delfshaven: canals, few diagonals).
// Threads: any thread.
#pragma once
#include "data/venue.hpp"

namespace bk::data {

inline constexpr double kDetourFactor = 1.25;
inline constexpr double kWalkingSpeedKmh = 4.8;

double haversine_m(LatLon a, LatLon b);
double walking_distance_m(LatLon a, LatLon b);
int walking_minutes(double walking_m);

}  // namespace bk::data
