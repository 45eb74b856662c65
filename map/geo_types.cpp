#include "map/geo_types.hpp"

namespace bk::map {

std::string to_string(const TileId& id) {
    return std::to_string(id.z) + "/" + std::to_string(id.x) + "/" + std::to_string(id.y);
}

}  // namespace bk::map
