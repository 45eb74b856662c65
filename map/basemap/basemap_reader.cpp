// Reader half of basemap_format.hpp (layout documented there). Every failure names the file, the byte
// offset and what was expected; nothing is allocated from a count before it is checked against the bytes left.
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "map/basemap/basemap_format.hpp"
#include "map/basemap/byte_codec.hpp"

namespace bk::map::basemap {

namespace {

constexpr std::size_t max_string_bytes = 1024;

const char* layer_name(LayerId id) {
    switch (id) {
        case LayerId::Water: return "water";
        case LayerId::Roads: return "roads";
        case LayerId::Rails: return "rails";
        case LayerId::Buildings: return "buildings";
        case LayerId::Buurten: return "buurten";
        case LayerId::Districts: return "districts";
        case LayerId::Stops: return "stops";
        case LayerId::Green: return "green";
        case LayerId::StreetNames: return "street names";
        case LayerId::Metro: return "metro";
        case LayerId::MetroStations: return "metro stations";
    }
    return "unknown";
}

class LayerDecoder {
public:
    LayerDecoder(std::span<const std::uint8_t> payload, std::size_t base_offset, std::string where,
                 std::int64_t origin_x, std::int64_t origin_y)
        : r_(payload), base_(base_offset), where_(std::move(where)), origin_x_(origin_x), origin_y_(origin_y) {}

    const std::optional<Error>& error() const { return error_; }
    bool done() const { return r_.at_end(); }
    void set_feature(std::size_t i) { feature_ = i; }

    bool count(std::size_t& n, const char* what, std::size_t min_bytes_each) {
        const std::size_t at = r_.offset();
        auto v = r_.get_varint();
        if (!v) return fail(std::string{"expected varint "} + what);
        if (*v > r_.remaining() / min_bytes_each)
            return fail(std::string{what} + " " + std::to_string(*v) + " exceeds what the remaining " +
                        std::to_string(r_.remaining()) + " bytes can hold", at);
        n = static_cast<std::size_t>(*v);
        return true;
    }
    bool u8(std::uint8_t& v, const char* what, std::uint8_t max_value) {
        const std::size_t at = r_.offset();
        auto b = r_.get_u8();
        if (!b) return fail(std::string{"expected byte "} + what);
        if (*b > max_value)
            return fail(std::string{what} + " " + std::to_string(*b) + " out of range 0.." +
                        std::to_string(max_value), at);
        v = *b;
        return true;
    }
    bool string(std::string& s, const char* what) {
        const std::size_t at = r_.offset();
        auto n = r_.get_varint();
        if (!n) return fail(std::string{"expected varint length of "} + what);
        if (*n > max_string_bytes)
            return fail(std::string{what} + " length " + std::to_string(*n) + " exceeds " +
                        std::to_string(max_string_bytes), at);
        auto b = r_.get_bytes(static_cast<std::size_t>(*n));
        if (!b) return fail(std::string{"expected "} + std::to_string(*n) + " bytes of " + what);
        s.assign(b->begin(), b->end());
        return true;
    }
    bool point(MercatorPoint& p) {
        auto dx = r_.get_svarint();
        if (!dx) return fail("expected zigzag varint x delta");
        auto dy = r_.get_svarint();
        if (!dy) return fail("expected zigzag varint y delta");
        pen_x_ += *dx;
        pen_y_ += *dy;
        p = {static_cast<double>(pen_x_ + origin_x_) * grid_m, static_cast<double>(pen_y_ + origin_y_) * grid_m};
        return true;
    }
    bool points(std::vector<MercatorPoint>& pts) {
        std::size_t n = 0;
        if (!count(n, "point count", 2)) return false;
        pts.resize(n);
        for (auto& p : pts)
            if (!point(p)) return false;
        return true;
    }
    bool polygon(Polygon& poly) {
        std::size_t n = 0;
        if (!count(n, "ring count", 1)) return false;
        poly.rings.resize(n);
        for (auto& ring : poly.rings)
            if (!points(ring)) return false;
        return true;
    }
    bool area(Area& a) { return string(a.name, "name") && string(a.code, "code") && polygon(a.polygon); }

    // `at`: offset of the offending value inside the layer (default: where the reader stopped).
    bool fail(const std::string& what, std::size_t at = std::string::npos) {
        if (at == std::string::npos) at = r_.offset();
        if (!error_) {
            error_ = Error{ErrorKind::Decode, where_ + ": body offset " + std::to_string(base_ + at) +
                                                  " (feature " + std::to_string(feature_) + "): " + what +
                                                  (r_.at_end() ? ", found end of layer data" : "")};
        }
        return false;
    }

private:
    ByteReader r_;
    std::size_t base_;
    std::string where_;
    std::int64_t origin_x_, origin_y_;
    std::int64_t pen_x_ = 0, pen_y_ = 0;
    std::size_t feature_ = 0;
    std::optional<Error> error_;
};

template <typename T, typename F>
std::optional<Error> decode_features(LayerDecoder& d, std::vector<T>& out, std::size_t min_bytes_each, F&& one) {
    std::size_t n = 0;
    if (!d.count(n, "feature count", min_bytes_each)) return d.error();
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        d.set_feature(i);
        if (!one(out[i])) return d.error();
    }
    if (!d.done()) {
        d.fail("expected end of layer after " + std::to_string(n) + " features, found more bytes");
        return d.error();
    }
    return std::nullopt;
}

Error decode_error(const std::string& source, std::size_t offset, const std::string& what) {
    return Error{ErrorKind::Decode, source + ": offset " + std::to_string(offset) + ": " + what};
}

}  // namespace

std::expected<Basemap, Error> decode_basemap(std::span<const std::uint8_t> bytes, const std::string& source) {
    ByteReader h{bytes};
    if (bytes.size() < header_size)
        return std::unexpected(decode_error(source, bytes.size(),
                                            "expected a " + std::to_string(header_size) + "-byte header, file has only " +
                                                std::to_string(bytes.size()) + " bytes"));
    if (std::memcmp(bytes.data(), format_magic, 4) != 0)
        return std::unexpected(decode_error(source, 0, "expected magic \"BKBM\", found another file type"));
    h.get_bytes(4);
    const auto version = *h.get_u16();
    if (version != format_version)
        return std::unexpected(decode_error(source, 4, "expected format version 1, found " + std::to_string(version)));
    const auto flags = *h.get_u16();
    if (flags > 1)
        return std::unexpected(decode_error(source, 6, "expected flags 0 or 1, found " + std::to_string(flags)));
    const std::int32_t min_x = *h.get_i32(), min_y = *h.get_i32(), max_x = *h.get_i32(), max_y = *h.get_i32();
    if (min_x > max_x || min_y > max_y)
        return std::unexpected(decode_error(source, 8, "expected bbox min <= max, found an inverted box"));
    const auto raw_size = *h.get_u32();
    const auto stored_size = *h.get_u32();
    const auto crc_expected = *h.get_u32();
    if (raw_size > max_raw_body_bytes)
        return std::unexpected(decode_error(source, 24, "raw body size " + std::to_string(raw_size) +
                                                            " exceeds the limit of " + std::to_string(max_raw_body_bytes)));
    if (h.remaining() != stored_size)
        return std::unexpected(decode_error(source, header_size,
                                            "expected " + std::to_string(stored_size) + " body bytes, found " +
                                                std::to_string(h.remaining()) + " (truncated or padded file)"));
    std::vector<std::uint8_t> raw;
    std::span<const std::uint8_t> body = bytes.subspan(header_size);
    if (flags & 1) {
        raw.resize(raw_size);
        uLongf out_size = raw_size;
        const int rc = uncompress(raw.data(), &out_size, body.data(), body.size());
        if (rc != Z_OK || out_size != raw_size)
            return std::unexpected(decode_error(source, header_size,
                                                "expected a zlib stream of " + std::to_string(raw_size) +
                                                    " bytes, zlib says: " + zError(rc)));
        body = raw;
    } else if (stored_size != raw_size) {
        return std::unexpected(decode_error(source, 24, "uncompressed body but raw size " + std::to_string(raw_size) +
                                                            " != stored size " + std::to_string(stored_size)));
    }
    const auto crc = static_cast<std::uint32_t>(crc32(0L, body.data(), static_cast<uInt>(body.size())));
    if (crc != crc_expected)
        return std::unexpected(decode_error(source, 32, "CRC-32 of the body does not match the header (corrupt file)"));

    Basemap map;
    map.bbox = {min_x * grid_m, min_y * grid_m, max_x * grid_m, max_y * grid_m};
    ByteReader r{body};
    while (!r.at_end()) {
        const std::size_t block_offset = r.offset();
        const auto id = *r.get_u8();
        auto size = r.get_varint();
        if (!size || *size > r.remaining())
            return std::unexpected(Error{ErrorKind::Decode, source + ": body offset " + std::to_string(block_offset) +
                                                                ": expected layer size within the " +
                                                                std::to_string(r.remaining()) + " bytes left"});
        const std::size_t payload_offset = r.offset();
        const auto payload = *r.get_bytes(static_cast<std::size_t>(*size));
        const auto layer = static_cast<LayerId>(id);
        LayerDecoder d{payload, payload_offset, source + " (layer " + layer_name(layer) + ")", min_x, min_y};
        std::optional<Error> err;
        switch (layer) {
            case LayerId::Water:
                err = decode_features(d, map.water, 1, [&](Polygon& p) { return d.polygon(p); });
                break;
            case LayerId::Buildings:
                err = decode_features(d, map.buildings, 1, [&](Polygon& p) { return d.polygon(p); });
                break;
            case LayerId::Roads:
                err = decode_features(d, map.roads, 3, [&](Road& road) {
                    std::uint8_t cls = 0, flags_byte = 0;
                    if (!d.u8(cls, "road class", road_class_count - 1) || !d.u8(flags_byte, "road flags", 3)) return false;
                    road.road_class = static_cast<RoadClass>(cls);
                    road.bridge = flags_byte & 1;
                    road.tunnel = flags_byte & 2;
                    return d.points(road.line);
                });
                break;
            case LayerId::Rails:
                err = decode_features(d, map.rails, 2, [&](RailLine& rail) {
                    std::uint8_t kind = 0;
                    if (!d.u8(kind, "rail kind", rail_kind_count - 1)) return false;
                    rail.kind = static_cast<RailKind>(kind);
                    return d.points(rail.line);
                });
                break;
            case LayerId::Buurten:
                err = decode_features(d, map.buurten, 3, [&](Area& a) { return d.area(a); });
                break;
            case LayerId::Districts:
                err = decode_features(d, map.districts, 3, [&](Area& a) { return d.area(a); });
                break;
            case LayerId::Stops:
                err = decode_features(d, map.stops, 3, [&](NamedPoint& s) {
                    return d.string(s.name, "stop name") && d.point(s.point);
                });
                break;
            case LayerId::Green:
                err = decode_features(d, map.green, 3, [&](GreenArea& g) {
                    std::uint8_t kind = 0;
                    if (!d.u8(kind, "green kind", green_kind_count - 1)) return false;
                    g.kind = static_cast<GreenKind>(kind);
                    return d.string(g.name, "green name") && d.polygon(g.polygon);
                });
                break;
            case LayerId::StreetNames:
                err = decode_features(d, map.street_names, 4, [&](StreetName& n) {
                    std::uint8_t cls = 0, flags_byte = 0;
                    if (!d.string(n.name, "street name") || !d.u8(cls, "road class", road_class_count - 1) ||
                        !d.u8(flags_byte, "street name flags", 5))
                        return false;
                    if (flags_byte & 2) return d.fail("street name flags: bit 1 (tunnel) is not used");
                    n.road_class = static_cast<RoadClass>(cls);
                    n.bridge = flags_byte & 1;
                    n.high_confidence = flags_byte & 4;
                    return d.points(n.line);
                });
                break;
            case LayerId::Metro:
                err = decode_features(d, map.metro, 2, [&](MetroLine& m) {
                    std::uint8_t flags_byte = 0;
                    if (!d.u8(flags_byte, "metro flags", 2)) return false;
                    if (flags_byte == 1) return d.fail("metro flags: expected 0 or 2, found 1");
                    m.tunnel = flags_byte & 2;
                    return d.points(m.line);
                });
                break;
            case LayerId::MetroStations:
                err = decode_features(d, map.metro_stations, 3, [&](NamedPoint& s) {
                    return d.string(s.name, "station name") && d.point(s.point);
                });
                break;
            default:
                break;  // a layer from a newer writer: skipped on purpose
        }
        if (err) return std::unexpected(*err);
    }
    return map;
}

std::expected<Basemap, Error> read_basemap_file(const std::filesystem::path& path) {
    std::ifstream in{path, std::ios::binary};
    if (!in) return std::unexpected(Error{ErrorKind::NotFound, path.string() + ": cannot open basemap extract"});
    std::vector<std::uint8_t> bytes{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
    if (in.bad()) return std::unexpected(Error{ErrorKind::Io, path.string() + ": read failed"});
    return decode_basemap(bytes, path.string());
}

}  // namespace bk::map::basemap
