// Parsing, ICS import and expansion share libical; they must be safe on several threads at once
// (the updater parses on its worker while the main thread expands). Meaningful under TSan.
#include <doctest/doctest.h>

#include <thread>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"
#include "data/ics_import.hpp"
#include "data/query.hpp"
#include "test_feeds.hpp"

using namespace bk::data;

TEST_CASE("parse, ICS import and expansion run concurrently with identical results") {
    const std::string dir = std::string(BUURTKAART_SOURCE_DIR) + "/assets/feed/";
    auto text = read_file(dir + "sample_feed.json");
    auto ics = read_file(dir + "sample_agenda.ics");
    REQUIRE(text);
    REQUIRE(ics);
    auto feed = parse_feed(*text, "sample_feed.json");
    REQUIRE(feed);
    const UtcTime now = test_feeds::utc(2026, 3, 9, 9);
    std::vector<std::size_t> expected;
    for (int i = 0; i < 3; ++i) expected.push_back(this_week(**feed, now + std::chrono::minutes(i)).size());
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 3; ++i) {
                if (t == 0) {
                    auto f = parse_feed(*text, "sample_feed.json");
                    if (!f || (*f)->activities.size() != (*feed)->activities.size()) ++mismatches;
                } else if (t == 1) {
                    IcsImportOptions opt;
                    opt.venues = (*feed)->venues;
                    auto r = import_ics(*ics, "sample_agenda.ics", opt);
                    if (!r || r->activities.size() != 3) ++mismatches;
                }
                if (this_week(**feed, now + std::chrono::minutes(i)).size() != expected[std::size_t(i)]) ++mismatches;
            }
        });
    }
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}
