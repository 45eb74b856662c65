#include "data/publish/ics_writer.hpp"

#include <cstdio>

#include "data/vocab.hpp"

namespace bk::data::publish {

namespace {

// Europe/Amsterdam since 1996 (EU summer time rules), as most producers write it.
constexpr std::string_view kVTimezone =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nX-LIC-LOCATION:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

std::string ics_date(LocalDate d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d%02d%02d", d.year, d.month, d.day);
    return b;
}
std::string ics_local(LocalDateTime t) {
    char b[24];
    std::snprintf(b, sizeof b, "%04d%02d%02dT%02d%02d00", t.date.year, t.date.month, t.date.day, t.time.hour,
                  t.time.minute);
    return b;
}
std::string ics_utc(UtcTime t) {
    const auto days = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{days};
    const std::chrono::hh_mm_ss hms{t - days};
    char b[64];
    std::snprintf(b, sizeof b, "%04d%02u%02uT%02ld%02ld%02ldZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), long(hms.hours().count()), long(hms.minutes().count()),
                  long(hms.seconds().count()));
    return b;
}

struct Out {
    std::string text;
    void line(std::string_view l) { text += fold_ics_line(l); }
};

std::string location_of(const Venue& v) {
    std::string s = v.name + ", " + v.address;
    if (!v.postcode.empty()) s += ", " + v.postcode;
    return s + " Rotterdam";
}

void write_start(Out& o, const Schedule& s, LocalDateTime start, int duration_min) {
    if (s.all_day) {
        o.line("DTSTART;VALUE=DATE:" + ics_date(start.date));
        o.line("DTEND;VALUE=DATE:" + ics_date(add_days(start.date, std::max(1, duration_min / 1440))));
    } else {
        o.line("DTSTART;TZID=Europe/Amsterdam:" + ics_local(start));
        o.line("DURATION:PT" + std::to_string(duration_min) + "M");
    }
}

void write_common(Out& o, const Feed& feed, const Activity& a, const Venue& venue, const IcsCalendarInfo& info,
                  UtcTime dtstamp) {
    o.line("UID:" + a.id + "@" + info.uid_domain);
    o.line("DTSTAMP:" + ics_utc(dtstamp));
    o.line("SUMMARY:" + escape_ics_text(a.title));
    std::string desc = a.description;
    auto add = [&](const std::string& s) {
        if (s.empty()) return;
        if (!desc.empty()) desc += "\n";
        desc += s;
    };
    if (!a.organiser.empty()) add("Organisatie: " + a.organiser);
    if (a.is_free()) add("Gratis");
    else if (a.cost_eur) {
        char b[48];
        std::snprintf(b, sizeof b, "Kosten: € %.2f", *a.cost_eur);
        std::string c = b;
        if (auto dot = c.rfind('.'); dot != std::string::npos) c[dot] = ',';
        add(c);
    }
    if (!a.cost_note.empty()) add(a.cost_note);
    if (a.registration_required) add("Aanmelden nodig" + (a.contact.empty() ? std::string() : ": " + a.contact));
    if (!desc.empty()) o.line("DESCRIPTION:" + escape_ics_text(desc));
    o.line("LOCATION:" + escape_ics_text(location_of(venue)));
    char geo[64];
    std::snprintf(geo, sizeof geo, "GEO:%.6f;%.6f", venue.location.lat_deg, venue.location.lon_deg);
    o.line(geo);
    std::string cats;
    for (const auto& c : a.categories) cats += (cats.empty() ? "" : ",") + escape_ics_text(label_nl(categories(), c));
    if (!cats.empty()) o.line("CATEGORIES:" + cats);
    (void)feed;
}

}  // namespace

std::string escape_ics_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            continue;  // other control characters are not allowed in TEXT
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string fold_ics_line(std::string_view line) {
    std::string out;
    std::size_t col = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = 1;
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        len = std::min(len, line.size() - i);
        if (col + len > 75) {
            out += "\r\n ";
            col = 1;
        }
        out.append(line.substr(i, len));
        col += len;
        i += len;
    }
    out += "\r\n";
    return out;
}

std::vector<std::uint32_t> activities_at_venue(const Feed& feed, std::uint32_t venue) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < feed.activities.size(); ++i)
        if (feed.activities[i].venue == venue) out.push_back(i);
    return out;
}

std::vector<std::uint32_t> activities_in_network(const Feed& feed, std::string_view network) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t i = 0; i < feed.activities.size(); ++i) {
        const auto v = feed.activities[i].venue;
        if (v < feed.venues.size() && feed.venues[v].network == network) out.push_back(i);
    }
    return out;
}

std::string write_ics(const Feed& feed, std::span<const std::uint32_t> activities, const IcsCalendarInfo& info,
                      UtcTime dtstamp) {
    Out o;
    o.line("BEGIN:VCALENDAR");
    o.line("VERSION:2.0");
    o.line("PRODID:-//Buurtkaart Delfshaven//wijkagenda 1//NL");
    o.line("CALSCALE:GREGORIAN");
    o.line("METHOD:PUBLISH");
    o.line("X-WR-CALNAME:" + escape_ics_text(info.name));
    if (!info.description.empty()) o.line("X-WR-CALDESC:" + escape_ics_text(info.description));
    o.line("X-WR-TIMEZONE:Europe/Amsterdam");
    o.line("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    o.line("X-PUBLISHED-TTL:PT6H");
    o.text += kVTimezone;
    for (std::uint32_t index : activities) {
        if (index >= feed.activities.size()) continue;
        const Activity& a = feed.activities[index];
        if (a.venue >= feed.venues.size()) continue;
        const Venue& venue = feed.venues[a.venue];
        const Schedule& s = a.schedule;
        const bool recurring = !s.rrule.empty() || !s.rdates.empty();

        o.line("BEGIN:VEVENT");
        write_common(o, feed, a, venue, info, dtstamp);
        LocalDateTime start = s.start;
        int duration = s.duration_min;
        bool cancelled = a.cancelled;
        if (!recurring) {
            // A one-off: its change (if any) applies to the event itself.
            for (const auto& ch : a.changes) {
                if (ch.date != s.start.date) continue;
                cancelled = cancelled || ch.cancelled;
                if (ch.start) start.time = *ch.start;
                if (ch.duration_min) duration = *ch.duration_min;
            }
        }
        write_start(o, s, start, duration);
        if (!s.rrule.empty()) {
            std::string rule = s.rrule;
            if (s.until && rule.find("UNTIL=") == std::string::npos && rule.find("COUNT=") == std::string::npos)
                rule += ";UNTIL=" + (s.all_day ? ics_date(*s.until)
                                               : ics_utc(utc_from_amsterdam({*s.until, LocalTime{23, 59}})));
            o.line("RRULE:" + rule);
        }
        for (const auto& rd : s.rdates)
            o.line(s.all_day ? "RDATE;VALUE=DATE:" + ics_date(rd.date) : "RDATE;TZID=Europe/Amsterdam:" + ics_local(rd));
        for (const auto& ex : s.exdates)
            o.line(s.all_day ? "EXDATE;VALUE=DATE:" + ics_date(ex)
                             : "EXDATE;TZID=Europe/Amsterdam:" + ics_local({ex, s.start.time}));
        if (cancelled) o.line("STATUS:CANCELLED");
        o.line("END:VEVENT");

        if (!recurring || a.cancelled) continue;
        for (const auto& ch : a.changes) {
            // RECURRENCE-ID override: same UID, the original start of that occurrence.
            const Venue& at = (ch.venue && *ch.venue < feed.venues.size()) ? feed.venues[*ch.venue] : venue;
            o.line("BEGIN:VEVENT");
            Activity shown = a;
            if (!ch.note.empty()) shown.description = ch.note + (a.description.empty() ? "" : "\n\n" + a.description);
            if (ch.cancelled && !ch.reason.empty()) shown.description = "Gaat niet door: " + ch.reason + "\n\n" + a.description;
            write_common(o, feed, shown, at, info, dtstamp);
            o.line(s.all_day ? "RECURRENCE-ID;VALUE=DATE:" + ics_date(ch.date)
                             : "RECURRENCE-ID;TZID=Europe/Amsterdam:" + ics_local({ch.date, s.start.time}));
            LocalDateTime moved{ch.date, ch.start.value_or(s.start.time)};
            write_start(o, s, moved, ch.duration_min.value_or(s.duration_min));
            if (ch.cancelled) o.line("STATUS:CANCELLED");
            o.line("END:VEVENT");
        }
    }
    o.line("END:VCALENDAR");
    return o.text;
}

}  // namespace bk::data::publish
