// Numbered corpus of broken feeds (tests/data/corpus/NN-name.json): each is rejected whole
// with an exact error kind and message (source:line: pointer: expected ..., found ...).
#include <doctest/doctest.h>

#include <filesystem>

#include "data/atomic_file.hpp"
#include "data/feed_parser.hpp"

using namespace bk::data;

namespace {

struct CorpusCase {
    const char* file;
    ErrorKind kind;
    const char* message;
};

const CorpusCase kCorpus[] = {
{"01-not-json.json", ErrorKind::Parse,
 R"(01-not-json.json:4:5: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal)"},
{"02-not-an-object.json", ErrorKind::Validation,
 R"(02-not-an-object.json:1: (document): expected a JSON object with "schema", "venues" and "activities", found ["buurtkaart-feed/1"])"},
{"03-missing-schema.json", ErrorKind::Validation,
 R"(03-missing-schema.json:1: /schema: expected a string, found nothing)"},
{"04-wrong-major-version.json", ErrorKind::Validation,
 R"(04-wrong-major-version.json:2: /schema: expected major version 1 ("buurtkaart-feed/1"), found "buurtkaart-feed/2")"},
{"05-bad-schema-id.json", ErrorKind::Validation,
 R"(05-bad-schema-id.json:2: /schema: expected "buurtkaart-feed/<major>[.<minor>]", found "buurtkaart/1")"},
{"06-venue-missing-name.json", ErrorKind::Validation,
 R"(06-venue-missing-name.json:4: /venues/0/name: expected a string, found nothing)"},
{"07-venue-lat-is-string.json", ErrorKind::Validation,
 R"(07-venue-lat-is-string.json:11: /venues/0/location/lat: expected a number from 50.7 to 53.6, found "51.915")"},
{"08-venue-unknown-neighbourhood.json", ErrorKind::Validation,
 R"(08-venue-unknown-neighbourhood.json:8: /venues/0/neighbourhood: expected neighbourhood (one of nieuwe-westen, middelland, spangen, botu, oud-mathenesse-witte-dorp, delfshaven-schiemond), found "kralingen")"},
{"09-duplicate-venue-id.json", ErrorKind::Validation,
 R"(09-duplicate-venue-id.json:16: /venues/1/id: expected a unique venue id (already used by /venues/0), found "huiskamer-a")"},
{"10-activity-unknown-venue.json", ErrorKind::Validation,
 R"(10-activity-unknown-venue.json:20: /activities/0/venue: expected the id of a venue in /venues, found "huiskamer-z")"},
{"11-activity-bad-rrule.json", ErrorKind::Recurrence,
 R"(11-activity-bad-rrule.json:29: /activities/0/schedule/rrule: expected an RFC 5545 RRULE (libical could not parse it, see RFC 5545 section 3.3.10), found "FREQ=FORTNIGHTLY")"},
{"12-activity-unknown-category.json", ErrorKind::Validation,
 R"(12-activity-unknown-category.json:26: /activities/0/categories/1: expected category (one of maaltijd, koffie, taal, formulierhulp, kinderen, sport, creatief, groen, gespreksgroep, spreekuur, muziek, wandelen, computer, geldzaken, gezondheid, werk, spel, overig), found "karaoke")"},
{"13-activity-bad-start.json", ErrorKind::Validation,
 R"(13-activity-bad-start.json:28: /activities/0/schedule/start: expected a local date-time "YYYY-MM-DDTHH:MM" (Europe/Amsterdam), found "2026-03-02 10h")"},
{"14-change-duplicate-date.json", ErrorKind::Validation,
 R"(14-change-duplicate-date.json:38: /activities/0/changes/1/date: expected one change per date (2026-03-09 appears twice), found "2026-03-09")"},
{"15-end-and-duration.json", ErrorKind::Validation,
 R"(15-end-and-duration.json:29: /activities/0/schedule/end: expected either "end" or "duration_min", not both, found "12:00")"},
{"16-wrong-timezone.json", ErrorKind::Validation,
 R"(16-wrong-timezone.json:3: /timezone: expected "Europe/Amsterdam", found "Europe/London")"},
{"17-opening-hours-close-before-open.json", ErrorKind::Validation,
 R"(17-opening-hours-close-before-open.json:18: /venues/0/opening_hours/0/close: expected a closing time after "open" 17:00, found "09:00")"},
{"18-trailing-garbage.json", ErrorKind::Parse,
 R"(18-trailing-garbage.json:35:1: invalid JSON: syntax error while parsing value - unexpected '}'; expected end of input)"},
{"19-sub-daily-rrule.json", ErrorKind::Recurrence,
 R"(19-sub-daily-rrule.json:29: /activities/0/schedule/rrule: expected an RFC 5545 RRULE (FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY), found "FREQ=HOURLY")"},
{"20-empty-audiences.json", ErrorKind::Validation,
 R"(20-empty-audiences.json:21: /activities/0/audiences: expected at least one audience, found [])"},
{"21-negative-cost.json", ErrorKind::Validation,
 R"(21-negative-cost.json:32: /activities/0/cost_eur: expected a number from 0 to 1000, found -2)"},
{"22-venues-not-array.json", ErrorKind::Validation,
 R"(22-venues-not-array.json:3: /venues: expected an array, found {"huiskamer-a":{"address":"Teststraat 1","id":"huiskamer-a",...)"},
{"23-bad-venue-id.json", ErrorKind::Validation,
 R"(23-bad-venue-id.json:5: /venues/0/id: expected an id of 1-64 characters a-z, 0-9, '-', '_', '.' starting with a letter or digit, found "Huiskamer A")"},
{"24-until-before-from.json", ErrorKind::Validation,
 R"(24-until-before-from.json:31: /activities/0/schedule/until: expected a date on or after "from" 2026-05-01, found "2026-04-01")"},
{"25-span-without-all-day.json", ErrorKind::Validation,
 R"(25-span-without-all-day.json:31: /activities/0/schedule/span: expected "span" only with "all_day": true and an "until" date, found true)"},
};

}  // namespace

TEST_CASE("every broken feed in the corpus is rejected with its exact error") {
    const std::string dir = std::string(BUURTKAART_SOURCE_DIR) + "/tests/data/corpus/";
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".json") ++files;
    CHECK(files == std::size(kCorpus));  // every corpus file has an expectation
    for (const auto& c : kCorpus) {
        CAPTURE(c.file);
        auto text = read_file(dir + c.file);
        REQUIRE(text);
        auto r = parse_feed(*text, c.file);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().kind == c.kind);
        CHECK(r.error().message == c.message);
    }
}
