#include "map/error.hpp"

namespace bk::map {

const char* to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidArgument: return "invalid-argument";
        case ErrorKind::NotFound: return "not-found";
        case ErrorKind::Network: return "network";
        case ErrorKind::Http: return "http";
        case ErrorKind::Decode: return "decode";
        case ErrorKind::Io: return "io";
        case ErrorKind::Projection: return "projection";
        case ErrorKind::Server: return "server";
        case ErrorKind::Timeout: return "timeout";
        case ErrorKind::TooLarge: return "too-large";
        case ErrorKind::Cancelled: return "cancelled";
    }
    return "unknown";
}

}  // namespace bk::map
