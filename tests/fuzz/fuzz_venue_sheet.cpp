// Fuzz target: the publisher's CSV reader and the venue and activity sheets read from it
// (data/publish/csv_reader.hpp, venue_sheet.hpp, activity_sheet.hpp).
#include "data/publish/activity_sheet.hpp"
#include "data/publish/csv_reader.hpp"
#include "data/publish/venue_sheet.hpp"
#include "fuzz_support.hpp"

BK_FUZZ_ENTRY {
    using namespace bk::data::publish;
    auto table = parse_csv(bk_fuzz::text(data, size), "fuzz.csv");
    if (!table) return 0;
    (void)parse_venue_sheet(*table);
    (void)parse_activity_sheet(*table);
    return 0;
}
