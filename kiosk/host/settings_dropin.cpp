// settings_dropin.cpp — /etc/buurtkaart/kiosk.d/*.json: read, validate (with settings_from_json),
// merge under/over kiosk.json, strip again before saving; settings file version; the kiosk id.
//
// [SECTION] reading drop-in files
// [SECTION] merge and strip
// [SECTION] load/save wrappers (version, migration)
// [SECTION] kiosk id
#include "kiosk/host/settings_dropin.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include <unistd.h>

namespace bk::kiosk::host {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
constexpr std::size_t max_dropin_files = 64;
constexpr std::uintmax_t max_dropin_bytes = 64u << 10;
constexpr std::size_t max_keys = 16;  // as settings.cpp
} // namespace

// [SECTION] reading drop-in files ------------------------------------------------------------------

namespace {

std::optional<json> read_json_file(const fs::path& p, std::uintmax_t max_bytes, std::string& why) {
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) { why = "cannot stat: " + ec.message(); return std::nullopt; }
  if (size > max_bytes) { why = std::to_string(size) + " bytes, expected at most " + std::to_string(max_bytes); return std::nullopt; }
  std::ifstream in(p, std::ios::binary);
  if (!in) { why = "cannot open"; return std::nullopt; }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) { why = "not valid JSON"; return std::nullopt; }
  return j;
}

// Parse one field through the kiosk.json rules. Returns the parsed settings and whether it was clean.
Settings parse_one(const json& fragment, const fs::path& file, std::vector<std::string>& warnings, bool& clean) {
  std::vector<std::string> w;
  Settings s = settings_from_json(fragment, w);
  clean = w.empty();
  for (auto& line : w) {
    line.insert(std::string("settings: ").size(), "drop-in " + file.string() + ": ");
    warnings.push_back(std::move(line));
  }
  return s;
}

void read_one(const fs::path& file, const json& j, SettingsDropin& d) {
  if (!j.is_object()) {
    d.warnings.push_back("settings: drop-in " + file.string() + ": top level is " + j.type_name() +
                         ", expected an object; file ignored");
    return;
  }
  bool clean = true;
  for (const auto& [key, value] : j.items()) {
    if (key == "version" || key == "comment") continue;
    if (key == "kiosk_id") {
      Settings s = parse_one(json{{key, value}}, file, d.warnings, clean);
      if (clean) d.kiosk_id = s.kiosk_id;
    } else if (key == "home_venue_id") {
      Settings s = parse_one(json{{key, value}}, file, d.warnings, clean);
      if (clean) d.home_venue_id = s.home_venue_id;
    } else if (key == "take_along_url_template") {
      Settings s = parse_one(json{{key, value}}, file, d.warnings, clean);
      if (clean) d.take_along_url_template = s.take_along_url_template;
    } else if (key == "feed_urls") {
      Settings s = parse_one(json{{key, value}}, file, d.warnings, clean);
      if (clean || !s.feed_urls.empty()) d.feed_urls = s.feed_urls;  // valid entries survive
    } else if (key == "feed_signature" && value.is_object()) {
      for (const auto& [sub, v] : value.items()) {
        if (sub == "require_signature") {
          Settings s = parse_one(json{{key, {{sub, v}}}}, file, d.warnings, clean);
          if (clean) d.require_signature = s.require_signature;
        } else if (sub == "trusted_keys") {
          Settings s = parse_one(json{{key, {{sub, v}}}}, file, d.warnings, clean);
          if (clean || !s.trusted_keys.empty()) d.trusted_keys = s.trusted_keys;
        } else {
          d.warnings.push_back("settings: drop-in " + file.string() + ": field 'feed_signature." + sub +
                               "' is unknown; ignored");
        }
      }
    } else if (key == "feed_signature") {
      d.warnings.push_back("settings: drop-in " + file.string() +
                           ": field 'feed_signature' is not an object; ignored");
    } else {
      d.warnings.push_back("settings: drop-in " + file.string() + ": field '" + key +
                           "' cannot be set from a drop-in (only kiosk_id, feed_urls, feed_signature, "
                           "home_venue_id, take_along_url_template); ignored");
    }
  }
}

} // namespace

SettingsDropin load_settings_dropins(const fs::path& dir) {
  SettingsDropin d;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return d;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (name.starts_with(".") || p.extension() != ".json") continue;  // editor/dpkg leftovers
    std::error_code fe;
    if (!it->is_regular_file(fe)) continue;
    files.push_back(p);
  }
  if (ec) d.warnings.push_back("settings: drop-in directory " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.size() > max_dropin_files) {
    d.warnings.push_back("settings: drop-in directory " + dir.string() + ": " + std::to_string(files.size()) +
                         " files, only the first " + std::to_string(max_dropin_files) + " are read");
    files.resize(max_dropin_files);
  }
  for (const auto& f : files) {
    std::string why;
    auto j = read_json_file(f, max_dropin_bytes, why);
    if (!j) {
      d.warnings.push_back("settings: drop-in " + f.string() + ": " + why + "; file ignored");
      continue;
    }
    d.files.push_back(f);
    read_one(f, *j, d);
  }
  return d;
}

// [SECTION] merge and strip ------------------------------------------------------------------------

void apply_settings_dropins(Settings& s, const SettingsDropin& d) {
  // Coordinator fields: the drop-in wins.
  if (d.kiosk_id) s.kiosk_id = *d.kiosk_id;
  if (d.require_signature) s.require_signature = *d.require_signature;
  if (d.trusted_keys) {
    for (const auto& k : *d.trusted_keys) {
      auto same = std::find_if(s.trusted_keys.begin(), s.trusted_keys.end(),
                               [&](const TrustedKey& t) { return t.key_id == k.key_id; });
      if (same != s.trusted_keys.end()) *same = k;
      else if (s.trusted_keys.size() < max_keys) s.trusted_keys.push_back(k);
    }
  }
  // Host fields: the drop-in fills what the host left empty.
  if (d.feed_urls && s.feed_urls.empty()) s.feed_urls = *d.feed_urls;
  if (d.home_venue_id && s.home_venue_id.empty()) s.home_venue_id = *d.home_venue_id;
  if (d.take_along_url_template && s.take_along_url_template.empty())
    s.take_along_url_template = *d.take_along_url_template;
}

Settings without_dropin_values(Settings s, const SettingsDropin& d) {
  const Settings defaults;
  if (d.kiosk_id && s.kiosk_id == *d.kiosk_id) s.kiosk_id = defaults.kiosk_id;
  if (d.require_signature && s.require_signature == *d.require_signature)
    s.require_signature = defaults.require_signature;
  if (d.trusted_keys) {
    std::erase_if(s.trusted_keys, [&](const TrustedKey& k) {
      return std::find(d.trusted_keys->begin(), d.trusted_keys->end(), k) != d.trusted_keys->end();
    });
  }
  if (d.feed_urls && s.feed_urls == *d.feed_urls) s.feed_urls.clear();
  if (d.home_venue_id && s.home_venue_id == *d.home_venue_id) s.home_venue_id.clear();
  if (d.take_along_url_template && s.take_along_url_template == *d.take_along_url_template)
    s.take_along_url_template.clear();
  return s;
}

// [SECTION] load/save wrappers (version, migration) -------------------------------------------------

LoadResult load_settings_with_dropins(const fs::path& path, const fs::path& dropin_dir) {
  LoadResult r = load_settings(path);
  // The version the file was written with (load_settings itself reads field by field).
  if (!r.fresh && !r.ui_warning) {
    std::string why;
    if (auto j = read_json_file(path, std::uintmax_t(1) << 20, why); j && j->is_object()) {
      int version = 1;  // files from before the "version" field had the shape of version 1
      if (auto it = j->find("version"); it != j->end() && it->is_number_integer()) version = it->get<int>();
      if (version > settings_version) {
        r.warnings.push_back("settings: " + path.string() + ": written by a newer kiosk (version " +
                             std::to_string(version) + ", this one knows " + std::to_string(settings_version) +
                             "); fields it added are ignored");
      } else if (version < settings_version) {
        // Migrate now, so an upgraded kiosk rewrites its file once, keeping settings and PIN.
        if (auto ok = save_settings(r.settings, path); ok) {
          r.warnings.push_back("settings: " + path.string() + ": migrated from version " + std::to_string(version) +
                               " to " + std::to_string(settings_version));
        } else {
          r.warnings.push_back(ok.error().message + " (migrating from version " + std::to_string(version) + ")");
        }
      }
    }
  }
  const SettingsDropin d = load_settings_dropins(dropin_dir);
  for (const auto& f : d.files) r.warnings.push_back("settings: drop-in " + f.string() + " applied");
  r.warnings.insert(r.warnings.end(), d.warnings.begin(), d.warnings.end());
  apply_settings_dropins(r.settings, d);
  return r;
}

std::expected<void, Error> save_settings_over_dropins(const Settings& s, const fs::path& path,
                                                      const fs::path& dropin_dir) {
  return save_settings(without_dropin_values(s, load_settings_dropins(dropin_dir)), path);
}

// [SECTION] kiosk id -------------------------------------------------------------------------------

std::string effective_kiosk_id(const Settings& s, const fs::path& machine_id_file) {
  if (!s.kiosk_id.empty()) return s.kiosk_id;
  std::ifstream in(machine_id_file);
  std::string line;
  if (in && std::getline(in, line) && line.size() >= 12 &&
      std::all_of(line.begin(), line.begin() + 12, [](unsigned char c) { return std::isxdigit(c); }))
    return line.substr(0, 12);
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) == 0 && host[0] != '\0') {
    std::string h(host);
    for (char& c : h)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
    return h.substr(0, 64);
  }
  return "unknown";
}

} // namespace bk::kiosk::host
