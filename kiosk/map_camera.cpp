#include "kiosk/map_camera.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "map/web_mercator_grid.hpp"

namespace bk::kiosk {
namespace {

// Delfshaven with a margin, so the edge venues can still be centred (project box lon 4.42–4.49, lat 51.90–51.93).
constexpr map::LonLatBox kCameraBox{4.415, 51.897, 4.495, 51.933};

const map::WebMercatorGrid& grid() {
    static const map::WebMercatorGrid g;  // stateless: safe to share
    return g;
}

// Web Mercator grid point of any lon/lat: latitudes beyond the square's edge are clamped onto it.
map::GridPoint grid_point(double lon_deg, double lat_deg) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!std::isfinite(lon_deg) || !std::isfinite(lat_deg)) return {nan, nan};
    const double lat = std::clamp(lat_deg, -map::WebMercatorGrid::kMaxLatDeg, map::WebMercatorGrid::kMaxLatDeg);
    const double lon = std::clamp(lon_deg, -180.0, 180.0);
    auto g = grid().to_grid(map::LonLat{lon, lat});
    return g ? *g : map::GridPoint{nan, nan};
}

LonLatDeg lon_lat(map::GridPoint p) {
    auto ll = grid().to_lon_lat(p);
    if (!ll) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return {ll->lon_deg, ll->lat_deg};
}

map::ViewportLimits camera_limits() {
    const map::GridPoint tl = grid_point(kCameraBox.min_lon_deg, kCameraBox.max_lat_deg);
    const map::GridPoint br = grid_point(kCameraBox.max_lon_deg, kCameraBox.min_lat_deg);
    return map::ViewportLimits{{tl.u, tl.v, br.u, br.v}, MapCamera::kMinZoom, MapCamera::kMaxZoom};
}

}  // namespace

MapCamera::MapCamera() : view_(map::GridPoint{0.5, 0.5}, 15.0, map::ScreenSize{1280, 800}, camera_limits()) {}

double MapCamera::lon_to_u(double lon_deg) { return grid_point(lon_deg, 0.0).u; }
double MapCamera::lat_to_v(double lat_deg) { return grid_point(0.0, lat_deg).v; }
double MapCamera::u_to_lon(double u) { return lon_lat({u, 0.5}).lon_deg; }
double MapCamera::v_to_lat(double v) { return lon_lat({0.5, v}).lat_deg; }

double MapCamera::world_px() const { return view_.world_px_per_unit(); }

void MapCamera::set_screen(double x_px, double y_px, double w_px, double h_px) {
    x_px_ = x_px;
    y_px_ = y_px;
    view_.set_screen_size({std::max(1.0, w_px), std::max(1.0, h_px)});
}

void MapCamera::look_at(double lon_deg, double lat_deg, double zoom) {
    view_.stop_motion();
    view_.set_zoom(zoom);
    view_.set_center(grid_point(lon_deg, lat_deg));
}

void MapCamera::pan_by_px(double dx_px, double dy_px) { view_.pan_by(dx_px, dy_px); }

void MapCamera::zoom_about(double zoom_delta, double sx_px, double sy_px) {
    view_.zoom_around(local(sx_px, sy_px), zoom_delta);
}

void MapCamera::animate_zoom_about(double zoom_delta, double sx_px, double sy_px, double duration_s) {
    view_.animate_zoom(local(sx_px, sy_px), zoom_delta, duration_s);
}

void MapCamera::fling(double vx_px_s, double vy_px_s) { view_.fling({vx_px_s, vy_px_s}); }

ImVec2 MapCamera::to_screen(double lon_deg, double lat_deg) const {
    const map::ScreenPoint p = view_.to_screen(grid_point(lon_deg, lat_deg));
    return ImVec2(static_cast<float>(x_px_ + p.x_px), static_cast<float>(y_px_ + p.y_px));
}

LonLatDeg MapCamera::to_lon_lat(double sx_px, double sy_px) const { return lon_lat(view_.to_grid(local(sx_px, sy_px))); }

LonLatDeg MapCamera::center() const { return lon_lat(view_.center()); }

}  // namespace bk::kiosk
