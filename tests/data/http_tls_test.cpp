// TLS verification is on: a self-signed HTTPS server on 127.0.0.1 (openssl s_server, started
// and stopped by this test by its pid) is refused. Skips when the openssl tool is missing.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <csignal>
#include <filesystem>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "data/http_fetch.hpp"

using namespace bk::data;

namespace {

int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool port_open(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(std::uint16_t(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

TEST_CASE("https with a self-signed certificate is refused (TLS verification on)") {
    if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
        MESSAGE("skipped: openssl tool not found");
        return;
    }
    auto dir = std::filesystem::path(BUURTKAART_BINARY_DIR) / "test-tmp" / "tls";
    std::filesystem::create_directories(dir);
    std::string key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
    std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + key + " -out " + cert +
                      " -days 1 -subj /CN=127.0.0.1 >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    int port = free_port();
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        std::string accept = std::to_string(port);
        ::freopen("/dev/null", "w", stdout);
        ::freopen("/dev/null", "w", stderr);
        ::execlp("openssl", "openssl", "s_server", "-accept", accept.c_str(), "-cert", cert.c_str(), "-key",
                 key.c_str(), "-www", "-quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    for (int i = 0; i < 100 && !port_open(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    HttpGet get;
    get.url = "https://127.0.0.1:" + std::to_string(port) + "/feed.json";
    get.connect_timeout_ms = 2000;
    get.total_timeout_ms = 3000;
    auto r = http_get(get);
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Network);
    CHECK(r.error().message.find("certificate") != std::string::npos);
    MESSAGE(r.error().message);
}
