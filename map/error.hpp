// map::Error — what can go wrong in map/ (kind + precise message naming the input).
// Results are std::expected<T, bk::map::Error>. Any thread.
//
// Kinds: NotFound (missing file, HTTP 404/410), Http (other 4xx / unexpected status),
// Server (HTTP 5xx), Network (connect, DNS, truncated body), Timeout, TooLarge (body over the
// limit), Decode (image bytes), Io (disk), Projection (PROJ), InvalidArgument, Cancelled.
#pragma once
#include <string>

namespace bk::map {

enum class ErrorKind {
    InvalidArgument,
    NotFound,
    Network,
    Http,
    Decode,
    Io,
    Projection,
    Server,
    Timeout,
    TooLarge,
    Cancelled,
};

struct Error {
    ErrorKind kind;
    std::string message;
};

const char* to_string(ErrorKind kind);

}  // namespace bk::map
