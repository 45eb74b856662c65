#include "data/error.hpp"

namespace bk::data {

const char* to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidArgument: return "invalid-argument";
        case ErrorKind::NotFound: return "not-found";
        case ErrorKind::Network: return "network";
        case ErrorKind::Http: return "http";
        case ErrorKind::Decode: return "decode";
        case ErrorKind::Io: return "io";
        case ErrorKind::Parse: return "parse";
        case ErrorKind::Validation: return "validation";
        case ErrorKind::Recurrence: return "recurrence";
    }
    return "unknown";
}

}  // namespace bk::data
