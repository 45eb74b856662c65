#include "kiosk/occurrence_text.hpp"

#include <cmath>
#include <cstdio>

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
