// Small feed documents for the data tests (JSON text built from pieces).
#pragma once
#include <string>

#include "data/local_time.hpp"

namespace test_feeds {

// Two venues: "huiskamer-a" (Nieuwe Westen, network delfshaven-lokaal) and "speeltuin-b"
// (Spangen, no network). `activities` is the JSON array text.
inline std::string feed_with(const std::string& activities, const std::string& extra_top = "") {
    return R"({
  "schema": "buurtkaart-feed/1",
  "timezone": "Europe/Amsterdam",)" + extra_top + R"(
  "venues": [
    {"id": "huiskamer-a", "name": "Huiskamer Café Aan de Singel", "kind": "buurthuiskamer",
     "neighbourhood": "nieuwe-westen", "network": "delfshaven-lokaal",
     "address": "Singelstraat 1", "location": {"lat": 51.9155, "lon": 4.4500}},
    {"id": "speeltuin-b", "name": "Speeltuin De Bolder", "kind": "speeltuin",
     "neighbourhood": "spangen", "address": "Bolderweg 2", "location": {"lat": 51.9230, "lon": 4.4440}}
  ],
  "activities": )" + activities + "\n}\n";
}

inline std::string activity(const std::string& id, const std::string& schedule, const std::string& extra = "") {
    return R"({"id": ")" + id + R"(", "title": "Activiteit )" + id +
           R"(", "venue": "huiskamer-a", "audiences": ["iedereen"], "categories": ["koffie"], "schedule": )" +
           schedule + extra + "}";
}

inline bk::data::UtcTime utc(int y, int mo, int d, int h = 0, int mi = 0) {
    using namespace std::chrono;
    return sys_days{year{y} / month{unsigned(mo)} / day{unsigned(d)}} + hours{h} + minutes{mi};
}

}  // namespace test_feeds
