// Build history — the coordinator's private pages: every build's report and changes, kept.
//
// Usage (wijkagenda build does this after every run, published or not):
//   HistoryRun run{.at = now, .outcome = "gepubliceerd", .report_text = text, .report_html = html};
//   run.changes = &changes;                                   // nullptr when nothing was built
//   record_build(out_dir / "beheer", run);
// Layout of the admin folder (nginx serves it only behind basic auth, see nginx-wijkagenda.conf):
//   index.html, report.txt        the latest report
//   wijzigingen.html              the latest build that changed something (a run without changes
//                                 leaves it alone, so the last list of changes stays readable)
//   geschiedenis.html             the last kHistoryKept builds: time, outcome, counts, link to the report
//   runs/<stamp>/report.html|txt, changes.json   one folder per build (older ones are removed)
//   history.json                  the index the pages are made from
// Threads: one build at a time per folder (the systemd timer runs one build at a time).
#pragma once

#include <expected>
#include <filesystem>
#include <string>

#include "data/error.hpp"
#include "data/local_time.hpp"
#include "data/publish/build_report.hpp"

namespace bk::data::publish {

inline constexpr std::size_t kHistoryKept = 60;

struct HistoryRun {
    UtcTime at{};
    std::string outcome;       // "gepubliceerd", "niets veranderd", "mislukt: ..."
    std::string report_text;
    std::string report_html;
    const FeedChanges* changes = nullptr;  // null: nothing built (failed run)
    int activities = 0;
    int sources_with_problems = 0;
};

std::expected<void, Error> record_build(const std::filesystem::path& admin_dir, const HistoryRun& run);

}  // namespace bk::data::publish
