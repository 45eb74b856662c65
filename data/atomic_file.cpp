#include "data/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
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

std::expected<void, Error> write_file_atomically(const std::string& path, std::string_view contents) {
    // Unique temp name in the same directory, so rename() stays on one file system.
    std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(std::random_device{}());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return std::unexpected(io_error("cannot create", tmp, errno));
    std::size_t written = 0;
    while (written < contents.size()) {
        ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return std::unexpected(io_error("cannot write", tmp, err));
        }
        written += std::size_t(n);
    }
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        return std::unexpected(io_error("cannot fsync", tmp, err));
    }
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return std::unexpected(io_error("cannot rename onto", path, err));
    }
    // Persist the directory entry too (POSIX: rename is durable only after the dir is synced).
    std::string dir = directory_of(path);
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
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
