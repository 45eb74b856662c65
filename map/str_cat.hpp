// str_cat — builds error messages from mixed values (g++ 12's libstdc++ has no std::format).
// Usage: str_cat("tile ", to_string(id), ": status ", 404). Doubles print with 10 significant digits.
// Any thread.
#pragma once

#include <sstream>
#include <string>

namespace bk::map {

template <class... Args>
std::string str_cat(const Args&... args) {
    std::ostringstream out;
    out.precision(10);
    (out << ... << args);
    return out.str();
}

}  // namespace bk::map
