// [SECTION] libical helpers  [SECTION] zones  [SECTION] venue + vocabulary mapping
// [SECTION] times  [SECTION] series instances  [SECTION] one event  [SECTION] import_ics
#include "data/ics_import.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "data/detail/libical_support.hpp"
#include "data/feed.hpp"
#include "data/local_time.hpp"
#include "data/recurrence.hpp"
#include "data/text_fold.hpp"
#include "data/vocab.hpp"

namespace bk::data {
namespace {

constexpr int kMaxSpanlessMinutes = 14 * 1440;  // longer: a span (FEED_FORMAT.md)
constexpr int kMaxExplicitDates = 1000;          // the feed's limit on rdates
constexpr int kMaxSeriesSteps = 20000;

// [SECTION] libical helpers
struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

std::string text_or_empty(const char* s) {
    return s ? std::string(s) : std::string();
}

std::string x_property(icalcomponent* ev, const char* name) {
    for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(ev, ICAL_X_PROPERTY)) {
        const char* x = icalproperty_get_x_name(p);
        if (x && std::string_view(x) == name) return text_or_empty(icalproperty_get_value_as_string(p));
    }
    return {};
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= s.size()) {
        std::size_t end = s.find(',', pos);
        if (end == std::string::npos) end = s.size();
        std::string word = fold_for_search(s.substr(pos, end - pos));
        std::replace(word.begin(), word.end(), ' ', '-');
        if (!word.empty()) out.push_back(word);
        pos = end + 1;
    }
    return out;
}

std::string sanitise_id(const std::string& prefix, const std::string& uid) {
    std::string id = prefix;
    for (char c : uid) {
        char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-' || l == '_' || l == '.';
        id += ok ? l : '-';
        if (id.size() >= 60) break;
    }
    if (id.empty() || id[0] == '-' || id[0] == '.' || id[0] == '_') id = "x" + id;
    return id;
}

std::string compact_date(LocalDate d) {
    std::string s = to_string(d);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

// [SECTION] zones
// Outlook/Exchange write Windows zone names; they map to IANA zones (CLDR windowsZones.xml, the
// ones seen around Rotterdam and in exports from abroad).
const std::map<std::string_view, std::string_view>& windows_zones() {
    static const std::map<std::string_view, std::string_view> m = {
        {"W. Europe Standard Time", "Europe/Amsterdam"}, {"Romance Standard Time", "Europe/Paris"},
        {"Central Europe Standard Time", "Europe/Budapest"}, {"Central European Standard Time", "Europe/Warsaw"},
        {"GMT Standard Time", "Europe/London"}, {"Greenwich Standard Time", "Atlantic/Reykjavik"},
        {"Turkey Standard Time", "Europe/Istanbul"}, {"Morocco Standard Time", "Africa/Casablanca"},
        {"E. Europe Standard Time", "Europe/Chisinau"}, {"FLE Standard Time", "Europe/Kiev"},
        {"GTB Standard Time", "Europe/Bucharest"}, {"E. South America Standard Time", "America/Sao_Paulo"},
        {"SA Pacific Standard Time", "America/Bogota"}, {"Eastern Standard Time", "America/New_York"},
        {"Central Standard Time", "America/Chicago"}, {"Mountain Standard Time", "America/Denver"},
        {"Pacific Standard Time", "America/Los_Angeles"}, {"UTC", "UTC"}, {"Coordinated Universal Time", "UTC"},
    };
    return m;
}

// The zone a TZID names (call with libical_mutex() held): the system tz database for a known
// IANA name (also "/freeassociation.sourceforge.net/Europe/Berlin" and Windows names), else the
// calendar's own VTIMEZONE; nullptr when neither knows it.
icaltimezone* zone_for_tzid_locked(icalcomponent* root, const char* tzid) {
    if (!tzid || !*tzid) return nullptr;
    std::string name = tzid;
    if (name.size() > 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (icaltimezone* z = icaltimezone_get_builtin_timezone(name.c_str())) return z;
    if (name.front() == '/')
        if (icaltimezone* z = icaltimezone_get_builtin_timezone_from_tzid(name.c_str())) return z;
    if (auto it = windows_zones().find(name); it != windows_zones().end())
        if (icaltimezone* z = icaltimezone_get_builtin_timezone(std::string(it->second).c_str())) return z;
    return icalcomponent_get_timezone(root, tzid);
}

// The zone a DATE-TIME property is expressed in: UTC for "Z" values, its TZID, Amsterdam for
// floating times and unknown TZIDs. Call with libical_mutex() held.
icaltimezone* zone_of_locked(icalcomponent* root, icalproperty* p, const icaltimetype& t) {
    if (icaltime_is_utc(t)) return icaltimezone_get_utc_timezone();
    if (icalparameter* tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER))
        if (icaltimezone* z = zone_for_tzid_locked(root, icalparameter_get_tzid(tzp))) return z;
    return detail::amsterdam_zone_locked();
}

icaltimetype wall(const icaltimetype& t) {
    icaltimetype w = t;
    w.zone = nullptr;
    return w;
}

LocalDateTime local_of(const icaltimetype& t) {
    return {{t.year, t.month, t.day}, {t.is_date ? 0 : t.hour, t.is_date ? 0 : t.minute}};
}

// Wall-clock time `t` in `zone` as Amsterdam wall-clock.
LocalDateTime to_amsterdam_locked(icaltimetype t, icaltimezone* zone) {
    if (t.is_date) return local_of(t);
    icaltimezone* ams = detail::amsterdam_zone_locked();
    t.zone = nullptr;
    if (zone && zone != ams) icaltimezone_convert_time(&t, zone, ams);
    return local_of(t);
}

// A DATE or DATE-TIME value as Amsterdam wall-clock (dates stay dates, at 00:00).
struct LocalValue {
    LocalDateTime local;
    bool is_date = false;
};

LocalValue to_amsterdam(icalcomponent* root, icalproperty* p, icaltimetype t) {
    if (t.is_date) return {local_of(t), true};
    std::lock_guard lock(detail::libical_mutex());
    return {to_amsterdam_locked(t, zone_of_locked(root, p, t)), false};
}

// [SECTION] venue + vocabulary mapping
std::optional<std::uint32_t> venue_by_id(const IcsImportOptions& opt, std::string_view id) {
    for (std::uint32_t i = 0; i < opt.venues.size(); ++i)
        if (opt.venues[i].id == id) return i;
    return std::nullopt;
}

// LOCATION text matched accent-insensitively against venue names, then addresses; longest wins.
std::optional<std::uint32_t> venue_by_location(const IcsImportOptions& opt, const std::string& location) {
    std::string folded = fold_for_search(location);
    if (folded.empty()) return std::nullopt;
    std::optional<std::uint32_t> best;
    std::size_t best_len = 0;
    for (std::uint32_t i = 0; i < opt.venues.size(); ++i) {
        for (const std::string* field : {&opt.venues[i].name, &opt.venues[i].address}) {
            std::string key = fold_for_search(*field);
            if (key.size() >= 4 && key.size() > best_len && folded.find(key) != std::string::npos) {
                best = i;
                best_len = key.size();
            }
        }
    }
    return best;
}

std::optional<std::uint32_t> venue_of(icalcomponent* ev, const IcsImportOptions& opt) {
    std::string x = x_property(ev, "X-BUURTKAART-VENUE");
    if (!x.empty()) return venue_by_id(opt, x);
    if (auto v = venue_by_location(opt, text_or_empty(icalcomponent_get_location(ev)))) return v;
    return std::nullopt;
}

std::vector<std::string> known_ids(const std::vector<std::string>& words, std::span<const VocabEntry> vocab,
                                   const std::vector<std::string>& fallback) {
    std::vector<std::string> out;
    for (const auto& w : words)
        if (is_known(vocab, w) && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    return out.empty() ? fallback : out;
}

// [SECTION] times
int minutes_between(LocalDateTime a, LocalDateTime b) {
    return int((utc_from_amsterdam(b) - utc_from_amsterdam(a)).count() / 60);
}

// DTSTART in its own zone plus the event's length.
struct Times {
    LocalValue start;             // Amsterdam wall-clock
    icaltimetype own{};           // DTSTART as written (wall-clock of `zone`)
    icaltimezone* zone = nullptr; // DTSTART's zone (Amsterdam for floating)
    int duration_min = 60;        // Amsterdam minutes (dates: whole days)
    bool open_end = false;        // date-time start alone (RFC 5545 §3.6.1: no duration)
    std::optional<LocalDate> last_day;  // last day of a long event (for spans)
};

std::optional<Times> event_times(icalcomponent* root, icalcomponent* ev) {
    icalproperty* ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!ps) return std::nullopt;
    Times t;
    icaltimetype st = icalproperty_get_dtstart(ps);
    if (icaltime_is_null_time(st)) return std::nullopt;
    t.own = wall(st);
    {
        std::lock_guard lock(detail::libical_mutex());
        t.zone = st.is_date ? nullptr : zone_of_locked(root, ps, st);
        t.start = {st.is_date ? local_of(st) : to_amsterdam_locked(st, t.zone), bool(st.is_date)};
    }
    std::optional<LocalDateTime> end;
    if (icalproperty* pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)) {
        end = to_amsterdam(root, pe, icalproperty_get_dtend(pe)).local;
    } else if (icalproperty* pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
        icaldurationtype d = icalproperty_get_duration(pd);
        if (t.start.is_date) {
            end = LocalDateTime{add_days(t.start.local.date, int(d.days + 7 * d.weeks)), {0, 0}};
        } else {
            auto e = utc_from_amsterdam(t.start.local) + std::chrono::seconds(icaldurationtype_as_int(d));
            end = amsterdam_from_utc(e);
        }
    }
    if (!end) {
        // RFC 5545 §3.6.1: a DATE start alone is one day; a DATE-TIME start alone has no length.
        t.duration_min = t.start.is_date ? 1440 : 60;
        t.open_end = !t.start.is_date;
        return t;
    }
    int minutes = minutes_between(t.start.local, *end);
    if (t.start.is_date) minutes = minutes / 1440 * 1440;
    if (minutes <= 0) {
        t.duration_min = t.start.is_date ? 1440 : 60;
        t.open_end = !t.start.is_date;
        return t;
    }
    t.duration_min = minutes;
    LocalDate last = end->date;
    if (t.start.is_date || end->time == LocalTime{0, 0}) last = add_days(last, -1);
    t.last_day = std::max(last, t.start.local.date);
    return t;
}

// [SECTION] series instances: RRULEs (all of them), RDATEs and EXDATEs as RFC 5545 defines the
// set, expanded in the series' own zone and converted to Amsterdam, start dates in [from, to].
std::vector<LocalDateTime> series_instances(icalcomponent* root, icalcomponent* ev, const Times& t, LocalDate from,
                                            LocalDate to) {
    std::vector<LocalDateTime> out;
    std::vector<icaltimetype> walls;  // in t.zone
    icaltimetype dtstart = t.own;
    for (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY); pr;
         pr = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
        icalrecurrencetype rule = icalproperty_get_rrule(pr);
        const std::string text = text_or_empty(icalrecurrencetype_as_string(&rule));
        if (rule.freq == ICAL_NO_RECURRENCE || !check_rrule(text)) continue;
        if (!icaltime_is_null_time(rule.until)) {
            if (icaltime_is_utc(rule.until) && !rule.until.is_date && t.zone) {
                std::lock_guard lock(detail::libical_mutex());
                icaltimetype u = rule.until;
                icaltimezone_convert_time(&u, icaltimezone_get_utc_timezone(), t.zone);
                rule.until = wall(u);
            } else if (rule.until.is_date && !dtstart.is_date) {
                rule.until.is_date = 0;
                rule.until.hour = 23;
                rule.until.minute = 59;
                rule.until.second = 59;
            }
            rule.until.zone = nullptr;
        }
        icalrecur_iterator* it = icalrecur_iterator_new(rule, dtstart);
        if (!it) continue;
        const LocalDate jump_to = add_days(from, -2);
        if (rule.count == 0 && local_of(dtstart).date < jump_to) {
            icaltimetype j = dtstart;
            j.year = jump_to.year;
            j.month = jump_to.month;
            j.day = jump_to.day;
            if (!j.is_date) j.hour = j.minute = j.second = 0;
            icalrecur_iterator_set_start(it, j);
        }
        for (int steps = 0; steps < kMaxSeriesSteps; ++steps) {
            icaltimetype next = icalrecur_iterator_next(it);
            if (icaltime_is_null_time(next)) break;
            if (local_of(next).date > add_days(to, 2)) break;
            walls.push_back(wall(next));
        }
        icalrecur_iterator_free(it);
    }
    if (walls.empty()) walls.push_back(dtstart);
    {
        std::lock_guard lock(detail::libical_mutex());
        for (const auto& w : walls) out.push_back(to_amsterdam_locked(w, t.zone));
    }
    for (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); pr;
         pr = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
        icaldatetimeperiodtype d = icalproperty_get_rdate(pr);
        icaltimetype v = icaltime_is_null_time(d.time) ? d.period.start : d.time;
        if (icaltime_is_null_time(v)) continue;
        LocalValue lv = to_amsterdam(root, pr, v);
        if (lv.is_date && !t.start.is_date) lv.local.time = t.start.local.time;
        out.push_back(lv.local);
    }
    for (icalproperty* px = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); px;
         px = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
        LocalValue ex = to_amsterdam(root, px, icalproperty_get_exdate(px));
        // A DATE exdate takes that day; a DATE-TIME one only the instance at that time.
        std::erase_if(out, [&](const LocalDateTime& x) {
            return ex.is_date ? x.date == ex.local.date : x == ex.local;
        });
    }
    std::erase_if(out, [&](const LocalDateTime& x) { return x.date < from || x.date > to; });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The starts the feed's compact schedule yields (expanded as the kiosk will), dates in [from, to].
std::vector<LocalDateTime> compact_instances(const Activity& a, LocalDate from, LocalDate to) {
    Feed f;
    f.venues.resize(std::size_t(a.venue) + 1);
    f.activities.push_back(a);
    f.activities.back().changes.clear();
    std::vector<LocalDateTime> out;
    // One expansion usually covers the window; only a rule with more than the per-call cap of
    // occurrences (daily) needs it in 60-day steps.
    auto whole = expand_activity(f, 0, amsterdam_midnight(from), amsterdam_midnight(add_days(to, 1)));
    if (whole.size() < std::size_t(kMaxOccurrencesPerActivity)) {
        for (const auto& o : whole)
            if (o.original_date >= from && o.original_date <= to) out.push_back({o.original_date, o.start_local.time});
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    for (LocalDate d = from; d <= to; d = add_days(d, 60)) {
        LocalDate e = std::min(add_days(d, 59), to);
        for (const auto& o : expand_activity(f, 0, amsterdam_midnight(d), amsterdam_midnight(add_days(e, 1))))
            if (o.original_date >= d && o.original_date <= e) out.push_back({o.original_date, o.start_local.time});
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// [SECTION] one event
struct Importer {
    icalcomponent* root;
    std::string src;
    const IcsImportOptions& opt;
    std::optional<std::uint32_t> default_venue;
    LocalDate today;
    IcsImportResult result;

    std::string label(icalcomponent* ev, const std::optional<LocalDate>& date) {
        std::string title = text_or_empty(icalcomponent_get_summary(ev));
        if (title.empty()) title = "(zonder titel)";
        std::string s = src + ": \"" + title + "\"";
        if (date) s += " (" + to_string(*date) + ")";
        return s;
    }
    void warn(const std::string& what) {
        if (result.warnings.size() < 200) result.warnings.push_back(what);
    }

    std::pair<LocalDate, LocalDate> window(LocalDate start) const {
        LocalDate from = opt.window_from.value_or(start);
        LocalDate to = opt.window_to.value_or(add_days(std::max(today, start), 366));
        return {from, to};
    }

    // Libical drops properties it cannot read and leaves an X-LIC-ERROR in their place.
    void report_unreadable(icalcomponent* ev, const std::string& who) {
        for (icalproperty* p = icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY); p;
             p = icalcomponent_get_next_property(ev, ICAL_XLICERROR_PROPERTY)) {
            std::string msg = text_or_empty(icalproperty_get_xlicerror(p));
            if (msg.find("RRULE") != std::string::npos) {
                auto colon = msg.rfind(": ");
                std::string rule = colon == std::string::npos ? msg : msg.substr(colon + 2);
                warn(who + ": herhaalregel \"" + rule +
                     "\" is onleesbaar en genegeerd; alleen de eerste datum staat in de agenda. Verbeter de "
                     "herhaling in de agenda van de organisatie.");
            } else if (msg.find("DTSTART") != std::string::npos || msg.find("DTEND") != std::string::npos ||
                       msg.find("EXDATE") != std::string::npos || msg.find("RDATE") != std::string::npos ||
                       msg.find("DURATION") != std::string::npos) {
                // Dates that could not be read change when the event happens; an empty DESCRIPTION does not.
                warn(who + ": onleesbare datum genegeerd (" + msg + "); controleer de afspraak in de agenda van "
                     "de organisatie.");
            }
        }
    }

    // A master (or an orphaned override, taken as a one-off) -> an activity; false: skipped.
    bool add_event(icalcomponent* ev, const std::string& uid, bool one_off, const std::string& id_uid) {
        auto times = event_times(root, ev);
        if (!times) {
            warn(label(ev, std::nullopt) + ": geen begindatum (DTSTART), overgeslagen");
            return false;
        }
        const std::string who = label(ev, times->start.local.date);
        report_unreadable(ev, who);
        auto venue = venue_of(ev, opt);
        if (!venue) venue = default_venue;
        if (!venue) {
            warn(who + ": geen locatie (X-BUURTKAART-VENUE, LOCATION \"" +
                 text_or_empty(icalcomponent_get_location(ev)) +
                 "\" of een standaardlocatie van de organisatie), overgeslagen. Zet een bekende locatie in het "
                 "adresveld van de afspraak of geef de organisatie een standaardlocatie.");
            return false;
        }
        Activity a;
        a.id = sanitise_id(opt.id_prefix, id_uid);
        while (std::any_of(result.activities.begin(), result.activities.end(),
                           [&](const Activity& x) { return x.id == a.id; }))
            a.id += "-2";
        a.title = text_or_empty(icalcomponent_get_summary(ev));
        if (a.title.empty()) a.title = "(zonder titel)";
        a.description = text_or_empty(icalcomponent_get_description(ev));
        if (icalproperty* po = icalcomponent_get_first_property(ev, ICAL_ORGANIZER_PROPERTY)) {
            icalparameter* cn = icalproperty_get_first_parameter(po, ICAL_CN_PARAMETER);
            a.organiser = cn ? text_or_empty(icalparameter_get_cn(cn)) : text_or_empty(icalproperty_get_organizer(po));
        }
        a.venue = *venue;
        std::vector<std::string> cats;
        for (icalproperty* pc = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); pc;
             pc = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY))
            for (auto& w : split_list(text_or_empty(icalproperty_get_categories(pc)))) cats.push_back(w);
        a.categories = known_ids(cats, categories(), opt.default_categories);
        a.audiences = known_ids(split_list(x_property(ev, "X-BUURTKAART-AUDIENCE")), audiences(), opt.default_audiences);
        a.languages = opt.default_languages;
        Schedule& s = a.schedule;
        s.start = times->start.local;
        s.all_day = times->start.is_date;
        s.duration_min = times->duration_min;
        s.open_end = times->open_end;

        std::vector<std::string> rules;
        if (!one_off)
            for (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY); pr;
                 pr = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
                icalrecurrencetype rule = icalproperty_get_rrule(pr);
                std::string text = text_or_empty(icalrecurrencetype_as_string(&rule));
                if (auto ok = check_rrule(text); !ok)
                    warn(who + ": herhaalregel \"" + text + "\" is niet bruikbaar (" + ok.error().message +
                         "); genegeerd. Verbeter de herhaling in de agenda van de organisatie.");
                else
                    rules.push_back(text);
            }

        if (times->duration_min > kMaxSpanlessMinutes) {
            if (!rules.empty()) {
                warn(who + ": duurt " + std::to_string(times->duration_min / 1440) +
                     " dagen en herhaalt zich; zo'n reeks kan de kiosk niet tonen, overgeslagen. Maak er losse "
                     "afspraken van.");
                return false;
            }
            // A long period: every day from start to the last day, shown once as "t/m <last day>".
            s.all_day = true;
            s.start.time = {0, 0};
            s.duration_min = 1440;
            s.rrule = "FREQ=DAILY";
            s.until = times->last_day.value_or(s.start.date);
            s.span = true;
        } else if (!rules.empty()) {
            s.rrule = rules.front();
        }
        bool exdate_with_time = false;
        if (!one_off && !s.span) {
            for (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); pr;
                 pr = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
                icaldatetimeperiodtype d = icalproperty_get_rdate(pr);
                icaltimetype v = icaltime_is_null_time(d.time) ? d.period.start : d.time;
                if (icaltime_is_null_time(v)) continue;
                LocalValue lv = to_amsterdam(root, pr, v);
                if (lv.is_date) lv.local.time = s.start.time;
                s.rdates.push_back(lv.local);
            }
            for (icalproperty* px = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); px;
                 px = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY)) {
                LocalValue ex = to_amsterdam(root, px, icalproperty_get_exdate(px));
                exdate_with_time = exdate_with_time || !ex.is_date;
                s.exdates.push_back(ex.local.date);
            }
            std::sort(s.exdates.begin(), s.exdates.end());
            s.exdates.erase(std::unique(s.exdates.begin(), s.exdates.end()), s.exdates.end());
        }
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) {
            a.cancelled = true;
            a.cancel_reason = text_or_empty(icalcomponent_get_comment(ev));
        }
        // Does the compact form give the instances the calendar means? Else write them out.
        const bool foreign = !s.all_day && times->zone && times->zone != amsterdam_zone();
        if (rules.size() > 1 || (!s.rrule.empty() && (foreign || exdate_with_time)) ||
            (s.rrule.empty() && exdate_with_time)) {
            auto [from, to] = window(s.start.date);
            auto truth = series_instances(root, ev, *times, from, to);
            if (rules.size() > 1 || truth != compact_instances(a, from, to)) {
                if (!write_out(a, truth, who)) return false;
            }
        }
        by_uid[uid] = Master{result.activities.size(), ev, *times, from_rules(rules)};
        result.activities.push_back(std::move(a));
        return true;
    }

    static bool from_rules(const std::vector<std::string>& rules) { return !rules.empty(); }

    icaltimezone* amsterdam_zone() {
        std::lock_guard lock(detail::libical_mutex());
        return detail::amsterdam_zone_locked();
    }

    // The schedule as explicit dates (no rule): first instance + RDATEs.
    bool write_out(Activity& a, const std::vector<LocalDateTime>& instances, const std::string& who) {
        Schedule& s = a.schedule;
        if (instances.empty()) return false;  // nothing inside the window
        s.rrule.clear();
        s.exdates.clear();
        s.from.reset();
        s.until.reset();
        s.start = instances.front();
        s.rdates.assign(instances.begin() + 1, instances.end());
        if (s.rdates.size() > std::size_t(kMaxExplicitDates)) {
            s.rdates.resize(std::size_t(kMaxExplicitDates));
            warn(who + ": meer dan " + std::to_string(kMaxExplicitDates) + " data; alleen de eerste " +
                 std::to_string(kMaxExplicitDates + 1) + " staan in de agenda");
        }
        return true;
    }

    struct Master {
        std::size_t index = 0;
        icalcomponent* ev = nullptr;
        Times times;
        bool recurring = false;
    };
    std::map<std::string, Master> by_uid;

    // RECURRENCE-ID overrides -> per-date changes of their master.
    void apply_override(Master& m, icalcomponent* ev, std::map<LocalDate, int>& seq_of) {
        Activity& a = result.activities[m.index];
        icalproperty* prid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
        LocalDate original = to_amsterdam(root, prid, icalproperty_get_recurrenceid(prid)).local.date;
        const int seq = icalcomponent_get_sequence(ev);
        if (auto it = seq_of.find(original); it != seq_of.end() && it->second > seq) return;  // older copy
        seq_of[original] = seq;
        OccurrenceChange ch;
        ch.date = original;
        ch.note = text_or_empty(icalcomponent_get_comment(ev));
        std::optional<LocalDateTime> moved_to;
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) {
            ch.cancelled = true;
            ch.reason = ch.note;
            ch.note.clear();
        } else if (auto times = event_times(root, ev)) {
            if (times->start.local.date != original) {
                // Moved to another day: the original date is off, the new one is an extra date.
                ch.cancelled = true;
                ch.reason = "Verplaatst naar " + to_string(times->start.local.date);
                moved_to = times->start.local;
            } else {
                if (times->start.local.time != a.schedule.start.time) ch.start = times->start.local.time;
                if (times->duration_min != a.schedule.duration_min && times->duration_min <= kMaxSpanlessMinutes)
                    ch.duration_min = times->duration_min;
            }
            if (auto v = venue_of(ev, opt); v && *v != a.venue) ch.venue = *v;
            // Only the title or description differs (a guest speaker, a theme): carried as such.
            std::string title = text_or_empty(icalcomponent_get_summary(ev));
            if (!title.empty() && title != a.title) ch.title = title;
            std::string desc = text_or_empty(icalcomponent_get_description(ev));
            if (!desc.empty() && desc != a.description) ch.description = desc;
        }
        auto dup = std::find_if(a.changes.begin(), a.changes.end(), [&](const auto& c) { return c.date == ch.date; });
        if (dup != a.changes.end()) *dup = ch;
        else a.changes.push_back(ch);
        if (moved_to) {
            a.schedule.rdates.push_back(*moved_to);
            // Moved onto a day the series excludes: the EXDATE must not take the moved instance.
            if (std::binary_search(a.schedule.exdates.begin(), a.schedule.exdates.end(), moved_to->date)) {
                auto [from, to] = window(a.schedule.start.date);
                auto truth = series_instances(root, m.ev, m.times, from, to);
                std::vector<LocalDateTime> moved;
                for (const auto& r : a.schedule.rdates)
                    if (std::find(truth.begin(), truth.end(), r) == truth.end()) moved.push_back(r);
                truth.insert(truth.end(), moved.begin(), moved.end());
                std::sort(truth.begin(), truth.end());
                write_out(a, truth, label(m.ev, a.schedule.start.date));
            }
        }
    }
};

// Whitespace, blank lines or a UTF-8 byte-order mark before BEGIN:VCALENDAR (seen in WordPress
// exports) are not part of the calendar.
std::string_view trim_front(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    return s;
}

}  // namespace

// [SECTION] import_ics
std::expected<IcsImportResult, Error> import_ics(std::string_view ics_text, std::string_view source,
                                                 const IcsImportOptions& opt) {
    const std::string src(source);
    if (ics_text.size() > kMaxIcsBytes)
        return std::unexpected(Error{ErrorKind::Io, src + ": larger than " + std::to_string(kMaxIcsBytes) + " bytes"});
    std::optional<std::uint32_t> default_venue;
    if (!opt.default_venue_id.empty()) {
        default_venue = venue_by_id(opt, opt.default_venue_id);
        if (!default_venue)
            return std::unexpected(Error{ErrorKind::NotFound, src + ": default venue \"" + opt.default_venue_id +
                                                                  "\" is not among the " +
                                                                  std::to_string(opt.venues.size()) + " venues"});
    }
    std::string text(trim_front(ics_text));
    icalerror_set_errors_are_fatal(0);
    std::unique_ptr<icalcomponent, ComponentFree> root(icalparser_parse_string(text.c_str()));
    if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
        return std::unexpected(Error{ErrorKind::Parse, src + ": expected an iCalendar VCALENDAR (RFC 5545), found " +
                                                           (root ? "another component" : "no calendar")});
    Importer im{root.get(), src, opt, default_venue, amsterdam_from_utc(std::chrono::floor<std::chrono::seconds>(
                                                         std::chrono::system_clock::now())).date, {}, {}};

    // Masters by UID: of several, the highest SEQUENCE (RFC 5545 §3.8.7.4), the later one on a tie.
    std::vector<std::pair<std::string, icalcomponent*>> masters;
    std::map<std::string, std::size_t> master_of;
    std::vector<std::pair<std::string, icalcomponent*>> overrides;
    std::size_t events = 0;
    for (icalcomponent* ev = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
        if (++events > kMaxIcsEvents)
            return std::unexpected(Error{ErrorKind::Io, src + ": more than " + std::to_string(kMaxIcsEvents) + " VEVENTs"});
        std::string uid = text_or_empty(icalcomponent_get_uid(ev));
        if (uid.empty()) uid = "event-" + std::to_string(events);
        if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
            overrides.emplace_back(uid, ev);
            continue;
        }
        if (auto it = master_of.find(uid); it != master_of.end()) {
            icalcomponent* old = masters[it->second].second;
            const int s_old = icalcomponent_get_sequence(old), s_new = icalcomponent_get_sequence(ev);
            im.warn(im.label(ev, std::nullopt) + ": komt twee keer voor (UID " + uid + "); de versie met SEQUENCE " +
                    std::to_string(std::max(s_old, s_new)) + " is gebruikt");
            if (s_new >= s_old) masters[it->second].second = ev;
            continue;
        }
        master_of[uid] = masters.size();
        masters.emplace_back(uid, ev);
    }
    for (auto& [uid, ev] : masters) im.add_event(ev, uid, false, uid);

    std::map<std::string, std::map<LocalDate, int>> seqs;
    std::map<std::string, std::vector<icalcomponent*>> orphans;
    for (auto& [uid, ev] : overrides) {
        auto it = im.by_uid.find(uid);
        if (it != im.by_uid.end()) im.apply_override(it->second, ev, seqs[uid]);
        else orphans[uid].push_back(ev);
    }
    // Overrides whose series is not in the file (Google exports have them): one-off activities,
    // the latest SEQUENCE per date; a cancelled one has nothing to show.
    for (auto& [uid, evs] : orphans) {
        std::map<std::string, icalcomponent*> by_date;
        for (icalcomponent* ev : evs) {
            icalproperty* prid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
            std::string key = compact_date(to_amsterdam(root.get(), prid, icalproperty_get_recurrenceid(prid)).local.date);
            auto [slot, inserted] = by_date.emplace(key, ev);
            if (!inserted && icalcomponent_get_sequence(ev) >= icalcomponent_get_sequence(slot->second)) slot->second = ev;
        }
        for (auto& [key, ev] : by_date) {
            if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) continue;
            im.add_event(ev, uid + "#" + key, true, uid + "-" + key);
        }
    }
    for (auto& a : im.result.activities) {
        std::sort(a.changes.begin(), a.changes.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
        std::sort(a.schedule.rdates.begin(), a.schedule.rdates.end());
        a.schedule.rdates.erase(std::unique(a.schedule.rdates.begin(), a.schedule.rdates.end()), a.schedule.rdates.end());
    }
    return std::move(im.result);
}

}  // namespace bk::data
