// [SECTION] RRULE checks  [SECTION] candidate dates (libical)  [SECTION] occurrences + changes
#include "data/recurrence.hpp"

#include <vector>

#include <optional>

#include <charconv>

#include <algorithm>
#include <mutex>

#include <libical/ical.h>

namespace bk::data {
namespace {

void init_libical_errors() {
    static std::once_flag once;
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

icaltimetype floating(LocalDateTime t) {
    icaltimetype tt = icaltime_null_time();
    tt.year = t.date.year;
    tt.month = t.date.month;
    tt.day = t.date.day;
    tt.hour = t.time.hour;
    tt.minute = t.time.minute;
    tt.second = 0;
    tt.is_date = 0;
    tt.zone = nullptr;
    return tt;
}

LocalDateTime from_ical(const icaltimetype& tt) {
    return {{tt.year, tt.month, tt.day}, {tt.hour, tt.minute}};
}

// [SECTION] candidate dates: the wall-clock starts the rule produces in [first, last].
void rule_candidates(const Schedule& s, LocalDateTime first, LocalDateTime last,
                     std::vector<LocalDateTime>& out) {
    if (s.rrule.empty()) {
        if (s.start >= first && s.start <= last) out.push_back(s.start);
        return;
    }
    init_libical_errors();
    icalrecurrencetype rule = icalrecurrencetype_from_string(s.rrule.c_str());
    if (rule.freq == ICAL_NO_RECURRENCE) return;  // rejected by the parser already
    if (!icaltime_is_null_time(rule.until) && icaltime_is_utc(rule.until) && !rule.until.is_date) {
        // UNTIL in UTC (RFC 5545 requires it with a zoned DTSTART): compare in Amsterdam wall-clock.
        auto secs = std::chrono::sys_days{std::chrono::year{rule.until.year} / rule.until.month / rule.until.day} +
                    std::chrono::hours{rule.until.hour} + std::chrono::minutes{rule.until.minute} +
                    std::chrono::seconds{rule.until.second};
        LocalDateTime local = amsterdam_from_utc(std::chrono::time_point_cast<std::chrono::seconds>(secs));
        rule.until = floating(local);
        rule.until.second = 59;
    }
    if (!icaltime_is_null_time(rule.until) && rule.until.is_date && !s.all_day) {
        // UNTIL as a DATE with a DATE-TIME start (common in feeds): the whole day counts.
        rule.until.is_date = 0;
        rule.until.hour = 23;
        rule.until.minute = 59;
        rule.until.second = 59;
    }
    icaltimetype dtstart = floating(s.start);
    icalrecur_iterator* it = icalrecur_iterator_new(rule, dtstart);
    if (!it) return;
    // Jump ahead for long-running rules without COUNT (COUNT needs every step from DTSTART).
    if (rule.count == 0 && s.start < first) {
        LocalDateTime jump = first;
        jump.time = {0, 0};
        icalrecur_iterator_set_start(it, floating(jump));
    }
    int steps = 0;
    int produced = 0;
    for (;;) {
        icaltimetype next = icalrecur_iterator_next(it);
        if (icaltime_is_null_time(next)) break;
        if (++steps > kMaxRuleIterations) break;
        LocalDateTime t = from_ical(next);
        if (t > last) break;
        if (t < first) continue;
        out.push_back(t);
        if (++produced >= kMaxOccurrencesPerActivity) break;
    }
    icalrecur_iterator_free(it);
}

const OccurrenceChange* find_change(const Activity& a, LocalDate date) {
    auto it = std::lower_bound(a.changes.begin(), a.changes.end(), date,
                               [](const OccurrenceChange& c, LocalDate d) { return c.date < d; });
    if (it != a.changes.end() && it->date == date) return &*it;
    return nullptr;
}

void expand_into(const Feed& feed, std::uint32_t index, UtcTime from_utc, UtcTime to_utc,
                 std::vector<Occurrence>& out) {
    const Activity& a = feed.activities[index];
    const Schedule& s = a.schedule;
    // Candidate window in wall-clock time, widened for long durations and moved start times.
    int span_days = s.duration_min / 1440 + 2;
    LocalDateTime first{add_days(amsterdam_from_utc(from_utc).date, -span_days), {0, 0}};
    LocalDateTime last{add_days(amsterdam_from_utc(to_utc).date, 1), {23, 59}};
    // Cheap exits before libical: the schedule cannot touch the window.
    if (s.until && *s.until < first.date) return;
    if (s.from && *s.from > last.date) return;
    if (s.start > last && s.rdates.empty()) return;
    std::vector<LocalDateTime> starts;
    rule_candidates(s, first, last, starts);
    for (const auto& r : s.rdates)
        if (r >= first && r <= last) starts.push_back(r);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

    int produced = 0;
    for (const LocalDateTime& original : starts) {
        const LocalDate date = original.date;
        if (s.from && date < *s.from) continue;
        if (s.until && date > *s.until) continue;
        if (std::binary_search(s.exdates.begin(), s.exdates.end(), date)) continue;
        Occurrence o;
        o.activity = index;
        o.venue = a.venue;
        o.original_date = date;
        o.all_day = s.all_day;
        o.cancelled = a.cancelled;
        o.cancel_reason = a.cancel_reason;
        LocalDateTime start = original;
        int duration = s.duration_min;
        if (const OccurrenceChange* c = find_change(a, date)) {
            if (c->cancelled) {
                o.cancelled = true;
                o.cancel_reason = c->reason;
            }
            if (c->start && *c->start != start.time) {
                start.time = *c->start;
                o.changed = true;
            }
            if (c->duration_min && *c->duration_min != duration) {
                duration = *c->duration_min;
                o.changed = true;
            }
            if (c->venue && *c->venue != a.venue) {
                o.venue = *c->venue;
                o.changed = true;
            }
            o.note = c->note;
        }
        o.start_local = start;
        o.start_utc = utc_from_amsterdam(start);
        if (s.all_day) {
            o.end_utc = amsterdam_midnight(add_days(date, std::max(1, duration / 1440)));
        } else {
            o.end_utc = o.start_utc + std::chrono::minutes{duration};
        }
        o.end_local = amsterdam_from_utc(o.end_utc);
        if (o.end_utc <= from_utc || o.start_utc >= to_utc) continue;
        out.push_back(std::move(o));
        if (++produced >= kMaxOccurrencesPerActivity) break;
    }
}

bool before(const Occurrence& x, const Occurrence& y) {
    if (x.start_utc != y.start_utc) return x.start_utc < y.start_utc;
    return x.activity < y.activity;
}

}  // namespace

std::vector<Occurrence> expand(const Feed& feed, UtcTime from_utc, UtcTime to_utc) {
    std::vector<Occurrence> out;
    if (to_utc <= from_utc) return out;
    for (std::uint32_t i = 0; i < feed.activities.size() && out.size() < kMaxOccurrencesPerExpansion; ++i)
        expand_into(feed, i, from_utc, to_utc, out);
    if (out.size() > kMaxOccurrencesPerExpansion) out.resize(kMaxOccurrencesPerExpansion);
    std::sort(out.begin(), out.end(), before);
    return out;
}

std::vector<Occurrence> expand_activity(const Feed& feed, std::uint32_t activity, UtcTime from_utc,
                                        UtcTime to_utc) {
    std::vector<Occurrence> out;
    if (activity >= feed.activities.size() || to_utc <= from_utc) return out;
    expand_into(feed, activity, from_utc, to_utc, out);
    std::sort(out.begin(), out.end(), before);
    return out;
}

// [SECTION] RRULE checks (RFC 5545 §3.3.10), as libical reads them.
namespace {

Error rule_error(std::string text) { return Error{ErrorKind::Recurrence, std::move(text)}; }

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const auto end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::optional<int> to_int(std::string_view v) {
    int n = 0;
    const char* b = v.data();
    if (!v.empty() && v.front() == '+') ++b;
    auto [p, ec] = std::from_chars(b, v.data() + v.size(), n);
    if (ec != std::errc{} || p != v.data() + v.size() || b == v.data() + v.size()) return std::nullopt;
    return n;
}

// Each BYxxx value list within its RFC 5545 range; `nonzero` forbids 0 (ordinals).
std::expected<void, Error> check_list(std::string_view name, std::string_view list, int lo, int hi, bool nonzero) {
    for (std::string_view item : split(list, ',')) {
        auto n = to_int(item);
        if (!n || *n < lo || *n > hi || (nonzero && *n == 0))
            return std::unexpected(rule_error(std::string(name) + "=" + std::string(item) + " is outside " +
                                              std::to_string(lo) + ".." + std::to_string(hi) +
                                              (nonzero ? " (not 0)" : "") + " (RFC 5545 section 3.3.10)"));
    }
    return {};
}

// Rule parts by name before libical sees them: libical accepts some invalid values (BYMONTH=13,
// BYDAY=-53MO in a monthly rule) and skips unknown names (UNTL=), leaving a different rule.
std::expected<void, Error> check_rule_parts(std::string_view text) {
    static constexpr std::string_view kNames[] = {"FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE",
                                                  "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO",
                                                  "BYMONTH", "BYSETPOS", "WKST"};
    std::string freq;
    std::string_view byday;
    bool other_by = false;
    std::vector<std::string> seen;
    for (std::string_view part : split(text, ';')) {
        const auto eq = part.find('=');
        if (eq == std::string_view::npos || eq == 0)
            return std::unexpected(rule_error("rule part '" + std::string(part.substr(0, 40)) + "' is not NAME=VALUE"));
        const std::string_view name = part.substr(0, eq), value = part.substr(eq + 1);
        if (std::find(std::begin(kNames), std::end(kNames), name) == std::end(kNames))
            return std::unexpected(rule_error("unknown rule part '" + std::string(name.substr(0, 40)) + "'"));
        if (std::find(seen.begin(), seen.end(), name) != seen.end())
            return std::unexpected(rule_error("rule part " + std::string(name) + " appears twice"));
        seen.emplace_back(name);
        if (value.empty()) return std::unexpected(rule_error("rule part " + std::string(name) + " has no value"));
        if (name == "FREQ") freq = std::string(value);
        else if (name == "BYSECOND" || name == "BYMINUTE" || name == "BYHOUR")
            return std::unexpected(rule_error(std::string(name) +
                                              " is not supported: an activity has one start time (use \"start\")"));
        else if (name == "BYMONTH") {
            if (auto r = check_list(name, value, 1, 12, true); !r) return r;
            other_by = true;
        } else if (name == "BYMONTHDAY") {
            if (auto r = check_list(name, value, -31, 31, true); !r) return r;
            other_by = true;
        } else if (name == "BYYEARDAY") {
            if (auto r = check_list(name, value, -366, 366, true); !r) return r;
            other_by = true;
        } else if (name == "BYWEEKNO") {
            if (auto r = check_list(name, value, -53, 53, true); !r) return r;
            other_by = true;
        } else if (name == "BYDAY") byday = value;
    }
    if (freq.empty()) return std::unexpected(rule_error("FREQ is missing"));
    // BYDAY: [+|-]ordinal? weekday; the ordinal only in MONTHLY (1..5) and YEARLY (1..53) rules.
    int byday_count = 0;
    if (!byday.empty()) {
        static constexpr std::string_view kDays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
        for (std::string_view item : split(byday, ',')) {
            ++byday_count;
            if (item.size() < 2 || std::find(std::begin(kDays), std::end(kDays), item.substr(item.size() - 2)) == std::end(kDays))
                return std::unexpected(rule_error("BYDAY=" + std::string(item.substr(0, 20)) + " is not a weekday (MO..SU)"));
            const std::string_view ord = item.substr(0, item.size() - 2);
            if (ord.empty()) continue;
            const int max = freq == "MONTHLY" ? 5 : freq == "YEARLY" ? 53 : 0;
            if (max == 0)
                return std::unexpected(rule_error("BYDAY=" + std::string(item) + ": a numbered weekday needs FREQ=MONTHLY or YEARLY"));
            if (auto r = check_list("BYDAY ordinal", ord, -max, max, true); !r) return r;
        }
    }
    // BYSETPOS picks from the set one period makes: it can never be larger than that set.
    for (std::string_view part : split(text, ';')) {
        if (!part.starts_with("BYSETPOS=")) continue;
        int max = freq == "YEARLY" ? 366 : freq == "MONTHLY" ? 31 : freq == "WEEKLY" ? 7 : 1;
        if (byday_count > 0 && !other_by)
            max = std::min(max, byday_count * (freq == "YEARLY" ? 53 : freq == "MONTHLY" ? 5 : 1));
        if (auto r = check_list("BYSETPOS", part.substr(9), -max, max, true); !r) return r;
    }
    return {};
}

}  // namespace

std::expected<void, Error> check_rrule(std::string_view rrule) {
    init_libical_errors();
    if (rrule.size() > 1024) return std::unexpected(Error{ErrorKind::Recurrence, "RRULE longer than 1024 bytes"});
    std::string text(rrule);
    if (text.rfind("RRULE:", 0) == 0) text = text.substr(6);
    if (auto parts = check_rule_parts(text); !parts) return parts;
    icalerror_clear_errno();
    icalrecurrencetype rule = icalrecurrencetype_from_string(text.c_str());
    if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
        icalerror_clear_errno();
        return std::unexpected(Error{ErrorKind::Recurrence, "libical could not parse it, see RFC 5545 section 3.3.10"});
    }
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
        rule.freq == ICAL_HOURLY_RECURRENCE)
        return std::unexpected(
            Error{ErrorKind::Recurrence, "FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY"});
    if (rule.interval < 1 || rule.interval > 1000)
        return std::unexpected(Error{ErrorKind::Recurrence, "INTERVAL must be 1..1000"});
    return {};
}

}  // namespace bk::data
