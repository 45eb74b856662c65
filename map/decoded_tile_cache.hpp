// DecodedTileCache — least-recently-used cache of decoded tiles (RGBA bytes, NOT textures),
// bounded by total bytes. The kiosk uploads textures from it and keeps its own texture map.
//
// Usage (main thread):
//   DecodedTileCache cache(64u << 20);                 // 64 MiB ≈ 256 tiles of 256x256
//   cache.put(id, std::move(image));                    // evicts least recently used to fit
//   if (const DecodedImage* img = cache.get(id)) ...    // marks id as most recently used
//   cache.contains(id);                                 // no LRU touch (draw planning)
// Limits: an image larger than the whole budget is not stored (put returns false).
// Threads: main thread only (no locks inside); workers hand images over through TileWorkerPool.
#pragma once

#include "map/geo_types.hpp"
#include "map/tile_decoder.hpp"

#include <functional>
#include <list>
#include <unordered_map>

namespace bk::map {

class DecodedTileCache {
public:
    explicit DecodedTileCache(std::size_t max_bytes);

    bool put(TileId id, DecodedImage image);       // replaces an existing entry
    const DecodedImage* get(TileId id);             // touches (most recently used)
    const DecodedImage* peek(TileId id) const;      // no touch
    bool contains(TileId id) const { return index_.contains(id); }
    bool erase(TileId id);
    void clear();

    std::size_t size() const { return index_.size(); }
    std::size_t bytes() const { return bytes_; }
    std::size_t max_bytes() const { return max_bytes_; }
    void set_max_bytes(std::size_t max_bytes);     // evicts down to the new budget

    // Called for each tile evicted to make room (not for erase/clear), e.g. to drop its texture.
    void set_on_evict(std::function<void(TileId)> on_evict) { on_evict_ = std::move(on_evict); }

private:
    using Entry = std::pair<TileId, DecodedImage>;
    void evict_to(std::size_t budget);

    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::list<Entry> lru_;  // front = most recently used
    std::unordered_map<TileId, std::list<Entry>::iterator> index_;
    std::function<void(TileId)> on_evict_;
};

}  // namespace bk::map
