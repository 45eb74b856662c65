// Alerts — tell the coordinator once when something needs her, not every 5 minutes.
//
// Usage (wijkagenda build, after every run):
//   auto problems = current_problems(&built, &kiosks, settings, now, feed_version);
//   auto out = update_alerts(state_dir, admin_dir, problems, settings, now);   // runs the command per new problem
// Problems: a source that fails ("bron:<id>:faalt"), a source whose last good copy is older than
// stale_hours ("bron:<id>:verouderd"), a kiosk silent for kiosk_silent_hours ("kiosk:<id>:stil"),
// a kiosk rejecting the signature ("kiosk:<id>:handtekening"), a build that published nothing
// ("build:mislukt"). <state>/alerts.json remembers the open ones: the notify command runs when a
// problem opens (and once more when it is solved), never while it stays open. The command runs with
// /bin/sh, the Dutch message on stdin and WIJKAGENDA_ONDERWERP / WIJKAGENDA_SLEUTEL in the environment,
// e.g. `mail -s "$WIJKAGENDA_ONDERWERP" coordinator@example.org` or a curl to a chat webhook.
// <admin>/meldingen.atom lists the last 50 openings and solutions (Atom 1.0, behind the same password).
// Threads: one build at a time (the command is run synchronously).
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "data/error.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/fleet.hpp"

namespace bk::data::publish {

struct AlertSettings {
    std::string command;          // empty: only the Atom feed
    int stale_hours = 24;
    int kiosk_silent_hours = 2;
};

struct Problem {
    std::string key;      // stable: "bron:huiskamer-de-jutter:faalt"
    std::string subject;  // one line, Dutch
    std::string detail;   // what is wrong and what to do
};

std::vector<Problem> current_problems(const BuildResult* built, const std::string& build_error,
                                      const std::vector<KioskSeen>* kiosks, const AlertSettings& settings, UtcTime now,
                                      std::string_view feed_version);

struct AlertOutcome {
    std::vector<Problem> opened, solved;
    int command_failures = 0;
};

std::expected<AlertOutcome, Error> update_alerts(const std::filesystem::path& state_dir,
                                                 const std::filesystem::path& admin_dir,
                                                 const std::vector<Problem>& problems, const AlertSettings& settings,
                                                 UtcTime now);

}  // namespace bk::data::publish
