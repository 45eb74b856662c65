// data::Error — what can go wrong in data/ (kind + precise message naming the input).
// Results are std::expected<T, bk::data::Error>. Any thread.
#pragma once
#include <string>

namespace bk::data {

enum class ErrorKind { InvalidArgument, NotFound, Network, Http, Decode, Io, Parse, Validation, Recurrence };

struct Error {
    ErrorKind kind;
    std::string message;
};

const char* to_string(ErrorKind kind);

}  // namespace bk::data
