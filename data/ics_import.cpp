// [SECTION] libical helpers  [SECTION] venue + vocabulary mapping  [SECTION] masters  [SECTION] overrides
#include "data/ics_import.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "data/detail/libical_support.hpp"
#include "data/local_time.hpp"
#include "data/recurrence.hpp"
#include "data/text_fold.hpp"
#include "data/vocab.hpp"

namespace bk::data {
namespace {

// [SECTION] libical helpers
struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};

std::string text_or_empty(const char* s) {
    return s ? std::string(s) : std::string();
}

// The zone a DATE-TIME property is expressed in: its TZID (VTIMEZONE in the calendar or a
// built-in Olson zone), UTC for "Z" values, Amsterdam for floating times.
icaltimezone* zone_of(icalcomponent* root, icalproperty* p, const icaltimetype& t) {
    if (icaltime_is_utc(t)) return icaltimezone_get_utc_timezone();
    if (icalparameter* tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)) {
        const char* tzid = icalparameter_get_tzid(tzp);
        if (tzid) {
            if (icaltimezone* z = icalcomponent_get_timezone(root, tzid)) return z;
            if (icaltimezone* z = icaltimezone_get_builtin_timezone(tzid)) return z;
            if (icaltimezone* z = icaltimezone_get_builtin_timezone_from_tzid(tzid)) return z;
        }
    }
    return detail::amsterdam_zone_locked();
}

// A DATE or DATE-TIME value as Amsterdam wall-clock (dates stay dates, at 00:00).
struct LocalValue {
    LocalDateTime local;
    bool is_date = false;
};

LocalValue to_amsterdam(icalcomponent* root, icalproperty* p, icaltimetype t) {
    if (t.is_date) return {{{t.year, t.month, t.day}, {0, 0}}, true};
    std::lock_guard lock(detail::libical_mutex());
    icaltimezone* from = zone_of(root, p, t);
    icaltimezone* ams = detail::amsterdam_zone_locked();
    if (from != ams) icaltimezone_convert_time(&t, from, ams);
    return {{{t.year, t.month, t.day}, {t.hour, t.minute}}, false};
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

int minutes_between(LocalDateTime a, LocalDateTime b) {
    return int((utc_from_amsterdam(b) - utc_from_amsterdam(a)).count() / 60);
}

// Start/end of an event in Amsterdam time; end from DTEND or DURATION (RFC 5545 §3.6.1 defaults).
struct Times {
    LocalValue start;
    int duration_min = 60;
};

std::optional<Times> event_times(icalcomponent* root, icalcomponent* ev) {
    icalproperty* ps = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    if (!ps) return std::nullopt;
    Times t;
    t.start = to_amsterdam(root, ps, icalproperty_get_dtstart(ps));
    if (icalproperty* pe = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)) {
        LocalValue end = to_amsterdam(root, pe, icalproperty_get_dtend(pe));
        t.duration_min = t.start.is_date ? minutes_between(t.start.local, end.local) / 1440 * 1440
                                         : minutes_between(t.start.local, end.local);
    } else if (icalproperty* pd = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY)) {
        t.duration_min = icaldurationtype_as_int(icalproperty_get_duration(pd)) / 60;
    } else {
        t.duration_min = t.start.is_date ? 1440 : 60;
    }
    if (t.duration_min <= 0) t.duration_min = t.start.is_date ? 1440 : 60;
    return t;
}

}  // namespace

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
    std::string text(ics_text);
    icalerror_set_errors_are_fatal(0);
    std::unique_ptr<icalcomponent, ComponentFree> root(icalparser_parse_string(text.c_str()));
    if (!root || icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT)
        return std::unexpected(Error{ErrorKind::Parse, src + ": expected an iCalendar VCALENDAR (RFC 5545), found " +
                                                           (root ? "another component" : "no calendar")});
    IcsImportResult result;
    std::map<std::string, std::size_t> by_uid;  // UID -> index in result.activities
    std::vector<icalcomponent*> overrides;
    std::size_t events = 0;
    auto warn = [&](const std::string& uid, const std::string& what) {
        if (result.warnings.size() < 200) result.warnings.push_back(src + ": VEVENT UID=" + uid + ": " + what);
    };

    // [SECTION] masters
    for (icalcomponent* ev = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT)) {
        if (++events > kMaxIcsEvents)
            return std::unexpected(Error{ErrorKind::Io, src + ": more than " + std::to_string(kMaxIcsEvents) + " VEVENTs"});
        std::string uid = text_or_empty(icalcomponent_get_uid(ev));
        if (uid.empty()) uid = "event-" + std::to_string(events);
        if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY)) {
            overrides.push_back(ev);
            continue;
        }
        auto times = event_times(root.get(), ev);
        if (!times) {
            warn(uid, "no DTSTART, skipped");
            continue;
        }
        auto venue = venue_of(ev, opt);
        if (!venue) venue = default_venue;
        if (!venue) {
            warn(uid, "no venue (X-BUURTKAART-VENUE, LOCATION \"" + text_or_empty(icalcomponent_get_location(ev)) +
                          "\" or a default venue), skipped");
            continue;
        }
        Activity a;
        a.id = sanitise_id(opt.id_prefix, uid);
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
        a.schedule.start = times->start.local;
        a.schedule.all_day = times->start.is_date;
        a.schedule.duration_min = times->duration_min;
        if (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY)) {
            icalrecurrencetype rule = icalproperty_get_rrule(pr);
            std::string rule_text = text_or_empty(icalrecurrencetype_as_string(&rule));
            if (auto ok = check_rrule(rule_text); !ok) {
                warn(uid, "RRULE " + rule_text + " not usable (" + ok.error().message + "), skipped");
                continue;
            }
            a.schedule.rrule = rule_text;
        }
        for (icalproperty* pr = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY); pr;
             pr = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
            icaldatetimeperiodtype d = icalproperty_get_rdate(pr);
            icaltimetype t = icaltime_is_null_time(d.time) ? d.period.start : d.time;
            if (!icaltime_is_null_time(t)) {
                LocalValue v = to_amsterdam(root.get(), pr, t);
                if (v.is_date) v.local.time = a.schedule.start.time;
                a.schedule.rdates.push_back(v.local);
            }
        }
        for (icalproperty* px = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY); px;
             px = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
            a.schedule.exdates.push_back(to_amsterdam(root.get(), px, icalproperty_get_exdate(px)).local.date);
        std::sort(a.schedule.exdates.begin(), a.schedule.exdates.end());
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) {
            a.cancelled = true;
            a.cancel_reason = text_or_empty(icalcomponent_get_comment(ev));
        }
        by_uid[uid] = result.activities.size();
        result.activities.push_back(std::move(a));
    }

    // [SECTION] overrides: RECURRENCE-ID instances become per-date changes of their master.
    for (icalcomponent* ev : overrides) {
        std::string uid = text_or_empty(icalcomponent_get_uid(ev));
        auto it = by_uid.find(uid);
        if (it == by_uid.end()) {
            warn(uid, "RECURRENCE-ID without a master event, skipped");
            continue;
        }
        Activity& a = result.activities[it->second];
        icalproperty* prid = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
        LocalDate original = to_amsterdam(root.get(), prid, icalproperty_get_recurrenceid(prid)).local.date;
        OccurrenceChange ch;
        ch.date = original;
        ch.note = text_or_empty(icalcomponent_get_comment(ev));
        if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED) {
            ch.cancelled = true;
            ch.reason = ch.note;
            ch.note.clear();
        } else if (auto times = event_times(root.get(), ev)) {
            if (times->start.local.date != original) {
                // Moved to another day: the original date is off, the new one is an extra date.
                ch.cancelled = true;
                ch.reason = "Verplaatst naar " + to_string(times->start.local.date);
                a.schedule.rdates.push_back(times->start.local);
            } else {
                if (times->start.local.time != a.schedule.start.time) ch.start = times->start.local.time;
                if (times->duration_min != a.schedule.duration_min) ch.duration_min = times->duration_min;
            }
            if (auto v = venue_of(ev, opt); v && *v != a.venue) ch.venue = *v;
        }
        auto dup = std::find_if(a.changes.begin(), a.changes.end(), [&](const auto& c) { return c.date == ch.date; });
        if (dup != a.changes.end()) *dup = ch;
        else a.changes.push_back(ch);
    }
    for (auto& a : result.activities)
        std::sort(a.changes.begin(), a.changes.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
    return result;
}

}  // namespace bk::data
