// watchdog_test.cpp — no-op without NOTIFY_SOCKET; real datagrams on a unix socket with it.
#include "kiosk/host/watchdog.hpp"

#include "temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>
#include <string>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace bk::kiosk::host;
using namespace std::chrono_literals;
using bk::kiosk::host::test::TempDir;

namespace {
// Restores environment variables changed by a test.
class EnvGuard {
public:
  explicit EnvGuard(std::initializer_list<const char*> names) {
    for (const char* n : names) {
      const char* v = std::getenv(n);
      saved_.push_back({n, v ? std::optional<std::string>(v) : std::nullopt});
    }
  }
  ~EnvGuard() {
    for (auto& [n, v] : saved_) {
      if (v) ::setenv(n.c_str(), v->c_str(), 1);
      else ::unsetenv(n.c_str());
    }
  }

private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// A datagram socket standing in for systemd's notification socket.
class NotifySocket {
public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~NotifySocket() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  // Next datagram, or "" after 1 s.
  std::string receive() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 1000) <= 0) return {};
    char buf[1024];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, std::size_t(n)) : std::string();
  }
  bool empty() {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) == 0;
  }

private:
  std::string path_;
  int fd_ = -1;
};
} // namespace

TEST_CASE("without NOTIFY_SOCKET every call is a no-op") {
  EnvGuard env{"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"};
  ::unsetenv("NOTIFY_SOCKET");
  ::setenv("WATCHDOG_USEC", "1000000", 1);
  Watchdog wd;
  CHECK_FALSE(wd.active());
  CHECK_FALSE(wd.watchdog_interval().has_value());
  CHECK_FALSE(wd.ready("up"));
  CHECK_FALSE(wd.status("x"));
  CHECK_FALSE(wd.tick(Watchdog::Clock::now()));
  CHECK_FALSE(wd.stopping());
  CHECK(wd.sent_count() == 0);
}

TEST_CASE("with a real notify socket READY, STATUS and WATCHDOG pings at half the interval arrive") {
  EnvGuard env{"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"};
  TempDir dir("watchdog");
  const std::string path = (dir.path() / "notify.sock").string();
  NotifySocket sock(path);
  ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
  ::setenv("WATCHDOG_USEC", "30000000", 1);  // WatchdogSec=30
  ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);

  Watchdog wd;
  REQUIRE(wd.active());
  REQUIRE(wd.watchdog_interval().has_value());
  CHECK(*wd.watchdog_interval() == 30s);

  CHECK(wd.ready("showing map"));
  CHECK(sock.receive() == "READY=1\nSTATUS=showing map");
  CHECK(wd.status("feeds updated\n14:02"));
  CHECK(sock.receive() == "STATUS=feeds updated 14:02");  // kept on one line

  const auto t0 = Watchdog::Clock::time_point{} + 1000s;
  CHECK(wd.tick(t0));
  CHECK(sock.receive() == "WATCHDOG=1");
  CHECK_FALSE(wd.tick(t0 + 14s));
  CHECK(sock.empty());
  CHECK(wd.tick(t0 + 15s));
  CHECK(sock.receive() == "WATCHDOG=1");
  CHECK(wd.stopping());
  CHECK(sock.receive() == "STOPPING=1");
  CHECK(wd.sent_count() == 5);
}

TEST_CASE("without WATCHDOG_USEC READY is sent but tick() does nothing") {
  EnvGuard env{"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"};
  TempDir dir("watchdog-nowd");
  const std::string path = (dir.path() / "n.sock").string();
  NotifySocket sock(path);
  ::setenv("NOTIFY_SOCKET", path.c_str(), 1);
  ::unsetenv("WATCHDOG_USEC");
  ::unsetenv("WATCHDOG_PID");
  Watchdog wd;
  CHECK(wd.active());
  CHECK_FALSE(wd.watchdog_interval().has_value());
  CHECK(wd.ready());
  CHECK(sock.receive() == "READY=1");
  CHECK_FALSE(wd.tick(Watchdog::Clock::now()));
  CHECK(sock.empty());
}
