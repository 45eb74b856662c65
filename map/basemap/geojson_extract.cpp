// [SECTION] GeoJSON loading  [SECTION] geometry conversion  [SECTION] layers  [SECTION] extract_basemap
#include "map/basemap/geojson_extract.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "map/basemap/geometry.hpp"

namespace bk::map::basemap {

namespace {

using nlohmann::json;

// [SECTION] GeoJSON loading ------------------------------------------------------------------------------

std::expected<json, Error> load_features(const std::filesystem::path& dir, const std::string& stem) {
    const auto path = dir / (stem + ".geojson");
    std::ifstream in{path};
    if (!in) return std::unexpected(Error{ErrorKind::NotFound, path.string() + ": cannot open (expected a GeoJSON file)"});
    std::stringstream ss;
    ss << in.rdbuf();
    json doc = json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return std::unexpected(Error{ErrorKind::Decode, path.string() + ": not valid JSON"});
    if (!doc.is_object() || !doc.contains("features") || !doc["features"].is_array())
        return std::unexpected(Error{ErrorKind::Decode, path.string() + ": expected a FeatureCollection with \"features\""});
    return std::move(doc["features"]);
}

// [SECTION] geometry conversion ---------------------------------------------------------------------------

std::vector<MercatorPoint> points_of(const json& coords) {
    std::vector<MercatorPoint> pts;
    pts.reserve(coords.size());
    for (const auto& c : coords) pts.push_back(lon_lat_to_mercator(c.at(0).get<double>(), c.at(1).get<double>()));
    return pts;
}

Ring ring_of(const json& coords) {
    Ring r = points_of(coords);
    if (r.size() >= 2 && r.front() == r.back()) r.pop_back();  // GeoJSON rings repeat the first point
    return r;
}

// Local scale of Web Mercator (metres on the map per metre on the ground) at the box centre.
double mercator_scale(const LonLatBox& box) {
    const double lat = (box.min_lat_deg + box.max_lat_deg) / 2 * 3.14159265358979323846 / 180;
    return 1.0 / std::cos(lat);
}

struct Context {
    const ExtractOptions& opt;
    MercatorBox clip;
    double area_scale;  // Mercator m2 per ground m2
    ExtractReport rep;
};

// Polygon -> clipped, simplified polygon (empty rings list when nothing is left).
Polygon convert_polygon(const json& geometry, Context& ctx, double tolerance_m, bool clip, double min_hole_m2) {
    Polygon out;
    if (geometry.at("type") != "Polygon")
        throw std::runtime_error("expected geometry type Polygon, found " + geometry.at("type").dump());
    const auto& rings = geometry.at("coordinates");
    for (std::size_t i = 0; i < rings.size(); ++i) {
        Ring r = ring_of(rings[i]);
        ctx.rep.points_in += r.size();
        if (clip) r = clip_ring(r, ctx.clip);
        if (tolerance_m > 0) r = simplify_ring(r, tolerance_m);
        if (r.size() < 3) r.clear();
        if (i == 0 && r.empty()) return {};
        if (i > 0 && std::abs(signed_area_m2(r)) < min_hole_m2 * ctx.area_scale) continue;
        if (!r.empty()) out.rings.push_back(std::move(r));
    }
    for (const auto& r : out.rings) ctx.rep.points_out += r.size();
    return out;
}

std::vector<Polyline> convert_line(const json& geometry, Context& ctx, double tolerance_m) {
    if (geometry.at("type") != "LineString")
        throw std::runtime_error("expected geometry type LineString, found " + geometry.at("type").dump());
    const auto pts = points_of(geometry.at("coordinates"));
    ctx.rep.points_in += pts.size();
    std::vector<Polyline> out;
    for (auto& piece : clip_polyline(pts, ctx.clip)) {
        auto s = simplify_polyline(piece, tolerance_m);
        if (s.size() < 2) continue;
        ctx.rep.points_out += s.size();
        out.push_back(std::move(s));
    }
    return out;
}

// [SECTION] layers ----------------------------------------------------------------------------------------

// Runs `one(feature)` over every feature; turns a json/runtime exception into an Error naming file + index.
template <typename F>
std::optional<Error> each_feature(const std::filesystem::path& dir, const std::string& stem, F&& one) {
    auto features = load_features(dir, stem);
    if (!features) return features.error();
    for (std::size_t i = 0; i < features->size(); ++i) {
        try {
            one((*features)[i]);
        } catch (const std::exception& e) {
            return Error{ErrorKind::Decode, (dir / (stem + ".geojson")).string() + ": feature " + std::to_string(i) +
                                                ": " + e.what()};
        }
    }
    return std::nullopt;
}

RoadClass road_class_of(const std::string& s) {
    static const std::pair<const char*, RoadClass> table[] = {
        {"footway", RoadClass::Footway},     {"pedestrian", RoadClass::Pedestrian}, {"cycleway", RoadClass::Cycleway},
        {"service", RoadClass::Service},     {"residential", RoadClass::Residential}, {"tertiary", RoadClass::Tertiary},
        {"secondary", RoadClass::Secondary}, {"primary", RoadClass::Primary},     {"trunk", RoadClass::Trunk},
        {"motorway", RoadClass::Motorway}};
    for (const auto& [name, cls] : table)
        if (s == name) return cls;
    throw std::runtime_error("highway_class: expected one of footway..motorway, found \"" + s + "\"");
}

RailKind rail_kind_of(const std::string& s) {
    if (s == "rail") return RailKind::Rail;
    if (s == "tram") return RailKind::Tram;
    if (s == "subway_or_light_rail") return RailKind::LightRail;
    throw std::runtime_error("railway_kind: expected rail, tram or subway_or_light_rail, found \"" + s + "\"");
}

// "[Rotterdam Blaak] Metrostation Blaak" -> "Metrostation Blaak"; "Rotterdam, Beurs" -> "Beurs".
std::string clean_stop_name(std::string s) {
    if (!s.empty() && s[0] == '[') {
        const auto close = s.find("] ");
        if (close != std::string::npos) s = s.substr(close + 2);
    }
    const std::string prefix = "Rotterdam, ";
    if (s.rfind(prefix, 0) == 0) s = s.substr(prefix.size());
    return s;
}

struct Candidate {
    Polygon poly;
    MercatorBox box;
};

MercatorPoint vertex_mean(const Ring& r) {
    MercatorPoint m{};
    for (const auto& p : r) m.x_m += p.x_m, m.y_m += p.y_m;
    return {m.x_m / r.size(), m.y_m / r.size()};
}

std::optional<Error> extract_buildings(Context& ctx, Basemap& map) {
    const auto& opt = ctx.opt;
    const double min_area = opt.min_building_ground_m2 * ctx.area_scale;
    auto keep = [&](Polygon&& p, std::size_t& counter) {
        if (p.rings.empty()) return;
        if (polygon_area_m2(p) < min_area) {
            ++ctx.rep.buildings_dropped_small;
            return;
        }
        ++counter;
        map.buildings.push_back(std::move(p));
    };
    // Rotterdam 3D is complete in the historic core; prefer it there (PROVENANCE.md section 3).
    std::vector<Candidate> core;
    if (auto e = each_feature(opt.data_dir, "delfshaven_buildings_rotterdam3d", [&](const json& f) {
            Polygon p = convert_polygon(f.at("geometry"), ctx, opt.building_tolerance_m, true, opt.min_hole_ground_m2);
            if (!p.rings.empty()) core.push_back({p, bounds_of(p.rings[0])});
        }))
        return e;
    for (auto& c : core) keep(Polygon{c.poly}, ctx.rep.buildings_rotterdam3d);
    return each_feature(opt.data_dir, "delfshaven_buildings_3dbag_slanted", [&](const json& f) {
        Polygon p = convert_polygon(f.at("geometry"), ctx, opt.building_tolerance_m, true, opt.min_hole_ground_m2);
        if (p.rings.empty()) return;
        const MercatorPoint m = vertex_mean(p.rings[0]);
        for (const auto& c : core)
            if (c.box.contains(m) && contains(c.poly, m)) {
                ++ctx.rep.buildings_dropped_overlap;
                return;
            }
        keep(std::move(p), ctx.rep.buildings_3dbag);
    });
}

std::optional<Error> extract_stops(Context& ctx, Basemap& map) {
    struct Group {
        std::string name;
        MercatorPoint sum;
        int n;
    };
    std::vector<Group> groups;
    constexpr double merge_radius_m = 300.0;  // platforms of one stop, in Mercator metres (~185 m ground)
    auto err = each_feature(ctx.opt.data_dir, "delfshaven_transit_stops", [&](const json& f) {
        const auto& g = f.at("geometry");
        if (g.at("type") != "Point") throw std::runtime_error("expected geometry type Point");
        const auto p = lon_lat_to_mercator(g.at("coordinates").at(0).get<double>(), g.at("coordinates").at(1).get<double>());
        if (!ctx.clip.contains(p)) return;
        const std::string name = clean_stop_name(f.at("properties").at("name").get<std::string>());
        if (name.empty() || name == "Onbekend") return;
        for (auto& gr : groups) {
            const double dx = gr.sum.x_m / gr.n - p.x_m, dy = gr.sum.y_m / gr.n - p.y_m;
            if (gr.name == name && dx * dx + dy * dy < merge_radius_m * merge_radius_m) {
                gr.sum.x_m += p.x_m, gr.sum.y_m += p.y_m, ++gr.n;
                return;
            }
        }
        groups.push_back({name, p, 1});
    });
    if (err) return err;
    for (const auto& g : groups) map.stops.push_back({g.name, {g.sum.x_m / g.n, g.sum.y_m / g.n}});
    return std::nullopt;
}

bool near_any(MercatorPoint p, const std::vector<Polyline>& lines, const std::vector<MercatorBox>& boxes, double r) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& b = boxes[i];
        if (p.x_m < b.min_x_m - r || p.x_m > b.max_x_m + r || p.y_m < b.min_y_m - r || p.y_m > b.max_y_m + r) continue;
        for (std::size_t k = 0; k + 1 < lines[i].size(); ++k)
            if (point_segment_distance_m(p, lines[i][k], lines[i][k + 1]) <= r) return true;
    }
    return false;
}

// Points every <= step_m along the line (the vertices included).
Polyline densify(const Polyline& line, double step_m) {
    Polyline out;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const auto a = line[i], b = line[i + 1];
        const double len = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
        const int n = std::max(1, static_cast<int>(std::ceil(len / step_m)));
        for (int k = 0; k < n; ++k)
            out.push_back({a.x_m + (b.x_m - a.x_m) * k / n, a.y_m + (b.y_m - a.y_m) * k / n});
    }
    if (!line.empty()) out.push_back(line.back());
    return out;
}

// Metro from the OSM route relations. Their `tunnel` flag is false everywhere in this snapshot, but the rail
// file dropped tunnels upstream (PROVENANCE §1): so a metro stretch with no surface track (rail or light rail)
// within 15 m runs underground. Routes A..E share track: a stretch within 12 m of one already kept is dropped.
std::optional<Error> extract_metro(Context& ctx, Basemap& map) {
    std::vector<Polyline> surface;
    for (const auto& r : map.rails)
        if (r.kind != RailKind::Tram) surface.push_back(r.line);
    std::vector<MercatorBox> surface_boxes;
    for (const auto& l : surface) surface_boxes.push_back(bounds_of(l));
    std::vector<Polyline> kept;
    std::vector<MercatorBox> kept_boxes;
    auto err = each_feature(ctx.opt.data_dir, "delfshaven_osm_transit_routes", [&](const json& f) {
        if (f.at("properties").at("route").get<std::string>() != "metro") return;
        for (const auto& piece : convert_line(f.at("geometry"), ctx, ctx.opt.line_tolerance_m)) {
            const Polyline samples = densify(piece, 10.0);
            struct Sample {
                bool dup, tunnel;
            };
            std::vector<Sample> flags;
            for (const auto& p : samples)
                flags.push_back({near_any(p, kept, kept_boxes, 12.0), !near_any(p, surface, surface_boxes, 15.0)});
            std::vector<MetroLine> fresh;
            Polyline cur;
            bool cur_tunnel = false;
            auto flush = [&] {
                if (cur.size() >= 2) {
                    auto s = simplify_polyline(cur, ctx.opt.line_tolerance_m);
                    if (s.size() >= 2) fresh.push_back({cur_tunnel, std::move(s)});
                }
                cur.clear();
            };
            for (std::size_t i = 0; i < samples.size(); ++i) {
                if (flags[i].dup) {
                    flush();
                    continue;
                }
                if (!cur.empty() && flags[i].tunnel != cur_tunnel) {
                    cur.push_back(samples[i]);  // both pieces share the change-over point
                    flush();
                }
                if (cur.empty()) cur_tunnel = flags[i].tunnel;
                cur.push_back(samples[i]);
            }
            flush();
            for (auto& m : fresh) {
                kept.push_back(m.line);
                kept_boxes.push_back(bounds_of(m.line));
                map.metro.push_back(std::move(m));
            }
        }
    });
    return err;
}

// Metro stations: GTFS platforms with a numeric platform code (RET metro platforms are "1", "2"; tram and
// bus stops have none or letters) within 80 m (Mercator) of a metro line, averaged per cleaned name.
std::optional<Error> extract_metro_stations(Context& ctx, Basemap& map) {
    std::vector<Polyline> lines;
    std::vector<MercatorBox> boxes;
    for (const auto& m : map.metro) lines.push_back(m.line), boxes.push_back(bounds_of(m.line));
    struct Group {
        std::string name;
        MercatorPoint sum;
        int n;
    };
    std::vector<Group> groups;
    auto err = each_feature(ctx.opt.data_dir, "delfshaven_transit_stops", [&](const json& f) {
        const auto& props = f.at("properties");
        const auto code = props.find("platform_code");
        if (code == props.end() || !code->is_string()) return;
        const std::string c = code->get<std::string>();
        if (c.empty() || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return;
        const auto& g = f.at("geometry");
        const auto p = lon_lat_to_mercator(g.at("coordinates").at(0).get<double>(), g.at("coordinates").at(1).get<double>());
        if (!ctx.clip.contains(p) || !near_any(p, lines, boxes, 80.0)) return;
        const std::string name = clean_stop_name(props.at("name").get<std::string>());
        for (auto& gr : groups)
            if (gr.name == name) {
                gr.sum.x_m += p.x_m, gr.sum.y_m += p.y_m, ++gr.n;
                return;
            }
        groups.push_back({name, p, 1});
    });
    if (err) return err;
    for (const auto& g : groups) map.metro_stations.push_back({g.name, {g.sum.x_m / g.n, g.sum.y_m / g.n}});
    return std::nullopt;
}

}  // namespace

// [SECTION] extract_basemap -------------------------------------------------------------------------------

std::expected<Basemap, Error> extract_basemap(const ExtractOptions& opt, ExtractReport* report) {
    Context ctx{opt, to_mercator(opt.clip_box), std::pow(mercator_scale(opt.clip_box), 2), {}};
    Basemap map;
    const auto& dir = opt.data_dir;

    auto err = each_feature(dir, "delfshaven_osm_water", [&](const json& f) {
        Polygon p = convert_polygon(f.at("geometry"), ctx, opt.water_tolerance_m, true, 0.0);
        if (!p.rings.empty()) map.water.push_back(std::move(p));
    });
    if (!err)
        err = each_feature(dir, "delfshaven_osm_roads", [&](const json& f) {
            const auto& props = f.at("properties");
            const RoadClass cls = road_class_of(props.at("highway_class").get<std::string>());
            const bool bridge = props.value("bridge", false), tunnel = props.value("tunnel", false);
            for (auto& line : convert_line(f.at("geometry"), ctx, opt.line_tolerance_m))
                map.roads.push_back({cls, bridge, tunnel, std::move(line)});
        });
    if (!err)
        err = each_feature(dir, "delfshaven_osm_rail", [&](const json& f) {
            const RailKind kind = rail_kind_of(f.at("properties").at("railway_kind").get<std::string>());
            for (auto& line : convert_line(f.at("geometry"), ctx, opt.line_tolerance_m))
                map.rails.push_back({kind, std::move(line)});
        });
    if (!err) err = extract_buildings(ctx, map);
    // Boundaries are kept whole (they reach ~0.007° past the west edge): the district outline must close.
    if (!err)
        err = each_feature(dir, "delfshaven_buurten", [&](const json& f) {
            const auto& props = f.at("properties");
            Polygon p = convert_polygon(f.at("geometry"), ctx, opt.boundary_tolerance_m, false, 0.0);
            map.buurten.push_back({props.at("buurt").get<std::string>(), props.value("tir_code", ""), std::move(p)});
        });
    if (!err)
        err = each_feature(dir, "delfshaven_district", [&](const json& f) {
            const auto& props = f.at("properties");
            Polygon p = convert_polygon(f.at("geometry"), ctx, opt.boundary_tolerance_m, false, 0.0);
            map.districts.push_back({props.at("name").get<std::string>(), props.value("tir_code", ""), std::move(p)});
        });
    if (!err) err = extract_stops(ctx, map);
    if (!err)
        err = each_feature(dir, "delfshaven_green", [&](const json& f) {
            const auto& props = f.at("properties");
            const std::string kind = props.at("kind").get<std::string>();
            GreenArea g;
            if (kind == "park_proxy") {
                g.kind = GreenKind::Park;
                g.name = props.at("name").get<std::string>();
            } else if (kind != "tree_green_proxy") {
                throw std::runtime_error("kind: expected park_proxy or tree_green_proxy, found \"" + kind + "\"");
            }
            g.polygon = convert_polygon(f.at("geometry"), ctx, opt.green_tolerance_m, true, opt.min_hole_ground_m2);
            if (!g.polygon.rings.empty()) map.green.push_back(std::move(g));
        });
    if (!err)
        err = each_feature(dir, "delfshaven_street_names", [&](const json& f) {
            const auto& props = f.at("properties");
            StreetName n;
            n.name = props.at("name").get<std::string>();
            n.road_class = road_class_of(props.at("highway_class").get<std::string>());
            n.bridge = props.value("bridge", false);
            n.high_confidence = props.value("confidence", "") == "high";
            for (auto& line : convert_line(f.at("geometry"), ctx, opt.line_tolerance_m)) {
                n.line = std::move(line);
                map.street_names.push_back(n);
            }
        });
    if (!err) err = extract_metro(ctx, map);
    if (!err) err = extract_metro_stations(ctx, map);
    if (err) return std::unexpected(*err);

    map.bbox = compute_bbox(map);
    ctx.rep.roads = map.roads.size();
    ctx.rep.water = map.water.size();
    ctx.rep.rails = map.rails.size();
    ctx.rep.buildings = map.buildings.size();
    ctx.rep.buurten = map.buurten.size();
    ctx.rep.districts = map.districts.size();
    ctx.rep.stops = map.stops.size();
    ctx.rep.green = map.green.size();
    ctx.rep.street_names = map.street_names.size();
    ctx.rep.metro = map.metro.size();
    ctx.rep.metro_stations = map.metro_stations.size();
    if (report) *report = ctx.rep;
    return map;
}

}  // namespace bk::map::basemap
