#include "kiosk/feed_link.hpp"

namespace bk::kiosk {

#if BUURTKAART_KIOSK_HAVE_UPDATER
struct FeedLink::Impl {
    data::FeedUpdater updater;
    explicit Impl(data::UpdaterConfig c) : updater(std::move(c)) {}
};

FeedLink::FeedLink(std::vector<std::string> urls, std::string cache_path, std::function<void()> wake) {
    data::UpdaterConfig cfg;
    cfg.urls = std::move(urls);
    cfg.cache_path = std::move(cache_path);
    cfg.notify = std::move(wake);
    impl_ = std::make_unique<Impl>(std::move(cfg));
}
FeedLink::~FeedLink() = default;
std::optional<data::FeedUpdate> FeedLink::poll() { return impl_->updater.poll(); }
bool FeedLink::active() const { return true; }
#else
// Built before the data helper's updater landed: no HTTP updates, the embedded feed stays.
struct FeedLink::Impl {};
FeedLink::FeedLink(std::vector<std::string>, std::string, std::function<void()>) {}
FeedLink::~FeedLink() = default;
std::optional<data::FeedUpdate> FeedLink::poll() { return std::nullopt; }
bool FeedLink::active() const { return false; }
#endif

}  // namespace bk::kiosk
