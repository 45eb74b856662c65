// MapCamera — what part of the Web Mercator world the screen shows: centre, fractional zoom, size.
// Kiosk-side view state; the math is standard spherical Mercator (OSM "Slippy map tilenames").
// Usage: MapCamera cam; cam.set_screen(1280, 800); cam.look_at(4.45, 51.91, 15); auto p = cam.to_screen(lon, lat);
// Limits: zoom clamped to [kMinZoom, kMaxZoom]; the centre is kept inside the Delfshaven box.
// Main thread only (plain value type).
#pragma once
#include <imgui.h>

namespace bk::kiosk {

struct LonLatDeg {
    double lon_deg = 0;
    double lat_deg = 0;
};

class MapCamera {
public:
    static constexpr double kMinZoom = 14.0;
    static constexpr double kMaxZoom = 18.0;

    void set_screen(double x_px, double y_px, double w_px, double h_px);  // the map's area on screen
    void look_at(double lon_deg, double lat_deg, double zoom);
    void pan_by_px(double dx_px, double dy_px);             // content follows the finger
    void zoom_about(double zoom_delta, double sx_px, double sy_px);  // keeps the point under (sx, sy)
    ImVec2 to_screen(double lon_deg, double lat_deg) const;
    LonLatDeg to_lon_lat(double sx_px, double sy_px) const;
    LonLatDeg center() const;
    double zoom() const { return zoom_; }
    double world_px() const;  // 256 * 2^zoom
    // Normalised Mercator (u, v in [0, 1]) of the centre; pixel of the centre = u * world_px().
    double center_u() const { return u_; }
    double center_v() const { return v_; }
    double x_px() const { return x_px_; }
    double y_px() const { return y_px_; }
    double w_px() const { return w_px_; }
    double h_px() const { return h_px_; }

    static double lon_to_u(double lon_deg);
    static double lat_to_v(double lat_deg);
    static double u_to_lon(double u);
    static double v_to_lat(double v);

private:
    void clamp();
    double u_ = 0.5, v_ = 0.5, zoom_ = 15.0;
    double x_px_ = 0, y_px_ = 0, w_px_ = 1280, h_px_ = 800;
};

}  // namespace bk::kiosk
