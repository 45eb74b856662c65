// TestHttpServer — a tiny real HTTP/1.1 server on 127.0.0.1 for tests.
//
// Usage:
//   test_support::TestHttpServer server([](const test_support::HttpRequest& req) {
//       test_support::HttpResponse res;
//       res.status = 200; res.body = "hello";
//       res.headers.emplace_back("ETag", "\"v1\"");
//       return res;
//   });
//   std::string url = server.url("/feed.json");   // http://127.0.0.1:PORT/feed.json
//   ... libcurl talks to url ...
//   server.request_count();                        // requests seen so far
//
// Behaviours for failure tests: HttpResponse::delay_ms (sleep before answering: timeouts),
// HttpResponse::truncate_to (announce the full Content-Length but send only that many body
// bytes, then close: truncated body).
// Threads: the server answers on its own thread; the handler runs there. The constructor,
// url() and the destructor are for the test's thread. One connection at a time, Connection: close.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace test_support {

struct HttpRequest {
    std::string method;
    std::string path;  // path + query, as sent
    std::vector<std::pair<std::string, std::string>> headers;
    // Case-insensitive header lookup; empty when absent.
    std::string header(const std::string& name) const;
};

struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    int delay_ms = 0;
    std::optional<size_t> truncate_to;
};

class TestHttpServer {
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    explicit TestHttpServer(Handler handler);
    ~TestHttpServer();
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const;
    int request_count() const { return request_count_.load(); }
    // Copies of the requests seen so far (thread-safe).
    std::vector<HttpRequest> requests() const;
    void set_handler(Handler handler);

private:
    void serve();
    void handle_connection(int fd);

    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> request_count_{0};
    mutable std::mutex mutex_;  // guards handler_ and requests_
    Handler handler_;
    std::vector<HttpRequest> requests_;
    std::thread thread_;
};

// Serves files below `root` (GET path → root + path); 404 when missing. Handy for tile tests.
TestHttpServer::Handler static_files_handler(std::string root);

}  // namespace test_support
