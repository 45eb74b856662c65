#include "map/decoded_tile_cache.hpp"

namespace bk::map {

DecodedTileCache::DecodedTileCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

bool DecodedTileCache::put(TileId id, DecodedImage image) {
    erase(id);
    const std::size_t size = image.byte_size();
    if (size > max_bytes_) return false;
    evict_to(max_bytes_ - size);
    lru_.emplace_front(id, std::move(image));
    index_.emplace(id, lru_.begin());
    bytes_ += size;
    return true;
}

const DecodedImage* DecodedTileCache::get(TileId id) {
    auto it = index_.find(id);
    if (it == index_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return &it->second->second;
}

const DecodedImage* DecodedTileCache::peek(TileId id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &it->second->second;
}

bool DecodedTileCache::erase(TileId id) {
    auto it = index_.find(id);
    if (it == index_.end()) return false;
    bytes_ -= it->second->second.byte_size();
    lru_.erase(it->second);
    index_.erase(it);
    return true;
}

void DecodedTileCache::clear() {
    lru_.clear();
    index_.clear();
    bytes_ = 0;
}

void DecodedTileCache::set_max_bytes(std::size_t max_bytes) {
    max_bytes_ = max_bytes;
    evict_to(max_bytes_);
}

void DecodedTileCache::evict_to(std::size_t budget) {
    while (bytes_ > budget && !lru_.empty()) {
        const TileId victim = lru_.back().first;
        bytes_ -= lru_.back().second.byte_size();
        index_.erase(victim);
        lru_.pop_back();
        if (on_evict_) on_evict_(victim);
    }
}

}  // namespace bk::map
