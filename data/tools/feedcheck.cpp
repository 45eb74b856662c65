// feedcheck — validate an agenda feed (JSON v1 or .ics) from a file or URL and print a summary.
//
//   feedcheck assets/feed/sample_feed.json
//   feedcheck https://wijkagenda.example/feed.json
//   feedcheck --now 2026-03-09T09:00:00Z agenda.ics
// Exit status: 0 valid, 1 invalid or unreadable, 2 usage.
#include <cstdio>
#include <iostream>
#include <string>

#include "data/feed_check.hpp"

int main(int argc, char** argv) {
    using namespace bk::data;
    UtcTime now = system_clock()();
    std::string source;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--now" && i + 1 < argc) {
            auto t = parse_rfc3339(argv[++i]);
            if (!t) {
                std::cerr << "feedcheck: --now expects an RFC 3339 time like 2026-03-09T09:00:00Z, found " << argv[i]
                          << "\n";
                return 2;
            }
            now = *t;
        } else if (arg == "-h" || arg == "--help") {
            std::cout << "usage: feedcheck [--now RFC3339] FILE|URL\n";
            return 0;
        } else if (source.empty()) {
            source = arg;
        } else {
            std::cerr << "feedcheck: one feed at a time, found extra argument " << arg << "\n";
            return 2;
        }
    }
    if (source.empty()) {
        std::cerr << "usage: feedcheck [--now RFC3339] FILE|URL\n";
        return 2;
    }
    FeedCheckReport report = check_feed_source(source, now);
    std::cout << format_check_report(report);
    return report.ok() ? 0 : 1;
}
