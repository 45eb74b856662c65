// settings_dropin_test.cpp — /etc/buurtkaart/kiosk.d drop-ins: order, validation, precedence over
// kiosk.json, stripping on save, settings version migration, the kiosk id.
#include "kiosk/host/settings_dropin.hpp"
#include "kiosk/host/pin.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace bk::kiosk::host;
using bk::kiosk::host::test::TempDir;
using bk::kiosk::host::test::read_file;
using bk::kiosk::host::test::write_file;
namespace fs = std::filesystem;

namespace {
const std::string key_a = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
const std::string key_b = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";

bool any_contains(const std::vector<std::string>& lines, const std::string& needle) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}
} // namespace

TEST_CASE("drop-ins are read in name order and a later file wins per field") {
  TempDir t("dropin-order");
  const fs::path d = t.path() / "kiosk.d";
  fs::create_directories(d);
  write_file(d / "50-kiosk.json", R"({"kiosk_id": "vuurtoren-1", "home_venue_id": "buurthuis-de-vuurtoren"})");
  write_file(d / "10-district.json", R"({"kiosk_id": "district-default",
      "feed_urls": ["https://wijkagenda.example.org/feed.json"],
      "feed_signature": {"require_signature": true, "trusted_keys": [{"key_id": "wijk-2026a", "public_key": ")" +
                                             key_a + R"("}]}})");
  write_file(d / "kiosk.json.dpkg-old", R"({"kiosk_id": "ignored"})");  // not *.json
  write_file(d / ".hidden.json", R"({"kiosk_id": "ignored-too"})");

  const SettingsDropin in = load_settings_dropins(d);
  REQUIRE(in.files.size() == 2);
  CHECK(in.files[0].filename() == "10-district.json");
  CHECK(in.files[1].filename() == "50-kiosk.json");
  CHECK(in.warnings.empty());
  CHECK(in.kiosk_id == "vuurtoren-1");
  CHECK(in.home_venue_id == "buurthuis-de-vuurtoren");
  REQUIRE(in.feed_urls.has_value());
  CHECK(*in.feed_urls == std::vector<std::string>{"https://wijkagenda.example.org/feed.json"});
  CHECK(in.require_signature == true);
  REQUIRE(in.trusted_keys.has_value());
  CHECK(in.trusted_keys->at(0).key_id == "wijk-2026a");
}

TEST_CASE("a missing drop-in directory is no error; broken files and foreign fields are skipped with a warning") {
  TempDir t("dropin-bad");
  CHECK(load_settings_dropins(t.path() / "nope").warnings.empty());
  CHECK(load_settings_dropins("").files.empty());

  const fs::path d = t.path() / "kiosk.d";
  fs::create_directories(d);
  write_file(d / "10-broken.json", "{\"kiosk_id\": ");
  write_file(d / "20-array.json", "[1, 2]");
  write_file(d / "30-fields.json", R"({"pin": {"hash": ""}, "kiosk_id": "bad id; evil", "feed_urls": ["ftp://x", "https://ok.example/f.json"],
                                      "home_venue_id": 42})");
  const SettingsDropin in = load_settings_dropins(d);
  CHECK(in.files.size() == 2);  // 20 and 30 were read; 10 is not JSON
  CHECK(any_contains(in.warnings, "10-broken.json: not valid JSON; file ignored"));
  CHECK(any_contains(in.warnings, "20-array.json: top level is array, expected an object"));
  CHECK(any_contains(in.warnings, "field 'pin' cannot be set from a drop-in"));
  CHECK(any_contains(in.warnings, "field 'kiosk_id' has \"bad id; evil\""));
  CHECK(any_contains(in.warnings, "field 'feed_urls[0]' has \"ftp://x\""));
  CHECK(any_contains(in.warnings, "field 'home_venue_id' has 42"));
  CHECK_FALSE(in.kiosk_id.has_value());       // an invalid id is not applied
  CHECK_FALSE(in.home_venue_id.has_value());
  REQUIRE(in.feed_urls.has_value());          // the valid URL survives
  CHECK(*in.feed_urls == std::vector<std::string>{"https://ok.example/f.json"});
}

TEST_CASE("the host's own values win for host fields; the coordinator's win for kiosk id and signatures") {
  SettingsDropin d;
  d.kiosk_id = "vuurtoren-1";
  d.feed_urls = std::vector<std::string>{"https://district.example/feed.json"};
  d.home_venue_id = "buurthuis-de-vuurtoren";
  d.require_signature = true;
  d.trusted_keys = std::vector<TrustedKey>{{"wijk-2026a", key_a}};

  Settings fresh;  // host has set nothing
  apply_settings_dropins(fresh, d);
  CHECK(fresh.kiosk_id == "vuurtoren-1");
  CHECK(fresh.feed_urls == *d.feed_urls);
  CHECK(fresh.home_venue_id == "buurthuis-de-vuurtoren");
  CHECK(fresh.require_signature);

  Settings host;  // host chose its own feed and venue on the host screen; an old key with the same id
  host.kiosk_id = "set-by-hand";
  host.feed_urls = {"https://eigen.example/feed.json"};
  host.home_venue_id = "speeltuin-de-waterpoort";
  host.trusted_keys = {{"wijk-2026a", key_b}, {"eigen", key_b}};
  apply_settings_dropins(host, d);
  CHECK(host.kiosk_id == "vuurtoren-1");
  CHECK(host.feed_urls == std::vector<std::string>{"https://eigen.example/feed.json"});
  CHECK(host.home_venue_id == "speeltuin-de-waterpoort");
  REQUIRE(host.trusted_keys.size() == 2);
  CHECK(host.trusted_keys[0] == TrustedKey{"wijk-2026a", key_a});  // replaced by the coordinator's
  CHECK(host.trusted_keys[1] == TrustedKey{"eigen", key_b});
}

TEST_CASE("saving keeps only the host's choices, so a changed drop-in still reaches the kiosk") {
  TempDir t("dropin-save");
  const fs::path d = t.path() / "kiosk.d";
  const fs::path cfg = t.path() / "kiosk.json";
  fs::create_directories(d);
  write_file(d / "10-district.json", R"({"feed_urls": ["https://district.example/v1.json"], "kiosk_id": "k-7"})");

  LoadResult r = load_settings_with_dropins(cfg, d);
  CHECK(r.fresh);
  CHECK(any_contains(r.warnings, "drop-in " + (d / "10-district.json").string() + " applied"));
  CHECK(r.settings.feed_urls == std::vector<std::string>{"https://district.example/v1.json"});
  r.settings.language = "tr";  // the host changes something else
  REQUIRE(save_settings_over_dropins(r.settings, cfg, d).has_value());
  const auto saved = nlohmann::json::parse(read_file(cfg));
  CHECK(saved["feed_urls"].empty());
  CHECK(saved["kiosk_id"] == "");
  CHECK(saved["language"] == "tr");
  CHECK(saved["version"] == settings_version);

  // The coordinator ships a new feed URL: the kiosk follows it and keeps the host's language.
  write_file(d / "10-district.json", R"({"feed_urls": ["https://district.example/v2.json"], "kiosk_id": "k-7"})");
  LoadResult again = load_settings_with_dropins(cfg, d);
  CHECK(again.settings.feed_urls == std::vector<std::string>{"https://district.example/v2.json"});
  CHECK(again.settings.language == "tr");
  CHECK(again.settings.kiosk_id == "k-7");
}

TEST_CASE("a version 1 settings file from the previous release is migrated and keeps settings and PIN") {
  TempDir t("dropin-migrate");
  const fs::path cfg = t.path() / "kiosk.json";
  const std::string hash = hash_pin("4321").value();  // a real Argon2 string (malformed ones are rejected)
  write_file(cfg, R"({"version": 1, "home_venue_id": "taalhuis-spangen", "language": "pl", "idle_timeout_s": 120,
                      "pin": {"hash": ")" + hash + R"(", "failed_attempts": 2, "lockout_until_unix_s": 0}})");
  LoadResult r = load_settings_with_dropins(cfg, "");
  CHECK(any_contains(r.warnings, "migrated from version 1 to " + std::to_string(settings_version)));
  CHECK(r.settings.home_venue_id == "taalhuis-spangen");
  CHECK(r.settings.pin_hash == hash);
  const auto on_disk = nlohmann::json::parse(read_file(cfg));
  CHECK(on_disk["version"] == settings_version);
  CHECK(on_disk["pin"]["hash"] == hash);
  CHECK(on_disk["pin"]["failed_attempts"] == 2);
  CHECK(on_disk["language"] == "pl");
  CHECK(on_disk["idle_timeout_s"] == 120);
  CHECK(on_disk["kiosk_id"] == "");

  // Loading again: nothing to migrate.
  LoadResult again = load_settings_with_dropins(cfg, "");
  CHECK_FALSE(any_contains(again.warnings, "migrated"));

  // A file from a newer kiosk loads what this one knows, with a warning, and is not rewritten.
  write_file(cfg, R"({"version": 99, "language": "en", "future_field": true})");
  LoadResult newer = load_settings_with_dropins(cfg, "");
  CHECK(newer.settings.language == "en");
  CHECK(any_contains(newer.warnings, "written by a newer kiosk (version 99"));
  CHECK(nlohmann::json::parse(read_file(cfg))["version"] == 99);
}

TEST_CASE("the kiosk id: the setting, else the machine id prefix, else the host name") {
  TempDir t("dropin-id");
  Settings s;
  s.kiosk_id = "vuurtoren-1";
  CHECK(effective_kiosk_id(s, t.path() / "none") == "vuurtoren-1");
  s.kiosk_id.clear();
  write_file(t.path() / "machine-id", "0123456789abcdef0123456789abcdef\n");
  CHECK(effective_kiosk_id(s, t.path() / "machine-id") == "0123456789ab");
  write_file(t.path() / "bad-id", "not hex at all\n");
  const std::string from_host = effective_kiosk_id(s, t.path() / "bad-id");
  CHECK_FALSE(from_host.empty());
  CHECK(from_host.find(' ') == std::string::npos);
  CHECK(from_host.find(';') == std::string::npos);
}
