// Viewport — what the map shows: centre (grid units), fractional zoom and screen size in px,
// with the gestures' math: pan, zoom around a point, pinch, animated double-tap zoom and kinetic
// panning, all clamped to the Delfshaven box and zoom [13, 18]. Pure math, no SDL.
//
// Usage (main thread):
//   WebMercatorGrid grid;
//   Viewport view = *Viewport::create(grid, LonLat{4.45, 51.91}, 15.0, ScreenSize{1920, 1080});
//   view.pan_by(dx_px, dy_px);                         // finger moved by (dx, dy)
//   view.zoom_around(finger_px, +0.5);                 // the point under the finger stays put
//   view.animate_zoom(tap_px, 1.0);                    // double tap: +1 over 250 ms
//   view.fling(velocity_px_s);                         // finger lifted while moving
//   view.update(dt_s);                                 // every frame; is_animating() -> keep drawing
// Threads: main thread only (plain value type).
#pragma once

#include "map/error.hpp"
#include "map/geo_types.hpp"
#include "map/tile_grid.hpp"

#include <expected>

namespace bk::map {

struct ViewportLimits {
    GridRect center_bounds{0, 0, 1, 1};
    double min_zoom = 13.0;
    double max_zoom = 18.0;
};

// Limits for the Delfshaven box (kDelfshavenBox) and zoom [13, 18] in `grid`.
std::expected<ViewportLimits, Error> delfshaven_limits(const TileGrid& grid);

struct KineticSettings {
    double decay_per_s = 4.0;         // velocity *= exp(-decay_per_s * dt): ~half after 0.17 s
    double stop_below_px_s = 15.0;    // motion stops below this speed
    double max_speed_px_s = 6000.0;   // flings faster than this are capped
};

class Viewport {
public:
    Viewport(GridPoint center, double zoom, ScreenSize screen, ViewportLimits limits = {});
    static std::expected<Viewport, Error> create(const TileGrid& grid, LonLat center, double zoom, ScreenSize screen);

    GridPoint center() const { return center_; }
    double zoom() const { return zoom_; }
    ScreenSize screen() const { return screen_; }
    const ViewportLimits& limits() const { return limits_; }

    void set_center(GridPoint c);
    void set_zoom(double z);
    void set_screen_size(ScreenSize s) { screen_ = s; }
    void set_limits(ViewportLimits limits);

    ScreenPoint to_screen(GridPoint p) const;
    GridPoint to_grid(ScreenPoint p) const;
    GridRect visible_rect() const;
    double world_px_per_unit() const { return world_size_px(zoom_); }

    // Gestures (each stops a running animation / fling unless noted).
    void pan_by(double dx_px, double dy_px);                           // content follows the finger
    void zoom_around(ScreenPoint anchor, double zoom_delta);           // anchor's map point stays fixed
    // Two-finger step: the map point under `from_mid` ends under `to_mid`, zoom by log2(scale).
    void pinch(ScreenPoint from_mid, ScreenPoint to_mid, double scale);
    void animate_zoom(ScreenPoint anchor, double zoom_delta, double duration_s = 0.25);
    void fling(ScreenPoint velocity_px_s);
    void stop_motion();

    void update(double dt_s);  // advances zoom animation and kinetic panning
    bool is_animating() const { return zoom_anim_.active || kinetic_active_; }
    ScreenPoint kinetic_velocity() const { return velocity_px_s_; }

    KineticSettings kinetic;

private:
    void clamp();
    void zoom_around_no_stop(ScreenPoint anchor, double zoom_delta);

    GridPoint center_;
    double zoom_;
    ScreenSize screen_;
    ViewportLimits limits_;

    struct ZoomAnimation {
        bool active = false;
        ScreenPoint anchor;
        double from_zoom = 0, to_zoom = 0, elapsed_s = 0, duration_s = 0.25;
    } zoom_anim_;
    bool kinetic_active_ = false;
    ScreenPoint velocity_px_s_;
};

}  // namespace bk::map
