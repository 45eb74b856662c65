// basemap_extract — derives assets/basemap/delfshaven.bkmap from ../shared/data (see geojson_extract.hpp).
//   basemap_extract [--shared <dir>] [--out <file.bkmap>] [--uncompressed]
// --shared takes the shared folder or its data/ subfolder; default: the configured BUURTKAART_SHARED_DIR/data.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/geojson_extract.hpp"

#ifndef BASEMAP_DEFAULT_DATA_DIR
#define BASEMAP_DEFAULT_DATA_DIR "../shared/data"
#endif
#ifndef BASEMAP_DEFAULT_EXTRACT
#define BASEMAP_DEFAULT_EXTRACT "assets/basemap/delfshaven.bkmap"
#endif

namespace fs = std::filesystem;
using namespace bk::map::basemap;

int main(int argc, char** argv) {
    fs::path data_dir = BASEMAP_DEFAULT_DATA_DIR;
    fs::path out = BASEMAP_DEFAULT_EXTRACT;
    EncodeOptions enc;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--shared" && i + 1 < argc) data_dir = argv[++i];
        else if (a == "--out" && i + 1 < argc) out = argv[++i];
        else if (a == "--uncompressed") enc.compress = false;
        else {
            std::fprintf(stderr, "usage: basemap_extract [--shared <dir>] [--out <file.bkmap>] [--uncompressed]\n"
                                 "unknown or incomplete argument: %s\n", a.c_str());
            return 2;
        }
    }
    if (!fs::exists(data_dir / "delfshaven_osm_roads.geojson") && fs::exists(data_dir / "data")) data_dir /= "data";

    ExtractReport rep;
    auto map = extract_basemap({.data_dir = data_dir}, &rep);
    if (!map) {
        std::fprintf(stderr, "basemap_extract: %s\n", map.error().message.c_str());
        return 1;
    }
    auto size = write_basemap_file(out, *map, enc);
    if (!size) {
        std::fprintf(stderr, "basemap_extract: %s\n", size.error().message.c_str());
        return 1;
    }
    std::printf("basemap_extract: %s -> %s\n", data_dir.c_str(), out.c_str());
    std::printf("  water %zu, roads %zu, rails %zu, buurten %zu, districts %zu, stops %zu\n", rep.water, rep.roads,
                rep.rails, rep.buurten, rep.districts, rep.stops);
    std::printf("  green %zu, street names %zu, metro pieces %zu, metro stations %zu\n", rep.green, rep.street_names,
                rep.metro, rep.metro_stations);
    std::printf("  buildings %zu (3dbag %zu, rotterdam3d %zu; dropped %zu small, %zu under rotterdam3d)\n",
                rep.buildings, rep.buildings_3dbag, rep.buildings_rotterdam3d, rep.buildings_dropped_small,
                rep.buildings_dropped_overlap);
    std::printf("  points %zu -> %zu after clip + Douglas-Peucker\n", rep.points_in, rep.points_out);
    std::printf("  size %zu bytes (%.2f MB)\n", *size, *size / 1e6);
    return 0;
}
