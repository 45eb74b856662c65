// settings_dropin.hpp — the coordinator's settings from outside: /etc/buurtkaart/kiosk.d/*.json.
//
// What: a coordinator prepares a USB stick or an image with one small JSON file per concern
// (e.g. 10-district.json with the feed URL and trusted keys, 50-kiosk.json with the kiosk id and home
// venue). Files are read in byte order of their names; a later file wins per field. Only these fields
// are taken (the rest is ignored with a warning), each validated exactly like kiosk.json:
//     kiosk_id, feed_urls, feed_signature.trusted_keys, feed_signature.require_signature,
//     home_venue_id, take_along_url_template
// Precedence over the host's kiosk.json:
//   - coordinator fields (kiosk_id, require_signature): the drop-in wins (the host screen cannot
//     change them); trusted keys: the union, a drop-in key replaces a file key with the same key_id.
//   - host fields (feed_urls, home_venue_id, take_along_url_template): the drop-in only fills a value
//     the host has left empty, so the host screen still overrides it.
// Saving strips values that equal the drop-in's, so kiosk.json keeps only what the host chose and a
// later drop-in change (new feed URL on the stick) still reaches kiosks whose host never touched it.
//
//     auto r = host::load_settings_with_dropins(path, "/etc/buurtkaart/kiosk.d");  // instead of load_settings
//     ... host edits r.settings ...
//     host::save_settings_over_dropins(r.settings, path, "/etc/buurtkaart/kiosk.d"); // instead of save_settings
//     std::string id = host::effective_kiosk_id(r.settings);   // for the feed's User-Agent
//
// Limits: at most 64 drop-in files, each at most 64 KiB; a broken file is skipped with a warning
// (never moved: /etc belongs to the coordinator). A missing or empty directory is not an error.
// Thread: reentrant; main thread in the app.
#pragma once

#include "kiosk/host/settings.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace bk::kiosk::host {

struct SettingsDropin {
  std::vector<std::filesystem::path> files;  ///< the files that were read, in order
  std::vector<std::string> warnings;          ///< one line per skipped file or rejected field
  std::optional<std::string> kiosk_id;
  std::optional<std::vector<std::string>> feed_urls;
  std::optional<std::vector<TrustedKey>> trusted_keys;
  std::optional<bool> require_signature;
  std::optional<std::string> home_venue_id;
  std::optional<std::string> take_along_url_template;
};

/// Read `dir`/*.json (sorted by name). "" or a missing directory: empty result, no warning.
SettingsDropin load_settings_dropins(const std::filesystem::path& dir);

/// Merge drop-in values into settings loaded from kiosk.json (rules in the header note).
void apply_settings_dropins(Settings& s, const SettingsDropin& d);

/// The inverse for saving: values that equal the drop-in's are reset to what kiosk.json would hold
/// without the drop-in (empty / default), so the file records only the host's own choices.
Settings without_dropin_values(Settings s, const SettingsDropin& d);

/// load_settings(path) + the drop-ins of `dropin_dir`; drop-in files and warnings are appended to
/// the result's warnings ("settings: drop-in ..."). Also reports the file's version: a file written by
/// an older kiosk loads field by field and is migrated (rewritten at settings_version) on the next
/// save; a newer one keeps the fields this version knows.
LoadResult load_settings_with_dropins(const std::filesystem::path& path, const std::filesystem::path& dropin_dir);

/// save_settings(without_dropin_values(s, drop-ins of `dropin_dir`), path).
std::expected<void, Error> save_settings_over_dropins(const Settings& s, const std::filesystem::path& path,
                                                      const std::filesystem::path& dropin_dir);

/// The id the kiosk reports: s.kiosk_id, else the first 12 hex digits of `machine_id_file`
/// (systemd's /etc/machine-id, unique per installed image after first boot), else the host name,
/// else "unknown".
std::string effective_kiosk_id(const Settings& s, const std::filesystem::path& machine_id_file = "/etc/machine-id");

} // namespace bk::kiosk::host
