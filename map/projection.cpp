#include "map/projection.hpp"

#include "map/str_cat.hpp"

#include <proj.h>

#include <cmath>
#include <string>

namespace bk::map {

namespace {

std::string context_error(PJ_CONTEXT* ctx) {
    const int err = proj_context_errno(ctx);
    const char* text = err != 0 ? proj_context_errno_string(ctx, err) : nullptr;
    return text ? std::string(text) : std::string("unknown PROJ error");
}

}  // namespace

std::expected<Projection, Error> Projection::create(int source_epsg, int target_epsg) {
    Projection p;
    p.source_epsg_ = source_epsg;
    p.target_epsg_ = target_epsg;
    p.ctx_ = proj_context_create();
    if (!p.ctx_) return std::unexpected(Error{ErrorKind::Projection, "proj_context_create failed (out of memory?)"});
    // Never reach out to the network for grids: the kiosk runs offline.
    proj_context_set_enable_network(p.ctx_, 0);
    // PROJ would print its own messages on stderr; ours carry them in the Error instead.
    proj_log_level(p.ctx_, PJ_LOG_NONE);
    const std::string src = "EPSG:" + std::to_string(source_epsg);
    const std::string dst = "EPSG:" + std::to_string(target_epsg);
    PJ* raw = proj_create_crs_to_crs(p.ctx_, src.c_str(), dst.c_str(), nullptr);
    if (!raw) {
        return std::unexpected(Error{ErrorKind::Projection,
                                     str_cat("cannot create transformation ", src, " -> ", dst, ": ", context_error(p.ctx_))});
    }
    PJ* norm = proj_normalize_for_visualization(p.ctx_, raw);
    proj_destroy(raw);
    if (!norm) {
        return std::unexpected(Error{ErrorKind::Projection,
                                     str_cat("cannot normalise axis order of ", src, " -> ", dst, ": ", context_error(p.ctx_))});
    }
    p.pj_ = norm;
    return p;
}

Projection::Projection(Projection&& other) noexcept
    : ctx_(std::exchange(other.ctx_, nullptr)),
      pj_(std::exchange(other.pj_, nullptr)),
      source_epsg_(other.source_epsg_),
      target_epsg_(other.target_epsg_) {}

Projection& Projection::operator=(Projection&& other) noexcept {
    if (this != &other) {
        reset();
        ctx_ = std::exchange(other.ctx_, nullptr);
        pj_ = std::exchange(other.pj_, nullptr);
        source_epsg_ = other.source_epsg_;
        target_epsg_ = other.target_epsg_;
    }
    return *this;
}

Projection::~Projection() { reset(); }

void Projection::reset() {
    if (pj_) proj_destroy(pj_);
    if (ctx_) proj_context_destroy(ctx_);
    pj_ = nullptr;
    ctx_ = nullptr;
}

std::expected<std::pair<double, double>, Error> Projection::forward(double x, double y) const {
    return run(PJ_FWD, x, y);
}

std::expected<std::pair<double, double>, Error> Projection::inverse(double x, double y) const {
    return run(PJ_INV, x, y);
}

std::expected<std::pair<double, double>, Error> Projection::run(int direction, double x, double y) const {
    const char* dir = direction == PJ_FWD ? "forward" : "inverse";
    if (!pj_) return std::unexpected(Error{ErrorKind::Projection, "projection used after move"});
    if (!std::isfinite(x) || !std::isfinite(y)) {
        return std::unexpected(Error{ErrorKind::InvalidArgument,
                                     str_cat("EPSG:", source_epsg_, " -> EPSG:", target_epsg_, " ", dir, ": input (", x, ", ", y, ") is not finite")});
    }
    proj_errno_reset(pj_);
    const PJ_COORD out = proj_trans(pj_, static_cast<PJ_DIRECTION>(direction), proj_coord(x, y, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y) || out.xy.x == HUGE_VAL) {
        const int err = proj_errno(pj_);
        const char* text = err ? proj_context_errno_string(ctx_, err) : "result not finite";
        return std::unexpected(Error{ErrorKind::Projection,
                                     str_cat("EPSG:", source_epsg_, " -> EPSG:", target_epsg_, " ", dir, ": cannot transform (", x, ", ", y, "): ", text)});
    }
    return std::pair{out.xy.x, out.xy.y};
}

// GeoConverter ---------------------------------------------------------------------------------

std::expected<GeoConverter, Error> GeoConverter::create() {
    auto merc = Projection::create(4326, 3857);
    if (!merc) return std::unexpected(merc.error());
    auto rd = Projection::create(4326, 28992);
    if (!rd) return std::unexpected(rd.error());
    return GeoConverter(std::move(*merc), std::move(*rd));
}

std::expected<WebMercator, Error> GeoConverter::to_web_mercator(LonLat p) const {
    auto xy = wgs_to_merc_.forward(p.lon_deg, p.lat_deg);
    if (!xy) return std::unexpected(xy.error());
    return WebMercator{xy->first, xy->second};
}

std::expected<RdNew, Error> GeoConverter::to_rd_new(LonLat p) const {
    auto xy = wgs_to_rd_.forward(p.lon_deg, p.lat_deg);
    if (!xy) return std::unexpected(xy.error());
    return RdNew{xy->first, xy->second};
}

std::expected<LonLat, Error> GeoConverter::to_lon_lat(WebMercator p) const {
    auto xy = wgs_to_merc_.inverse(p.x_m, p.y_m);
    if (!xy) return std::unexpected(xy.error());
    return LonLat{xy->first, xy->second};
}

std::expected<LonLat, Error> GeoConverter::to_lon_lat(RdNew p) const {
    auto xy = wgs_to_rd_.inverse(p.x_m, p.y_m);
    if (!xy) return std::unexpected(xy.error());
    return LonLat{xy->first, xy->second};
}

std::expected<RdNew, Error> GeoConverter::to_rd_new(WebMercator p) const {
    auto ll = to_lon_lat(p);
    if (!ll) return std::unexpected(ll.error());
    return to_rd_new(*ll);
}

std::expected<WebMercator, Error> GeoConverter::to_web_mercator(RdNew p) const {
    auto ll = to_lon_lat(p);
    if (!ll) return std::unexpected(ll.error());
    return to_web_mercator(*ll);
}

}  // namespace bk::map
