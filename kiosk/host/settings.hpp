// settings.hpp — the kiosk's persistent settings (kiosk.json) with safe load and atomic save.
//
// What: one plain struct `Settings` plus JSON load/save. Loading never fails: unknown fields are
// ignored; each invalid field keeps its default (or is clamped) and adds a warning; an unparseable
// file is moved aside as "<file>.broken-YYYYMMDD-HHMMSS", defaults are used and `LoadResult::ui_warning`
// carries a text the host screen should show. Saving uses the one atomic write (data/atomic_file.hpp: exclusive temp file, mode 0600, fsync, rename
// over the file, fsync of the directory), so a power cut leaves either the old or the new file.
//
// Minimal use (main thread, at start):
//     auto path = host::settings_path_from_args(argc, argv);   // --config FILE, else XDG default
//     host::LoadResult r = host::load_settings(path);
//     for (auto& w : r.warnings) log(w);  if (r.ui_warning) show_banner(*r.ui_warning);
//     ... host changes r.settings ...
//     if (auto ok = host::save_settings(r.settings, path); !ok) show(ok.error().message);
//
// Limits: file size capped at 1 MiB; at most 32 feed URLs and 16 trusted keys (extra ones dropped
// with a warning). A missing file is not an error (fresh kiosk: defaults, no warning, but
// `LoadResult::fresh` is true so the app can save the defaults and warn about the default PIN).
// Thread: functions are reentrant; do not save the same path from two threads at once.
#pragma once

#include "kiosk/host/error.hpp"
#include "kiosk/host/night_hours.hpp"

#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace bk::kiosk::host {

/// Map view at start and after an idle reset (WGS84).
struct StartView {
  double lon_deg = 4.4440;  ///< Delfshaven, Rotterdam
  double lat_deg = 51.9100;
  double zoom = 15.0;       ///< web-mercator zoom level, clamped to 10..19
  friend bool operator==(const StartView&, const StartView&) = default;
};

/// A public key the kiosk trusts for feed signatures (ed25519, 32 bytes, base64).
struct TrustedKey {
  std::string key_id;
  std::string public_key_b64;
  friend bool operator==(const TrustedKey&, const TrustedKey&) = default;
};

enum class TilePreset { offline, pdok_standaard, pdok_grijs, pdok_pastel, osm, custom };

/// JSON / UI name of a preset: "offline", "pdok-standaard", "pdok-grijs", "pdok-pastel", "osm", "custom".
std::string_view to_string(TilePreset p);
std::optional<TilePreset> tile_preset_from_string(std::string_view s);

/// Which basemap to draw. For presets the URL and attribution come from preset_url_template()/
/// preset_attribution(); for `custom` the fields below are used ({z}/{x}/{y} placeholders).
struct TileSourceSetting {
  TilePreset preset = TilePreset::offline;
  std::string url_template;  ///< only for custom; must start with http:// or https:// and contain {z},{x},{y}
  std::string attribution;   ///< only for custom
  friend bool operator==(const TileSourceSetting&, const TileSourceSetting&) = default;
};

/// Tile URL template of a preset ("" for offline and custom). PDOK BRT-Achtergrondkaart WMTS
/// (EPSG:3857 tile matrix) and the OpenStreetMap standard tile layer.
std::string_view preset_url_template(TilePreset p);
/// Attribution line a preset requires (PDOK: "Kaartgegevens © Kadaster", OSM: "© OpenStreetMap-bijdragers").
std::string_view preset_attribution(TilePreset p);

/// Persisted state of the PIN rate limiter (see pin.hpp, PinGuard::persisted()).
struct PinLockState {
  int failed_attempts = 0;            ///< wrong PINs since the last correct one
  std::int64_t lockout_until_unix_s = 0; ///< wall clock; 0 = not locked
  friend bool operator==(const PinLockState&, const PinLockState&) = default;
};

/// Version written into kiosk.json ("version"); older files load field by field (absent fields keep
/// their defaults) and are written at this version on the next save. 2 added kiosk_id.
inline constexpr int settings_version = 2;

struct Settings {
  std::string kiosk_id;               ///< fleet id sent in feed requests; "" = derived (settings_dropin.hpp)
  std::string home_venue_id;          ///< venue where the kiosk stands ("U bent hier"); "" = none
  StartView start_view;
  std::string language = "nl";        ///< default visitor language: nl, en, tr, pl, pt, ar
  bool large_text = false;
  bool high_contrast = false;
  int idle_timeout_s = 90;            ///< 15..3600: reset to start view after this much idle time
  bool attract_mode = true;
  int attract_delay_s = 30;           ///< 0..3600: after the reset, wait this long before attract mode
  int attract_cycle_s = 8;            ///< 3..120: seconds per highlighted item in attract mode
  NightHoursSettings night;
  bool speech_enabled = true;         ///< "lees voor" buttons; silent anyway during night hours (speech_queue.hpp)
  int speech_volume = 80;             ///< 0..100, read-aloud volume
  std::vector<std::string> feed_urls; ///< http(s) URLs of agenda feeds
  std::vector<TrustedKey> trusted_keys;
  bool require_signature = false;     ///< reject unsigned feeds
  TileSourceSetting tile_source;
  std::string take_along_url_template; ///< e.g. "https://wijkagenda.example.org/ics/venue/{venue_id}.ics" (publish layout); "" = plain text
  bool kiosk_mode = true;             ///< full screen, no quit; host gesture + PIN to leave
  std::string pin_hash;               ///< crypto_pwhash_str; "" = default PIN (see pin.hpp)
  PinLockState pin_lock;

  friend bool operator==(const Settings&, const Settings&) = default;
};

struct LoadResult {
  Settings settings;
  std::vector<std::string> warnings;      ///< one line per ignored/clamped field (for the log and host screen)
  /// Set when the file was corrupt or unreadable (English, for the log). For the host screen use
  /// i18n key "host.config_broken" with broken_copy->filename() as argument.
  std::optional<std::string> ui_warning;
  std::optional<std::filesystem::path> broken_copy; ///< where the corrupt file was moved
  bool fresh = false;                     ///< no file existed: defaults in use
};

/// Load `path`. Never throws; see header note for the fallback rules.
LoadResult load_settings(const std::filesystem::path& path);

/// Save atomically (temp file, fsync, rename, fsync dir). Creates the parent directory.
std::expected<void, Error> save_settings(const Settings& s, const std::filesystem::path& path);

/// Conversion used by load/save (exposed for tests and for a "show config" screen).
nlohmann::json settings_to_json(const Settings& s);
/// Field-by-field parse; every rejected or clamped value appends a warning naming field, value and rule.
Settings settings_from_json(const nlohmann::json& j, std::vector<std::string>& warnings);

/// $XDG_CONFIG_HOME/buurtkaart/kiosk.json, else $HOME/.config/buurtkaart/kiosk.json,
/// else ./buurtkaart-kiosk.json.
std::filesystem::path default_settings_path();

/// "--config FILE" or "--config=FILE" from argv, else default_settings_path().
std::filesystem::path settings_path_from_args(int argc, const char* const* argv);

} // namespace bk::kiosk::host
