#include "data/local_time.hpp"

#include <charconv>
#include <cstdio>
#include <vector>

#include "data/detail/libical_support.hpp"

namespace bk::data {
namespace detail {

std::mutex& libical_mutex() {
    static std::mutex m;
    return m;
}

icaltimezone* amsterdam_zone_locked() {
    static icaltimezone* zone = icaltimezone_get_builtin_timezone("Europe/Amsterdam");
    return zone;
}

}  // namespace detail

namespace {

std::chrono::sys_days to_sys_days(LocalDate d) {
    return std::chrono::sys_days{std::chrono::year{d.year} / std::chrono::month{unsigned(d.month)} /
                                 std::chrono::day{unsigned(d.day)}};
}

LocalDate from_sys_days(std::chrono::sys_days days) {
    std::chrono::year_month_day ymd{days};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

// Parses exactly `width` digits at s[pos].
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t width) {
    if (pos + width > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

}  // namespace

Clock system_clock() {
    return [] { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

Clock fixed_clock(UtcTime t) {
    return [t] { return t; };
}

int iso_weekday(LocalDate d) {
    return int(std::chrono::weekday{to_sys_days(d)}.iso_encoding());
}

LocalDate add_days(LocalDate d, int days) {
    return from_sys_days(to_sys_days(d) + std::chrono::days{days});
}

bool is_valid(LocalDate d) {
    if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return std::chrono::year_month_day{std::chrono::year{d.year} / std::chrono::month{unsigned(d.month)} /
                                       std::chrono::day{unsigned(d.day)}}
        .ok();
}

bool is_valid(LocalTime t) {
    return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

namespace {

// Offset of Amsterdam at t, straight from libical (slow: lock + zone search).
std::chrono::seconds libical_offset(UtcTime t) {
    std::lock_guard lock(detail::libical_mutex());
    icaltimezone* zone = detail::amsterdam_zone_locked();
    icaltimetype utc = icaltime_from_timet_with_zone(time_t(t.time_since_epoch().count()), 0,
                                                     icaltimezone_get_utc_timezone());
    int is_daylight = 0;
    return std::chrono::seconds{icaltimezone_get_utc_offset_of_utc_time(zone, &utc, &is_daylight)};
}

// Per-year DST table derived once from libical's zone data, so conversions are arithmetic.
// Amsterdam changes offset at most twice a year, never near New Year.
struct YearZone {
    std::chrono::seconds winter{3600};
    std::chrono::seconds summer{3600};
    UtcTime summer_start{};  // first instant with the summer offset
    UtcTime summer_end{};    // first instant back on winter offset
    bool has_summer = false;
};

constexpr int kTableFirstYear = 1970;
constexpr int kTableLastYear = 2100;

UtcTime find_change(UtcTime lo, UtcTime hi) {  // offset(lo) != offset(hi); returns first changed instant
    auto off_lo = libical_offset(lo);
    while (hi - lo > std::chrono::seconds{1}) {
        UtcTime mid = lo + (hi - lo) / 2;
        if (libical_offset(mid) == off_lo) lo = mid;
        else hi = mid;
    }
    return hi;
}

const std::vector<YearZone>& zone_table() {
    static const std::vector<YearZone> table = [] {
        std::vector<YearZone> t;
        for (int y = kTableFirstYear; y <= kTableLastYear; ++y) {
            UtcTime jan = std::chrono::sys_days{std::chrono::year{y} / 1 / 1};
            UtcTime jul = std::chrono::sys_days{std::chrono::year{y} / 7 / 1};
            UtcTime dec = std::chrono::sys_days{std::chrono::year{y} / 12 / 31};
            YearZone z;
            z.winter = libical_offset(jan);
            z.summer = libical_offset(jul);
            if (z.summer != z.winter && libical_offset(dec) == z.winter) {
                z.has_summer = true;
                z.summer_start = find_change(jan, jul);
                z.summer_end = find_change(jul, dec);
            } else {
                z.summer = z.winter;
            }
            t.push_back(z);
        }
        return t;
    }();
    return table;
}

std::chrono::seconds offset_at(UtcTime t) {
    int y = int(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)}.year());
    if (y < kTableFirstYear || y > kTableLastYear) return libical_offset(t);
    const YearZone& z = zone_table()[std::size_t(y - kTableFirstYear)];
    if (z.has_summer && t >= z.summer_start && t < z.summer_end) return z.summer;
    return z.winter;
}

}  // namespace

LocalDateTime amsterdam_from_utc(UtcTime t) {
    UtcTime wall = t + offset_at(t);
    auto days = std::chrono::floor<std::chrono::days>(wall);
    std::chrono::hh_mm_ss hms{wall - days};
    return {from_sys_days(days), {int(hms.hours().count()), int(hms.minutes().count())}};
}

std::chrono::seconds amsterdam_utc_offset(UtcTime t) {
    LocalDateTime l = amsterdam_from_utc(t);
    auto local_as_utc = std::chrono::sys_seconds{to_sys_days(l.date)} + std::chrono::hours{l.time.hour} +
                        std::chrono::minutes{l.time.minute};
    auto secs = t - std::chrono::floor<std::chrono::minutes>(t);
    return std::chrono::duration_cast<std::chrono::seconds>(local_as_utc + secs - t);
}

UtcTime utc_from_amsterdam(LocalDateTime local) {
    // Candidate offsets are +1h (CET) and +2h (CEST). Take the earliest instant whose Amsterdam
    // wall clock equals `local`; none (spring-forward gap): shift forward by the gap.
    auto wall = std::chrono::sys_seconds{to_sys_days(local.date)} + std::chrono::hours{local.time.hour} +
                std::chrono::minutes{local.time.minute};
    for (int offset_h : {2, 1}) {
        UtcTime candidate = wall - std::chrono::hours{offset_h};
        if (amsterdam_from_utc(candidate) == local) return candidate;
    }
    // In the gap (02:00-03:00 on the last Sunday of March): the wall clock jumped forward one
    // hour, so the pre-transition offset (+1h) gives the instant that is "the same minutes later".
    return wall - std::chrono::hours{1};
}

UtcTime amsterdam_midnight(LocalDate d) {
    return utc_from_amsterdam({d, {0, 0}});
}

std::optional<LocalDate> parse_local_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (!y || !m || !d) return std::nullopt;
    LocalDate date{*y, *m, *d};
    if (!is_valid(date)) return std::nullopt;
    return date;
}

std::optional<LocalTime> parse_local_time(std::string_view s) {
    if (s.size() != 5 && !(s.size() == 8 && s[5] == ':' && s.substr(6) == "00")) return std::nullopt;
    if (s[2] != ':') return std::nullopt;
    auto h = digits(s, 0, 2), m = digits(s, 3, 2);
    if (!h || !m) return std::nullopt;
    LocalTime t{*h, *m};
    if (!is_valid(t)) return std::nullopt;
    return t;
}

std::optional<LocalDateTime> parse_local_date_time(std::string_view s) {
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    auto d = parse_local_date(s.substr(0, 10));
    auto t = parse_local_time(s.substr(11));
    if (!d || !t) return std::nullopt;
    return LocalDateTime{*d, *t};
}

std::optional<UtcTime> parse_rfc3339(std::string_view s) {
    if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    auto d = parse_local_date(s.substr(0, 10));
    auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    if (!d || !h || !mi || !se || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    if (pos >= s.size()) return std::nullopt;
    int offset_min = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        if (pos + 1 != s.size()) return std::nullopt;
    } else if (s[pos] == '+' || s[pos] == '-') {
        if (pos + 6 != s.size() || s[pos + 3] != ':') return std::nullopt;
        auto oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
        if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
        offset_min = (*oh * 60 + *om) * (s[pos] == '-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    return std::chrono::sys_seconds{to_sys_days(*d)} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{*se} - std::chrono::minutes{offset_min};
}

std::string to_string(LocalDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string to_string(LocalTime t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return buf;
}

std::string to_string(LocalDateTime dt) {
    return to_string(dt.date) + "T" + to_string(dt.time);
}

std::string to_rfc3339(UtcTime t) {
    auto days = std::chrono::floor<std::chrono::days>(t);
    LocalDate d = from_sys_days(days);
    std::chrono::hh_mm_ss hms{t - days};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", to_string(d).c_str(), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return buf;
}

}  // namespace bk::data
