#include "data/publish/feed_builder.hpp"

// [SECTION] source resolution (fetch → parse → last good)
// [SECTION] venues
// [SECTION] activities (manual sheet, calendars)
// [SECTION] per-activity checks
// [SECTION] build_feed

#include <atomic>
#include <cstdlib>
#include <functional>
#include <thread>
#include <map>
#include <optional>
#include <set>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/feed_writer.hpp"
#include "data/ics_import.hpp"
#include "data/recurrence.hpp"
#include "data/publish/activity_sheet.hpp"
#include "data/publish/category_guess.hpp"
#include "data/publish/overrides_sheet.hpp"
#include "data/vocab.hpp"
#include "data/publish/pdok_geocoder.hpp"
#include "data/publish/source_fetcher.hpp"
#include "data/publish/source_store.hpp"
#include "data/publish/venue_mapping.hpp"
#include "data/publish/venue_sheet.hpp"

namespace bk::data::publish {

const char* to_string(SourceStatus s) {
    switch (s) {
        case SourceStatus::Fresh: return "fresh";
        case SourceStatus::NotModified: return "not-modified";
        case SourceStatus::LastGood: return "last-good";
        case SourceStatus::Failed: return "failed";
    }
    return "unknown";
}

bool BuildResult::any_failed() const {
    for (const auto& s : sources)
        if (s.status == SourceStatus::LastGood || s.status == SourceStatus::Failed || !s.problems.empty()) return true;
    return false;
}

namespace {

LocalDate add_months(LocalDate d, int months);

// [SECTION] source resolution (fetch → parse → last good)
struct Context {
    const SourcesConfig& config;
    const BuildOptions& options;
    SourceStore store;
};

template <class T>
using Parser = std::function<std::expected<T, std::string>(const std::string& body, const std::string& origin)>;

using FetchResult = std::expected<FetchedSource, Error>;

FetchResult fetch_with_store(Context& ctx, const std::string& id, const std::string& location) {
    const auto prev = ctx.store.last_good(id);
    return fetch_source(location, prev ? &*prev : nullptr, ctx.config.fetch, ctx.config.base_dir);
}

// Fetches many sources at once (kFetchThreads at a time), so one slow or hanging server costs one
// timeout, not one timeout per source. Results are returned in input order.
constexpr std::size_t kFetchThreads = 8;
std::vector<FetchResult> fetch_all(Context& ctx, const std::vector<std::pair<std::string, std::string>>& sources) {
    std::vector<std::optional<FetchResult>> slots(sources.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < sources.size(); i = next++)
            slots[i] = fetch_with_store(ctx, sources[i].first, sources[i].second);  // each slot has one writer
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < std::min(kFetchThreads, sources.size()); ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
    std::vector<FetchResult> out;
    out.reserve(slots.size());
    for (auto& s : slots) out.push_back(std::move(*s));
    return out;
}

template <class T>
std::optional<T> resolve_source(Context& ctx, const std::string& id, const std::string& location, SourceReport& rep,
                                const Parser<T>& parse, FetchResult* prefetched = nullptr) {
    rep.id = id;
    rep.origin = location;
    const auto prev = ctx.store.last_good(id);
    auto fetched = prefetched ? std::move(*prefetched)
                              : fetch_source(location, prev ? &*prev : nullptr, ctx.config.fetch, ctx.config.base_dir);
    bool prev_tried = false;
    if (fetched) {
        rep.origin = fetched->origin;
        if (fetched->not_modified) {
            prev_tried = true;
            if (auto parsed = parse(prev->body, rep.origin)) {
                rep.status = SourceStatus::NotModified;
                rep.last_good_saved_at = prev->saved_at;
                return parsed.value();
            } else {
                rep.problems.push_back(rep.origin + ": 304 (niet gewijzigd), maar de bewaarde versie is niet meer leesbaar: " +
                                       parsed.error());
            }
        } else if (auto parsed = parse(fetched->body, rep.origin)) {
            StoredSource good{fetched->body, fetched->etag, fetched->last_modified, fetched->origin,
                              to_rfc3339(ctx.options.now)};
            if (auto saved = ctx.store.save_good(id, good); !saved)
                rep.warnings.push_back("kon de goede versie niet bewaren: " + saved.error().message);
            rep.status = SourceStatus::Fresh;
            return parsed.value();
        } else {
            rep.problems.push_back(parsed.error());
        }
    } else {
        rep.problems.push_back(fetched.error().message);
    }
    if (prev && !prev_tried) {
        const std::string label = rep.origin + " (vorige goede versie van " + prev->saved_at + ")";
        if (auto parsed = parse(prev->body, label)) {
            rep.status = SourceStatus::LastGood;
            rep.last_good_saved_at = prev->saved_at;
            return parsed.value();
        } else {
            rep.problems.push_back("ook de vorige goede versie is niet leesbaar: " + parsed.error());
        }
    }
    if (!prev) rep.problems.push_back("er is geen vorige goede versie; niets van deze bron staat in de agenda");
    rep.status = SourceStatus::Failed;
    return std::nullopt;
}

// [SECTION] venues
std::vector<Venue> build_venues(Context& ctx, const Feed* previous, SourceReport& rep, int& geocoder_requests) {
    auto sheet = resolve_source<VenueSheet>(
        ctx, "venues", ctx.config.venues, rep,
        [](const std::string& body, const std::string& origin) -> std::expected<VenueSheet, std::string> {
            auto table = parse_csv(body, origin);
            if (!table) return std::unexpected(table.error().message);
            auto s = parse_venue_sheet(*table);
            if (!s) return std::unexpected(s.error().message);
            if (s->venues.empty()) return std::unexpected(origin + ": venues sheet has no usable venue");
            return *s;
        });
    std::vector<Venue> venues;
    if (!sheet) return venues;
    for (const auto& i : sheet->issues) rep.warnings.push_back(i.to_string());

    GeocoderSettings gs;
    if (!ctx.config.geocoder_url.empty()) gs.base_url = ctx.config.geocoder_url;
    gs.cache_path = ctx.options.state_dir / "geocode-cache.json";
    gs.timeout_ms = ctx.config.fetch.total_timeout_ms;
    PdokGeocoder geocoder(gs);
    const bool may_ask = ctx.config.geocoder_enabled && ctx.options.geocode;

    std::set<std::string> seen;
    auto fall_back = [&](const VenueRow& row, const std::string& problem) {
        if (previous) {
            if (auto i = previous->find_venue(row.id)) {
                rep.warnings.push_back(problem + "; using the venue as last published");
                venues.push_back(previous->venues[*i]);
                return;
            }
        }
        rep.warnings.push_back(problem + "; venue left out");
    };
    for (VenueRow row : sheet->venues) {
        const std::string where = rep.origin + ":" + std::to_string(row.line) + ": venue '" + row.id + "'";
        if (!row.lon_deg) {
            if (!ctx.config.geocoder_enabled) {
                fall_back(row, where + ": no coordinates and address lookup is off");
                continue;
            }
            // The cache answers without network; only uncached addresses need PDOK.
            auto hit = may_ask ? geocoder.lookup(row.address) : std::expected<GeocodeHit, Error>(std::unexpected(
                                                                    Error{ErrorKind::NotFound, "lookup disabled"}));
            if (!hit) {
                fall_back(row, where + ": no coordinates, and address '" + row.address +
                                   "' could not be looked up: " + hit.error().message);
                continue;
            }
            row.lon_deg = hit->lon_deg;
            row.lat_deg = hit->lat_deg;
            if (row.address.find(',') == std::string::npos && !hit->postcode.empty()) row.address += ", " + hit->postcode;
        }
        auto mapped = to_feed_venue(row, ctx.config.area, rep.origin);
        if (!mapped) {
            fall_back(row, mapped.error().to_string());
            continue;
        }
        for (const auto& w : mapped->warnings) rep.warnings.push_back(w.to_string());
        if (!seen.insert(mapped->venue.id).second) continue;
        venues.push_back(std::move(mapped->venue));
    }
    geocoder_requests = geocoder.requests_made();
    if (auto saved = geocoder.save_cache(); !saved) rep.warnings.push_back("geocode cache: " + saved.error().message);
    rep.items = static_cast<int>(venues.size());
    return venues;
}

// [SECTION] activities (manual sheet, calendars)
void add_manual_activities(Context& ctx, const std::map<std::string, std::uint32_t>& venue_ids,
                           std::vector<Activity>& out, SourceReport& rep) {
    auto sheet = resolve_source<ActivitySheet>(
        ctx, "activities", ctx.config.activities, rep,
        [](const std::string& body, const std::string& origin) -> std::expected<ActivitySheet, std::string> {
            auto table = parse_csv(body, origin);
            if (!table) return std::unexpected(table.error().message);
            auto s = parse_activity_sheet(*table);
            if (!s) return std::unexpected(s.error().message);
            return *s;
        });
    if (!sheet) return;
    for (const auto& i : sheet->issues) rep.warnings.push_back(i.to_string() + "; row skipped");
    for (const auto& w : sheet->warnings) rep.warnings.push_back(w.to_string());
    for (auto& m : sheet->activities) {
        auto it = venue_ids.find(m.venue_id);
        if (it == venue_ids.end()) {
            rep.warnings.push_back(rep.origin + ":" + std::to_string(m.line) + ": activity '" + m.activity.title +
                                   "' is at venue '" + m.venue_id + "', which is not in the venues sheet; row skipped");
            continue;
        }
        m.activity.venue = it->second;
        out.push_back(std::move(m.activity));
        ++rep.items;
    }
}

std::string calendar_id(const OrganisationSource& org, std::size_t n) {
    return org.calendars.size() > 1 ? org.id + "-" + std::to_string(n + 1) : org.id;
}

void add_calendar(Context& ctx, const OrganisationSource& org, std::size_t n, const std::vector<Venue>& venues,
                  const std::map<std::string, std::uint32_t>& venue_ids, std::vector<Activity>& out, SourceReport& rep,
                  FetchResult& fetched) {
    const std::string id = calendar_id(org, n);
    rep.label = org.name;
    IcsImportOptions opt;
    opt.venues = venues;
    if (!org.default_venue.empty()) {
        if (venue_ids.contains(org.default_venue)) opt.default_venue_id = org.default_venue;
        else rep.warnings.push_back("organisation '" + org.id + "': default venue '" + org.default_venue +
                                    "' is not in the venues sheet; events must name their venue in LOCATION");
    }
    // No categories for the organisation: guessed per event from its words (category_guess.hpp).
    opt.default_categories = org.categories;
    if (!org.audiences.empty()) opt.default_audiences = org.audiences;
    if (!org.languages.empty()) opt.default_languages = org.languages;
    opt.id_prefix = to_feed_id(org.id) + "-";
    const LocalDate today = amsterdam_from_utc(ctx.options.now).date;
    opt.window_from = add_months(today, -ctx.config.window_months_back);
    opt.window_to = add_months(today, ctx.config.window_months_ahead);
    auto result = resolve_source<IcsImportResult>(
        ctx, id, org.calendars[n], rep,
        [&](const std::string& body, const std::string& origin) -> std::expected<IcsImportResult, std::string> {
            auto r = import_ics(body, origin, opt);
            if (!r) return std::unexpected(r.error().message);
            if (r->activities.empty() && !r->warnings.empty()) {
                std::string why = origin + ": no usable event (" + std::to_string(r->warnings.size()) + " skipped; first: " +
                                  r->warnings.front() + ")";
                return std::unexpected(why);
            }
            return *r;
        },
        &fetched);
    if (!result) return;
    for (auto& w : result->warnings) rep.warnings.push_back(std::move(w));
    for (auto& a : result->activities) {
        if (a.categories.empty()) {
            CategoryGuess g = guess_categories(a.title, a.description);
            a.categories = g.ids;
            std::string names;
            for (const auto& c : g.ids) names += (names.empty() ? "" : ", ") + std::string(label_nl(categories(), c));
            rep.category_guesses.push_back(event_label(a) + " → " + names +
                                           (g.matched ? " (op grond van: " + g.reason + ")" : " (geen trefwoord gevonden)"));
        }
        out.push_back(std::move(a));
        ++rep.items;
    }
}

// [SECTION] publishing window
LocalDate add_months(LocalDate d, int months) {
    int m = d.year * 12 + (d.month - 1) + months;
    LocalDate out{m / 12, m % 12 + 1, d.day};
    while (!is_valid(out)) --out.day;
    return out;
}

bool any_occurrence(const Feed& feed, std::uint32_t i, LocalDate from, LocalDate to) {
    return !expand_activity(feed, i, amsterdam_midnight(from), amsterdam_midnight(add_days(to, 1))).empty();
}

// A guessed category of an activity that is left out is nothing to correct.
void forget_guess(SourceReport& rep, const Activity& a) {
    const std::string label = event_label(a) + " → ";
    std::erase_if(rep.category_guesses, [&](const std::string& g) { return g.starts_with(label); });
}

// Leaves out what happens only outside [from, to] and trims dates outside it, so neither the feed
// nor the residents' ICS files carry years of past events.
void prune_to_window(Feed& feed, std::vector<std::size_t>& owner, std::vector<SourceReport>& sources, LocalDate from,
                     LocalDate to) {
    std::vector<Activity> kept;
    std::vector<std::size_t> kept_owner;
    for (std::uint32_t i = 0; i < feed.activities.size(); ++i) {
        Activity& a = feed.activities[i];
        Schedule& s = a.schedule;
        if (s.rrule.empty()) {
            std::vector<LocalDateTime> dates{s.start};
            dates.insert(dates.end(), s.rdates.begin(), s.rdates.end());
            const int extra_days = s.all_day ? std::max(1, s.duration_min / 1440) - 1 : 0;
            std::erase_if(dates, [&](const LocalDateTime& t) { return add_days(t.date, extra_days) < from || t.date > to; });
            if (!dates.empty()) {
                std::sort(dates.begin(), dates.end());
                s.start = dates.front();
                s.rdates.assign(dates.begin() + 1, dates.end());
            }
            if (dates.empty()) {
                ++sources[owner[i]].outside_window;
                forget_guess(sources[owner[i]], a);
                continue;
            }
        } else {
            // An open-ended rule that has started by the window's end surely has dates in 13 months;
            // only rules that end (COUNT, UNTIL, until) need expanding.
            const bool open_ended = s.rrule.find("COUNT=") == std::string::npos &&
                                    s.rrule.find("UNTIL=") == std::string::npos && !s.until && s.start.date <= to;
            if (!open_ended && !any_occurrence(feed, i, from, to)) {
                ++sources[owner[i]].outside_window;
                forget_guess(sources[owner[i]], a);
                continue;
            }
            std::erase_if(s.rdates, [&](const LocalDateTime& t) { return t.date < from || t.date > to; });
            std::erase_if(s.exdates, [&](const LocalDate& d) { return d < from || d > to; });
        }
        std::erase_if(a.changes, [&](const OccurrenceChange& c) { return c.date < from || c.date > to; });
        kept.push_back(std::move(a));
        kept_owner.push_back(owner[i]);
    }
    feed.activities = std::move(kept);
    owner = std::move(kept_owner);
}

// [SECTION] per-activity checks
// The kiosk's validator on the whole feed; every activity it rejects is left out with a report line
// (source, title, date, why) and the rest is published: one bad event never blocks the build.
void drop_rejected_activities(Feed& feed, std::vector<std::size_t>& owner, std::vector<SourceReport>& sources) {
    for (int round = 0; round < 100; ++round) {
        const std::string json = write_feed_json(feed);
        FeedReport check = validate_feed(json, "built feed");
        std::set<std::size_t> bad;
        std::map<std::size_t, std::string> why;
        for (const auto& e : check.errors) {
            constexpr std::string_view prefix = "/activities/";
            if (!e.pointer.starts_with(prefix)) continue;
            std::size_t i = std::strtoul(e.pointer.c_str() + prefix.size(), nullptr, 10);
            if (i >= feed.activities.size()) continue;
            bad.insert(i);
            why.emplace(i, e.message);
        }
        if (bad.empty()) return;
        std::vector<Activity> kept;
        std::vector<std::size_t> kept_owner;
        for (std::size_t i = 0; i < feed.activities.size(); ++i) {
            if (bad.contains(i)) {
                sources[owner[i]].warnings.push_back(event_label(feed.activities[i]) +
                                                     ": niet gepubliceerd, de kiosk zou het weigeren (" + why[i] + ")");
                continue;
            }
            kept.push_back(std::move(feed.activities[i]));
            kept_owner.push_back(owner[i]);
        }
        feed.activities = std::move(kept);
        owner = std::move(kept_owner);
        feed.finish();
    }
}

}  // namespace

std::string event_label(const Activity& a) {
    return "\"" + a.title + "\" (" + to_string(a.schedule.start.date) + ")";
}

// [SECTION] build_feed
std::expected<BuildResult, Error> build_feed(const SourcesConfig& config, const BuildOptions& options) {
    Context ctx{config, options, SourceStore(options.state_dir)};
    BuildResult result;

    std::shared_ptr<const Feed> previous;
    if (auto text = read_file((options.state_dir / "last_feed.json").string()); text) {
        result.previous_feed_json = *text;
        if (auto p = parse_feed(*text, "last_feed.json")) previous = *p;
    }

    Feed feed;
    feed.source = "wijkagenda build";
    feed.publisher = config.publisher;
    feed.sample = config.sample;
    feed.generated_at = options.now;

    SourceReport venue_rep;
    venue_rep.label = "venues sheet";
    feed.venues = build_venues(ctx, previous.get(), venue_rep, result.geocoder_requests);
    result.sources.push_back(venue_rep);
    if (feed.venues.empty())
        return std::unexpected(Error{ErrorKind::Validation,
                                     "no venues: " + (venue_rep.problems.empty() ? std::string("the venues sheet is empty")
                                                                                 : venue_rep.problems.front())});
    std::map<std::string, std::uint32_t> venue_ids;
    for (std::uint32_t i = 0; i < feed.venues.size(); ++i) venue_ids.emplace(feed.venues[i].id, i);

    if (!config.activities.empty()) {
        SourceReport rep;
        rep.label = "activities sheet";
        add_manual_activities(ctx, venue_ids, feed.activities, rep);
        result.sources.push_back(std::move(rep));
    }
    std::vector<std::size_t> owner(feed.activities.size(), result.sources.size() - 1);  // source of each activity
    std::vector<std::pair<std::string, std::string>> calendars;
    for (const auto& org : config.organisations)
        for (std::size_t n = 0; n < org.calendars.size(); ++n) calendars.emplace_back(calendar_id(org, n), org.calendars[n]);
    auto fetched = fetch_all(ctx, calendars);
    std::size_t k = 0;
    for (const auto& org : config.organisations) {
        for (std::size_t n = 0; n < org.calendars.size(); ++n) {
            SourceReport rep;
            add_calendar(ctx, org, n, feed.venues, venue_ids, feed.activities, rep, fetched[k++]);
            result.sources.push_back(std::move(rep));
            owner.resize(feed.activities.size(), result.sources.size() - 1);
        }
    }
    // Activity ids must be unique across sources: the first one wins, later ones are reported.
    std::set<std::string> ids;
    std::vector<Activity> unique;
    std::vector<std::size_t> unique_owner;
    unique.reserve(feed.activities.size());
    for (std::size_t i = 0; i < feed.activities.size(); ++i) {
        Activity& a = feed.activities[i];
        if (ids.insert(a.id).second) {
            unique.push_back(std::move(a));
            unique_owner.push_back(owner[i]);
        } else {
            result.sources[owner[i]].warnings.push_back(event_label(a) + ": activity id '" + a.id +
                                                        "' appears twice; the second is left out");
        }
    }
    feed.activities = std::move(unique);
    owner = std::move(unique_owner);
    feed.finish();
    if (!config.overrides.empty()) {
        SourceReport rep;
        rep.label = "correctieblad";
        auto sheet = resolve_source<OverridesSheet>(
            ctx, "overrides", config.overrides, rep,
            [](const std::string& body, const std::string& origin) -> std::expected<OverridesSheet, std::string> {
                auto table = parse_csv(body, origin);
                if (!table) return std::unexpected(table.error().message);
                auto s = parse_overrides_sheet(*table);
                if (!s) return std::unexpected(s.error().message);
                return *s;
            });
        if (sheet) {
            for (const auto& i : sheet->issues) rep.warnings.push_back(i.to_string());
            std::vector<std::string> source_ids;
            for (std::size_t o : owner) source_ids.push_back(result.sources[o].id);
            ModerationLog log = apply_overrides(*sheet, feed, source_ids, &owner);
            result.moderation = std::move(log.lines);
            for (auto& u : log.unmatched) rep.warnings.push_back(std::move(u));
            rep.items = int(sheet->rows.size());
        }
        result.sources.push_back(std::move(rep));
        feed.finish();
    }

    for (const auto& n : config.notices) {
        Notice notice;
        notice.id = n.id;
        notice.text = n.text;
        notice.severity = n.severity;
        if (!n.from.empty()) notice.from = parse_rfc3339(n.from);
        if (!n.until.empty()) notice.until = parse_rfc3339(n.until);
        feed.notices.push_back(std::move(notice));
    }
    const LocalDate today = amsterdam_from_utc(options.now).date;
    result.window_from = add_months(today, -config.window_months_back);
    result.window_to = add_months(today, config.window_months_ahead);
    prune_to_window(feed, owner, result.sources, result.window_from, result.window_to);
    feed.finish();
    drop_rejected_activities(feed, owner, result.sources);

    // Same content as last time? Then keep its generated_at so the bytes do not change at all.
    if (previous && previous->generated_at) {
        feed.generated_at = previous->generated_at;
        std::string same = write_feed_json(feed);
        if (same == result.previous_feed_json) {
            result.unchanged = true;
            result.feed_json = std::move(same);
        } else {
            feed.generated_at = options.now;
        }
    }
    if (!result.unchanged) result.feed_json = write_feed_json(feed);
    // The kiosk's own parser and validator is the last word: what it rejects is never published.
    auto parsed = parse_feed(result.feed_json, "built feed");
    if (!parsed)
        return std::unexpected(Error{parsed.error().kind, "built feed fails the kiosk's validation: " + parsed.error().message});
    result.feed = *parsed;
    return result;
}

std::expected<void, Error> remember_published_feed(const std::filesystem::path& state_dir, const std::string& feed_json) {
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    return write_file_atomically((state_dir / "last_feed.json").string(), feed_json);
}

}  // namespace bk::data::publish
