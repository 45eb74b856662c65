// NginxServer — a real nginx on 127.0.0.1 serving a directory, for the publish tests and benchmark.
//
// Usage:
//   auto nginx = publish_test::NginxServer::start(out_dir / "current", prefix_dir);
//   if (!nginx) FAIL(nginx.error());            // e.g. "nginx not found at /usr/sbin/nginx (apt-get install nginx-light)"
//   std::string url = nginx->url("/feed.json");
//   ... the destructor stops nginx (SIGTERM, then SIGKILL) and reaps it.
// The config mirrors assets/publish/nginx-wijkagenda.conf (etag, gzip_static, gzip, Cache-Control);
// pid, logs and temp paths live under the prefix directory. Started with -g "daemon off;" so the
// master stays our child. Threads: the test's thread.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <expected>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

namespace publish_test {

inline constexpr const char* kNginxBinary = "/usr/sbin/nginx";

class NginxServer {
public:
    static std::expected<std::unique_ptr<NginxServer>, std::string> start(const std::filesystem::path& root,
                                                                           const std::filesystem::path& prefix) {
        return start_impl(root, prefix, "");
    }
    // The shipped site file (assets/publish/nginx-wijkagenda.conf) as it is, with its paths moved:
    // every "/srv/wijkagenda" -> out_dir, "/etc/wijkagenda" -> etc_dir, "listen 80;" -> 127.0.0.1:<port>,
    // IPv6 listen and the access_log line -> the prefix's log.
    static std::expected<std::unique_ptr<NginxServer>, std::string> start_site(const std::filesystem::path& site_conf,
                                                                                const std::filesystem::path& out_dir,
                                                                                const std::filesystem::path& etc_dir,
                                                                                const std::filesystem::path& prefix) {
        std::ifstream in(site_conf);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.empty()) return std::unexpected("cannot read " + site_conf.string());
        auto replace_all = [&](const std::string& from, const std::string& to) {
            for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
                text.replace(pos, from.size(), to);
        };
        replace_all("/srv/wijkagenda", out_dir.string());
        replace_all("/etc/wijkagenda", etc_dir.string());
        replace_all("listen [::]:80;", "");
        replace_all("listen 80;", "listen 127.0.0.1:{{PORT}};");
        replace_all("/var/log/nginx/wijkagenda.access.log", (prefix / "logs" / "access.log").string());
        return start_impl(out_dir / "current", prefix, text);
    }

private:
    static std::expected<std::unique_ptr<NginxServer>, std::string> start_impl(const std::filesystem::path& root,
                                                                                const std::filesystem::path& prefix,
                                                                                const std::string& site) {
        if (::access(kNginxBinary, X_OK) != 0)
            return std::unexpected(std::string("nginx not found at ") + kNginxBinary +
                                   " (install it: apt-get install nginx-light; CI does this in .ci/install-deps)");
        std::string last_error;
        for (int attempt = 0; attempt < 3; ++attempt) {
            auto server = std::unique_ptr<NginxServer>(new NginxServer());
            server->prefix_ = prefix;
            server->port_ = free_port();
            std::filesystem::create_directories(prefix / "logs");
            std::filesystem::create_directories(prefix / "tmp");
            write_conf(prefix / "nginx.conf", root, prefix, server->port_, site);
            const pid_t pid = ::fork();
            if (pid < 0) return std::unexpected(std::string("fork failed"));
            if (pid == 0) {
                const int fd = ::open((prefix / "logs" / "stderr.log").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd >= 0) {
                    ::dup2(fd, 1);
                    ::dup2(fd, 2);
                }
                ::execl(kNginxBinary, "nginx", "-p", prefix.c_str(), "-c", (prefix / "nginx.conf").c_str(), "-g",
                        "daemon off;", static_cast<char*>(nullptr));
                ::_exit(127);
            }
            server->pid_ = pid;
            if (server->wait_ready()) return server;
            last_error = server->log_tail();
        }
        return std::unexpected("nginx did not start: " + last_error);
    }

public:
    ~NginxServer() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    std::filesystem::path access_log() const { return prefix_ / "logs" / "access.log"; }

private:
    NginxServer() = default;

    static int free_port() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
        ::close(fd);
        return ntohs(addr.sin_port);
    }

    static void write_conf(const std::filesystem::path& conf, const std::filesystem::path& root,
                           const std::filesystem::path& prefix, int port, std::string site) {
        std::ofstream o(conf);
        const std::string p = prefix.string();
        o << "worker_processes 1;\n"
          // As root, nginx workers drop to 'nobody', which cannot read the test's files when the umask is
          // strict (077 on some CI images); keep them as the test's own user then.
          << (::geteuid() == 0 ? "user root;\n" : "")
          << "pid " << p << "/nginx.pid;\nerror_log " << p << "/logs/error.log warn;\n"
          << "events { worker_connections 64; }\n"
          << "http {\n"
          << "  access_log " << p << "/logs/access.log;\n"
          << "  client_body_temp_path " << p << "/tmp/body;\n  proxy_temp_path " << p << "/tmp/proxy;\n"
          << "  fastcgi_temp_path " << p << "/tmp/fastcgi;\n  uwsgi_temp_path " << p << "/tmp/uwsgi;\n"
          << "  scgi_temp_path " << p << "/tmp/scgi;\n"
          << "  types { application/json json; text/calendar ics; text/plain txt sig; text/html html; }\n"
          << "  default_type application/octet-stream;\n";
        if (!site.empty()) {
            const std::string ph = "{{PORT}}";
            if (auto pos = site.find(ph); pos != std::string::npos) site.replace(pos, ph.size(), std::to_string(port));
            o << site << "\n}\n";
            return;
        }
        o << "  server {\n"
          << "    listen 127.0.0.1:" << port << ";\n"
          << "    root " << root.string() << ";\n"
          << "    etag on;\n    if_modified_since exact;\n    gzip_static on;\n    gzip on;\n"
          << "    gzip_types application/json text/calendar text/plain;\n    gzip_vary on;\n"
          << "    location ~ /feed\\.json(\\.sig)?$ {\n"
          << "      add_header Cache-Control \"public, max-age=30, must-revalidate\" always;\n    }\n"
          << "    location /ics/ { add_header Cache-Control \"public, max-age=900\" always; }\n"
          << "  }\n}\n";
    }

    bool wait_ready() {
        for (int i = 0; i < 250; ++i) {
            if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
                pid_ = -1;  // exited: bad config or port taken
                return false;
            }
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(static_cast<uint16_t>(port_));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
            ::close(fd);
            if (ok) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }

    std::string log_tail() const {
        std::string all;
        for (const char* f : {"stderr.log", "error.log"}) {
            std::ifstream in(prefix_ / "logs" / f);
            std::string line;
            while (std::getline(in, line)) all += line + "\n";
        }
        return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
    }

    std::filesystem::path prefix_;
    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace publish_test
