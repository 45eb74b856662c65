// settings.cpp — kiosk.json: field-by-field validation, corrupt-file fallback, atomic save.
//
// [SECTION] tile presets
// [SECTION] JSON -> Settings (validation, one warning per rejected field)
// [SECTION] Settings -> JSON
// [SECTION] load (corrupt file moved aside) and atomic save
// [SECTION] paths
#include "kiosk/host/settings.hpp"

#include "data/atomic_file.hpp"
#include "data/json_document.hpp"

#include "kiosk/host/i18n.hpp"
#include "kiosk/host/pin.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bk::kiosk::host {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
constexpr std::uintmax_t max_file_bytes = 1u << 20;
constexpr std::size_t max_feeds = 32;
constexpr std::size_t max_keys = 16;
constexpr std::size_t max_url_chars = 2048;
constexpr std::size_t max_id_chars = 128;
} // namespace

// [SECTION] tile presets ---------------------------------------------------------------------------

std::string_view to_string(TilePreset p) {
  switch (p) {
  case TilePreset::offline: return "offline";
  case TilePreset::pdok_standaard: return "pdok-standaard";
  case TilePreset::pdok_grijs: return "pdok-grijs";
  case TilePreset::pdok_pastel: return "pdok-pastel";
  case TilePreset::osm: return "osm";
  case TilePreset::custom: return "custom";
  }
  return "offline";
}

std::optional<TilePreset> tile_preset_from_string(std::string_view s) {
  for (auto p : {TilePreset::offline, TilePreset::pdok_standaard, TilePreset::pdok_grijs,
                 TilePreset::pdok_pastel, TilePreset::osm, TilePreset::custom})
    if (to_string(p) == s) return p;
  return std::nullopt;
}

// PDOK REST template from /work/shared/TILES.md (EPSG:3857 matrix set = OSM z/x/y).
std::string_view preset_url_template(TilePreset p) {
  switch (p) {
  case TilePreset::pdok_standaard:
    return "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";
  case TilePreset::pdok_grijs:
    return "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png";
  case TilePreset::pdok_pastel:
    return "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/pastel/EPSG:3857/{z}/{x}/{y}.png";
  case TilePreset::osm: return "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  case TilePreset::offline:
  case TilePreset::custom: return "";
  }
  return "";
}

std::string_view preset_attribution(TilePreset p) {
  switch (p) {
  case TilePreset::pdok_standaard:
  case TilePreset::pdok_grijs:
  case TilePreset::pdok_pastel: return "Kaartgegevens © Kadaster";
  case TilePreset::osm:
  case TilePreset::offline: return "© OpenStreetMap-bijdragers";  // offline pack is rendered from OSM data
  case TilePreset::custom: return "";
  }
  return "";
}

// [SECTION] JSON -> Settings -----------------------------------------------------------------------

namespace {

std::string short_dump(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 80) s = s.substr(0, 77) + "...";
  return s;
}

struct Reader {
  std::vector<std::string>& warnings;

  void warn(std::string_view field, const json& v, std::string_view expected, std::string_view action) {
    warnings.push_back("settings: field '" + std::string(field) + "' has " + short_dump(v) +
                       ", expected " + std::string(expected) + "; " + std::string(action));
  }

  // Each getter leaves `out` unchanged when the field is absent or invalid.
  void boolean(const json& o, const char* key, std::string_view field, bool& out) {
    auto it = o.find(key);
    if (it == o.end()) return;
    if (it->is_boolean()) out = it->get<bool>();
    else warn(field, *it, "true or false", "keeping " + std::string(out ? "true" : "false"));
  }

  void integer(const json& o, const char* key, std::string_view field, int& out, int lo, int hi) {
    auto it = o.find(key);
    if (it == o.end()) return;
    if (!it->is_number()) {
      warn(field, *it, "a number", "keeping " + std::to_string(out));
      return;
    }
    const double d = it->get<double>();
    if (!std::isfinite(d)) {
      warn(field, *it, "a finite number", "keeping " + std::to_string(out));
      return;
    }
    const double c = std::clamp(std::round(d), double(lo), double(hi));
    if (c != d) warn(field, *it, "an integer in " + std::to_string(lo) + ".." + std::to_string(hi),
                     "using " + std::to_string(int(c)));
    out = int(c);
  }

  void number(const json& o, const char* key, std::string_view field, double& out, double lo, double hi,
              bool clamp) {
    auto it = o.find(key);
    if (it == o.end()) return;
    if (!it->is_number() || !std::isfinite(it->get<double>())) {
      warn(field, *it, "a finite number", "keeping default");
      return;
    }
    const double d = it->get<double>();
    if (d >= lo && d <= hi) { out = d; return; }
    std::ostringstream range;
    range << "a number in " << lo << ".." << hi;
    if (clamp) {
      out = std::clamp(d, lo, hi);
      std::ostringstream u; u << "using " << out;
      warn(field, *it, range.str(), u.str());
    } else {
      warn(field, *it, range.str(), "keeping default");
    }
  }

  bool string(const json& o, const char* key, std::string_view field, std::string& out, std::size_t max_len) {
    auto it = o.find(key);
    if (it == o.end()) return false;
    if (!it->is_string()) { warn(field, *it, "a string", "keeping default"); return false; }
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > max_len) { warn(field, *it, "at most " + std::to_string(max_len) + " bytes", "keeping default"); return false; }
    out = s;
    return true;
  }

  const json* object(const json& o, const char* key, std::string_view field) {
    auto it = o.find(key);
    if (it == o.end()) return nullptr;
    if (!it->is_object()) { warn(field, *it, "an object", "keeping defaults"); return nullptr; }
    return &*it;
  }
};

bool is_http_url(std::string_view s) {
  if (s.size() > max_url_chars) return false;
  if (!(s.starts_with("http://") || s.starts_with("https://"))) return false;
  for (unsigned char c : s)
    if (c <= 0x20 || c == 0x7f) return false;
  return s.size() > std::string_view("https://").size();
}

std::optional<LocalTimeOfDay> parse_hhmm(std::string_view s) {
  // "HH:MM", 00:00..23:59
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return LocalTimeOfDay{h, m};
}

std::string format_hhmm(LocalTimeOfDay t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
  return buf;
}

bool is_ed25519_key_b64(const std::string& b64) {
  unsigned char bin[64];
  std::size_t len = 0;
  if (sodium_base642bin(bin, sizeof bin, b64.data(), b64.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  return len == 32;
}

void read_night(Reader& r, const json& o, NightHoursSettings& n) {
  r.boolean(o, "enabled", "night_hours.enabled", n.enabled);
  for (auto [key, field, dst] : {std::tuple{"start", "night_hours.start", &n.start},
                                 std::tuple{"end", "night_hours.end", &n.end}}) {
    std::string s;
    if (!r.string(o, key, field, s, 16)) continue;
    if (auto t = parse_hhmm(s)) *dst = *t;
    else r.warn(field, o.at(key), "a time \"HH:MM\" (00:00..23:59)", "keeping " + format_hhmm(*dst));
  }
  std::string mode;
  if (r.string(o, "mode", "night_hours.mode", mode, 16)) {
    if (mode == "dim") n.mode = NightMode::dim;
    else if (mode == "blank") n.mode = NightMode::blank;
    else r.warn("night_hours.mode", o.at("mode"), "\"dim\" or \"blank\"", "keeping default");
  }
  double level = n.dim_level;
  r.number(o, "dim_level", "night_hours.dim_level", level, 0.05, 1.0, true);
  n.dim_level = float(level);
}

void read_feeds(Reader& r, const json& j, Settings& s) {
  auto it = j.find("feed_urls");
  if (it == j.end()) return;
  if (!it->is_array()) { r.warn("feed_urls", *it, "an array of http(s) URLs", "keeping default"); return; }
  s.feed_urls.clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    const std::string field = "feed_urls[" + std::to_string(i) + "]";
    if (s.feed_urls.size() >= max_feeds) { r.warn(field, v, "at most 32 feeds", "dropped"); continue; }
    if (!v.is_string() || !is_http_url(v.get_ref<const std::string&>())) {
      r.warn(field, v, "an http:// or https:// URL without spaces", "dropped");
      continue;
    }
    s.feed_urls.push_back(v.get<std::string>());
  }
}

void read_signature(Reader& r, const json& o, Settings& s) {
  r.boolean(o, "require_signature", "feed_signature.require_signature", s.require_signature);
  auto it = o.find("trusted_keys");
  if (it == o.end()) return;
  if (!it->is_array()) { r.warn("feed_signature.trusted_keys", *it, "an array", "keeping default"); return; }
  s.trusted_keys.clear();
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    const std::string field = "feed_signature.trusted_keys[" + std::to_string(i) + "]";
    if (s.trusted_keys.size() >= max_keys) { r.warn(field, v, "at most 16 keys", "dropped"); continue; }
    const bool ok = v.is_object() && v.contains("key_id") && v["key_id"].is_string() &&
                    !v["key_id"].get_ref<const std::string&>().empty() &&
                    v["key_id"].get_ref<const std::string&>().size() <= max_id_chars &&
                    v.contains("public_key") && v["public_key"].is_string() &&
                    is_ed25519_key_b64(v["public_key"].get<std::string>());
    if (!ok) {
      r.warn(field, v, "{\"key_id\": non-empty string, \"public_key\": base64 of 32 bytes (ed25519)}", "dropped");
      continue;
    }
    s.trusted_keys.push_back({v["key_id"].get<std::string>(), v["public_key"].get<std::string>()});
  }
}

void read_tiles(Reader& r, const json& o, TileSourceSetting& t) {
  std::string preset;
  TileSourceSetting out = t;
  if (r.string(o, "preset", "tile_source.preset", preset, 32)) {
    if (auto p = tile_preset_from_string(preset)) out.preset = *p;
    else r.warn("tile_source.preset", o.at("preset"),
                "one of offline, pdok-standaard, pdok-grijs, pdok-pastel, osm, custom", "keeping default");
  }
  r.string(o, "url_template", "tile_source.url_template", out.url_template, max_url_chars);
  r.string(o, "attribution", "tile_source.attribution", out.attribution, 256);
  if (out.preset == TilePreset::custom) {
    const auto& u = out.url_template;
    const bool ok = is_http_url(u) && u.find("{z}") != std::string::npos &&
                    u.find("{x}") != std::string::npos && u.find("{y}") != std::string::npos;
    if (!ok) {
      r.warn("tile_source.url_template", json(u), "an http(s) URL containing {z}, {x} and {y}",
             "using the offline map");
      out.preset = TilePreset::offline;
    }
  }
  t = out;
}

} // namespace

Settings settings_from_json(const json& j, std::vector<std::string>& warnings) {
  Settings s;
  Reader r{warnings};
  if (!j.is_object()) {
    r.warn("(top level)", j, "a JSON object", "using defaults");
    return s;
  }
  std::string id;
  if (r.string(j, "kiosk_id", "kiosk_id", id, 64)) {
    // It goes into the User-Agent header: letters, digits, '.', '_', '-' only.
    const bool ok = std::all_of(id.begin(), id.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
    if (ok) s.kiosk_id = id;
    else r.warn("kiosk_id", j.at("kiosk_id"), "letters, digits, '.', '_' or '-'", "keeping \"" + s.kiosk_id + "\"");
  }
  std::string venue;
  if (r.string(j, "home_venue_id", "home_venue_id", venue, max_id_chars)) s.home_venue_id = venue;
  if (const json* v = r.object(j, "start_view", "start_view")) {
    r.number(*v, "lon_deg", "start_view.lon_deg", s.start_view.lon_deg, -180, 180, false);
    r.number(*v, "lat_deg", "start_view.lat_deg", s.start_view.lat_deg, -85.05, 85.05, false);
    r.number(*v, "zoom", "start_view.zoom", s.start_view.zoom, 10, 19, true);
  }
  std::string lang;
  if (r.string(j, "language", "language", lang, 8)) {
    if (language_from_code(lang)) s.language = lang;
    else r.warn("language", j.at("language"), "one of nl, en, tr, pl, pt, ar", "keeping nl");
  }
  r.boolean(j, "large_text", "large_text", s.large_text);
  r.boolean(j, "high_contrast", "high_contrast", s.high_contrast);
  r.integer(j, "idle_timeout_s", "idle_timeout_s", s.idle_timeout_s, 15, 3600);
  r.boolean(j, "attract_mode", "attract_mode", s.attract_mode);
  r.integer(j, "attract_delay_s", "attract_delay_s", s.attract_delay_s, 0, 3600);
  r.integer(j, "attract_cycle_s", "attract_cycle_s", s.attract_cycle_s, 3, 120);
  if (const json* n = r.object(j, "night_hours", "night_hours")) read_night(r, *n, s.night);
  r.boolean(j, "speech_enabled", "speech_enabled", s.speech_enabled);
  r.integer(j, "speech_volume", "speech_volume", s.speech_volume, 0, 100);
  read_feeds(r, j, s);
  if (const json* f = r.object(j, "feed_signature", "feed_signature")) read_signature(r, *f, s);
  if (const json* t = r.object(j, "tile_source", "tile_source")) read_tiles(r, *t, s.tile_source);
  std::string tmpl;
  if (r.string(j, "take_along_url_template", "take_along_url_template", tmpl, max_url_chars)) {
    if (tmpl.empty() || is_http_url(tmpl)) s.take_along_url_template = tmpl;
    else r.warn("take_along_url_template", j.at("take_along_url_template"), "empty or an http(s) URL",
                "keeping empty (plain-text QR codes)");
  }
  r.boolean(j, "kiosk_mode", "kiosk_mode", s.kiosk_mode);
  if (const json* p = r.object(j, "pin", "pin")) {
    std::string hash;
    if (r.string(*p, "hash", "pin.hash", hash, crypto_pwhash_STRBYTES)) {
      if (hash.empty() || is_valid_pin_hash(hash)) s.pin_hash = hash;
      else r.warn("pin.hash", p->at("hash"), "a valid Argon2 hash string from crypto_pwhash_str",
                  "using the default PIN until a host sets a new one");
    }
    r.integer(*p, "failed_attempts", "pin.failed_attempts", s.pin_lock.failed_attempts, 0, 1000);
    auto it = p->find("lockout_until_unix_s");
    if (it != p->end()) {
      // A lockout never lasts longer than PinGuard::max_lockout from now (a planted INT64_MAX would
      // lock the hosts out for ever).
      const std::int64_t latest = std::int64_t(std::time(nullptr)) + PinGuard::max_lockout.count();
      if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
        r.warn("pin.lockout_until_unix_s", *it, "a non-negative integer (unix seconds)", "keeping 0");
      else if (it->get<std::int64_t>() > latest) {
        s.pin_lock.lockout_until_unix_s = latest;
        r.warn("pin.lockout_until_unix_s", *it, "at most 15 minutes from now", "capped at 15 minutes from now");
      } else
        s.pin_lock.lockout_until_unix_s = it->get<std::int64_t>();
    }
  }
  return s;
}

// [SECTION] Settings -> JSON -----------------------------------------------------------------------

json settings_to_json(const Settings& s) {
  json keys = json::array();
  for (const auto& k : s.trusted_keys) keys.push_back({{"key_id", k.key_id}, {"public_key", k.public_key_b64}});
  return json{
      {"version", settings_version},
      {"kiosk_id", s.kiosk_id},
      {"home_venue_id", s.home_venue_id},
      {"start_view", {{"lon_deg", s.start_view.lon_deg}, {"lat_deg", s.start_view.lat_deg}, {"zoom", s.start_view.zoom}}},
      {"language", s.language},
      {"large_text", s.large_text},
      {"high_contrast", s.high_contrast},
      {"idle_timeout_s", s.idle_timeout_s},
      {"attract_mode", s.attract_mode},
      {"attract_delay_s", s.attract_delay_s},
      {"attract_cycle_s", s.attract_cycle_s},
      {"night_hours", {{"enabled", s.night.enabled},
                       {"start", format_hhmm(s.night.start)},
                       {"end", format_hhmm(s.night.end)},
                       {"mode", s.night.mode == NightMode::blank ? "blank" : "dim"},
                       {"dim_level", s.night.dim_level}}},
      {"speech_enabled", s.speech_enabled},
      {"speech_volume", s.speech_volume},
      {"feed_urls", s.feed_urls},
      {"feed_signature", {{"require_signature", s.require_signature}, {"trusted_keys", keys}}},
      {"tile_source", {{"preset", std::string(to_string(s.tile_source.preset))},
                       {"url_template", s.tile_source.url_template},
                       {"attribution", s.tile_source.attribution}}},
      {"take_along_url_template", s.take_along_url_template},
      {"kiosk_mode", s.kiosk_mode},
      {"pin", {{"hash", s.pin_hash},
               {"failed_attempts", s.pin_lock.failed_attempts},
               {"lockout_until_unix_s", s.pin_lock.lockout_until_unix_s}}},
  };
}

// [SECTION] load and atomic save -------------------------------------------------------------------

namespace {

fs::path broken_name(const fs::path& path) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  fs::path p = path;
  p += std::string(".broken-") + stamp;
  std::error_code ec;
  for (int i = 2; fs::exists(p, ec) && i < 100; ++i) {  // two failures within one second
    p = path;
    p += std::string(".broken-") + stamp + "-" + std::to_string(i);
  }
  return p;
}

LoadResult corrupt(const fs::path& path, std::string reason) {
  LoadResult r;
  const fs::path aside = broken_name(path);
  std::error_code ec;
  fs::rename(path, aside, ec);
  if (ec) {
    r.warnings.push_back("settings: " + path.string() + ": " + reason + "; could not move it aside to " +
                         aside.string() + ": " + ec.message());
    r.ui_warning = "Configuration file " + path.string() + " is damaged (" + reason +
                   "). Default settings are in use; the file was left in place.";
  } else {
    r.broken_copy = aside;
    r.warnings.push_back("settings: " + path.string() + ": " + reason + "; moved to " + aside.string());
    r.ui_warning = "Configuration file was damaged (" + reason + "). Default settings are in use; the old file was kept as " +
                   aside.string() + ".";
  }
  return r;
}

} // namespace

LoadResult load_settings(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    LoadResult r;
    r.fresh = true;
    return r;
  }
  const auto size = fs::file_size(path, ec);
  if (ec) {
    LoadResult r;
    r.warnings.push_back("settings: " + path.string() + ": cannot stat: " + ec.message());
    r.ui_warning = "Configuration file " + path.string() + " cannot be read (" + ec.message() + "). Default settings are in use.";
    return r;
  }
  if (size > max_file_bytes)
    return corrupt(path, std::to_string(size) + " bytes, expected at most 1 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult r;
    r.warnings.push_back("settings: " + path.string() + ": cannot open: " + std::strerror(errno));
    r.ui_warning = "Configuration file " + path.string() + " cannot be read. Default settings are in use.";
    return r;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = bk::data::parse_json_document(text);
  if (!parsed)
    return corrupt(path, "not valid JSON at line " + std::to_string(parsed.error().line) + ", column " +
                             std::to_string(parsed.error().column) + ": " + parsed.error().message);
  const json j = std::move(*parsed);
  if (!j.is_object()) return corrupt(path, "top level is " + std::string(j.type_name()) + ", expected an object");
  LoadResult r;
  r.settings = settings_from_json(j, r.warnings);
  for (auto& w : r.warnings) w.insert(std::string("settings: ").size(), path.string() + ": ");
  // A rejected field is logged; one about the PIN also goes on screen (hosts must know why 1234 works
  // again or why the pad is locked).
  for (const auto& w : r.warnings)
    if (w.find("'pin.") != std::string::npos) {
      r.ui_warning = "PIN settings in " + path.string() + " were invalid and were reset: " + w.substr(w.find("'pin."));
      break;
    }
  return r;
}

std::expected<void, Error> save_settings(const Settings& s, const fs::path& path) {
  const std::string text = settings_to_json(s).dump(2) + "\n";
  std::error_code ec;
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  if (ec) return std::unexpected(Error{ErrorKind::io, "settings: cannot create directory " + dir.string() + ": " + ec.message()});

  // Exclusive temp file, mode 0600 (the file holds the PIN hash), fsync, rename, fsync dir.
  if (auto r = bk::data::write_file_atomically(path.string(), text, {.mode = 0600}); !r)
    return std::unexpected(Error{ErrorKind::io, "settings: " + r.error().message});
  return {};
}

// [SECTION] paths ----------------------------------------------------------------------------------

fs::path default_settings_path() {
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x == '/') return fs::path(x) / "buurtkaart" / "kiosk.json";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "buurtkaart" / "kiosk.json";
  return fs::path("buurtkaart-kiosk.json");
}

fs::path settings_path_from_args(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i] ? argv[i] : "";
    if (a == "--config" && i + 1 < argc && argv[i + 1]) return fs::path(argv[i + 1]);
    if (a.starts_with("--config=") && a.size() > 9) return fs::path(std::string(a.substr(9)));
  }
  return default_settings_path();
}

} // namespace bk::kiosk::host
