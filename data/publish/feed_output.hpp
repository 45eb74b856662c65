// Feed output — writes one release of the published agenda and switches the web root to it.
//
// Usage:
//   auto rel = write_release(built, {.out_dir = "/srv/wijkagenda", .key = signing_key, .now = now});
//   write_file_atomically(rel->dir / "report.txt", ...);        // anything else for this release
//   activate_release(*rel, "/srv/wijkagenda", 5);               // atomic symlink swap, keeps 5 releases
// Layout: <out>/releases/<YYYYMMDDTHHMMSSZ>/{feed.json, feed.json.gz, feed.json.sig, ics/all.ics,
// ics/venue/<venue-id>.ics, ics/network/<network-id>.ics, agenda/…, poster/<venue-id>.pdf} and
// <out>/current → releases/<stamp>.
// nginx serves <out>/current (assets/publish/nginx-wijkagenda.conf). Because the whole release is
// swapped with one rename(2), a kiosk never gets a feed.json of one run with the .sig of another.
// The .gz copy is for nginx gzip_static (precompressed, no CPU per request).
// Threads: blocking file I/O; one writer per out_dir.
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_signature.hpp"

namespace bk::data::publish {

struct OutputOptions {
    std::filesystem::path out_dir;
    std::optional<SigningKey> key;  // none: unsigned (development)
    UtcTime now{};
    bool write_ics = true;
    bool write_pages = true;       // public agenda pages + week posters (public_pages.hpp)
    std::string public_base_url;   // for the posters' QR codes
};

struct Release {
    std::filesystem::path dir;
    std::string name;            // the stamp
    std::string signed_by;       // key id, empty when unsigned
    std::size_t feed_bytes = 0;
    std::size_t gzip_bytes = 0;
    std::vector<std::string> ics_files;  // relative to dir, e.g. "ics/venue/huiskamer-de-schans.ics"
    std::vector<std::string> page_files; // "agenda/nl/index.html", "poster/<venue>.pdf", ...
};

std::expected<Release, Error> write_release(const BuildResult& built, const OutputOptions& options);
std::expected<void, Error> activate_release(const Release& release, const std::filesystem::path& out_dir,
                                            int keep_releases = 5);

// gzip (RFC 1952) of `data` at maximum compression.
std::expected<std::string, Error> gzip_compress(std::string_view data);

}  // namespace bk::data::publish
