#include "data/publish/feed_output.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include "data/atomic_file.hpp"
#include "data/publish/ics_writer.hpp"
#include "data/publish/public_pages.hpp"
#include "data/vocab.hpp"

namespace bk::data::publish {

namespace {

std::string stamp(UtcTime t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{t - days};
    char b[64];
    std::snprintf(b, sizeof b, "%04d%02u%02uT%02ld%02ld%02ldZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  long(hms.seconds().count()));
    return b;
}

Error io(const std::filesystem::path& p, const std::string& what, const std::error_code& ec) {
    return Error{ErrorKind::Io, p.string() + ": " + what + " (" + ec.message() + ")"};
}

}  // namespace

std::expected<std::string, Error> gzip_compress(std::string_view data) {
    z_stream zs{};
    // windowBits 15 + 16: gzip wrapper instead of zlib.
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::unexpected(Error{ErrorKind::Io, "gzip: deflateInit2 failed"});
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    const auto written = zs.total_out;
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) return std::unexpected(Error{ErrorKind::Io, "gzip: deflate did not finish"});
    out.resize(written);
    return out;
}

std::expected<Release, Error> write_release(const BuildResult& built, const OutputOptions& options) {
    Release rel;
    rel.name = stamp(options.now);
    const auto releases = options.out_dir / "releases";
    std::error_code ec;
    std::filesystem::create_directories(releases, ec);
    if (ec) return std::unexpected(io(releases, "cannot create", ec));
    // Two builds in the same second get "-2", "-3", ...
    for (int n = 2; std::filesystem::exists(releases / rel.name); ++n) rel.name = stamp(options.now) + "-" + std::to_string(n);
    rel.dir = releases / rel.name;
    std::filesystem::create_directories(rel.dir / "ics" / "venue", ec);
    if (!ec) std::filesystem::create_directories(rel.dir / "ics" / "network", ec);
    if (ec) return std::unexpected(io(rel.dir, "cannot create", ec));

    auto put = [&](const std::string& rel_path, std::string_view body) -> std::expected<void, Error> {
        return write_file_atomically((rel.dir / rel_path).string(), body);
    };
    rel.feed_bytes = built.feed_json.size();
    if (auto r = put("feed.json", built.feed_json); !r) return std::unexpected(r.error());
    auto gz = gzip_compress(built.feed_json);
    if (!gz) return std::unexpected(gz.error());
    rel.gzip_bytes = gz->size();
    if (auto r = put("feed.json.gz", *gz); !r) return std::unexpected(r.error());
    if (options.key) {
        if (auto r = put("feed.json.sig", sign_feed(built.feed_json, *options.key)); !r) return std::unexpected(r.error());
        rel.signed_by = options.key->key_id;
    }
    if (options.write_ics && built.feed) {
        const Feed& feed = *built.feed;
        std::vector<std::uint32_t> all(feed.activities.size());
        for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
        auto write_cal = [&](const std::string& path, const std::vector<std::uint32_t>& acts,
                             const std::string& name) -> std::expected<void, Error> {
            IcsCalendarInfo info{name, "Wijkagenda Delfshaven — " + feed.publisher};
            if (auto r = put(path, write_ics(feed, acts, info, options.now)); !r) return r;
            rel.ics_files.push_back(path);
            return {};
        };
        if (auto r = write_cal("ics/all.ics", all, "Wijkagenda Delfshaven"); !r) return std::unexpected(r.error());
        for (std::uint32_t v = 0; v < feed.venues.size(); ++v) {
            if (auto r = write_cal("ics/venue/" + feed.venues[v].id + ".ics", activities_at_venue(feed, v),
                                   feed.venues[v].name);
                !r)
                return std::unexpected(r.error());
        }
        for (const auto& net : networks()) {
            auto acts = activities_in_network(feed, net.id);
            bool has_venue = false;
            for (const auto& v : feed.venues) has_venue = has_venue || v.network == net.id;
            if (!has_venue) continue;
            if (auto r = write_cal("ics/network/" + std::string(net.id) + ".ics", acts, std::string(net.label_nl)); !r)
                return std::unexpected(r.error());
        }
    }
    if (options.write_pages && built.feed) {
        auto pages = write_public_pages(*built.feed, rel.dir, {options.public_base_url, options.now, true});
        if (!pages) return std::unexpected(pages.error());
        rel.page_files = std::move(*pages);
    }
    return rel;
}

std::expected<void, Error> activate_release(const Release& release, const std::filesystem::path& out_dir,
                                            int keep_releases) {
    const auto current = out_dir / "current";
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(current)) && !std::filesystem::is_symlink(current))
        return std::unexpected(Error{ErrorKind::Io, current.string() + ": exists and is not a symlink; move it away"});
    const auto tmp = out_dir / (".current.tmp-" + std::to_string(::getpid()));
    std::filesystem::remove(tmp, ec);
    std::filesystem::create_directory_symlink(std::filesystem::path("releases") / release.name, tmp, ec);
    if (ec) return std::unexpected(io(tmp, "cannot create symlink", ec));
    // rename(2) replaces the old link atomically: readers see the old or the new release, never none.
    if (std::rename(tmp.c_str(), current.c_str()) != 0) {
        std::filesystem::remove(tmp, ec);
        return std::unexpected(Error{ErrorKind::Io, current.string() + ": cannot switch to " + release.name});
    }
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(out_dir / "releases", ec))
        if (e.is_directory()) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    const auto keep = static_cast<std::size_t>(std::max(1, keep_releases));
    for (std::size_t i = 0; i + keep < names.size(); ++i)
        if (names[i] != release.name) std::filesystem::remove_all(out_dir / "releases" / names[i], ec);
    return {};
}

}  // namespace bk::data::publish
