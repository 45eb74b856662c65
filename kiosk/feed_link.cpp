#include "kiosk/feed_link.hpp"

#include "buurtkaart_version.hpp"
#include "data/publish/feed_signature.hpp"

namespace bk::kiosk {

FeedLink::FeedLink(std::vector<std::string> urls, std::string cache_path, std::function<void()> wake,
                   std::vector<std::string> trusted_key_lines, bool require_signature, std::string kiosk_id) {
    data::UpdaterConfig cfg;
    cfg.product = "buurtkaart-kiosk/" BUURTKAART_VERSION;  // the publisher's fleet view reads it
    cfg.client_id = std::move(kiosk_id);
    cfg.urls = std::move(urls);
    cfg.cache_path = std::move(cache_path);
    cfg.notify = std::move(wake);
    cfg.verify = data::publish::updater_verify_for(trusted_key_lines, &key_problems_);
    if (!cfg.verify && require_signature) {
        cfg.verify = [](const std::string&, const std::string&) -> std::expected<void, data::Error> {
            return std::unexpected(data::Error{data::ErrorKind::Validation,
                                               "signature unknown-key: signatures are required but no trusted key is configured"});
        };
    }
    updater_ = std::make_unique<data::FeedUpdater>(std::move(cfg));
}

FeedLink::~FeedLink() = default;

std::optional<data::FeedUpdate> FeedLink::poll() { return updater_->poll(); }

}  // namespace bk::kiosk
