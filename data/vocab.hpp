// Fixed vocabularies of the agenda: stable ids the feed uses and the kiosk translates.
//
// Usage:
//   for (const auto& c : bk::data::categories()) ui_label(c.id, c.label_nl);
//   if (bk::data::is_known(bk::data::audiences(), "ouderen")) ...
// Ids are lowercase ASCII and never change meaning; new ids only arrive with a new minor feed
// version (FEED_FORMAT.md). label_nl is the Dutch fallback; the kiosk's i18n tables key on id.
// Threads: any thread (static, immutable data).
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace bk::data {

struct VocabEntry {
    std::string_view id;
    std::string_view label_nl;
};

std::span<const VocabEntry> categories();      // "maaltijd", "koffie", "taal", ...
std::span<const VocabEntry> audiences();       // "iedereen", "kinderen", "jongeren", ...
std::span<const VocabEntry> venue_kinds();     // "buurthuiskamer", "speeltuin", "groenplek", ...
std::span<const VocabEntry> neighbourhoods();  // the 6 areas: "nieuwe-westen", ..., "botu", ...
std::span<const VocabEntry> networks();        // the 11 networks: "delfshaven-lokaal", ...
std::span<const VocabEntry> weekdays();        // "mo".."su" (opening hours), ISO order

bool is_known(std::span<const VocabEntry> vocab, std::string_view id);
// Dutch label, or the id itself when unknown.
std::string_view label_nl(std::span<const VocabEntry> vocab, std::string_view id);
// "a, b, c" list of ids, for error messages.
std::string joined_ids(std::span<const VocabEntry> vocab);

}  // namespace bk::data
