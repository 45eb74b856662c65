// map::Error — what can go wrong in map/ (kind + precise message naming the input).
// Results are std::expected<T, bk::map::Error>. Any thread.
#pragma once
#include <string>

namespace bk::map {

enum class ErrorKind { InvalidArgument, NotFound, Network, Http, Decode, Io, Projection };

struct Error {
    ErrorKind kind;
    std::string message;
};

const char* to_string(ErrorKind kind);

}  // namespace bk::map
