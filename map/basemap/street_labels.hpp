// street_labels — street names along their lines and park names, placed once per zoom in global pixels.
//
// Streets: the tree-register named segments (Basemap::street_names) are joined per name into chains; each
// chain long enough for its name gets labels along the line, glyph by glyph (each glyph follows the local
// direction), read left to right (never upside down), only where the line bends less than ~30° under the
// name, repeated every ~max(3 × name width, 520 px) on long streets, centred in the chain. Chains are placed
// main streets first (class >= tertiary), high confidence first, longest first; a label that would touch
// anything already placed (the `taken` boxes: buurt names, stop names, earlier street names) moves along
// the line, else is dropped. z15 labels only main streets; z16+ every named street. Labels stay inside the
// clip box minus the edge fade, so they never float over the context margin.
// Parks: one name per park (its largest part), at the pole of inaccessibility, from z15 when it fits.
// Usage: auto labels = layout_street_labels(map, 16, taken);  then per tile add_curved_label_path() for
//        labels whose box meets the tile, stroke a halo and fill (tile_renderer.cpp does this).
// Limits: cairo toy font API, "DejaVu Sans" (fonts-dejavu-core). Names as in the register (no abbreviation).
// Threads: any thread (own scratch surface); results are plain data.
#pragma once
#include <cairo.h>

#include <vector>

#include "map/basemap/basemap.hpp"
#include "map/basemap/label_layout.hpp"

namespace bk::map::basemap {

struct PlacedGlyph {
    unsigned long index = 0;  // glyph index in the label font (DejaVu Sans, normal)
    double x_px = 0, y_px = 0;  // glyph origin on the baseline, global px
    double angle_rad = 0;       // rotation, screen coordinates (y down)
};

struct CurvedLabel {
    std::string text;
    std::vector<PlacedGlyph> glyphs;
    PixelBox box;  // union of the glyph boxes incl. halo, global px
    double font_px = 0;
};

std::vector<CurvedLabel> layout_street_labels(const Basemap& map, int zoom, const std::vector<PixelBox>& taken);
std::vector<PlacedLabel> layout_park_labels(const Basemap& map, int zoom, const std::vector<PixelBox>& taken);

// Adds the label's glyph outlines to cr's current path; (x0, y0) = global px of the device origin.
void add_curved_label_path(cairo_t* cr, const CurvedLabel& label, double x0_px, double y0_px);

// Display name of a park from the register ("Park" is Het Park at the Euromast).
std::string park_display_name(const std::string& register_name);

}  // namespace bk::map::basemap
