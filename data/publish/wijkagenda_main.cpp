// wijkagenda — the publishing side of the Buurtkaart agenda (see data/publish/PUBLISHING.md).
//
//   wijkagenda build  --sources sources.json --state DIR --out DIR [--sign-key KEYFILE] [--no-geocode]
//                     [--keep N] [--now 2026-11-23T10:00:00Z] [--quiet]
//   wijkagenda keygen --key-id ID --out KEYFILE          (prints the "ID:BASE64" line for kiosk configs)
//   wijkagenda sign   --key KEYFILE FEED [--out FEED.sig]
//   wijkagenda verify --trust ID:BASE64 [--trust ...] FEED [--sig FEED.sig]
// Exit codes: 0 done (build: published, possibly with failing sources — see the report), 1 failed
// (build: nothing published, the previous release stays), 2 usage error; verify: 3 = signature rejected.
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/atomic_file.hpp"
#include "data/publish/alerts.hpp"
#include "data/publish/build_history.hpp"
#include "data/publish/fleet.hpp"
#include "data/publish/build_report.hpp"
#include "data/publish/feed_builder.hpp"
#include "data/publish/feed_output.hpp"
#include "data/publish/feed_signature.hpp"
#include "data/publish/sources_file.hpp"

using namespace bk::data;
using namespace bk::data::publish;

namespace {

struct Args {
    std::map<std::string, std::vector<std::string>> options;  // --name value (repeatable)
    std::vector<std::string> flags;
    std::vector<std::string> positional;
    std::optional<std::string> get(const std::string& k) const {
        auto it = options.find(k);
        return it == options.end() || it->second.empty() ? std::nullopt : std::optional(it->second.back());
    }
    bool flag(const std::string& f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
};

const std::vector<std::string> kFlags = {"--no-geocode", "--quiet", "--no-ics", "--no-pages"};

int usage(const char* msg = nullptr) {
    if (msg) std::cerr << "wijkagenda: " << msg << "\n";
    std::cerr << "usage:\n"
                 "  wijkagenda build  --sources FILE --state DIR --out DIR [--sign-key KEYFILE] [--no-geocode]\n"
                 "                    [--no-ics] [--no-pages] [--keep N] [--now RFC3339] [--quiet]\n"
                 "  wijkagenda keygen --key-id ID --out KEYFILE\n"
                 "  wijkagenda sign   --key KEYFILE FEED [--out FEED.sig]\n"
                 "  wijkagenda verify --trust ID:BASE64 [--trust ...] FEED [--sig FEED.sig]\n";
    return 2;
}

std::optional<Args> parse_args(int argc, char** argv, int first) {
    Args a;
    for (int i = first; i < argc; ++i) {
        std::string s = argv[i];
        if (s.starts_with("--")) {
            if (std::find(kFlags.begin(), kFlags.end(), s) != kFlags.end()) {
                a.flags.push_back(s);
            } else if (i + 1 < argc) {
                a.options[s].push_back(argv[++i]);
            } else {
                std::cerr << "wijkagenda: option " << s << " needs a value\n";
                return std::nullopt;
            }
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

// The coordinator's private pages (<out>/beheer, served behind basic auth): report + history.
void record(const std::filesystem::path& out, const HistoryRun& run) {
    if (auto r = record_build(out / "beheer", run); !r)
        std::cerr << "wijkagenda: warning: history not updated: " << r.error().message << "\n";
}

int sources_with_problems(const BuildResult& b) {
    int n = 0;
    for (const auto& s : b.sources)
        if (!s.problems.empty() || s.status == SourceStatus::Failed || s.status == SourceStatus::LastGood) ++n;
    return n;
}

// Fleet page and alerts, after every run (published, unchanged or failed).
void watch(const std::filesystem::path& out, const std::filesystem::path& state, const SourcesConfig* cfg,
           const BuildResult* built, const std::string& build_error, UtcTime now) {
    if (!cfg) return;
    std::string version;
    if (built && built->feed && built->feed->generated_at) version = to_rfc3339(*built->feed->generated_at);
    std::optional<std::vector<KioskSeen>> kiosks;
    if (!cfg->access_log.empty()) {
        if (auto k = read_fleet_log(cfg->access_log)) kiosks = std::move(*k);
        else std::cerr << "wijkagenda: warning: " << k.error().message << "\n";
        if (kiosks) {
            auto r = write_file_atomically((out / "beheer" / "kiosken.html").string(),
                                           format_fleet_html(*kiosks, version, now, cfg->kiosk_silent_hours));
            if (!r) std::cerr << "wijkagenda: warning: " << r.error().message << "\n";
        }
    }
    AlertSettings as{cfg->alert_command, cfg->alert_stale_hours, cfg->kiosk_silent_hours};
    auto problems = current_problems(built, build_error, kiosks ? &*kiosks : nullptr, as, now, version);
    auto r = update_alerts(state, out / "beheer", problems, as, now);
    if (!r) std::cerr << "wijkagenda: warning: alerts: " << r.error().message << "\n";
    else if (r->command_failures > 0) std::cerr << "wijkagenda: warning: the alerts command failed " << r->command_failures << " time(s)\n";
}

int cmd_build(const Args& a) {
    auto sources = a.get("--sources"), state = a.get("--state"), out = a.get("--out");
    if (!sources || !state || !out) return usage("build needs --sources, --state and --out");
    UtcTime now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (auto n = a.get("--now")) {
        auto t = parse_rfc3339(*n);
        if (!t) return usage("--now expects RFC 3339, e.g. 2026-11-23T10:00:00Z");
        now = *t;
    }
    const SourcesConfig* cfg_ptr = nullptr;
    auto fail = [&](const std::string& why) {
        std::cerr << "wijkagenda: nothing published: " << why << "\n";
        const std::string text = "Wijkagenda — NIETS GEPUBLICEERD\n" + redact_urls(why) +
                                 "\nDe vorige publicatie blijft online.\n";
        const std::string html = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Wijkagenda — "
                                 "niets gepubliceerd</title></head><body><h1>Niets gepubliceerd</h1><p>" +
                                 redact_urls(why) + "</p><p>De vorige publicatie blijft online.</p></body></html>\n";
        HistoryRun run{now, "mislukt: niets gepubliceerd", text, html, nullptr, 0, 0};
        record(*out, run);
        watch(*out, *state, cfg_ptr, nullptr, why, now);
        return 1;
    };
    std::optional<SigningKey> key;
    if (auto k = a.get("--sign-key")) {
        auto loaded = read_signing_key_file(*k);
        if (!loaded) return fail(loaded.error().message);
        key = *loaded;
    }
    auto cfg = read_sources_file(*sources);
    if (!cfg) return fail(cfg.error().message);
    cfg_ptr = &*cfg;
    BuildOptions bo{*state, now, !a.flag("--no-geocode")};
    auto built = build_feed(*cfg, bo);
    if (!built) return fail(built.error().message);
    // Nothing changed and the live release already serves these bytes: keep it (same ETag → kiosks get 304),
    // refresh only the report (source failures may differ from run to run).
    const auto live = std::filesystem::path(*out) / "current";
    // The residents' pages and posters show "this week": on a new day they are made again, in a new
    // release whose feed files keep the served ones' mtimes (same bytes, same nginx ETag: still 304s).
    const std::string today = to_string(amsterdam_from_utc(now).date) + "\n";
    const bool pages_stale = !a.flag("--no-pages") && read_file((live / "agenda" / ".datum").string(), 64).value_or("") != today;
    if (built->unchanged && std::filesystem::is_symlink(live) && !pages_stale) {
        auto served = read_file((live / "feed.json").string());
        auto served_sig = read_file((live / "feed.json.sig").string(), 1u << 16);
        const bool sig_ok = key ? (served_sig && verify_feed(*served, *served_sig, {public_key_of(*key)}).has_value())
                                : !served_sig.has_value();
        if (served && *served == built->feed_json && sig_ok) {
            const FeedChanges none = diff_feeds(built->feed_json, built->feed_json);
            const std::string text = format_report_text(*built, none, nullptr, now) + "(niets veranderd: publicatie " +
                                     std::filesystem::read_symlink(live).filename().string() + " blijft online)\n";
            HistoryRun run{now, "niets veranderd", text, format_report_html(*built, none, nullptr, now), &none,
                           int(built->feed->activities.size()), sources_with_problems(*built)};
            record(*out, run);
            watch(*out, *state, cfg_ptr, &*built, "", now);
            if (!a.flag("--quiet")) std::cout << text;
            return 0;
        }
    }
    OutputOptions oo{*out, key, now, !a.flag("--no-ics"), !a.flag("--no-pages"), cfg->public_base_url};
    auto release = write_release(*built, oo);
    if (!release) return fail(release.error().message);
    if (built->unchanged && std::filesystem::is_symlink(live)) {
        std::error_code ec;
        for (const char* f : {"feed.json", "feed.json.gz", "feed.json.sig"}) {
            auto served = read_file((live / f).string(), 64u << 20), fresh = read_file((release->dir / f).string(), 64u << 20);
            if (served && fresh && *served == *fresh) {
                auto t = std::filesystem::last_write_time(live / f, ec);
                if (!ec) std::filesystem::last_write_time(release->dir / f, t, ec);
            }
        }
    }
    int keep = 5;
    if (auto k = a.get("--keep")) keep = std::max(1, std::atoi(k->c_str()));
    if (auto act = activate_release(*release, *out, keep); !act) return fail(act.error().message);
    if (auto rem = remember_published_feed(*state, built->feed_json); !rem)
        std::cerr << "wijkagenda: warning: " << rem.error().message << "\n";
    const FeedChanges changes = diff_feeds(built->previous_feed_json, built->feed_json);
    const std::string text = format_report_text(*built, changes, &*release, now);
    HistoryRun run{now, "gepubliceerd", text, format_report_html(*built, changes, &*release, now), &changes,
                   int(built->feed->activities.size()), sources_with_problems(*built)};
    record(*out, run);
    watch(*out, *state, cfg_ptr, &*built, "", now);
    if (!a.flag("--quiet")) std::cout << text;
    if (!key) std::cerr << "wijkagenda: warning: feed is UNSIGNED (no --sign-key); kiosks with trusted keys reject it, kiosks without keys show it as \"niet ondertekend\"\n";
    return 0;
}

int cmd_keygen(const Args& a) {
    auto id = a.get("--key-id"), out = a.get("--out");
    if (!out) return usage("keygen needs --out KEYFILE");
    if (std::filesystem::exists(*out)) {
        std::cerr << "wijkagenda: " << *out << " exists; refusing to overwrite a signing key\n";
        return 1;
    }
    auto key = generate_signing_key(id.value_or(""));
    if (auto r = write_signing_key_file(key, *out); !r) {
        std::cerr << "wijkagenda: " << r.error().message << "\n";
        return 1;
    }
    std::cout << format_trusted_key(public_key_of(key)) << "\n";
    std::cerr << "wijkagenda: secret key written to " << *out
              << " (keep it private); add the line above to the kiosks' trusted keys\n";
    return 0;
}

int cmd_sign(const Args& a) {
    auto k = a.get("--key");
    if (!k || a.positional.size() != 1) return usage("sign needs --key KEYFILE and one FEED");
    auto key = read_signing_key_file(*k);
    if (!key) {
        std::cerr << "wijkagenda: " << key.error().message << "\n";
        return 1;
    }
    auto body = read_file(a.positional[0]);
    if (!body) {
        std::cerr << "wijkagenda: " << body.error().message << "\n";
        return 1;
    }
    const std::string out = a.get("--out").value_or(a.positional[0] + ".sig");
    if (auto r = write_file_atomically(out, sign_feed(*body, *key)); !r) {
        std::cerr << "wijkagenda: " << r.error().message << "\n";
        return 1;
    }
    std::cout << out << " signed by " << key->key_id << "\n";
    return 0;
}

int cmd_verify(const Args& a) {
    if (a.positional.size() != 1) return usage("verify needs one FEED");
    std::vector<TrustedKey> keys;
    if (auto it = a.options.find("--trust"); it != a.options.end()) {
        for (const auto& t : it->second) {
            auto k = parse_trusted_key(t);
            if (!k) {
                std::cerr << "wijkagenda: " << k.error().message << "\n";
                return 2;
            }
            keys.push_back(*k);
        }
    }
    if (keys.empty()) return usage("verify needs at least one --trust ID:BASE64");
    auto body = read_file(a.positional[0]);
    if (!body) {
        std::cerr << "wijkagenda: " << body.error().message << "\n";
        return 1;
    }
    auto sig = read_file(a.get("--sig").value_or(a.positional[0] + ".sig"), 1u << 16);
    auto r = verify_feed(*body, sig ? *sig : std::string(), keys);
    if (!r) {
        std::cout << "REJECTED (" << to_string(r.error().kind) << "): " << r.error().message << "\n";
        return 3;
    }
    std::cout << "OK: signed by " << *r << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    const std::string cmd = argv[1];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        usage();
        return 0;
    }
    auto args = parse_args(argc, argv, 2);
    if (!args) return 2;
    if (cmd == "build") return cmd_build(*args);
    if (cmd == "keygen") return cmd_keygen(*args);
    if (cmd == "sign") return cmd_sign(*args);
    if (cmd == "verify") return cmd_verify(*args);
    return usage(("unknown command '" + cmd + "'").c_str());
}
