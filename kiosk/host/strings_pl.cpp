// strings_pl.cpp — placeholder (filled in the next commit).
#include "kiosk/host/strings.hpp"

namespace bk::kiosk::host::detail {
std::span<const StringEntry> strings_pl() { return {}; }
} // namespace bk::kiosk::host::detail
