// bench_kiosk_host.cpp — prints how long the host helpers take (no assertions).
// PIN hash/verify run on the main thread on a submit press; to_visual may run per frame for
// uncached labels; make_qr runs when a detail panel opens; settings load at start, save on "save".
#include "kiosk/host/bidi_text.hpp"
#include "kiosk/host/i18n.hpp"
#include "kiosk/host/pin.hpp"
#include "kiosk/host/qr_code.hpp"
#include "kiosk/host/settings.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace bk::kiosk::host;
using Clock = std::chrono::steady_clock;

template <class F> double time_us(int n, F&& f) {
  const auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) f(i);
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / n;
}

int main() {
  std::string hash;
  const double hash_us = time_us(3, [&](int) { hash = hash_pin("2580").value(); });
  const double verify_us = time_us(3, [&](int) { (void)verify_pin(hash, "2580"); });
  std::printf("pin: hash_pin %.1f ms, verify_pin %.1f ms (Argon2id interactive, 64 MiB)\n", hash_us / 1000,
              verify_us / 1000);

  I18n i18n;
  std::size_t chars = 0;
  const double all_ar_us = time_us(20, [&](int) {
    for (auto k : all_keys()) chars += to_visual(i18n.text(Language::ar, k)).size();
  });
  std::printf("bidi: to_visual of all %zu Arabic UI strings %.1f us (%.2f us per string)\n", all_keys().size(),
              all_ar_us, all_ar_us / double(all_keys().size()));
  const double latin_us = time_us(100000, [&](int) { chars += to_visual("Koffieochtend in de buurthuiskamer").size(); });
  std::printf("bidi: to_visual of a Latin label %.3f us (fast path)\n", latin_us);
  VisualTextCache cache;
  const double cached_us = time_us(100000, [&](int) { chars += cache.get(i18n.text(Language::ar, "attract.title")).size(); });
  std::printf("bidi: VisualTextCache hit %.3f us\n", cached_us);

  const std::string url = "https://buurtkaart.example.nl/ics/buurthuis-het-klooster.ics";
  int size = 0;
  const double qr_us = time_us(200, [&](int) { size = make_qr(url)->size; });
  std::printf("qr: make_qr of a %zu-byte URL %.1f us (%d x %d modules)\n", url.size(), qr_us, size, size);
  const double qr_big_us = time_us(20, [&](int) { size = make_qr(std::string(qr_max_bytes, 'x'))->size; });
  std::printf("qr: make_qr of %zu bytes %.1f us (%d x %d modules)\n", qr_max_bytes, qr_big_us, size, size);

  const auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "bench-tmp" / "kiosk_host";
  std::filesystem::create_directories(dir);
  Settings s;
  for (int i = 0; i < 20; ++i) s.feed_urls.push_back("https://feeds.example.nl/" + std::to_string(i) + ".json");
  const auto file = dir / "kiosk.json";
  const double save_us = time_us(20, [&](int) { (void)save_settings(s, file); });
  const double load_us = time_us(200, [&](int) { chars += load_settings(file).settings.feed_urls.size(); });
  std::printf("settings: save_settings (write+fsync+rename) %.1f us, load_settings %.1f us\n", save_us, load_us);
  std::filesystem::remove_all(dir);
  std::printf("(checksum %zu)\n", chars);
  return 0;
}
