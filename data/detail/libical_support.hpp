// Internal: shared access to libical's timezone machinery (not part of the public API).
// libical's built-in zones load and grow lazily; every call that touches a zone holds
// libical_mutex(). Recurrence iteration itself uses floating times and needs no lock.
#pragma once
#include <mutex>

#include <libical/ical.h>

namespace bk::data::detail {

std::mutex& libical_mutex();
// Europe/Amsterdam (call with libical_mutex() held).
icaltimezone* amsterdam_zone_locked();

}  // namespace bk::data::detail
