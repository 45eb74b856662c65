// MapCamera — what part of the Web Mercator world the screen shows: centre, fractional zoom, size.
// A thin kiosk-side wrapper over bk::map::Viewport (the one implementation of the projection, the
// gesture math and the clamping); it adds the map area's offset on screen (below the top bar) and
// lon/lat + ImVec2 conveniences for the screens.
// Usage: MapCamera cam; cam.set_screen(0, 80, 1280, 720); cam.look_at(4.45, 51.91, 15); auto p = cam.to_screen(lon, lat);
//        kinetic panning / double-tap animation: cam.fling(vx, vy); cam.animate_zoom_about(1, x, y);
//        each frame cam.update(dt_s); keep drawing while cam.is_animating().
// Limits: zoom clamped to [kMinZoom, kMaxZoom]; the centre is kept inside the Delfshaven box (with a
// small margin so edge venues can be centred). Screen coordinates include the area's offset.
// Main thread only (plain value type).
#pragma once
#include <imgui.h>

#include "map/viewport.hpp"

namespace bk::kiosk {

struct LonLatDeg {
    double lon_deg = 0;
    double lat_deg = 0;
};

class MapCamera {
public:
    static constexpr double kMinZoom = 14.0;
    static constexpr double kMaxZoom = 18.0;

    MapCamera();

    void set_screen(double x_px, double y_px, double w_px, double h_px);  // the map's area on screen
    void look_at(double lon_deg, double lat_deg, double zoom);
    void pan_by_px(double dx_px, double dy_px);             // content follows the finger
    void zoom_about(double zoom_delta, double sx_px, double sy_px);  // keeps the point under (sx, sy)
    ImVec2 to_screen(double lon_deg, double lat_deg) const;
    LonLatDeg to_lon_lat(double sx_px, double sy_px) const;
    LonLatDeg center() const;
    double zoom() const { return view_.zoom(); }
    double world_px() const;  // 256 * 2^zoom
    // Normalised Mercator (u, v in [0, 1]) of the centre; pixel of the centre = u * world_px().
    double center_u() const { return view_.center().u; }
    double center_v() const { return view_.center().v; }
    double x_px() const { return x_px_; }
    double y_px() const { return y_px_; }
    double w_px() const { return view_.screen().w_px; }
    double h_px() const { return view_.screen().h_px; }

    // Animated motion (Viewport's): double-tap zoom over duration_s, kinetic panning after a fling.
    void animate_zoom_about(double zoom_delta, double sx_px, double sy_px, double duration_s = 0.25);
    void fling(double vx_px_s, double vy_px_s);
    void stop_motion() { view_.stop_motion(); }
    void update(double dt_s) { view_.update(dt_s); }
    bool is_animating() const { return view_.is_animating(); }

    // The underlying viewport; its screen coordinates are relative to (x_px(), y_px()).
    const map::Viewport& viewport() const { return view_; }

    static double lon_to_u(double lon_deg);
    static double lat_to_v(double lat_deg);
    static double u_to_lon(double u);
    static double v_to_lat(double v);

private:
    map::ScreenPoint local(double sx_px, double sy_px) const { return {sx_px - x_px_, sy_px - y_px_}; }
    map::Viewport view_;
    double x_px_ = 0, y_px_ = 0;
};

}  // namespace bk::kiosk
