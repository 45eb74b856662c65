// Week poster — an A4 PDF per venue for the wall of the buurthuiskamer (cairo + libqrencode).
//
// Usage:
//   auto pdf = render_week_poster(feed, venue_index, monday, "https://…/agenda/nl/plek/x.html");
//   if (pdf) write_file_atomically("poster/x.pdf", *pdf);
// Seven days from `monday`, every occurrence at the venue with its time ("vanaf 19:00" for an open
// end, "hele dag", "gaat niet door" struck through), long titles shortened with "…"; a QR code to
// `qr_url` with the address written under it. Dutch text, DejaVu Sans (fonts-dejavu-core).
// Threads: any thread (cairo surfaces are per call).
#pragma once

#include <cstdint>
#include <expected>
#include <string>

#include "data/error.hpp"
#include "data/feed.hpp"

namespace bk::data::publish {

std::expected<std::string, Error> render_week_poster(const Feed& feed, std::uint32_t venue, LocalDate monday,
                                                     const std::string& qr_url);

}  // namespace bk::data::publish
