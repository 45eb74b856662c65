#include "kiosk/map_camera.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bk::kiosk {
namespace {
// Delfshaven with a margin, so the edge venues can still be centred (project box lon 4.42–4.49, lat 51.90–51.93).
constexpr double kMinLon = 4.415, kMaxLon = 4.495, kMinLat = 51.897, kMaxLat = 51.933;
}

double MapCamera::lon_to_u(double lon_deg) { return (lon_deg + 180.0) / 360.0; }
double MapCamera::lat_to_v(double lat_deg) {
    const double r = lat_deg * std::numbers::pi / 180.0;
    return (1.0 - std::log(std::tan(r) + 1.0 / std::cos(r)) / std::numbers::pi) / 2.0;
}
double MapCamera::u_to_lon(double u) { return u * 360.0 - 180.0; }
double MapCamera::v_to_lat(double v) {
    return std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * v))) * 180.0 / std::numbers::pi;
}

double MapCamera::world_px() const { return 256.0 * std::exp2(zoom_); }

void MapCamera::set_screen(double x_px, double y_px, double w_px, double h_px) {
    x_px_ = x_px;
    y_px_ = y_px;
    w_px_ = std::max(1.0, w_px);
    h_px_ = std::max(1.0, h_px);
}

void MapCamera::look_at(double lon_deg, double lat_deg, double zoom) {
    u_ = lon_to_u(lon_deg);
    v_ = lat_to_v(lat_deg);
    zoom_ = zoom;
    clamp();
}

void MapCamera::pan_by_px(double dx_px, double dy_px) {
    u_ -= dx_px / world_px();
    v_ -= dy_px / world_px();
    clamp();
}

void MapCamera::zoom_about(double zoom_delta, double sx_px, double sy_px) {
    const double before_u = u_ + (sx_px - (x_px_ + w_px_ / 2)) / world_px();
    const double before_v = v_ + (sy_px - (y_px_ + h_px_ / 2)) / world_px();
    zoom_ = std::clamp(zoom_ + zoom_delta, kMinZoom, kMaxZoom);
    u_ = before_u - (sx_px - (x_px_ + w_px_ / 2)) / world_px();
    v_ = before_v - (sy_px - (y_px_ + h_px_ / 2)) / world_px();
    clamp();
}

ImVec2 MapCamera::to_screen(double lon_deg, double lat_deg) const {
    const double w = world_px();
    return ImVec2(static_cast<float>(x_px_ + w_px_ / 2 + (lon_to_u(lon_deg) - u_) * w),
                  static_cast<float>(y_px_ + h_px_ / 2 + (lat_to_v(lat_deg) - v_) * w));
}

LonLatDeg MapCamera::to_lon_lat(double sx_px, double sy_px) const {
    const double w = world_px();
    return {u_to_lon(u_ + (sx_px - x_px_ - w_px_ / 2) / w), v_to_lat(v_ + (sy_px - y_px_ - h_px_ / 2) / w)};
}

LonLatDeg MapCamera::center() const { return {u_to_lon(u_), v_to_lat(v_)}; }

void MapCamera::clamp() {
    zoom_ = std::clamp(zoom_, kMinZoom, kMaxZoom);
    u_ = std::clamp(u_, lon_to_u(kMinLon), lon_to_u(kMaxLon));
    v_ = std::clamp(v_, lat_to_v(kMaxLat), lat_to_v(kMinLat));
}

}  // namespace bk::kiosk
