// Activities of feed format v1: fields, schedule (RRULE/RDATE/EXDATE, date range) and changes.
#include <algorithm>

#include "data/detail/feed_sections.hpp"
#include "data/feed_parser.hpp"  // kMaxActivitiesPerVenue
#include "data/recurrence.hpp"

namespace bk::data::detail {
namespace {

constexpr int kMaxDurationMin = 14 * 1440;

bool is_language_code(std::string_view s) {
    if (s.size() < 2 || s.size() > 3) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::optional<std::uint32_t> venue_ref(JsonReader& r, const json& obj, const std::string& ptr, const char* key,
                                       bool required, const Feed& feed) {
    auto id = r.id(obj, ptr, key, required);
    if (!id) return std::nullopt;
    auto it = feed.venue_index_.find(*id);
    if (it == feed.venue_index_.end()) {
        r.error(child(ptr, key), "the id of a venue in /venues", r.member(obj, key));
        return std::nullopt;
    }
    return it->second;
}

void read_schedule(JsonReader& r, const json& s, const std::string& ptr, Schedule& out) {
    out.all_day = r.boolean(s, ptr, "all_day").value_or(false);
    const json* start = r.member(s, "start");
    if (out.all_day && start && start->is_string() && start->get_ref<const std::string&>().size() == 10) {
        if (auto d = r.date(s, ptr, "start", true)) out.start = {*d, {0, 0}};
    } else if (auto dt = r.date_time(s, ptr, "start", true)) {
        out.start = *dt;
    }
    auto duration = r.integer(s, ptr, "duration_min", 1, kMaxDurationMin);
    auto end = r.time(s, ptr, "end", true);
    if (duration && end) {
        r.error(child(ptr, "end"), "either \"end\" or \"duration_min\", not both", r.member(s, "end"));
    } else if (end) {
        int minutes = (end->hour * 60 + end->minute) - (out.start.time.hour * 60 + out.start.time.minute);
        if (minutes <= 0) minutes += 1440;  // ends after midnight
        out.duration_min = minutes;
    } else if (duration) {
        out.duration_min = *duration;
    } else {
        out.duration_min = out.all_day ? 1440 : 60;
    }
    if (out.all_day && out.duration_min % 1440 != 0)
        r.error(child(ptr, "duration_min"), "a multiple of 1440 for an all-day activity", r.member(s, "duration_min"));
    if (auto rule = r.string(s, ptr, "rrule", false)) {
        std::string text = *rule;
        if (text.rfind("RRULE:", 0) == 0) text = text.substr(6);
        if (auto ok = check_rrule(text); !ok)
            r.error(child(ptr, "rrule"), "an RFC 5545 RRULE (" + ok.error().message + ")", r.member(s, "rrule"),
                    ErrorKind::Recurrence);
        else
            out.rrule = text;
    }
    if (const json* rdates = r.array(s, ptr, "rdates", false, 1000)) {
        std::string rptr = child(ptr, "rdates");
        for (std::size_t i = 0; i < rdates->size(); ++i) {
            const json& d = (*rdates)[i];
            auto dt = d.is_string() ? parse_local_date_time(d.get_ref<const std::string&>()) : std::nullopt;
            if (!dt) r.error(child(rptr, i), "a local date-time \"YYYY-MM-DDTHH:MM\"", &d);
            else out.rdates.push_back(*dt);
        }
    }
    if (const json* exdates = r.array(s, ptr, "exdates", false, 1000)) {
        std::string eptr = child(ptr, "exdates");
        for (std::size_t i = 0; i < exdates->size(); ++i) {
            const json& d = (*exdates)[i];
            std::optional<LocalDate> date;
            if (d.is_string()) {
                const auto& str = d.get_ref<const std::string&>();
                date = str.size() == 10 ? parse_local_date(str) : std::nullopt;
                if (!date)
                    if (auto dt = parse_local_date_time(str)) date = dt->date;
            }
            if (!date) r.error(child(eptr, i), "a date \"YYYY-MM-DD\"", &d);
            else out.exdates.push_back(*date);
        }
        std::sort(out.exdates.begin(), out.exdates.end());
    }
    out.from = r.date(s, ptr, "from", false);
    out.until = r.date(s, ptr, "until", false);
    if (out.from && out.until && *out.until < *out.from)
        r.error(child(ptr, "until"), "a date on or after \"from\" " + to_string(*out.from), r.member(s, "until"));
    out.span = r.boolean(s, ptr, "span").value_or(false);
    if (out.span && (!out.all_day || !out.until))
        r.error(child(ptr, "span"), "\"span\" only with \"all_day\": true and an \"until\" date", r.member(s, "span"));
    out.open_end = r.boolean(s, ptr, "open_end").value_or(false);
}

void read_changes(JsonReader& r, const json& arr, const std::string& ptr, const Feed& feed, Activity& a) {
    for (std::size_t i = 0; i < arr.size(); ++i) {
        std::string cptr = child(ptr, i);
        const json& c = arr[i];
        if (!c.is_object()) {
            r.error(cptr, "a change object {\"date\", ...}", &c);
            continue;
        }
        OccurrenceChange ch;
        auto date = r.date(c, cptr, "date", true);
        if (!date) continue;
        ch.date = *date;
        ch.cancelled = r.boolean(c, cptr, "cancelled").value_or(false);
        ch.reason = r.string(c, cptr, "reason", false).value_or("");
        ch.start = r.time(c, cptr, "start");
        auto end = r.time(c, cptr, "end", true);
        ch.duration_min = r.integer(c, cptr, "duration_min", 1, kMaxDurationMin);
        if (end) {
            LocalTime start = ch.start.value_or(a.schedule.start.time);
            int minutes = (end->hour * 60 + end->minute) - (start.hour * 60 + start.minute);
            if (minutes <= 0) minutes += 1440;
            ch.duration_min = minutes;
        }
        ch.venue = venue_ref(r, c, cptr, "venue", false, feed);
        ch.note = r.string(c, cptr, "note", false).value_or("");
        ch.title = r.string(c, cptr, "title", false).value_or("");
        ch.description = r.string(c, cptr, "description", false).value_or("");
        if (!ch.cancelled && !ch.start && !ch.duration_min && !ch.venue && ch.note.empty() && ch.title.empty() &&
            ch.description.empty())
            r.warning(cptr, "change has no effect (no cancelled/start/end/duration_min/venue/note/title/description)");
        auto dup = std::find_if(a.changes.begin(), a.changes.end(), [&](const auto& x) { return x.date == ch.date; });
        if (dup != a.changes.end()) {
            r.error(child(cptr, "date"), "one change per date (" + to_string(ch.date) + " appears twice)",
                    r.member(c, "date"));
            continue;
        }
        a.changes.push_back(std::move(ch));
    }
    std::sort(a.changes.begin(), a.changes.end(), [](const auto& x, const auto& y) { return x.date < y.date; });
}

}  // namespace

void read_activities(JsonReader& r, const json& arr, Feed& feed) {
    feed.activities.reserve(arr.size());
    std::vector<bool> venue_used(feed.venues.size(), false);
    std::vector<std::size_t> venue_count(feed.venues.size(), 0);  // kMaxActivitiesPerVenue
    for (std::size_t i = 0; i < arr.size(); ++i) {
        std::string ptr = child("/activities", i);
        const json& v = arr[i];
        if (!v.is_object()) {
            r.error(ptr, "an activity object", &v);
            continue;
        }
        Activity a;
        a.id = r.id(v, ptr, "id", true).value_or("");
        a.title = r.string(v, ptr, "title", true).value_or("");
        a.description = r.string(v, ptr, "description", false).value_or("");
        if (auto venue = venue_ref(r, v, ptr, "venue", true, feed)) {
            a.venue = *venue;
            venue_used[*venue] = true;
            if (++venue_count[*venue] == kMaxActivitiesPerVenue + 1)
                r.error_text(child(ptr, "venue"), "expected at most " + std::to_string(kMaxActivitiesPerVenue) +
                                                      " activities at venue \"" + feed.venues[*venue].id +
                                                      "\", found more");
        }
        a.organiser = r.string(v, ptr, "organiser", false).value_or("");
        a.audiences = r.vocab_list(v, ptr, "audiences", audiences(), "audience");
        a.categories = r.vocab_list(v, ptr, "categories", categories(), "category");
        if (r.lenient_vocab && a.audiences.empty()) a.audiences = {"iedereen"};
        if (r.lenient_vocab && a.categories.empty()) a.categories = {"koffie"};
        a.cost_eur = r.number(v, ptr, "cost_eur", 0, 1000, false);
        a.cost_note = r.string(v, ptr, "cost_note", false).value_or("");
        if (const json* langs = r.array(v, ptr, "languages", false, 16)) {
            std::string lptr = child(ptr, "languages");
            for (std::size_t k = 0; k < langs->size(); ++k) {
                const json& l = (*langs)[k];
                if (!l.is_string() || !is_language_code(l.get_ref<const std::string&>()))
                    r.error(child(lptr, k), "an ISO 639 language code (\"nl\", \"tr\", ...)", &l);
                else
                    a.languages.push_back(l.get<std::string>());
            }
        } else {
            a.languages = {"nl"};
        }
        a.registration_required = r.boolean(v, ptr, "registration_required").value_or(false);
        a.contact = r.string(v, ptr, "contact", false).value_or("");
        if (auto status = r.string(v, ptr, "status", false)) {
            if (*status == "cancelled") a.cancelled = true;
            else if (*status != "active") r.error(child(ptr, "status"), "\"active\" or \"cancelled\"", r.member(v, "status"));
        }
        a.cancel_reason = r.string(v, ptr, "cancel_reason", false).value_or("");
        a.highlighted = r.boolean(v, ptr, "highlight").value_or(false);
        if (const json* tr = r.object(v, ptr, "translations", false)) {
            const std::string tptr = child(ptr, "translations");
            for (auto it = tr->begin(); it != tr->end(); ++it) {
                const std::string lptr = child(tptr, it.key());
                if (!is_language_code(it.key()) || !it.value().is_object()) {
                    r.error(lptr, "a language code (\"en\", \"tr\", ...) with {\"title\", \"description\"}", &it.value());
                    continue;
                }
                Translation t;
                t.title = r.string(it.value(), lptr, "title", false).value_or("");
                t.description = r.string(it.value(), lptr, "description", false).value_or("");
                if (!t.title.empty() || !t.description.empty()) a.translations.emplace(it.key(), std::move(t));
            }
        }
        if (const json* s = r.object(v, ptr, "schedule", true)) read_schedule(r, *s, child(ptr, "schedule"), a.schedule);
        if (const json* changes = r.array(v, ptr, "changes", false, 1000))
            read_changes(r, *changes, child(ptr, "changes"), feed, a);
        if (!a.id.empty()) {
            auto [it, inserted] = feed.activity_index_.emplace(a.id, std::uint32_t(feed.activities.size()));
            if (!inserted)
                r.error(child(ptr, "id"),
                        "a unique activity id (already used by /activities/" + std::to_string(it->second) + ")",
                        r.member(v, "id"));
        }
        feed.activities.push_back(std::move(a));
    }
    for (std::size_t i = 0; i < venue_used.size(); ++i)
        if (!venue_used[i]) r.warning(child("/venues", i), "venue \"" + feed.venues[i].id + "\" has no activities");
}

}  // namespace bk::data::detail
