// Formatting of agenda items for the screens: times, day labels, cost, audiences (translated).
// Pure functions of their inputs; main thread (I18n is read-only here).
#pragma once
#include <string>

#include "data/feed.hpp"
#include "data/local_time.hpp"
#include "data/recurrence.hpp"
#include "kiosk/host/i18n.hpp"

namespace bk::kiosk {

std::string format_hh_mm(const data::LocalTime& t);
// "10:00 – 12:00", or "Hele dag".
std::string format_time_range(const data::Occurrence& o, const host::I18n& i18n);
// "wo 25 nov" (short day + date + short month).
std::string format_day(const data::LocalDate& d, const host::I18n& i18n);
// "gratis", "€ 2,50", the cost note, or "" when unknown.
std::string format_cost(const data::Activity& a, const host::I18n& i18n);
// "Ouderen, Iedereen" — translated audience names.
std::string format_audiences(const data::Activity& a, const host::I18n& i18n);
// "Nederlands · Türkçe · العربية": the languages spoken, each in its own name (so a visitor finds
// theirs whatever the screen's language); unknown codes in capitals. "" when the feed lists none.
std::string format_languages(const data::Activity& a);
// "nu open · tot 17:00", "gesloten · open vanaf 13:00", "gesloten"; "" when the venue lists no hours.
std::string format_opening(const data::Venue& v, data::UtcTime now, const host::I18n& i18n);

}  // namespace bk::kiosk
