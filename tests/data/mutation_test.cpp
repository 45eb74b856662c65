// Robustness: thousands of randomly damaged feeds and calendars never crash or throw; each
// either parses to a whole feed or yields one precise error (deterministic seed; see
// tests/stbi_read_fuzzer.c in stb for the idea). Runs under ASan/TSan builds too.
#include <doctest/doctest.h>

#include <random>

#include "data/feed_parser.hpp"
#include "data/ics_import.hpp"
#include "data/recurrence.hpp"
#include "test_feeds.hpp"

using namespace bk::data;

namespace {

std::string mutate(std::string s, std::mt19937& rng) {
    const char pieces[] = "{}[]\",:0123456789-TZ\\ \nabcé";
    int edits = 1 + int(rng() % 4);
    for (int e = 0; e < edits && !s.empty(); ++e) {
        std::size_t pos = rng() % s.size();
        switch (rng() % 4) {
            case 0: s[pos] = pieces[rng() % (sizeof pieces - 1)]; break;
            case 1: s.erase(pos, 1 + rng() % 8); break;
            case 2: s.insert(pos, 1, pieces[rng() % (sizeof pieces - 1)]); break;
            default: s.insert(pos, s.substr(rng() % s.size(), rng() % 16)); break;
        }
    }
    return s;
}

}  // namespace

TEST_CASE("damaged feeds never crash: each is accepted whole or rejected with a located message") {
    const std::string base = test_feeds::feed_with(
        "[" + test_feeds::activity("m1", R"({"start": "2026-03-02T10:00", "rrule": "FREQ=WEEKLY;BYDAY=MO",
                                            "exdates": ["2026-03-09"], "rdates": ["2026-03-04T10:00"]})",
                                   R"(, "cost_eur": 0, "changes": [{"date": "2026-03-16", "start": "11:00", "venue": "speeltuin-b"}])") +
        "]");
    std::mt19937 rng(1234);
    int accepted = 0, rejected = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = mutate(base, rng);
        auto r = parse_feed(text, "m.json");
        if (r) {
            ++accepted;
            (void)expand(**r, test_feeds::utc(2026, 1, 1), test_feeds::utc(2026, 12, 31));
        } else {
            ++rejected;
            CHECK(r.error().message.rfind("m.json:", 0) == 0);
        }
    }
    CHECK(accepted > 0);
    CHECK(rejected > 0);
    MESSAGE("mutated feeds: " << accepted << " accepted, " << rejected << " rejected");
}

TEST_CASE("damaged calendars never crash the ICS import") {
    auto base_feed = parse_feed(test_feeds::feed_with("[]"), "v.json");
    REQUIRE(base_feed);
    const std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Koffie\r\n"
        "DTSTART;TZID=Europe/Amsterdam:20260302T100000\r\nDTEND;TZID=Europe/Amsterdam:20260302T113000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T230000Z\r\nEXDATE;TZID=Europe/Amsterdam:20260316T100000\r\n"
        "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:a\r\nRECURRENCE-ID;TZID=Europe/Amsterdam:20260323T100000\r\n"
        "STATUS:CANCELLED\r\nDTSTART;TZID=Europe/Amsterdam:20260323T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    IcsImportOptions opt;
    opt.venues = (*base_feed)->venues;
    opt.default_venue_id = "huiskamer-a";
    std::mt19937 rng(99);
    int ok = 0;
    for (int i = 0; i < 1500; ++i) {
        auto r = import_ics(mutate(ics, rng), "m.ics", opt);
        if (!r) continue;
        ++ok;
        auto feed = std::make_shared<Feed>();
        feed->venues = (*base_feed)->venues;
        feed->activities = r->activities;
        feed->finish();
        (void)expand(*feed, test_feeds::utc(2026, 1, 1), test_feeds::utc(2026, 12, 31));
    }
    CHECK(ok > 0);
}
