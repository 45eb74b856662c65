// Public agenda — static, accessible HTML pages for residents, plus a printable weekly poster per venue.
//
// Usage (write_release does this for every release):
//   PublicPagesOptions opt{.base_url = cfg.public_base_url, .now = now};
//   auto files = write_public_pages(feed, release_dir, opt);   // relative paths written
// Layout inside the release (served by nginx next to the ICS subscriptions):
//   agenda/index.html                      language choice (links to the six languages), Dutch first
//   agenda/<lang>/index.html               this week, whole district; links to every page below
//   agenda/<lang>/plek/<venue-id>.html     one venue: address, the next 14 days, ICS + poster links
//   agenda/<lang>/buurt/<id>.html          one neighbourhood, the next 14 days
//   agenda/<lang>/netwerk/<id>.html        one network, the next 14 days
//   poster/<venue-id>.pdf                  A4 week poster (poster.hpp), QR code to the venue page
//   agenda/.datum                          the Amsterdam date the pages were made for ("2026-11-23")
// <lang>: nl en tr ar pl pt (the kiosk's languages; Arabic pages are right-to-left). The interface
// text is in that language; an activity's title/description too when the overrides sheet gave a
// translation, Dutch otherwise. Plain HTML with inline CSS: no script, headings and lists for
// screen readers, readable on a phone, printable.
// Threads: blocking file I/O; one writer per release.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "data/error.hpp"
#include "data/feed.hpp"

namespace bk::data::publish {

inline constexpr const char* kPageLanguages[] = {"nl", "en", "tr", "ar", "pl", "pt"};

struct PublicPagesOptions {
    std::string base_url;  // "https://wijkagenda.example.org" (for the posters' QR codes); empty: relative
    UtcTime now{};
    bool posters = true;
};

std::expected<std::vector<std::string>, Error> write_public_pages(const Feed& feed, const std::filesystem::path& dir,
                                                                  const PublicPagesOptions& options);

}  // namespace bk::data::publish
