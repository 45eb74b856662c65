// ByteWriter / ByteReader — little-endian integers, LEB128 varints and zigzag signed varints.
//
// What: the primitive codec under basemap_format.cpp. ByteReader never reads past its span: each get_*
// returns std::nullopt at the end or on a malformed varint, and offset() says where it stopped, so the
// caller can build a precise error ("offset 1234: expected varint").
// Usage: ByteWriter w; w.put_varint(300); ... ; ByteReader r{w.bytes()}; auto v = r.get_varint();
// Limits: varints up to 64 bits (10 bytes). Any thread; no shared state.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bk::map::basemap {

inline std::uint64_t zigzag_encode(std::int64_t v) {
    return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
inline std::int64_t zigzag_decode(std::uint64_t v) {
    return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

class ByteWriter {
public:
    void put_u8(std::uint8_t v) { bytes_.push_back(v); }
    void put_u16(std::uint16_t v) { put_le(v, 2); }
    void put_u32(std::uint32_t v) { put_le(v, 4); }
    void put_i32(std::int32_t v) { put_le(static_cast<std::uint32_t>(v), 4); }
    void put_varint(std::uint64_t v) {
        while (v >= 0x80) {
            bytes_.push_back(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        bytes_.push_back(static_cast<std::uint8_t>(v));
    }
    void put_svarint(std::int64_t v) { put_varint(zigzag_encode(v)); }
    void put_string(std::string_view s) {
        put_varint(s.size());
        bytes_.insert(bytes_.end(), s.begin(), s.end());
    }
    void put_bytes(std::span<const std::uint8_t> b) { bytes_.insert(bytes_.end(), b.begin(), b.end()); }
    const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    std::vector<std::uint8_t>& bytes() { return bytes_; }

private:
    void put_le(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    std::vector<std::uint8_t> bytes_;
};

class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    std::size_t offset() const { return pos_; }
    std::size_t remaining() const { return bytes_.size() - pos_; }
    bool at_end() const { return pos_ >= bytes_.size(); }

    std::optional<std::uint8_t> get_u8() {
        if (remaining() < 1) return std::nullopt;
        return bytes_[pos_++];
    }
    std::optional<std::uint16_t> get_u16() { return get_le<std::uint16_t>(2); }
    std::optional<std::uint32_t> get_u32() { return get_le<std::uint32_t>(4); }
    std::optional<std::int32_t> get_i32() {
        auto v = get_le<std::uint32_t>(4);
        if (!v) return std::nullopt;
        return static_cast<std::int32_t>(*v);
    }
    // Fails (nullopt, offset unchanged) at the end of data or after 10 bytes without a stop bit.
    std::optional<std::uint64_t> get_varint() {
        std::uint64_t v = 0;
        std::size_t p = pos_;
        for (int shift = 0; shift < 70; shift += 7) {
            if (p >= bytes_.size()) return std::nullopt;
            const std::uint8_t b = bytes_[p++];
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                pos_ = p;
                return v;
            }
        }
        return std::nullopt;
    }
    std::optional<std::int64_t> get_svarint() {
        auto v = get_varint();
        if (!v) return std::nullopt;
        return zigzag_decode(*v);
    }
    std::optional<std::span<const std::uint8_t>> get_bytes(std::size_t n) {
        if (remaining() < n) return std::nullopt;
        auto s = bytes_.subspan(pos_, n);
        pos_ += n;
        return s;
    }

private:
    template <typename T>
    std::optional<T> get_le(int n) {
        if (remaining() < static_cast<std::size_t>(n)) return std::nullopt;
        std::uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= static_cast<std::uint64_t>(bytes_[pos_ + i]) << (8 * i);
        pos_ += n;
        return static_cast<T>(v);
    }
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

}  // namespace bk::map::basemap
