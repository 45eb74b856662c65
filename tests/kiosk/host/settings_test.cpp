// settings_test.cpp — kiosk.json round trip, atomic save, corrupt-file fallback, field validation.
#include "kiosk/host/settings.hpp"
#include "kiosk/host/pin.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <unistd.h>

using namespace bk::kiosk::host;
using bk::kiosk::host::test::TempDir;
using bk::kiosk::host::test::read_file;
using bk::kiosk::host::test::write_file;
namespace fs = std::filesystem;

namespace {
// A real ed25519 public key size: 32 bytes of base64.
const std::string key_b64 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

Settings full_settings() {
  Settings s;
  s.home_venue_id = "buurthuis-het-klooster";
  s.start_view = {4.4512, 51.9123, 16.5};
  s.language = "ar";
  s.large_text = true;
  s.high_contrast = true;
  s.idle_timeout_s = 120;
  s.attract_mode = false;
  s.attract_delay_s = 10;
  s.attract_cycle_s = 12;
  s.night = {true, {23, 30}, {6, 15}, NightMode::blank, 0.5f};
  s.feed_urls = {"https://feeds.example.nl/delfshaven.json", "http://192.168.1.4:8080/feed.json"};
  s.trusted_keys = {{"buurtkaart-2026", key_b64}};
  s.require_signature = true;
  s.tile_source = {TilePreset::custom, "https://tiles.example.nl/{z}/{x}/{y}.png", "© Voorbeeld"};
  s.take_along_url_template = "https://buurt.example.nl/ics/{venue_id}.ics";
  s.kiosk_mode = false;
  static const std::string real_hash = hash_pin("4321").value();  // a well-formed Argon2 string
  s.pin_hash = real_hash;
  s.pin_lock = {4, 1790000000};
  return s;
}

bool has_warning(const std::vector<std::string>& w, std::string_view needle) {
  return std::any_of(w.begin(), w.end(), [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}
} // namespace

TEST_CASE("settings round trip through a file keeps every field") {
  TempDir dir("settings-roundtrip");
  const fs::path file = dir.path() / "kiosk.json";
  const Settings s = full_settings();
  REQUIRE(save_settings(s, file).has_value());
  LoadResult r = load_settings(file);
  CHECK(r.warnings.empty());
  CHECK_FALSE(r.ui_warning.has_value());
  CHECK_FALSE(r.fresh);
  CHECK(r.settings == s);
}

TEST_CASE("missing file gives defaults marked fresh without warnings") {
  TempDir dir("settings-missing");
  LoadResult r = load_settings(dir.path() / "nope.json");
  CHECK(r.fresh);
  CHECK(r.warnings.empty());
  CHECK(r.settings == Settings{});
}

TEST_CASE("atomic save replaces the file, leaves no temp file and creates the directory") {
  TempDir dir("settings-atomic");
  const fs::path file = dir.path() / "sub" / "kiosk.json";
  Settings a;
  a.home_venue_id = "first";
  REQUIRE(save_settings(a, file).has_value());
  Settings b;
  b.home_venue_id = "second";
  REQUIRE(save_settings(b, file).has_value());
  CHECK(load_settings(file).settings.home_venue_id == "second");
  int entries = 0;
  for (auto& e : fs::directory_iterator(file.parent_path())) {
    ++entries;
    CHECK(e.path().filename() == "kiosk.json");
  }
  CHECK(entries == 1);
  // Only the owner may read the PIN hash.
  const auto perms = fs::status(file).permissions();
  CHECK((perms & fs::perms::others_read) == fs::perms::none);
  CHECK((perms & fs::perms::group_read) == fs::perms::none);
}

TEST_CASE("save into an unwritable place reports an io error naming the path") {
  TempDir dir("settings-unwritable");
  const fs::path blocker = dir.path() / "file";
  write_file(blocker, "x");
  auto r = save_settings(Settings{}, blocker / "kiosk.json");  // parent is a regular file
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == ErrorKind::io);
  CHECK(r.error().message.find(blocker.string()) != std::string::npos);
}

TEST_CASE("corrupt config falls back to defaults, is moved aside and warns the UI") {
  TempDir dir("settings-corrupt");
  const fs::path file = dir.path() / "kiosk.json";
  const std::string garbage = "{\"language\": \"en\", \"idle_timeout_s\": 60,,, oops";
  write_file(file, garbage);
  LoadResult r = load_settings(file);
  CHECK(r.settings == Settings{});
  REQUIRE(r.ui_warning.has_value());
  CHECK(r.ui_warning->find("damaged") != std::string::npos);
  REQUIRE(r.broken_copy.has_value());
  CHECK(r.broken_copy->filename().string().starts_with("kiosk.json.broken-"));
  CHECK(r.broken_copy->filename().string().size() == std::string("kiosk.json.broken-20261123-184500").size());
  CHECK(read_file(*r.broken_copy) == garbage);  // the host can still inspect what was there
  CHECK_FALSE(fs::exists(file));
  CHECK(has_warning(r.warnings, "not valid JSON at line"));
  // Loading again: fresh defaults, the broken copy stays.
  CHECK(load_settings(file).fresh);
  CHECK(fs::exists(*r.broken_copy));
}

TEST_CASE("a JSON array at top level counts as corrupt") {
  TempDir dir("settings-array");
  const fs::path file = dir.path() / "kiosk.json";
  write_file(file, "[1,2,3]");
  LoadResult r = load_settings(file);
  CHECK(r.ui_warning.has_value());
  CHECK(r.broken_copy.has_value());
  CHECK(has_warning(r.warnings, "top level is array"));
}

TEST_CASE("unknown fields are ignored without warnings") {
  std::vector<std::string> w;
  Settings s = settings_from_json(nlohmann::json::parse(R"({"language":"pl","future_field":{"x":1},"colour":"red"})"), w);
  CHECK(w.empty());
  CHECK(s.language == "pl");
}

TEST_CASE("invalid field values are clamped or rejected one by one with warnings") {
  std::vector<std::string> w;
  const auto j = nlohmann::json::parse(R"({
    "language": "fr",
    "idle_timeout_s": 2,
    "attract_cycle_s": 999,
    "large_text": "yes",
    "high_contrast": true,
    "start_view": {"lon_deg": 500, "lat_deg": 51.92, "zoom": 25},
    "night_hours": {"enabled": true, "start": "25:00", "end": "06:30", "mode": "off", "dim_level": 7},
    "feed_urls": ["https://ok.example/feed.json", "ftp://bad.example/feed", 42, "https://has space/x"],
    "feed_signature": {"require_signature": true,
                       "trusted_keys": [{"key_id": "good", "public_key": "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="},
                                        {"key_id": "short", "public_key": "AAAA"},
                                        {"public_key": "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="}]},
    "tile_source": {"preset": "custom", "url_template": "https://tiles.example/no-placeholders.png"},
    "pin": {"hash": "plaintext1234", "failed_attempts": -3}
  })");
  Settings s = settings_from_json(j, w);
  const Settings d;
  CHECK(s.language == "nl");
  CHECK(has_warning(w, "field 'language' has \"fr\", expected one of nl, en, tr, pl, pt, ar"));
  CHECK(s.idle_timeout_s == 15);
  CHECK(has_warning(w, "field 'idle_timeout_s' has 2, expected an integer in 15..3600; using 15"));
  CHECK(s.attract_cycle_s == 120);
  CHECK(s.large_text == d.large_text);
  CHECK(has_warning(w, "field 'large_text'"));
  CHECK(s.high_contrast);  // valid fields next to invalid ones are kept
  CHECK(s.start_view.lon_deg == d.start_view.lon_deg);
  CHECK(s.start_view.lat_deg == doctest::Approx(51.92));
  CHECK(s.start_view.zoom == 19);
  CHECK(s.night.enabled);
  CHECK(s.night.start == LocalTimeOfDay{22, 0});
  CHECK(has_warning(w, "field 'night_hours.start' has \"25:00\""));
  CHECK(s.night.end == LocalTimeOfDay{6, 30});
  CHECK(s.night.mode == NightMode::dim);
  CHECK(s.night.dim_level == doctest::Approx(1.0));
  CHECK(s.feed_urls == std::vector<std::string>{"https://ok.example/feed.json"});
  CHECK(has_warning(w, "feed_urls[1]"));
  CHECK(has_warning(w, "feed_urls[2]"));
  CHECK(has_warning(w, "feed_urls[3]"));
  REQUIRE(s.trusted_keys.size() == 1);
  CHECK(s.trusted_keys[0].key_id == "good");
  CHECK(has_warning(w, "trusted_keys[1]"));
  CHECK(has_warning(w, "trusted_keys[2]"));
  CHECK(s.require_signature);
  CHECK(s.tile_source.preset == TilePreset::offline);
  CHECK(has_warning(w, "using the offline map"));
  CHECK(s.pin_hash.empty());
  CHECK(has_warning(w, "field 'pin.hash'"));
  CHECK(s.pin_lock.failed_attempts == 0);
}

TEST_CASE("a file with invalid fields loads the valid ones and names the file in each warning") {
  TempDir dir("settings-fields");
  const fs::path file = dir.path() / "kiosk.json";
  write_file(file, R"({"language":"tr","idle_timeout_s":"soon"})");
  LoadResult r = load_settings(file);
  CHECK(r.settings.language == "tr");
  CHECK(r.settings.idle_timeout_s == 90);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find(file.string()) != std::string::npos);
  CHECK(r.warnings[0].find("idle_timeout_s") != std::string::npos);
  CHECK_FALSE(r.ui_warning.has_value());
  CHECK(fs::exists(file));  // not moved: it is valid JSON
}

TEST_CASE("tile presets have URLs and attributions; names round trip") {
  for (auto p : {TilePreset::offline, TilePreset::pdok_standaard, TilePreset::pdok_grijs, TilePreset::pdok_pastel,
                 TilePreset::osm, TilePreset::custom})
    CHECK(tile_preset_from_string(to_string(p)) == p);
  CHECK(preset_url_template(TilePreset::pdok_grijs).find("/grijs/EPSG:3857/{z}/{x}/{y}.png") != std::string_view::npos);
  CHECK(preset_attribution(TilePreset::pdok_pastel) == "Kaartgegevens © Kadaster");
  CHECK(preset_attribution(TilePreset::osm).find("OpenStreetMap") != std::string_view::npos);
  CHECK_FALSE(tile_preset_from_string("google").has_value());
}

TEST_CASE("config path comes from --config, else from XDG_CONFIG_HOME") {
  const char* argv1[] = {"kiosk", "--config", "/etc/buurtkaart/kiosk.json"};
  CHECK(settings_path_from_args(3, argv1) == fs::path("/etc/buurtkaart/kiosk.json"));
  const char* argv2[] = {"kiosk", "--config=/tmp/k.json"};
  CHECK(settings_path_from_args(2, argv2) == fs::path("/tmp/k.json"));
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old ? old : "";
  ::setenv("XDG_CONFIG_HOME", "/xdg/conf", 1);
  const char* argv3[] = {"kiosk"};
  CHECK(settings_path_from_args(1, argv3) == fs::path("/xdg/conf/buurtkaart/kiosk.json"));
  if (old) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
  else ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("fields of the wrong JSON type never throw and each gives one warning") {
  const char* cases[] = {
      R"({"start_view": []})",
      R"({"night_hours": "22-7"})",
      R"({"feed_urls": {"a": "https://x.nl"}})",
      R"({"feed_signature": 5})",
      R"({"feed_signature": {"trusted_keys": [null]}})",
      R"({"tile_source": null})",
      R"({"pin": [1, 2]})",
      R"({"pin": {"lockout_until_unix_s": 1.5}})",
      R"({"idle_timeout_s": 1e308})",
      R"({"start_view": {"zoom": "15"}})",
      R"({"home_venue_id": 12})",
      R"({"kiosk_mode": null})",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    std::vector<std::string> w;
    Settings s;
    CHECK_NOTHROW(s = settings_from_json(nlohmann::json::parse(text), w));
    CHECK(w.size() == 1);
  }
}

TEST_CASE("an oversized settings file is treated as corrupt and moved aside") {
  TempDir dir("settings-huge");
  const fs::path file = dir.path() / "kiosk.json";
  write_file(file, "{\"home_venue_id\": \"" + std::string(1100 * 1024, 'x') + "\"}");
  LoadResult r = load_settings(file);
  CHECK(r.ui_warning.has_value());
  CHECK(r.broken_copy.has_value());
  CHECK(has_warning(r.warnings, "expected at most 1 MiB"));
}

// [SECTION] hostile configs (issue: no input can crash or lock out a kiosk) ------------------------

TEST_CASE("a number outside the double range makes the config corrupt: defaults, banner, moved aside") {
  TempDir dir("settings-1e999");
  const fs::path file = dir.path() / "kiosk.json";
  write_file(file, R"({"version":1,"idle_timeout_s":1e999})");
  LoadResult r = load_settings(file);
  CHECK(r.settings == Settings{});
  REQUIRE(r.ui_warning.has_value());
  REQUIRE(r.broken_copy.has_value());
  CHECK(r.broken_copy->filename().string().starts_with("kiosk.json.broken-"));
  CHECK_FALSE(fs::exists(file));
  CHECK(has_warning(r.warnings, "number out of range: 1e999"));
  // deep nesting too
  write_file(file, "{\"feed_urls\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
  LoadResult deep = load_settings(file);
  CHECK(deep.settings == Settings{});
  CHECK(has_warning(deep.warnings, "nesting deeper than 64 levels"));
}

TEST_CASE("saving never follows a planted symlink: neither at the old temp name nor at the file itself") {
  TempDir dir("settings-symlink");
  const fs::path file = dir.path() / "kiosk.json";
  const fs::path victim = dir.path() / "victim.txt";
  write_file(victim, "precious");
  // The temp name the old code used, and a few guesses.
  fs::create_symlink(victim, fs::path(file.string() + ".tmp-" + std::to_string(::getpid())));
  fs::create_symlink(victim, fs::path(file.string() + ".tmp-XXXXXX"));
  Settings s;
  s.language = "tr";
  REQUIRE(save_settings(s, file));
  CHECK(read_file(victim) == "precious");
  CHECK(fs::is_regular_file(fs::symlink_status(file)));
  CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(load_settings(file).settings.language == "tr");
  // kiosk.json itself replaced by a symlink: the save replaces the link, the target stays untouched.
  fs::remove(file);
  fs::create_symlink(victim, file);
  REQUIRE(save_settings(s, file));
  CHECK(read_file(victim) == "precious");
  CHECK(fs::is_regular_file(fs::symlink_status(file)));
  // no temp files left behind
  int temps = 0;
  for (auto& e : fs::directory_iterator(dir.path()))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++temps;
  CHECK(temps == 2);  // only the two planted links
}

TEST_CASE("a malformed PIN hash and a lockout for ever are rejected with a banner") {
  TempDir dir("settings-lockout");
  const fs::path file = dir.path() / "kiosk.json";
  write_file(file, R"({"version":1,"pin":{"hash":"$argon2id$v=19$garbage","lockout_until_unix_s":9223372036854775807}})");
  LoadResult r = load_settings(file);
  CHECK(r.settings.pin_hash.empty());  // default PIN applies (and the host screen says so)
  CHECK(r.settings.pin_lock.lockout_until_unix_s <= std::int64_t(std::time(nullptr)) + 15 * 60 + 1);
  CHECK(r.settings.pin_lock.lockout_until_unix_s >= std::int64_t(std::time(nullptr)));
  CHECK(has_warning(r.warnings, "pin.hash"));
  CHECK(has_warning(r.warnings, "pin.lockout_until_unix_s"));
  REQUIRE(r.ui_warning.has_value());
  CHECK(r.ui_warning->find("PIN") != std::string::npos);
  CHECK(fs::exists(file));  // a field problem does not move the file aside
  CHECK(is_valid_pin_hash(hash_pin("1234").value()));
  CHECK_FALSE(is_valid_pin_hash("$argon2id$v=19$garbage"));
  CHECK_FALSE(is_valid_pin_hash(""));
}

TEST_CASE("speech settings round-trip and out-of-range values are clamped with a warning") {
  Settings s;
  CHECK(s.speech_enabled);
  CHECK(s.speech_volume == 80);
  s.speech_enabled = false;
  s.speech_volume = 35;
  std::vector<std::string> w;
  const Settings back = settings_from_json(settings_to_json(s), w);
  CHECK(w.empty());
  CHECK_FALSE(back.speech_enabled);
  CHECK(back.speech_volume == 35);

  const Settings bad = settings_from_json(nlohmann::json::parse(R"({"speech_enabled":"yes","speech_volume":250})"), w);
  CHECK(bad.speech_enabled);  // default kept
  CHECK(bad.speech_volume == 100);
  CHECK(has_warning(w, "field 'speech_enabled' has \"yes\", expected true or false; keeping true"));
  CHECK(has_warning(w, "field 'speech_volume' has 250, expected an integer in 0..100; using 100"));
}
