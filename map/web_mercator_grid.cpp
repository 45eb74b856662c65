#include "map/web_mercator_grid.hpp"

#include "map/str_cat.hpp"

#include <cmath>
#include <numbers>

namespace bk::map {

std::expected<GridPoint, Error> WebMercatorGrid::to_grid(LonLat p) const {
    if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || std::abs(p.lat_deg) > kMaxLatDeg ||
        std::abs(p.lon_deg) > 180.0) {
        return std::unexpected(Error{ErrorKind::InvalidArgument,
                                     str_cat("lon/lat (", p.lon_deg, ", ", p.lat_deg,
                                             ") outside Web Mercator: expected |lon| <= 180, |lat| <= ", kMaxLatDeg)});
    }
    constexpr double pi = std::numbers::pi;
    const double lat_rad = p.lat_deg * pi / 180.0;
    const double u = (p.lon_deg + 180.0) / 360.0;
    const double v = (1.0 - std::asinh(std::tan(lat_rad)) / pi) / 2.0;
    return GridPoint{u, v};
}

std::expected<LonLat, Error> WebMercatorGrid::to_lon_lat(GridPoint p) const {
    if (!std::isfinite(p.u) || !std::isfinite(p.v)) {
        return std::unexpected(Error{ErrorKind::InvalidArgument, str_cat("grid point (", p.u, ", ", p.v, ") not finite")});
    }
    constexpr double pi = std::numbers::pi;
    const double lon = p.u * 360.0 - 180.0;
    const double lat = std::atan(std::sinh(pi * (1.0 - 2.0 * p.v))) * 180.0 / pi;
    return LonLat{lon, lat};
}

GridPoint WebMercatorGrid::to_grid(WebMercator m) {
    return {(m.x_m + kHalfExtentM) / (2 * kHalfExtentM), (kHalfExtentM - m.y_m) / (2 * kHalfExtentM)};
}

WebMercator WebMercatorGrid::to_web_mercator(GridPoint p) {
    return {p.u * 2 * kHalfExtentM - kHalfExtentM, kHalfExtentM - p.v * 2 * kHalfExtentM};
}

NativeBounds WebMercatorGrid::tile_bounds_native(TileId id) const {
    const GridRect r = tile_bounds(id);
    const WebMercator tl = to_web_mercator({r.min_u, r.min_v});
    const WebMercator br = to_web_mercator({r.max_u, r.max_v});
    return {tl.x_m, br.y_m, br.x_m, tl.y_m};
}

}  // namespace bk::map
