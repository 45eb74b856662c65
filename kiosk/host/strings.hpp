// strings.hpp — internal: the built-in string tables (one strings_<code>.cpp per language).
// Not part of the public API; use i18n.hpp.
#pragma once

#include <span>
#include <string_view>

namespace bk::kiosk::host::detail {

struct StringEntry {
  std::string_view key;
  std::string_view text;
};

// The Dutch table defines the key set (all_keys()); the others must define the same keys.
std::span<const StringEntry> strings_nl();
std::span<const StringEntry> strings_en();
std::span<const StringEntry> strings_tr();
std::span<const StringEntry> strings_pl();
std::span<const StringEntry> strings_pt();
std::span<const StringEntry> strings_ar();

} // namespace bk::kiosk::host::detail
