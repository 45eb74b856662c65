// bench_data — parse + validate + expand + query a synthetic feed of 1,000 venues and 20,000
// activities; prints sizes, times and peak RSS. Never asserts timings.
//   bench_data [venues] [activities]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "data/agenda.hpp"
#include "data/feed_parser.hpp"
#include "data/feed_writer.hpp"
#include "data/query.hpp"
#include "data/recurrence.hpp"
#include "data/vocab.hpp"

using namespace bk::data;
using Steady = std::chrono::steady_clock;

namespace {

double ms_since(Steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

long peak_rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

Feed synthetic(int n_venues, int n_activities) {
    std::mt19937 rng(42);
    auto pick = [&](auto span) { return std::string(span[rng() % span.size()].id); };
    Feed f;
    f.generated_at = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1};
    f.publisher = "bench";
    for (int i = 0; i < n_venues; ++i) {
        Venue v;
        v.id = "venue-" + std::to_string(i);
        v.name = "Buurthuiskamer Café Nummer " + std::to_string(i);
        v.kind = pick(venue_kinds());
        v.neighbourhood = pick(neighbourhoods());
        v.network = pick(networks());
        v.address = "Voorbeeldstraat " + std::to_string(i % 200 + 1);
        v.location = {51.905 + (rng() % 2000) / 100000.0, 4.425 + (rng() % 6000) / 100000.0};
        v.opening_hours = {{1, {9, 0}, {17, 0}}, {3, {9, 0}, {21, 0}}};
        f.venues.push_back(std::move(v));
    }
    const char* days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    for (int i = 0; i < n_activities; ++i) {
        Activity a;
        a.id = "act-" + std::to_string(i);
        a.title = "Activiteit " + std::to_string(i) + " met koffie en gezelligheid";
        a.description = "Een synthetische activiteit voor de benchmark, met wat tekst om te doorzoeken.";
        a.venue = std::uint32_t(rng() % n_venues);
        a.organiser = "Stichting " + std::to_string(i % 97);
        a.audiences = {pick(audiences())};
        a.categories = {pick(categories())};
        a.cost_eur = (rng() % 3 == 0) ? 0.0 : 2.5;
        a.languages = {"nl"};
        int d = int(rng() % 7);
        a.schedule.start = {{2025, 9, 1 + d}, {int(9 + rng() % 11), (rng() % 2) ? 30 : 0}};
        a.schedule.duration_min = 60 + int(rng() % 4) * 30;
        switch (rng() % 10) {
            case 0: case 1: case 2: case 3: case 4: case 5:
                a.schedule.rrule = std::string("FREQ=WEEKLY;BYDAY=") + days[iso_weekday(a.schedule.start.date) - 1];
                break;
            case 6: case 7:
                a.schedule.rrule = "FREQ=WEEKLY;INTERVAL=2";
                break;
            case 8:
                a.schedule.rrule = std::string("FREQ=MONTHLY;BYDAY=2") + days[iso_weekday(a.schedule.start.date) - 1];
                break;
            default:
                a.schedule.start.date = {2026, 3, 1 + int(rng() % 28)};  // one-off
                break;
        }
        if (rng() % 20 == 0) a.changes.push_back({{2026, 3, 9 + int(rng() % 7)}, true, "Gaat niet door", {}, {}, {}, ""});
        f.activities.push_back(std::move(a));
    }
    f.finish();
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    int n_venues = argc > 1 ? std::atoi(argv[1]) : 1000;
    int n_activities = argc > 2 ? std::atoi(argv[2]) : 20000;
    std::printf("bench_data: synthetic feed, %d venues, %d activities\n", n_venues, n_activities);

    auto t0 = Steady::now();
    Feed source = synthetic(n_venues, n_activities);
    std::string json = write_feed_json(source);
    std::printf("  generate + serialise          %8.1f ms  (%.2f MB JSON)\n", ms_since(t0), json.size() / 1e6);

    t0 = Steady::now();
    auto parsed = parse_feed(json, "synthetic.json");
    double parse_ms = ms_since(t0);
    if (!parsed) {
        std::printf("  parse failed: %s\n", parsed.error().message.c_str());
        return 1;
    }
    const Feed& feed = **parsed;
    std::printf("  parse + validate              %8.1f ms  (%.1f MB/s)\n", parse_ms, json.size() / 1e3 / parse_ms);

    const UtcTime now = std::chrono::sys_days{std::chrono::year{2026} / 3 / 9} + std::chrono::hours{9};
    t0 = Steady::now();
    auto week = expand(feed, now, now + std::chrono::days{7});
    std::printf("  expand one week               %8.1f ms  (%zu occurrences)\n", ms_since(t0), week.size());
    t0 = Steady::now();
    auto month = expand(feed, now, now + std::chrono::days{31});
    std::printf("  expand one month              %8.1f ms  (%zu occurrences)\n", ms_since(t0), month.size());

    t0 = Steady::now();
    auto running = happening_now(feed, now);
    std::printf("  happening_now                 %8.1f ms  (%zu)\n", ms_since(t0), running.size());
    t0 = Steady::now();
    auto today = later_today(feed, now);
    std::printf("  later_today                   %8.1f ms  (%zu)\n", ms_since(t0), today.size());
    Filter f;
    f.categories = {"maaltijd", "koffie"};
    f.free_only = true;
    t0 = Steady::now();
    auto filtered = this_week(feed, now, f);
    std::printf("  this_week (2 categories, free)%8.1f ms  (%zu)\n", ms_since(t0), filtered.size());
    Filter text;
    text.text = "cafe 12";
    t0 = Steady::now();
    auto found = this_week(feed, now, text);
    std::printf("  this_week text \"cafe 12\"      %8.1f ms  (%zu)\n", ms_since(t0), found.size());
    t0 = Steady::now();
    auto near = nearby(feed, {51.915, 4.45}, now, {}, 20, 3, 7);
    std::printf("  nearby (20 venues, 7 days)    %8.1f ms  (%zu venues)\n", ms_since(t0), near.size());
    t0 = Steady::now();
    Agenda ag = build_agenda(*parsed, now - std::chrono::hours{12}, now + std::chrono::days{8});
    std::printf("  build_agenda (8.5 days)       %8.1f ms  (%zu occurrences)\n", ms_since(t0), ag.occurrences.size());
    t0 = Steady::now();
    auto ag_now = happening_now(ag, now);
    auto ag_today = later_today(ag, now);
    auto ag_week = this_week(ag, now, f);
    auto ag_near = nearby(ag, {51.915, 4.45}, now, {}, 20, 3, 7);
    std::printf("  4 queries on the agenda       %8.2f ms  (%zu/%zu/%zu/%zu)\n", ms_since(t0), ag_now.size(),
                ag_today.size(), ag_week.size(), ag_near.size());
    std::printf("  peak RSS                      %8.1f MB\n", peak_rss_kb() / 1024.0);
    return 0;
}
