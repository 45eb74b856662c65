// geometry — the planar helpers the extract tool and the baker need, in Web Mercator metres.
//
// What: Douglas–Peucker simplification of lines and rings, clipping to a box (lines: Liang–Barsky per
// segment; rings: Sutherland–Hodgman), ring area, point-in-polygon and a label point well inside a polygon.
// Usage: auto pieces = clip_polyline(line, box); auto s = simplify_polyline(pieces[0], 0.5);
// Limits: Sutherland–Hodgman may leave zero-width slivers along the box edge for concave rings; harmless for
// filling. label_point is a grid search (polylabel-like), good to ~1% of the polygon size. Any thread.
#pragma once
#include <vector>

#include "map/basemap/basemap.hpp"

namespace bk::map::basemap {

std::vector<MercatorPoint> simplify_polyline(const std::vector<MercatorPoint>& line, double tolerance_m);
// Ring without closing point; result keeps >= 3 points or is empty when the ring collapses.
Ring simplify_ring(const Ring& ring, double tolerance_m);

std::vector<Polyline> clip_polyline(const Polyline& line, const MercatorBox& box);
Ring clip_ring(const Ring& ring, const MercatorBox& box);

double signed_area_m2(const Ring& ring);      // shoelace; > 0 counter-clockwise (y up)
double polygon_area_m2(const Polygon& poly);  // |outer| - sum |holes|
MercatorBox bounds_of(const std::vector<MercatorPoint>& pts);
bool contains(const Polygon& poly, MercatorPoint p);  // even-odd over all rings
// Signed distance from p to the polygon outline: > 0 inside, < 0 outside.
double signed_distance_m(const Polygon& poly, MercatorPoint p);
// Distance from p to the segment a–b (the extractor's "near a line" tests use it).
double point_segment_distance_m(MercatorPoint p, MercatorPoint a, MercatorPoint b);
// A point inside the polygon far from its edges (pole of inaccessibility, approximated).
MercatorPoint label_point(const Polygon& poly);

}  // namespace bk::map::basemap
