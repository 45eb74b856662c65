// Venue — a place where activities happen (buurthuiskamer, speeltuin, atelier, ...).
//
// Plain value type, part of an immutable Feed (feed.hpp). Ids are stable strings
// ("huiskamer-de-schans"). Vocabulary ids (kind, neighbourhood, network) come from vocab.hpp.
// Threads: value type; share via the Feed snapshot only.
#pragma once
#include <string>
#include <vector>

#include "data/local_time.hpp"

namespace bk::data {

struct LatLon {
    double lat_deg = 0;
    double lon_deg = 0;
};

struct OpeningHours {
    int iso_weekday = 1;  // 1 = Monday … 7 = Sunday
    LocalTime open;
    LocalTime close;      // may be 24:00 → stored as 23:59
};

struct Accessibility {
    bool wheelchair = false;
    bool accessible_toilet = false;
    bool hearing_loop = false;
    std::string notes;
};

struct Contact {
    std::string phone;
    std::string email;
    std::string website;
};

struct Venue {
    std::string id;
    std::string name;
    std::string kind;           // venue_kinds() id
    std::string neighbourhood;  // neighbourhoods() id
    std::string network;        // networks() id, empty when the venue belongs to none
    std::string address;        // "Schansstraat 12"
    std::string postcode;       // "3025 AB", may be empty
    LatLon location;
    std::string description;
    std::vector<OpeningHours> opening_hours;
    Accessibility accessibility;
    Contact contact;
    std::string search_text_;   // folded name + address + description (text_fold.hpp), built by the parser
};

}  // namespace bk::data
