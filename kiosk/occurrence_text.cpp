#include "kiosk/occurrence_text.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

namespace bk::kiosk {

std::string format_hh_mm(const data::LocalTime& t) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d:%02d", t.hour, t.minute);
    return b;
}

std::string format_time_range(const data::Occurrence& o, const host::I18n& i18n) {
    if (o.all_day) return std::string(i18n.text("time.all_day"));
    return i18n.format("time.from_to", {format_hh_mm(o.start_local.time), format_hh_mm(o.end_local.time)});
}

std::string format_day(const data::LocalDate& d, const host::I18n& i18n) {
    return std::string(i18n.day_name(data::iso_weekday(d) - 1, true)) + " " + std::to_string(d.day) + " " +
           std::string(i18n.month_name(d.month, true));
}

std::string format_cost(const data::Activity& a, const host::I18n& i18n) {
    if (a.is_free()) return std::string(i18n.text("activity.free"));
    if (a.cost_eur) {
        const long cents = std::lround(*a.cost_eur * 100);
        char b[32];
        if (cents % 100 == 0) {
            std::snprintf(b, sizeof b, "\xE2\x82\xAC %ld", cents / 100);
        } else {
            std::snprintf(b, sizeof b, "\xE2\x82\xAC %ld,%02ld", cents / 100, cents % 100);  // Dutch decimal comma
        }
        return b;
    }
    // The common notes in the feed are translated; anything else is the organiser's own words.
    if (a.cost_note == "Gratis" || a.cost_note == "gratis") return std::string(i18n.text("activity.free"));
    if (a.cost_note == "Vrijwillige bijdrage" || a.cost_note == "vrijwillige bijdrage") {
        return std::string(i18n.text("activity.donation"));
    }
    return a.cost_note;
}

std::string format_audiences(const data::Activity& a, const host::I18n& i18n) {
    std::string out;
    for (const auto& id : a.audiences) {
        if (!out.empty()) out += ", ";
        out += i18n.audience(id);
    }
    return out;
}

}  // namespace bk::kiosk

namespace bk::kiosk {

std::string format_languages(const data::Activity& a) {
    std::string out;
    for (const auto& code : a.languages) {
        if (!out.empty()) out += " \xC2\xB7 ";
        if (auto l = host::language_from_code(code)) {
            out += host::language_info(*l).native_name;
        } else {
            for (char c : code) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
    }
    return out;
}

std::string format_opening(const data::Venue& v, data::UtcTime now, const host::I18n& i18n) {
    if (v.opening_hours.empty()) return {};
    const data::LocalDateTime local = data::amsterdam_from_utc(now);
    const int wd = data::iso_weekday(local.date);
    std::optional<data::LocalTime> opens_later;
    for (const auto& h : v.opening_hours) {
        if (h.iso_weekday != wd) continue;
        if (h.open <= local.time && local.time < h.close) {
            return std::string(i18n.text("venue.open_now")) + " \xC2\xB7 " +
                   i18n.format("time.until", {format_hh_mm(h.close)});
        }
        if (local.time < h.open && (!opens_later || h.open < *opens_later)) opens_later = h.open;
    }
    std::string out(i18n.text("venue.closed"));
    if (opens_later) out += " \xC2\xB7 " + i18n.format("venue.opens_at", {format_hh_mm(*opens_later)});
    return out;
}

}  // namespace bk::kiosk
