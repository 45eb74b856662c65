#include "data/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace bk::data {
namespace {

Error io_error(const std::string& what, const std::string& path, int err) {
    return Error{ErrorKind::Io, what + " " + path + ": " + std::strerror(err)};
}

std::string directory_of(const std::string& path) {
    auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

}  // namespace

std::expected<void, Error> write_file_atomically(const std::string& path, std::string_view contents,
                                                 AtomicWriteOptions options) {
    const std::string dir = directory_of(path);
    if (options.create_directories) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) return std::unexpected(Error{ErrorKind::Io, "cannot create folder " + dir + ": " + ec.message()});
    }
    // Exclusive creation of a fresh random name in the same directory (rename stays on one file
    // system; O_EXCL never opens or follows anything that is already there).
    std::string tmp = path + ".tmp-XXXXXX";
    int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
    if (fd < 0) return std::unexpected(io_error("cannot create", tmp, errno));
    auto fail = [&](const char* what, int err) -> std::expected<void, Error> {
        if (fd >= 0) ::close(fd);
        ::unlink(tmp.c_str());
        return std::unexpected(io_error(what, tmp, err));
    };
    std::size_t written = 0;
    while (written < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write", errno);
        }
        written += std::size_t(n);
    }
    if (::fchmod(fd, options.mode) != 0) return fail("cannot set the mode of", errno);
    if (options.durable && ::fsync(fd) != 0) return fail("cannot fsync", errno);
    if (::close(fd) != 0) {
        fd = -1;
        return fail("cannot close", errno);
    }
    fd = -1;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return std::unexpected(io_error("cannot rename onto", path, err));
    }
    // Persist the directory entry too (POSIX: rename is durable only after the dir is synced).
    if (options.durable) {
        int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            ::fsync(dfd);
            ::close(dfd);
        }
    }
    return {};
}

std::expected<std::string, Error> read_file(const std::string& path, std::size_t max_bytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        return std::unexpected(Error{err == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                                     "cannot open " + path + ": " + std::strerror(err)});
    }
    std::string out;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            return std::unexpected(io_error("cannot read", path, err));
        }
        if (n == 0) break;
        if (out.size() + std::size_t(n) > max_bytes) {
            ::close(fd);
            return std::unexpected(Error{ErrorKind::Io, path + ": file larger than " + std::to_string(max_bytes) +
                                                            " bytes"});
        }
        out.append(buf, std::size_t(n));
    }
    ::close(fd);
    return out;
}

}  // namespace bk::data
