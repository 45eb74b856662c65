// [SECTION] median cut  [SECTION] PNG chunks
#include "map/basemap/png_palette.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

namespace bk::map::basemap {

namespace {

// [SECTION] median cut ------------------------------------------------------------------------------------

struct Colour {
    std::uint32_t rgb;
    std::uint32_t count;
    int ch(int c) const { return (rgb >> (16 - 8 * c)) & 0xff; }
};

struct Box {
    std::size_t begin, end;  // range in the colour list
    std::uint64_t weight;
    int longest_channel, range;
};

Box make_box(const std::vector<Colour>& cs, std::size_t b, std::size_t e) {
    std::array<int, 3> lo{255, 255, 255}, hi{0, 0, 0};
    std::uint64_t w = 0;
    for (std::size_t i = b; i < e; ++i) {
        for (int c = 0; c < 3; ++c) lo[c] = std::min(lo[c], cs[i].ch(c)), hi[c] = std::max(hi[c], cs[i].ch(c));
        w += cs[i].count;
    }
    int best = 0;
    for (int c = 1; c < 3; ++c)
        if (hi[c] - lo[c] > hi[best] - lo[best]) best = c;
    return {b, e, w, best, hi[best] - lo[best]};
}

// Palette of <= 256 colours for the histogram `cs` (sorted, deterministic); `index` gets each colour's entry
// (the mean of its median-cut box, which is what a nearest-colour search would almost always pick).
std::vector<std::uint32_t> median_cut(std::vector<Colour>& cs, std::unordered_map<std::uint32_t, std::uint8_t>& index) {
    std::vector<Box> boxes{make_box(cs, 0, cs.size())};
    while (boxes.size() < 256) {
        // Split the box with the most "error": pixel weight x channel range (ties: first).
        std::size_t pick = SIZE_MAX;
        double score = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            if (boxes[i].end - boxes[i].begin < 2 || boxes[i].range == 0) continue;
            const double s = static_cast<double>(boxes[i].weight) * boxes[i].range;
            if (s > score) score = s, pick = i;
        }
        if (pick == SIZE_MAX) break;
        const Box b = boxes[pick];
        const int c = b.longest_channel;
        std::sort(cs.begin() + static_cast<std::ptrdiff_t>(b.begin), cs.begin() + static_cast<std::ptrdiff_t>(b.end),
                  [c](const Colour& x, const Colour& y) { return x.ch(c) != y.ch(c) ? x.ch(c) < y.ch(c) : x.rgb < y.rgb; });
        std::uint64_t half = 0;
        std::size_t cut = b.begin + 1;
        for (std::size_t i = b.begin; i < b.end - 1; ++i) {
            half += cs[i].count;
            cut = i + 1;
            if (half * 2 >= b.weight) break;
        }
        boxes[pick] = make_box(cs, b.begin, cut);
        boxes.push_back(make_box(cs, cut, b.end));
    }
    std::vector<std::uint32_t> means;
    for (const auto& b : boxes) {
        std::array<std::uint64_t, 3> sum{};
        for (std::size_t i = b.begin; i < b.end; ++i)
            for (int c = 0; c < 3; ++c) sum[c] += static_cast<std::uint64_t>(cs[i].ch(c)) * cs[i].count;
        std::uint32_t rgb = 0;
        for (int c = 0; c < 3; ++c) rgb = (rgb << 8) | static_cast<std::uint32_t>((sum[c] + b.weight / 2) / b.weight);
        means.push_back(rgb);
    }
    std::vector<std::uint32_t> palette = means;
    std::sort(palette.begin(), palette.end());
    palette.erase(std::unique(palette.begin(), palette.end()), palette.end());
    for (std::size_t k = 0; k < boxes.size(); ++k) {
        const auto at = static_cast<std::uint8_t>(std::lower_bound(palette.begin(), palette.end(), means[k]) - palette.begin());
        for (std::size_t i = boxes[k].begin; i < boxes[k].end; ++i) index[cs[i].rgb] = at;
    }
    return palette;
}

// [SECTION] PNG chunks ------------------------------------------------------------------------------------

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
}

void chunk(std::vector<std::uint8_t>& out, const char type[4], const std::vector<std::uint8_t>& data) {
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t at = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    put_u32(out, static_cast<std::uint32_t>(crc32(0L, out.data() + at, static_cast<uInt>(out.size() - at))));
}

}  // namespace

std::vector<std::uint8_t> encode_paletted_png(const std::uint8_t* xrgb, int width, int height, int stride) {
    std::unordered_map<std::uint32_t, std::uint32_t> hist;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            std::uint32_t px;
            std::memcpy(&px, xrgb + static_cast<std::size_t>(y) * stride + x * 4, 4);
            ++hist[px & 0xffffff];
        }
    std::vector<Colour> colours;
    colours.reserve(hist.size());
    for (const auto& [rgb, n] : hist) colours.push_back({rgb, n});
    std::sort(colours.begin(), colours.end(), [](const Colour& a, const Colour& b) { return a.rgb < b.rgb; });
    std::vector<std::uint32_t> palette;
    std::unordered_map<std::uint32_t, std::uint8_t> index;
    if (colours.size() <= 256) {
        for (const auto& c : colours) {
            index[c.rgb] = static_cast<std::uint8_t>(palette.size());
            palette.push_back(c.rgb);
        }
    } else {
        palette = median_cut(colours, index);
    }

    // Rows: filter byte 0 (none; palette indices do not predict well) + one index per pixel.
    std::vector<std::uint8_t> raw;
    raw.reserve(static_cast<std::size_t>(height) * (width + 1));
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);
        for (int x = 0; x < width; ++x) {
            std::uint32_t px;
            std::memcpy(&px, xrgb + static_cast<std::size_t>(y) * stride + x * 4, 4);
            raw.push_back(index[px & 0xffffff]);
        }
    }
    uLongf size = compressBound(raw.size());
    std::vector<std::uint8_t> z(size);
    compress2(z.data(), &size, raw.data(), raw.size(), 6);
    z.resize(size);

    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<std::uint8_t> ihdr;
    put_u32(ihdr, static_cast<std::uint32_t>(width));
    put_u32(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 3, 0, 0, 0});  // 8-bit, paletted, deflate, adaptive filters, no interlace
    chunk(png, "IHDR", ihdr);
    std::vector<std::uint8_t> plte;
    for (auto rgb : palette) plte.insert(plte.end(), {static_cast<std::uint8_t>(rgb >> 16), static_cast<std::uint8_t>(rgb >> 8), static_cast<std::uint8_t>(rgb)});
    chunk(png, "PLTE", plte);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", {});
    return png;
}

int png_palette_size(const std::vector<std::uint8_t>& png) {
    // Signature (8) + IHDR chunk (4 + 4 + 13 + 4 = 25), then the PLTE chunk's length and type.
    if (png.size() < 8 + 25 + 8 || png[8 + 4 + 4 + 9] != 3) return 0;
    const std::size_t at = 8 + 25;
    if (std::memcmp(png.data() + at + 4, "PLTE", 4) != 0) return 0;
    const std::uint32_t len = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
    return static_cast<int>(len / 3);
}

}  // namespace bk::map::basemap
