// Time in the agenda: UTC instants and Europe/Amsterdam wall-clock fields.
//
// Usage:
//   bk::data::UtcTime t = bk::data::utc_from_amsterdam({{2026, 3, 29}, {10, 0}}).value();
//   bk::data::LocalDateTime local = bk::data::amsterdam_from_utc(t);   // 2026-03-29 10:00 (CEST)
//   bk::data::Clock clock = bk::data::system_clock();                    // kiosk; tests pass fixed times
// Conversions use libical's built-in zone "Europe/Amsterdam" (libical reads /usr/share/zoneinfo,
// Debian package tzdata). Wall-clock times that do not exist (02:30 on the last Sunday of March)
// move forward by the gap; ambiguous ones (02:30 on the last Sunday of October) take the first (CEST).
// Threads: every function may be called from any thread (libical zone access is serialised).
#pragma once
#include <chrono>
#include <compare>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace bk::data {

using UtcTime = std::chrono::sys_seconds;

// Queries never read the system time themselves: they take `now`. The kiosk passes system_clock().
using Clock = std::function<UtcTime()>;
Clock system_clock();
Clock fixed_clock(UtcTime t);

struct LocalDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    auto operator<=>(const LocalDate&) const = default;
};

struct LocalTime {
    int hour = 0;    // 0..23
    int minute = 0;  // 0..59
    auto operator<=>(const LocalTime&) const = default;
};

struct LocalDateTime {
    LocalDate date;
    LocalTime time;
    auto operator<=>(const LocalDateTime&) const = default;
};

// ISO weekday of a date: 1 = Monday … 7 = Sunday.
int iso_weekday(LocalDate d);
LocalDate add_days(LocalDate d, int days);
bool is_valid(LocalDate d);
bool is_valid(LocalTime t);

// Europe/Amsterdam <-> UTC.
LocalDateTime amsterdam_from_utc(UtcTime t);
// Offset of Amsterdam from UTC at instant t (3600 or 7200 seconds).
std::chrono::seconds amsterdam_utc_offset(UtcTime t);
UtcTime utc_from_amsterdam(LocalDateTime local);
// Start of the local day (00:00 Amsterdam) as UTC.
UtcTime amsterdam_midnight(LocalDate d);

// Text forms: "2026-03-29", "10:00", "2026-03-29T10:00" (seconds ":00" accepted), RFC 3339 UTC.
std::optional<LocalDate> parse_local_date(std::string_view s);
std::optional<LocalTime> parse_local_time(std::string_view s);
std::optional<LocalDateTime> parse_local_date_time(std::string_view s);
// "2026-03-29T08:00:00Z" or with offset "+02:00".
std::optional<UtcTime> parse_rfc3339(std::string_view s);
std::string to_string(LocalDate d);
std::string to_string(LocalTime t);
std::string to_string(LocalDateTime dt);
std::string to_rfc3339(UtcTime t);

}  // namespace bk::data
