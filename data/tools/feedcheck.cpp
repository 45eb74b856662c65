// feedcheck — validate an agenda feed (JSON v1 or .ics) from a file or URL and print a summary.
//
//   feedcheck assets/feed/sample_feed.json
//   feedcheck https://wijkagenda.example/feed.json
//   feedcheck --now 2026-03-09T09:00:00Z agenda.ics
//   feedcheck feed.json --sig feed.json.sig --trusted-key wijk-2026a:BASE64 [--trusted-key OLD:BASE64]
// With --sig (a file or URL) the signature must verify against the feed's exact bytes with one of the
// --trusted-key keys (data/publish/feed_signature.hpp), as the kiosk checks it.
// Exit status: 0 valid (and signed, if --sig), 1 invalid, unreadable or signature rejected, 2 usage.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "data/atomic_file.hpp"
#include "data/feed_check.hpp"
#include "data/http_fetch.hpp"
#include "data/publish/feed_signature.hpp"

namespace {

constexpr const char* kUsage =
    "usage: feedcheck [--now RFC3339] FILE|URL [--sig SIGFILE|URL --trusted-key KEYID:BASE64 ...]\n";

bool is_url(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// The exact bytes of a file or URL (200 only), as the updater sees them.
std::expected<std::string, bk::data::Error> load_bytes(const std::string& file_or_url, std::size_t max_bytes) {
    using namespace bk::data;
    if (!is_url(file_or_url)) return read_file(file_or_url, max_bytes);
    HttpGet get;
    get.url = file_or_url;
    get.max_body_bytes = max_bytes;
    auto reply = http_get(get);
    if (!reply) return std::unexpected(reply.error());
    if (reply->status != 200)
        return std::unexpected(
            Error{ErrorKind::Http, file_or_url + ": HTTP " + std::to_string(reply->status) + ", expected 200"});
    return std::move(reply->body);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace bk::data;
    UtcTime now = system_clock()();
    std::string source, sig_source;
    std::vector<publish::TrustedKey> trusted;
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
        } else if (arg == "--sig" && i + 1 < argc) {
            sig_source = argv[++i];
        } else if (arg == "--trusted-key" && i + 1 < argc) {
            auto key = publish::parse_trusted_key(argv[++i]);
            if (!key) {
                std::cerr << "feedcheck: --trusted-key " << argv[i] << ": " << key.error().message << "\n";
                return 2;
            }
            trusted.push_back(std::move(*key));
        } else if (arg == "-h" || arg == "--help") {
            std::cout << kUsage;
            return 0;
        } else if (source.empty() && (arg.empty() || arg[0] != '-')) {
            source = arg;
        } else {
            std::cerr << "feedcheck: unexpected argument " << arg << "\n" << kUsage;
            return 2;
        }
    }
    if (source.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    if (!sig_source.empty() && trusted.empty()) {
        std::cerr << "feedcheck: --sig needs at least one --trusted-key KEYID:BASE64 to verify against\n";
        return 2;
    }
    if (!trusted.empty() && sig_source.empty()) {
        std::cerr << "feedcheck: --trusted-key without --sig: give the signature file (usually FEED.sig)\n";
        return 2;
    }
    if (sig_source.empty()) {
        FeedCheckReport report = check_feed_source(source, now);
        std::cout << format_check_report(report);
        return report.ok() ? 0 : 1;
    }
    // Signed check: one read of the feed's bytes, validated and verified from the same bytes.
    auto bytes = load_bytes(source, kMaxFeedBytes);
    FeedCheckReport report;
    if (bytes) {
        report = check_feed_text(*bytes, source, now);
    } else {
        report.source = source;
        report.load_error = bytes.error();
    }
    std::cout << format_check_report(report);
    bool signed_ok = false;
    if (bytes) {
        auto sig = load_bytes(sig_source, 64 * 1024);
        if (!sig) {
            std::cout << "signature: cannot read " << sig_source << ": " << sig.error().message << "\n";
        } else if (auto key_id = publish::verify_feed(*bytes, *sig, trusted); !key_id) {
            std::cout << "signature: REJECTED (" << publish::to_string(key_id.error().kind) << "): "
                      << key_id.error().message << "\n";
        } else {
            std::cout << "signature: ok, signed with trusted key '" << *key_id << "'\n";
            signed_ok = true;
        }
    }
    return report.ok() && signed_ok ? 0 : 1;
}
