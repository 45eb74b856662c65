// tile_style — the kiosk basemap style: colours and widths by class and zoom (z13..z18).
//
// Calm and light so the coloured venue markers on top stay the loudest thing on screen: warm light land,
// clear blue water, white roads with a grey casing, subtle rail/tram, light grey buildings from z15,
// soft dashed buurt boundaries, buurt names at z13..z16, small grey transit stops (dots z16+, names z17);
// soft green for planted green and a little stronger for parks (names z15+), the metro in a muted red
// (dashed where it runs in a tunnel, stations as a small "M" from z14), street names along their lines
// (main streets z15, all z16+); outside gebied Delfshaven is muted; towards the edge of the extract's clip
// box everything fades into the quiet context tone, which fills the baked margin beyond it.
// Usage: constants only (tile_renderer.cpp reads them). Any thread.
#pragma once
#include <array>
#include <cstdint>

#include "map/basemap/basemap.hpp"

namespace bk::map::basemap::style {

struct Rgb {
    double r, g, b;
};
constexpr Rgb hex(std::uint32_t v) {
    return {((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0};
}

inline constexpr int min_zoom = 13;
inline constexpr int max_zoom = 18;
inline constexpr int zoom_levels = max_zoom - min_zoom + 1;
using PerZoom = std::array<double, zoom_levels>;

inline constexpr Rgb land = hex(0xF4F1EA);
inline constexpr Rgb water = hex(0x9CC7EA);
inline constexpr Rgb water_edge = hex(0x84B5DD);
inline constexpr Rgb building = hex(0xDFD9CF);
inline constexpr Rgb building_edge = hex(0xCCC4B8);
inline constexpr Rgb road_casing = hex(0xBEB6AA);
inline constexpr Rgb bridge_casing = hex(0x9E978D);
inline constexpr Rgb road_fill = hex(0xFFFFFF);
inline constexpr Rgb major_road_fill = hex(0xFFF3D2);  // primary/trunk/motorway: a whisper of warmth
inline constexpr Rgb path_fill = hex(0xFBF9F5);
inline constexpr Rgb path_line = hex(0xC9BCA9);        // footway/cycleway drawn as thin dashes at z16+
inline constexpr Rgb rail = hex(0xA39E98);
inline constexpr Rgb tram = hex(0xB9B0A8);
inline constexpr Rgb buurt_line = hex(0x9A86AC);
inline constexpr Rgb district_line = hex(0x8A74A0);
inline constexpr Rgb label = hex(0x5E4B6E);
inline constexpr Rgb halo = hex(0xFFFFFF);
inline constexpr Rgb stop_dot = hex(0x6F7D8C);
inline constexpr Rgb stop_label = hex(0x5F6873);
inline constexpr Rgb outside_veil = hex(0xE9E7E3);  // laid over everything outside the district
inline constexpr double outside_veil_alpha = 0.45;
// Beyond the clip box: land under the outside veil, so the margin continues the muted surroundings.
inline constexpr Rgb context = {land.r + (outside_veil.r - land.r) * outside_veil_alpha,
                                land.g + (outside_veil.g - land.g) * outside_veil_alpha,
                                land.b + (outside_veil.b - land.b) * outside_veil_alpha};
// Data fades into `context` over this many px inside the box edge: 400 Mercator m, 12..160 px.
inline constexpr double edge_fade_m = 400;
inline constexpr double edge_fade_min_px = 12, edge_fade_max_px = 160;
inline constexpr Rgb green = hex(0xDCEBCB);       // planted green (tree canopy stand-in)
inline constexpr Rgb park = hex(0xCDE4B8);
inline constexpr Rgb park_label = hex(0x4E7340);
inline constexpr Rgb metro = hex(0xC0504D);
inline constexpr Rgb street_label = hex(0x4A4744);

inline constexpr PerZoom buildings_alpha{0, 0, 1, 1, 1, 1};  // buildings from z15
inline constexpr PerZoom buurt_line_px{1.0, 1.2, 1.5, 1.8, 2.0, 2.2};
inline constexpr PerZoom district_line_px{2.0, 2.5, 3.0, 3.5, 4.0, 4.5};
inline constexpr PerZoom label_font_px{10, 13, 16, 19, 0, 0};  // 0 = no buurt labels (z17+)
inline constexpr PerZoom metro_px{1.4, 1.8, 2.4, 3.0, 3.6, 4.2};
inline constexpr int metro_station_min_zoom = 14;
inline constexpr PerZoom street_font_px{0, 0, 11, 12, 13, 14};  // z15: main streets only
inline constexpr RoadClass main_street_min_class = RoadClass::Tertiary;
inline constexpr int park_label_min_zoom = 15;
inline constexpr double park_font_px = 12;
inline constexpr int stop_dot_min_zoom = 16;
inline constexpr int stop_name_min_zoom = 17;
inline constexpr double stop_font_px = 12;
inline constexpr PerZoom rail_px{1.0, 1.2, 1.6, 2.0, 2.6, 3.2};
inline constexpr PerZoom tram_px{0.6, 0.8, 1.0, 1.3, 1.6, 2.0};

// Road fill width in px by class (RoadClass order) and zoom; 0 = not drawn at that zoom.
inline constexpr std::array<PerZoom, road_class_count> road_px{{
    {0, 0, 0, 1.0, 1.4, 2.0},        // footway
    {0, 0.8, 1.4, 3.0, 5.0, 9.0},    // pedestrian
    {0, 0, 0.8, 1.2, 1.6, 2.2},      // cycleway
    {0, 0.6, 1.2, 2.4, 4.5, 8.0},    // service
    {0.7, 1.2, 2.4, 4.5, 8.0, 15.0}, // residential
    {1.4, 2.2, 3.6, 6.0, 10.0, 18.0},// tertiary
    {1.8, 2.8, 4.4, 7.0, 11.5, 21.0},// secondary
    {2.2, 3.2, 5.0, 8.0, 13.0, 24.0},// primary
    {2.4, 3.4, 5.2, 8.5, 13.5, 25.0},// trunk
    {2.6, 3.6, 5.4, 9.0, 14.0, 26.0},// motorway
}};
// Casing adds this many px (total, both sides); casings start at z14 so z13 stays quiet.
inline constexpr PerZoom casing_extra_px{0, 1.2, 1.8, 2.6, 3.2, 3.6};

inline int zi(int zoom) { return zoom < min_zoom ? 0 : zoom > max_zoom ? zoom_levels - 1 : zoom - min_zoom; }

}  // namespace bk::map::basemap::style
