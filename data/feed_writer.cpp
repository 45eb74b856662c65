#include "data/feed_writer.hpp"

#include <nlohmann/json.hpp>

#include "data/vocab.hpp"

namespace bk::data {
namespace {

using nlohmann::json;

void put_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

json venue_json(const Venue& v) {
    json j{{"id", v.id}, {"name", v.name}, {"kind", v.kind}, {"neighbourhood", v.neighbourhood},
           {"address", v.address}, {"location", {{"lat", v.location.lat_deg}, {"lon", v.location.lon_deg}}}};
    put_if(j, "network", v.network);
    put_if(j, "postcode", v.postcode);
    put_if(j, "description", v.description);
    if (!v.opening_hours.empty()) {
        json hours = json::array();
        for (const auto& h : v.opening_hours)
            hours.push_back({{"day", weekdays()[std::size_t(h.iso_weekday - 1)].id},
                             {"open", to_string(h.open)},
                             {"close", h.close == LocalTime{23, 59} ? std::string("24:00") : to_string(h.close)}});
        j["opening_hours"] = std::move(hours);
    }
    const auto& a = v.accessibility;
    if (a.wheelchair || a.accessible_toilet || a.hearing_loop || !a.notes.empty()) {
        json acc{{"wheelchair", a.wheelchair}, {"accessible_toilet", a.accessible_toilet},
                 {"hearing_loop", a.hearing_loop}};
        put_if(acc, "notes", a.notes);
        j["accessibility"] = std::move(acc);
    }
    if (!v.contact.phone.empty() || !v.contact.email.empty() || !v.contact.website.empty()) {
        json c = json::object();
        put_if(c, "phone", v.contact.phone);
        put_if(c, "email", v.contact.email);
        put_if(c, "website", v.contact.website);
        j["contact"] = std::move(c);
    }
    return j;
}

json schedule_json(const Schedule& s) {
    json j{{"start", s.all_day ? to_string(s.start.date) : to_string(s.start)}, {"duration_min", s.duration_min}};
    if (s.all_day) j["all_day"] = true;
    put_if(j, "rrule", s.rrule);
    if (!s.rdates.empty()) {
        json r = json::array();
        for (const auto& d : s.rdates) r.push_back(to_string(d));
        j["rdates"] = std::move(r);
    }
    if (!s.exdates.empty()) {
        json e = json::array();
        for (const auto& d : s.exdates) e.push_back(to_string(d));
        j["exdates"] = std::move(e);
    }
    if (s.from) j["from"] = to_string(*s.from);
    if (s.until) j["until"] = to_string(*s.until);
    if (s.span) j["span"] = true;
    if (s.open_end) j["open_end"] = true;
    return j;
}

json activity_json(const Feed& feed, const Activity& a) {
    json j{{"id", a.id},
           {"title", a.title},
           {"venue", feed.venues.at(a.venue).id},
           {"audiences", a.audiences},
           {"categories", a.categories},
           {"languages", a.languages},
           {"schedule", schedule_json(a.schedule)}};
    put_if(j, "description", a.description);
    put_if(j, "organiser", a.organiser);
    if (a.cost_eur) j["cost_eur"] = *a.cost_eur;
    put_if(j, "cost_note", a.cost_note);
    if (a.registration_required) j["registration_required"] = true;
    put_if(j, "contact", a.contact);
    if (a.cancelled) j["status"] = "cancelled";
    if (a.highlighted) j["highlight"] = true;
    if (!a.translations.empty()) {
        json t = json::object();
        for (const auto& [lang, tr] : a.translations) {
            json one = json::object();
            put_if(one, "title", tr.title);
            put_if(one, "description", tr.description);
            t[lang] = std::move(one);
        }
        j["translations"] = std::move(t);
    }
    put_if(j, "cancel_reason", a.cancel_reason);
    if (!a.changes.empty()) {
        json changes = json::array();
        for (const auto& c : a.changes) {
            json cj{{"date", to_string(c.date)}};
            if (c.cancelled) cj["cancelled"] = true;
            put_if(cj, "reason", c.reason);
            if (c.start) cj["start"] = to_string(*c.start);
            if (c.duration_min) cj["duration_min"] = *c.duration_min;
            if (c.venue) cj["venue"] = feed.venues.at(*c.venue).id;
            put_if(cj, "note", c.note);
            put_if(cj, "title", c.title);
            put_if(cj, "description", c.description);
            changes.push_back(std::move(cj));
        }
        j["changes"] = std::move(changes);
    }
    return j;
}

}  // namespace

std::string write_feed_json(const Feed& feed, int indent) {
    json doc{{"schema", std::string(kFeedSchemaPrefix) + std::to_string(feed.schema_major) + "." +
                            std::to_string(feed.schema_minor)},
             {"timezone", "Europe/Amsterdam"}};
    if (feed.generated_at) doc["generated_at"] = to_rfc3339(*feed.generated_at);
    put_if(doc, "publisher", feed.publisher);
    if (feed.sample) doc["sample"] = true;
    if (!feed.notices.empty()) {
        json notices = json::array();
        for (const auto& n : feed.notices) {
            json nj{{"id", n.id}, {"text", n.text}, {"severity", n.severity}};
            if (n.from) nj["from"] = to_rfc3339(*n.from);
            if (n.until) nj["until"] = to_rfc3339(*n.until);
            notices.push_back(std::move(nj));
        }
        doc["notices"] = std::move(notices);
    }
    json venues = json::array();
    for (const auto& v : feed.venues) venues.push_back(venue_json(v));
    doc["venues"] = std::move(venues);
    json activities = json::array();
    for (const auto& a : feed.activities) activities.push_back(activity_json(feed, a));
    doc["activities"] = std::move(activities);
    return doc.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace bk::data
