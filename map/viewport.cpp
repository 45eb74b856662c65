#include "map/viewport.hpp"

#include <algorithm>
#include <cmath>

namespace bk::map {

std::expected<ViewportLimits, Error> delfshaven_limits(const TileGrid& grid) {
    auto r = to_grid_rect(grid, kDelfshavenBox);
    if (!r) return std::unexpected(r.error());
    return ViewportLimits{*r, 13.0, 18.0};
}

Viewport::Viewport(GridPoint center, double zoom, ScreenSize screen, ViewportLimits limits)
    : center_(center), zoom_(zoom), screen_(screen), limits_(limits) {
    clamp();
}

std::expected<Viewport, Error> Viewport::create(const TileGrid& grid, LonLat center, double zoom, ScreenSize screen) {
    auto limits = delfshaven_limits(grid);
    if (!limits) return std::unexpected(limits.error());
    auto c = grid.to_grid(center);
    if (!c) return std::unexpected(c.error());
    return Viewport(*c, zoom, screen, *limits);
}

void Viewport::set_center(GridPoint c) {
    center_ = c;
    clamp();
}

void Viewport::set_zoom(double z) {
    zoom_ = z;
    clamp();
}

void Viewport::set_limits(ViewportLimits limits) {
    limits_ = limits;
    clamp();
}

void Viewport::clamp() {
    if (!std::isfinite(zoom_)) zoom_ = limits_.min_zoom;
    if (!std::isfinite(center_.u) || !std::isfinite(center_.v)) {
        center_ = {(limits_.center_bounds.min_u + limits_.center_bounds.max_u) / 2,
                   (limits_.center_bounds.min_v + limits_.center_bounds.max_v) / 2};
    }
    zoom_ = std::clamp(zoom_, limits_.min_zoom, limits_.max_zoom);
    const GridPoint before = center_;
    center_.u = std::clamp(center_.u, limits_.center_bounds.min_u, limits_.center_bounds.max_u);
    center_.v = std::clamp(center_.v, limits_.center_bounds.min_v, limits_.center_bounds.max_v);
    // Hitting the edge ends the fling along that axis.
    if (center_.u != before.u) velocity_px_s_.x_px = 0;
    if (center_.v != before.v) velocity_px_s_.y_px = 0;
}

ScreenPoint Viewport::to_screen(GridPoint p) const {
    const double s = world_px_per_unit();
    return {(p.u - center_.u) * s + screen_.w_px / 2, (p.v - center_.v) * s + screen_.h_px / 2};
}

GridPoint Viewport::to_grid(ScreenPoint p) const {
    const double s = world_px_per_unit();
    return {center_.u + (p.x_px - screen_.w_px / 2) / s, center_.v + (p.y_px - screen_.h_px / 2) / s};
}

GridRect Viewport::visible_rect() const {
    const GridPoint tl = to_grid({0, 0});
    const GridPoint br = to_grid({screen_.w_px, screen_.h_px});
    return {tl.u, tl.v, br.u, br.v};
}

void Viewport::pan_by(double dx_px, double dy_px) {
    stop_motion();
    const double s = world_px_per_unit();
    center_.u -= dx_px / s;
    center_.v -= dy_px / s;
    clamp();
}

void Viewport::zoom_around_no_stop(ScreenPoint anchor, double zoom_delta) {
    const GridPoint fixed = to_grid(anchor);
    zoom_ = std::clamp(zoom_ + zoom_delta, limits_.min_zoom, limits_.max_zoom);
    const double s = world_px_per_unit();
    // Choose the centre so that `fixed` projects back onto `anchor`.
    center_.u = fixed.u - (anchor.x_px - screen_.w_px / 2) / s;
    center_.v = fixed.v - (anchor.y_px - screen_.h_px / 2) / s;
    clamp();
}

void Viewport::zoom_around(ScreenPoint anchor, double zoom_delta) {
    stop_motion();
    zoom_around_no_stop(anchor, zoom_delta);
}

void Viewport::pinch(ScreenPoint from_mid, ScreenPoint to_mid, double scale) {
    stop_motion();
    const GridPoint fixed = to_grid(from_mid);
    if (scale > 0 && std::isfinite(scale)) zoom_ = std::clamp(zoom_ + std::log2(scale), limits_.min_zoom, limits_.max_zoom);
    const double s = world_px_per_unit();
    center_.u = fixed.u - (to_mid.x_px - screen_.w_px / 2) / s;
    center_.v = fixed.v - (to_mid.y_px - screen_.h_px / 2) / s;
    clamp();
}

void Viewport::animate_zoom(ScreenPoint anchor, double zoom_delta, double duration_s) {
    stop_motion();
    zoom_anim_.active = true;
    zoom_anim_.anchor = anchor;
    zoom_anim_.from_zoom = zoom_;
    zoom_anim_.to_zoom = std::clamp(zoom_ + zoom_delta, limits_.min_zoom, limits_.max_zoom);
    zoom_anim_.elapsed_s = 0;
    zoom_anim_.duration_s = std::max(duration_s, 1e-3);
    if (zoom_anim_.to_zoom == zoom_anim_.from_zoom) zoom_anim_.active = false;
}

void Viewport::fling(ScreenPoint v) {
    stop_motion();
    const double speed = std::hypot(v.x_px, v.y_px);
    if (!std::isfinite(speed) || speed < kinetic.stop_below_px_s) return;
    const double k = speed > kinetic.max_speed_px_s ? kinetic.max_speed_px_s / speed : 1.0;
    velocity_px_s_ = {v.x_px * k, v.y_px * k};
    kinetic_active_ = true;
}

void Viewport::stop_motion() {
    zoom_anim_.active = false;
    kinetic_active_ = false;
    velocity_px_s_ = {};
}

void Viewport::update(double dt_s) {
    if (!(dt_s > 0) || !std::isfinite(dt_s)) return;
    if (zoom_anim_.active) {
        zoom_anim_.elapsed_s = std::min(zoom_anim_.elapsed_s + dt_s, zoom_anim_.duration_s);
        const double t = zoom_anim_.elapsed_s / zoom_anim_.duration_s;
        const double eased = 1.0 - (1.0 - t) * (1.0 - t) * (1.0 - t);  // ease-out cubic
        const double target = zoom_anim_.from_zoom + (zoom_anim_.to_zoom - zoom_anim_.from_zoom) * eased;
        zoom_around_no_stop(zoom_anim_.anchor, target - zoom_);
        if (t >= 1.0) zoom_anim_.active = false;
    }
    if (kinetic_active_) {
        // Exact integral of v0 * exp(-k t) over the step, then decay the velocity.
        const double k = kinetic.decay_per_s;
        const double decay = std::exp(-k * dt_s);
        const double dist_factor = k > 0 ? (1.0 - decay) / k : dt_s;
        const double s = world_px_per_unit();
        center_.u -= velocity_px_s_.x_px * dist_factor / s;
        center_.v -= velocity_px_s_.y_px * dist_factor / s;
        velocity_px_s_.x_px *= decay;
        velocity_px_s_.y_px *= decay;
        clamp();
        if (std::hypot(velocity_px_s_.x_px, velocity_px_s_.y_px) < kinetic.stop_below_px_s) {
            kinetic_active_ = false;
            velocity_px_s_ = {};
        }
    }
}

}  // namespace bk::map
