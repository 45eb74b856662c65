// Projection — a PROJ transformation between two EPSG coordinate systems, plus typed helpers
// for the three systems the kiosk uses: WGS84 (EPSG:4326), Web Mercator (EPSG:3857), RD New (EPSG:28992).
//
// Usage:
//   auto p = bk::map::Projection::create(4326, 28992);        // std::expected<Projection, Error>
//   auto rd = p->forward(4.45, 51.91);                          // lon/lat in → x/y metres out
//   auto geo = bk::map::GeoConverter::create();                 // all three systems
//   std::expected<RdNew, Error> r = geo->to_rd_new(LonLat{5.387, 52.155});
// Axis order: proj_normalize_for_visualization is applied, so geographic coordinates are always
// (lon, lat) and projected ones (easting, northing).
// Accuracy: PROJ's own database picks the transformation (for RD New without grids, the EPSG
// Helmert 7-parameter shift, about 1 m). Hand-written proj4 strings are NOT used (they lose the datum shift).
// Threads: each object owns its own PJ_CONTEXT and is NOT shared across threads: create one per
// thread (creation reads proj.db, a few ms). Move-only.
#pragma once

#include "map/error.hpp"
#include "map/geo_types.hpp"

#include <expected>
#include <utility>

struct pj_ctx;
struct PJconsts;

namespace bk::map {

class Projection {
public:
    static std::expected<Projection, Error> create(int source_epsg, int target_epsg);

    Projection(Projection&& other) noexcept;
    Projection& operator=(Projection&& other) noexcept;
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;
    ~Projection();

    // source → target; error kind Projection names the input and the PROJ message.
    std::expected<std::pair<double, double>, Error> forward(double x, double y) const;
    // target → source.
    std::expected<std::pair<double, double>, Error> inverse(double x, double y) const;

    int source_epsg() const { return source_epsg_; }
    int target_epsg() const { return target_epsg_; }

private:
    Projection() = default;
    std::expected<std::pair<double, double>, Error> run(int direction, double x, double y) const;
    void reset();

    pj_ctx* ctx_ = nullptr;
    PJconsts* pj_ = nullptr;
    int source_epsg_ = 0;
    int target_epsg_ = 0;
};

// Typed conversions between LonLat, WebMercator and RdNew. Same thread rules as Projection.
class GeoConverter {
public:
    static std::expected<GeoConverter, Error> create();

    std::expected<WebMercator, Error> to_web_mercator(LonLat p) const;
    std::expected<RdNew, Error> to_rd_new(LonLat p) const;
    std::expected<LonLat, Error> to_lon_lat(WebMercator p) const;
    std::expected<LonLat, Error> to_lon_lat(RdNew p) const;
    std::expected<RdNew, Error> to_rd_new(WebMercator p) const;
    std::expected<WebMercator, Error> to_web_mercator(RdNew p) const;

private:
    GeoConverter(Projection wgs_to_merc, Projection wgs_to_rd)
        : wgs_to_merc_(std::move(wgs_to_merc)), wgs_to_rd_(std::move(wgs_to_rd)) {}
    Projection wgs_to_merc_;
    Projection wgs_to_rd_;
};

}  // namespace bk::map
