#include "test_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace test_support {

namespace {
bool iequals(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

const char* reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 204: return "No Content";
        case 304: return "Not Modified";
        case 400: return "Bad Request";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

void send_all(int fd, const char* data, size_t len) {
    while (len > 0) {
        ssize_t n = ::send(fd, data, len, MSG_NOSIGNAL);
        if (n <= 0) return;
        data += n;
        len -= static_cast<size_t>(n);
    }
}
}  // namespace

std::string HttpRequest::header(const std::string& name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return {};
}

TestHttpServer::TestHttpServer(Handler handler) : handler_(std::move(handler)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (listen_fd_ < 0) throw std::runtime_error("TestHttpServer: socket() failed");
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0)
        throw std::runtime_error("TestHttpServer: bind/listen on 127.0.0.1 failed");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
}

TestHttpServer::~TestHttpServer() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (listen_fd_ >= 0) ::close(listen_fd_);
}

std::string TestHttpServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<HttpRequest> TestHttpServer::requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
}

void TestHttpServer::set_handler(Handler handler) {
    std::lock_guard<std::mutex> lock(mutex_);
    handler_ = std::move(handler);
}

void TestHttpServer::serve() {
    while (!stop_) {
        pollfd pfd{listen_fd_, POLLIN, 0};
        if (::poll(&pfd, 1, 50) <= 0) continue;
        int fd = ::accept(listen_fd_, nullptr, nullptr);
        if (fd < 0) continue;
        handle_connection(fd);
        ::close(fd);
    }
}

void TestHttpServer::handle_connection(int fd) {
    std::string raw;
    char buf[4096];
    // Read until the end of the headers (bodies of test requests are ignored).
    while (raw.find("\r\n\r\n") == std::string::npos && raw.size() < 65536) {
        pollfd pfd{fd, POLLIN, 0};
        if (::poll(&pfd, 1, 2000) <= 0) return;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return;
        raw.append(buf, static_cast<size_t>(n));
    }
    HttpRequest req;
    std::istringstream in(raw);
    std::string line;
    std::getline(in, line);
    {
        std::istringstream first(line);
        first >> req.method >> req.path;
    }
    while (std::getline(in, line) && line != "\r" && !line.empty()) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(value.begin());
        req.headers.emplace_back(line.substr(0, colon), value);
    }
    Handler handler;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        requests_.push_back(req);
        handler = handler_;
    }
    ++request_count_;
    HttpResponse res = handler ? handler(req) : HttpResponse{404, {}, "no handler"};
    if (res.delay_ms > 0) {
        // Sleep in slices so the destructor is not held up for long after the client gave up.
        auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(res.delay_ms);
        while (!stop_ && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::string head = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_phrase(res.status) + "\r\n";
    bool has_length = false;
    for (const auto& [k, v] : res.headers) {
        head += k + ": " + v + "\r\n";
        if (iequals(k, "Content-Length")) has_length = true;
    }
    if (!has_length && res.status != 304) head += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    send_all(fd, head.data(), head.size());
    if (req.method == "HEAD" || res.status == 304) return;
    size_t body_len = res.truncate_to ? std::min(*res.truncate_to, res.body.size()) : res.body.size();
    send_all(fd, res.body.data(), body_len);
}

TestHttpServer::Handler static_files_handler(std::string root) {
    return [root = std::move(root)](const HttpRequest& req) {
        HttpResponse res;
        std::string path = req.path.substr(0, req.path.find('?'));
        if (path.find("..") != std::string::npos) return HttpResponse{400, {}, "bad path"};
        std::ifstream f(root + path, std::ios::binary);
        if (!f) return HttpResponse{404, {}, "not found"};
        std::ostringstream ss;
        ss << f.rdbuf();
        res.body = ss.str();
        return res;
    };
}

}  // namespace test_support
