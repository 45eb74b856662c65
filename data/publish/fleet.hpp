// Fleet view — which kiosks poll the feed, from nginx's access log (no extra server).
//
// Usage:
//   auto kiosks = read_fleet_log("/var/log/nginx/wijkagenda.access.log");   // last entry per kiosk id
//   std::string html = format_fleet_html(*kiosks, current_feed_version, now, silent_hours);
// Every kiosk feed request carries (kiosk side, see kiosk/README.md):
//   User-Agent: buurtkaart-kiosk/<app version> (id=<kiosk id>; feed=<feed version or ->; sig=<ok|unsigned|rejected|->)
// and nginx's default "combined" log format records it. Lines for /feed.json (and .sig) with that
// User-Agent count; anything else is ignored. <feed version> is the feed's generated_at (RFC 3339),
// so a kiosk is "behind" when it reports another version than the one published.
// Threads: pure functions plus one file read; any thread.
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/local_time.hpp"

namespace bk::data::publish {

struct KioskSeen {
    std::string id;
    std::string app_version;
    std::string feed_version;  // "-" when it has none yet
    std::string signature;     // ok | unsigned | rejected | -
    std::string address;       // client IP
    UtcTime last_poll{};
    int last_status = 0;       // HTTP status of the last request (200, 304, ...)
    int polls = 0;             // requests in the log
};

// One line of the combined log format, or nullopt when it is not a kiosk's feed request.
std::optional<KioskSeen> parse_fleet_line(std::string_view line);
// The last state of every kiosk in the log (and its rotated predecessor "<log>.1", if present).
std::expected<std::vector<KioskSeen>, Error> read_fleet_log(const std::filesystem::path& access_log);

enum class KioskState { Current, Behind, RejectsSignature, Silent };
KioskState kiosk_state(const KioskSeen& k, std::string_view current_feed_version, UtcTime now, int silent_hours);
const char* to_dutch(KioskState s);

std::string format_fleet_html(const std::vector<KioskSeen>& kiosks, std::string_view current_feed_version, UtcTime now,
                              int silent_hours);

}  // namespace bk::data::publish
