#include "data/publish/source_fetcher.hpp"

#include "data/atomic_file.hpp"
#include "data/http_fetch.hpp"

namespace bk::data::publish {

bool is_url(std::string_view location) {
    return location.starts_with("http://") || location.starts_with("https://");
}

std::expected<FetchedSource, Error> fetch_source(const std::string& location, const StoredSource* previous,
                                                 const FetchSettings& settings,
                                                 const std::filesystem::path& base_dir) {
    FetchedSource out;
    if (is_url(location)) {
        HttpGet req;
        req.url = location;
        // Validators belong to the URL they came from: after a calendar's URL changes, the old
        // ETag sent to the new server could get a 304 that hides the new calendar.
        if (previous && previous->origin == location) {
            req.etag = previous->etag;
            req.last_modified = previous->last_modified;
        }
        req.connect_timeout_ms = settings.connect_timeout_ms;
        req.total_timeout_ms = settings.total_timeout_ms;
        req.max_body_bytes = settings.max_bytes;
        req.user_agent = settings.user_agent;
        auto reply = http_get(req);
        if (!reply) {
            Error e = reply.error();
            if (e.message.find(location) == std::string::npos) e.message = location + ": " + e.message;
            return std::unexpected(std::move(e));
        }
        if (reply->status != 200 && reply->status != 304)
            return std::unexpected(Error{ErrorKind::Http, location + ": HTTP status " + std::to_string(reply->status) +
                                                              " (expected 200, or 304 Not Modified)"});
        out.origin = location;
        out.http_status = reply->status;
        out.not_modified = reply->status == 304;
        if (out.not_modified && (!previous || previous->origin != location))
            return std::unexpected(Error{ErrorKind::Http, location + ": 304 Not Modified but no stored copy"});
        out.body = std::move(reply->body);
        out.etag = std::move(reply->etag);
        out.last_modified = std::move(reply->last_modified);
        return out;
    }
    std::string path_text = location;
    if (path_text.starts_with("file://")) path_text.erase(0, 7);
    std::filesystem::path path(path_text);
    if (path.is_relative()) path = base_dir / path;
    out.origin = path.lexically_normal().string();
    out.is_file = true;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return std::unexpected(Error{ErrorKind::Io, out.origin + ": cannot read (" + ec.message() + ")"});
    if (size > settings.max_bytes)
        return std::unexpected(Error{ErrorKind::Io, out.origin + ": " + std::to_string(size) +
                                                        " bytes, more than the limit of " +
                                                        std::to_string(settings.max_bytes)});
    auto body = read_file(out.origin, settings.max_bytes);
    if (!body) return std::unexpected(body.error());
    out.body = std::move(*body);
    return out;
}

}  // namespace bk::data::publish
