#include "data/feed_check.hpp"

#include <sstream>

#include "data/atomic_file.hpp"
#include "data/http_fetch.hpp"
#include "data/ics_import.hpp"
#include "data/query.hpp"
#include "data/vocab.hpp"

namespace bk::data {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void summarise(FeedCheckReport& r, UtcTime now) {
    const Feed& f = *r.feed.feed;
    for (const auto& v : f.venues) {
        ++r.venues_per_neighbourhood[v.neighbourhood];
        ++r.venues_per_network[v.network.empty() ? "(geen)" : v.network];
    }
    for (const auto& a : f.activities)
        for (const auto& c : a.categories) ++r.activities_per_category[c];
    for (const auto& o : this_week(f, now)) {
        ++r.occurrences_this_week;
        r.cancelled_this_week += o.cancelled;
    }
}

// An .ics file has no venues of its own: import it against one placeholder venue.
FeedReport ics_report(std::string_view text, std::string_view source) {
    FeedReport report;
    auto feed = std::make_shared<Feed>();
    feed->source = std::string(source);
    Venue placeholder;
    placeholder.id = "ics";
    placeholder.name = "(iCalendar)";
    placeholder.kind = "overig";
    placeholder.neighbourhood = "delfshaven-schiemond";
    feed->venues.push_back(placeholder);
    IcsImportOptions opt;
    opt.venues = feed->venues;
    opt.default_venue_id = "ics";
    auto r = import_ics(text, source, opt);
    if (!r) {
        report.errors.push_back(FeedIssue{r.error().kind, "", 0, 0, r.error().message});
        return report;
    }
    for (auto& w : r->warnings) report.warnings.push_back(FeedIssue{ErrorKind::Validation, "", 0, 0, w});
    feed->activities = std::move(r->activities);
    feed->finish();
    report.feed = std::move(feed);
    return report;
}

}  // namespace

FeedCheckReport check_feed_text(std::string_view text, std::string_view source, UtcTime now) {
    FeedCheckReport r;
    r.source = std::string(source);
    r.feed = ends_with(source, ".ics") || ends_with(source, ".ical") ? ics_report(text, source) : validate_feed(text, source);
    if (r.feed.feed) summarise(r, now);
    return r;
}

FeedCheckReport check_feed_source(const std::string& file_or_url, UtcTime now) {
    std::string text;
    if (file_or_url.rfind("http://", 0) == 0 || file_or_url.rfind("https://", 0) == 0) {
        HttpGet get;
        get.url = file_or_url;
        get.max_body_bytes = kMaxFeedBytes;
        auto reply = http_get(get);
        if (reply && reply->status != 200)
            reply = std::unexpected(Error{ErrorKind::Http, file_or_url + ": HTTP " + std::to_string(reply->status) +
                                                               ", expected 200"});
        if (!reply) {
            FeedCheckReport r;
            r.source = file_or_url;
            r.load_error = reply.error();
            return r;
        }
        text = std::move(reply->body);
    } else {
        auto file = read_file(file_or_url, kMaxFeedBytes);
        if (!file) {
            FeedCheckReport r;
            r.source = file_or_url;
            r.load_error = file.error();
            return r;
        }
        text = std::move(*file);
    }
    return check_feed_text(text, file_or_url, now);
}

std::string format_check_report(const FeedCheckReport& r) {
    std::ostringstream out;
    out << "feed: " << r.source << "\n";
    if (r.load_error) {
        out << "FAILED (" << to_string(r.load_error->kind) << "): " << r.load_error->message << "\n";
        return out.str();
    }
    if (!r.feed.feed) {
        out << "INVALID: " << r.feed.errors.size() << " error(s), feed rejected whole\n";
        for (const auto& e : r.feed.errors) out << "  error (" << to_string(e.kind) << "): " << e.message << "\n";
    } else {
        const Feed& f = *r.feed.feed;
        out << "OK: schema buurtkaart-feed/" << f.schema_major << "." << f.schema_minor << ", " << f.venues.size()
            << " venues, " << f.activities.size() << " activities, " << f.notices.size() << " notice(s)";
        if (f.sample) out << ", SAMPLE DATA";
        out << "\n";
        if (!f.publisher.empty()) out << "publisher: " << f.publisher << "\n";
        if (f.generated_at) out << "generated at: " << to_rfc3339(*f.generated_at) << "\n";
        const bool ics = f.venues.size() == 1 && f.venues[0].id == "ics";
        if (!ics) {
            out << "venues per neighbourhood:\n";
            for (const auto& [id, n] : r.venues_per_neighbourhood)
                out << "  " << n << "\t" << label_nl(neighbourhoods(), id) << " (" << id << ")\n";
            out << "venues per network:\n";
            for (const auto& [id, n] : r.venues_per_network)
                out << "  " << n << "\t" << label_nl(networks(), id) << " (" << id << ")\n";
        }
        out << "activities per category:\n";
        for (const auto& [id, n] : r.activities_per_category)
            out << "  " << n << "\t" << label_nl(categories(), id) << " (" << id << ")\n";
        out << "occurrences this week: " << r.occurrences_this_week << " (" << r.cancelled_this_week
            << " cancelled)\n";
    }
    if (!r.feed.warnings.empty()) {
        out << r.feed.warnings.size() << " warning(s):\n";
        for (const auto& w : r.feed.warnings) out << "  warning: " << w.message << "\n";
    }
    return out.str();
}

}  // namespace bk::data
