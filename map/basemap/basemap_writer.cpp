// Writer half of basemap_format.hpp (layout documented there).
#include <zlib.h>

#include <cmath>
#include <fstream>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/byte_codec.hpp"

namespace bk::map::basemap {

namespace {

// Quantizes to the 0.1 m grid relative to the header's bbox minimum and delta-codes against a pen.
class LayerEncoder {
public:
    LayerEncoder(std::int64_t origin_x, std::int64_t origin_y) : origin_x_(origin_x), origin_y_(origin_y) {}

    void point(const MercatorPoint& p) {
        const std::int64_t qx = std::llround(p.x_m / grid_m) - origin_x_;
        const std::int64_t qy = std::llround(p.y_m / grid_m) - origin_y_;
        out.put_svarint(qx - pen_x_);
        out.put_svarint(qy - pen_y_);
        pen_x_ = qx;
        pen_y_ = qy;
    }
    void points(const std::vector<MercatorPoint>& pts) {
        out.put_varint(pts.size());
        for (const auto& p : pts) point(p);
    }
    void polygon(const Polygon& poly) {
        out.put_varint(poly.rings.size());
        for (const auto& r : poly.rings) points(r);
    }
    void area(const Area& a) {
        out.put_string(a.name);
        out.put_string(a.code);
        polygon(a.polygon);
    }

    ByteWriter out;

private:
    std::int64_t origin_x_, origin_y_;
    std::int64_t pen_x_ = 0, pen_y_ = 0;
};

void put_layer(ByteWriter& body, LayerId id, const ByteWriter& payload) {
    body.put_u8(static_cast<std::uint8_t>(id));
    body.put_varint(payload.bytes().size());
    body.put_bytes(payload.bytes());
}

}  // namespace

std::vector<std::uint8_t> encode_basemap(const Basemap& map, EncodeOptions options) {
    const MercatorBox b = compute_bbox(map);
    // Same rounding as the points, so every quantized point lies in the box and re-encoding a decoded map
    // gives the same bytes.
    const auto min_x = static_cast<std::int32_t>(std::llround(b.min_x_m / grid_m));
    const auto min_y = static_cast<std::int32_t>(std::llround(b.min_y_m / grid_m));
    const auto max_x = static_cast<std::int32_t>(std::llround(b.max_x_m / grid_m));
    const auto max_y = static_cast<std::int32_t>(std::llround(b.max_y_m / grid_m));

    ByteWriter body;
    auto encoder = [&] { return LayerEncoder{min_x, min_y}; };
    {
        auto e = encoder();
        e.out.put_varint(map.water.size());
        for (const auto& p : map.water) e.polygon(p);
        put_layer(body, LayerId::Water, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.roads.size());
        for (const auto& r : map.roads) {
            e.out.put_u8(static_cast<std::uint8_t>(r.road_class));
            e.out.put_u8(static_cast<std::uint8_t>((r.bridge ? 1 : 0) | (r.tunnel ? 2 : 0)));
            e.points(r.line);
        }
        put_layer(body, LayerId::Roads, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.rails.size());
        for (const auto& r : map.rails) {
            e.out.put_u8(static_cast<std::uint8_t>(r.kind));
            e.points(r.line);
        }
        put_layer(body, LayerId::Rails, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.buildings.size());
        for (const auto& p : map.buildings) e.polygon(p);
        put_layer(body, LayerId::Buildings, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.buurten.size());
        for (const auto& a : map.buurten) e.area(a);
        put_layer(body, LayerId::Buurten, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.districts.size());
        for (const auto& a : map.districts) e.area(a);
        put_layer(body, LayerId::Districts, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.stops.size());
        for (const auto& s : map.stops) {
            e.out.put_string(s.name);
            e.point(s.point);
        }
        put_layer(body, LayerId::Stops, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.green.size());
        for (const auto& g : map.green) {
            e.out.put_u8(static_cast<std::uint8_t>(g.kind));
            e.out.put_string(g.name);
            e.polygon(g.polygon);
        }
        put_layer(body, LayerId::Green, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.street_names.size());
        for (const auto& n : map.street_names) {
            e.out.put_string(n.name);
            e.out.put_u8(static_cast<std::uint8_t>(n.road_class));
            e.out.put_u8(static_cast<std::uint8_t>((n.bridge ? 1 : 0) | (n.high_confidence ? 4 : 0)));
            e.points(n.line);
        }
        put_layer(body, LayerId::StreetNames, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.metro.size());
        for (const auto& m : map.metro) {
            e.out.put_u8(static_cast<std::uint8_t>(m.tunnel ? 2 : 0));
            e.points(m.line);
        }
        put_layer(body, LayerId::Metro, e.out);
    }
    {
        auto e = encoder();
        e.out.put_varint(map.metro_stations.size());
        for (const auto& s : map.metro_stations) {
            e.out.put_string(s.name);
            e.point(s.point);
        }
        put_layer(body, LayerId::MetroStations, e.out);
    }

    const auto& raw = body.bytes();
    const auto crc = static_cast<std::uint32_t>(crc32(0L, raw.data(), static_cast<uInt>(raw.size())));
    std::vector<std::uint8_t> stored;
    if (options.compress) {
        uLongf size = compressBound(raw.size());
        stored.resize(size);
        if (compress2(stored.data(), &size, raw.data(), raw.size(), 9) == Z_OK) {
            stored.resize(size);
        } else {
            options.compress = false;  // cannot happen with a compressBound() buffer; stay correct anyway
        }
    }
    if (!options.compress) stored = raw;

    ByteWriter file;
    for (char c : format_magic) file.put_u8(static_cast<std::uint8_t>(c));
    file.put_u16(format_version);
    file.put_u16(options.compress ? 1 : 0);
    file.put_i32(min_x);
    file.put_i32(min_y);
    file.put_i32(max_x);
    file.put_i32(max_y);
    file.put_u32(static_cast<std::uint32_t>(raw.size()));
    file.put_u32(static_cast<std::uint32_t>(stored.size()));
    file.put_u32(crc);
    file.put_bytes(stored);
    return std::move(file.bytes());
}

std::expected<std::size_t, Error> write_basemap_file(const std::filesystem::path& path, const Basemap& map,
                                                     EncodeOptions options) {
    const auto bytes = encode_basemap(map, options);
    const auto tmp = std::filesystem::path{path.string() + ".tmp"};
    {
        std::ofstream out{tmp, std::ios::binary | std::ios::trunc};
        if (!out) return std::unexpected(Error{ErrorKind::Io, tmp.string() + ": cannot open for writing"});
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) return std::unexpected(Error{ErrorKind::Io, tmp.string() + ": write failed"});
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);  // atomic replace: readers never see half a file
    if (ec) return std::unexpected(Error{ErrorKind::Io, path.string() + ": rename failed: " + ec.message()});
    return bytes.size();
}

}  // namespace bk::map::basemap
