// App core. [SECTION] construction  [SECTION] input  [SECTION] timers  [SECTION] frame  [SECTION] helpers
#include "kiosk/app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "data/feed_parser.hpp"
#include "data/query.hpp"
#include "kiosk/feed_link.hpp"
#include "kiosk/host/settings_dropin.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/tile_layer.hpp"

namespace bk::kiosk {
// [SECTION] construction ----------------------------------------------------------------------

App::App(AppConfig config)
    : config_(std::move(config)), state_(std::make_unique<AppState>()), host_(std::make_unique<HostState>()),
      wake_(config_.wake) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout file
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    io.ConfigInputTextCursorBlink = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    theme_.load_fonts();
    theme_.apply(false, false);
    if (!config_.wall_clock) config_.wall_clock = [] { return std::chrono::system_clock::now(); };
    init_host();

    // Embedded default data: the sample feed (or --feed FILE); a URL feed starts the updater.
    const bool feed_is_url = config_.feed.rfind("http://", 0) == 0 || config_.feed.rfind("https://", 0) == 0;
    // Until the updater delivers, a URL feed starts from the embedded sample feed.
    const std::string file = !feed_is_url && !config_.feed.empty() ? config_.feed : config_.sample_feed;
    if (!file.empty()) {
        auto feed = data::load_feed_file(file);
        if (feed) {
            set_feed(*feed);
        } else {
            std::fprintf(stderr, "kiosk: %s\n", feed.error().message.c_str());
        }
    }
    feed_link_ready_ = true;
    make_feed_link();
}

// The live feed: --feed URL first, then the host's URLs. Rebuilt whenever the host changes the URLs
// or keys (apply_settings), so an edited feed URL is used at once, not after a restart.
void App::make_feed_link() {
    const bool feed_is_url = config_.feed.rfind("http://", 0) == 0 || config_.feed.rfind("https://", 0) == 0;
    std::vector<std::string> urls;
    if (feed_is_url) urls.push_back(config_.feed);
    for (const auto& u : host_->settings.feed_urls) urls.push_back(u);
    std::vector<std::string> keys;
    for (const auto& k : host_->settings.trusted_keys) keys.push_back(k.key_id + ":" + k.public_key_b64);
    std::string identity;
    for (const auto& u : urls) identity += u + "\n";
    for (const auto& k : keys) identity += k + "\n";
    identity += host_->settings.require_signature ? "require" : "optional";
    if (updater_ && identity == feed_link_identity_) return;
    updater_.reset();  // joins the old worker first
    feed_link_identity_ = identity;
    if (urls.empty() || !config_.start_updater) return;
    // The worker's notify only pushes a wake event; the snapshot is taken in run_timers().
    // The last good feed is cached next to the settings, so a restart without network shows it.
    updater_ = std::make_unique<FeedLink>(urls, host_->settings_path.string() + ".feed-cache.json",
                                          [this] { if (wake_) wake_(); }, std::move(keys),
                                          host_->settings.require_signature, host::effective_kiosk_id(host_->settings));
    log_event("feed", "polling " + urls.front() + (urls.size() > 1 ? " (+" + std::to_string(urls.size() - 1) + " more)" : ""));
}

// Journal-friendly: one line per change of state, never the same line twice in a row.
void App::log_event(const std::string& topic, const std::string& text) {
    std::string& last = logged_state_[topic];
    if (last == text) return;
    last = text;
    std::fprintf(stderr, "kiosk: %s: %s\n", topic.c_str(), text.c_str());
}

std::string App::service_status() const {
    const AppState& s = *state_;
    std::string out = "map " + active_tiles_;
    if (!s.updater_status) return out + "; agenda " + (model_.feed() && model_.feed()->sample ? "sample data" : "from file");
    const data::UpdaterStatus& st = *s.updater_status;
    auto hhmm = [](data::UtcTime t) {
        auto l = data::amsterdam_from_utc(t);
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", l.time.hour, l.time.minute);
        return std::string(buf);
    };
    if (st.last_error)
        return out + "; feed failing" + (st.last_success_utc ? " since last success " + hhmm(*st.last_success_utc) : "") +
               " (" + std::string(data::to_string(st.last_error->kind)) + ")";
    if (st.last_success_utc) return out + "; feed updated " + hhmm(*st.last_success_utc);
    return out + "; feed loading";
}

App::~App() {
    updater_.reset();  // joins the worker before wake_ goes away
    tiles_.reset();    // textures go back to the store before the context disappears
    ImGui::DestroyContext();
}

void App::attach(TextureStore& textures) {
    textures_ = &textures;
    make_tile_layer();
}

void App::make_tile_layer() {
    if (textures_ == nullptr) {
        tiles_.reset();
        return;
    }
    // --tiles wins; otherwise the host's setting. Every source (the offline bake too) is fetched and
    // decoded on the map helper's workers (bk::map::TileLayer); HTTP ones through the disk cache. A
    // switch keeps the layer: set_source() lets the old source's workers stop off the main thread.
    if (!tiles_) tiles_ = std::make_unique<TileLayer>(*textures_, default_tile_cache_dir(), wake_);
    TileLayer& layer = *tiles_;
    if (auto ok = layer.set_source(active_tile_source()); !ok) {
        std::fprintf(stderr, "kiosk: %s; using the offline map\n", ok.error().c_str());
        (void)layer.set_source(map::offline_source(config_.offline_tiles_dir));
    }
    active_tiles_ = layer.source().id;
}

void App::detach() {
    tiles_.reset();
    textures_ = nullptr;
}

map::TileSourceInfo App::active_tile_source() const {
    return choose_tile_source(config_.tiles_given ? config_.tiles : std::string(), host_->settings.tile_source,
                              config_.offline_tiles_dir);
}

Screen App::screen() const { return state_->screen; }

void App::open(Screen screen, const std::string& venue_id) {
    state_->screen = screen;
    state_->venue_id = venue_id;
    if (screen == Screen::Venue) {
        if (auto i = model_.feed() ? model_.feed()->find_venue(venue_id) : std::nullopt) focus_venue(*i, true);
    }
}

std::string App::selected_venue() const { return state_->screen == Screen::Venue ? state_->venue_id : ""; }
bool App::map_complete() const { return tiles_ && tiles_->complete(); }
void App::wait_for_tiles(std::chrono::milliseconds timeout) {
    if (tiles_ && tiles_->loading()) tiles_->wait_for_results(timeout);
}
std::size_t App::texture_count() const { return tiles_ ? tiles_->texture_count() : 0; }
bool App::kiosk_mode() const { return host_->guard.kiosk_mode(); }
bool App::attract_active() const { return host_->attract; }
std::string App::search_text() const { return state_->filter.text; }
std::string App::highlighted_venue() const { return state_->highlight_venue; }
std::string App::config_warning() const { return host_->config_warning.value_or(""); }
std::string App::tile_attribution() const { return tiles_ ? tiles_->attribution() : std::string(); }

void App::set_feed(data::FeedPtr feed) {
    model_.set(std::move(feed));
    host_->attract_venues.clear();
    if (model_.feed()) {
        // Attract mode cycles the venues with something on today ("vandaag in de buurt").
        const auto day = data::amsterdam_from_utc(wall_now()).date;
        const auto today = data::between(*model_.feed(), data::amsterdam_midnight(day),
                                         data::amsterdam_midnight(data::add_days(day, 1)));
        for (const auto& o : today) {
            if (std::find(host_->attract_venues.begin(), host_->attract_venues.end(), o.venue) ==
                host_->attract_venues.end()) {
                host_->attract_venues.push_back(o.venue);
            }
        }
    }
    if (host_->idle) host_->idle->set_item_count(host_->attract_venues.size());
}

data::UtcTime App::wall_now() const {
    return std::chrono::time_point_cast<std::chrono::seconds>(config_.wall_clock());
}

// [SECTION] input -----------------------------------------------------------------------------

void App::handle(const InputEvent& event) {
    pending_.push_back(event);
    settle_frames_ = kSettleFrames;  // the tap's result may need ImGui's next frames to show
}

bool AppState::over_ui(ImVec2 p) const {
    for (const auto& [a, b] : ui_rects_last)
        if (p.x >= a.x && p.y >= a.y && p.x < b.x && p.y < b.y) return true;
    return false;
}

void App::apply_input(SteadyTime now) {
    ImGuiIO& io = ImGui::GetIO();
    AppState& s = *state_;
    HostState& h = *host_;
    // Feed events to ImGui one button transition per frame: ImGui 1.86 reads the mouse once per
    // frame, so a tap whose down and up arrive together would otherwise be lost.
    while (!pending_.empty()) {
        const InputEvent e = pending_.front();
        if (e.kind == InputKind::QuitRequest || e.kind == InputKind::Escape) {
            pending_.pop_front();
            const auto kind = e.kind == InputKind::Escape ? host::QuitEventKind::escape_key
                                                          : host::QuitEventKind::quit_request;
            if (h.guard.should_quit(kind)) quit_ = true;
            if (e.kind == InputKind::Escape && !h.guard.kiosk_mode()) s.screen = Screen::Map;
            continue;
        }
        // Any touch counts as interaction: it ends attract mode / wakes a dimmed screen.
        if (e.kind == InputKind::PointerDown) {
            const bool woke = h.night.on_touch(now);
            const bool ended_attract = h.idle && h.idle->on_interaction(now);
            if (ended_attract) {
                h.attract = false;
                s.highlight_venue.clear();
            }
            if (woke || ended_attract) {  // that touch only woke the kiosk: swallow it and its up
                pending_.pop_front();
                s.swallow_pointer = e.pointer_id;
                continue;
            }
        } else if (h.idle && e.kind != InputKind::Wheel) {
            h.idle->on_interaction(now);
        }
        if (s.swallow_pointer && *s.swallow_pointer == e.pointer_id) {
            pending_.pop_front();
            if (e.kind == InputKind::PointerUp) s.swallow_pointer.reset();
            continue;
        }
        if (e.kind == InputKind::Wheel) {
            pending_.pop_front();
            camera_.zoom_about(e.wheel_steps * 0.5, e.x_px, e.y_px);
            if (h.idle) h.idle->on_interaction(now);
            continue;
        }
        // The hidden host gesture: a long press in the top-left corner (host helper's recogniser).
        const host::TouchPhase phase = e.kind == InputKind::PointerDown ? host::TouchPhase::down
                                       : e.kind == InputKind::PointerUp ? host::TouchPhase::up
                                                                        : host::TouchPhase::move;
        if (h.gesture.on_touch({phase, e.x_px, e.y_px, now, e.pointer_id})) s.open_pin = true;
        const bool is_ui_pointer = !s.ui_pointer || *s.ui_pointer == e.pointer_id;
        if (is_ui_pointer) {
            if (e.kind == InputKind::PointerDown) {
                if (s.ui_button_changed) break;  // next frame
                s.ui_pointer = e.pointer_id;
                s.ui_down = true;
                s.ui_button_changed = true;
            } else if (e.kind == InputKind::PointerUp) {
                if (s.ui_button_changed) break;
                s.ui_down = false;
                s.ui_pointer.reset();
                s.ui_button_changed = true;
            }
            s.ui_pos = ImVec2(e.x_px, e.y_px);
        }
        pending_.pop_front();
        map_pointer(e, now);
    }
    io.MousePos = s.ui_pos;
    io.MouseDown[0] = s.ui_down;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
    io.MouseWheel = 0;
    s.ui_button_changed = false;
}

void App::map_pointer(const InputEvent& e, SteadyTime now) {
    AppState& s = *state_;
    const ImVec2 p(e.x_px, e.y_px);
    auto& pointers = s.map_pointers;
    if (e.kind == InputKind::PointerDown) {
        if (s.over_ui(p) || pointers.size() >= 2 || s.screen == Screen::Pin || s.screen == Screen::HostSettings) {
            return;
        }
        pointers[e.pointer_id] = MapPointer{p, p, now};
        s.gesture_moved = pointers.size() > 1;  // a second finger makes it a pinch, never a tap
        s.fling_px_per_s = ImVec2(0, 0);
        s.last_move_velocity = ImVec2(0, 0);
        camera_.stop_motion();  // a finger on the map stops a glide
        return;
    }
    auto it = pointers.find(e.pointer_id);
    if (it == pointers.end()) return;
    if (e.kind == InputKind::PointerMove) {
        const ImVec2 before = it->second.pos;
        it->second.pos = p;
        if (std::hypot(p.x - it->second.start.x, p.y - it->second.start.y) > 14.0f) s.gesture_moved = true;
        if (pointers.size() == 1) {
            if (s.gesture_moved) {
                camera_.pan_by_px(p.x - before.x, p.y - before.y);
                const double dt = std::chrono::duration<double>(now - s.last_move_time).count();
                if (dt > 1e-3 && dt < 0.2) {
                    s.last_move_velocity = ImVec2(static_cast<float>((p.x - before.x) / dt),
                                                  static_cast<float>((p.y - before.y) / dt));
                }
                s.last_move_time = now;
            }
        } else if (pointers.size() == 2) {
            const auto first = pointers.begin();
            const auto second = std::next(first);
            const ImVec2 a = first->second.pos, b = second->second.pos;
            const ImVec2 pa = first->first == e.pointer_id ? before : a;
            const ImVec2 pb = second->first == e.pointer_id ? before : b;
            const float d_now = std::hypot(a.x - b.x, a.y - b.y);
            const float d_before = std::hypot(pa.x - pb.x, pa.y - pb.y);
            const ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2), mid_before((pa.x + pb.x) / 2, (pa.y + pb.y) / 2);
            camera_.pan_by_px(mid.x - mid_before.x, mid.y - mid_before.y);
            if (d_before > 1.0f && d_now > 1.0f) camera_.zoom_about(std::log2(d_now / d_before), mid.x, mid.y);
        }
        return;
    }
    // PointerUp
    const MapPointer ended = it->second;
    pointers.erase(it);
    if (!pointers.empty()) return;
    if (s.gesture_moved) {
        // Kinetic panning: keep gliding with the last finger speed, if the finger was still moving.
        const double since = std::chrono::duration<double>(now - s.last_move_time).count();
        if (since < 0.08 && std::hypot(s.last_move_velocity.x, s.last_move_velocity.y) > 150.0f) {
            camera_.fling(s.last_move_velocity.x, s.last_move_velocity.y);
        }
        return;
    }
    const double held_s = std::chrono::duration<double>(now - ended.down_time).count();
    if (held_s > 0.6) return;  // a long press is no tap
    const double since_last_tap = std::chrono::duration<double>(now - s.last_tap_time).count();
    if (since_last_tap < 0.35 && std::hypot(p.x - s.last_tap_pos.x, p.y - s.last_tap_pos.y) < 40.0f) {
        camera_.animate_zoom_about(1.0, p.x, p.y);  // double tap zooms in (animated)
        s.last_tap_time = {};
        s.pending_tap.reset();
        return;
    }
    s.last_tap_time = now;
    s.last_tap_pos = p;
    s.pending_tap = p;
}

// [SECTION] timers ----------------------------------------------------------------------------

void App::run_timers(SteadyTime now) {
    AppState& s = *state_;
    HostState& h = *host_;
    if (s.open_pin) {
        s.open_pin = false;
        s.screen = Screen::Pin;
        h.pin_pad.clear();
        h.pin_message.clear();
        s.map_pointers.clear();
    }
    if (h.gesture.update(now)) {
        s.screen = Screen::Pin;
        h.pin_pad.clear();
        h.pin_message.clear();
        s.map_pointers.clear();
    }
    // Feed updates from the worker (by value; the last good feed stays until a new one parses).
    if (updater_) {
        while (auto u = updater_->poll()) {
            if (u->feed) set_feed(u->feed);
            s.updater_status = u->status;
            const data::UpdaterStatus& st = u->status;
            if (st.last_error)
                log_event("feed", "error (" + std::string(data::to_string(st.last_error->kind)) + "): " +
                                      st.last_error->message + "; keeping the last good feed");
            else if (u->feed)
                log_event("feed", std::string("new feed from ") + data::to_string(st.source) + " (" +
                                      std::to_string(u->feed->venues.size()) + " venues, " +
                                      std::to_string(u->feed->activities.size()) + " activities)");
            else
                log_event("feed", "up to date");
            if (st.cache_error) log_event("feed-cache", st.cache_error->message);
        }
    }
    if (!h.idle) {
        h.idle = std::make_unique<host::IdlePolicy>(host::IdleConfig::from(h.settings), now);
        h.idle->set_item_count(h.attract_venues.size());
    }
    // Idle reset and attract mode (host helper's policy; the app only acts on its events).
    if (h.idle && s.screen != Screen::HostSettings && s.screen != Screen::Pin) {
        switch (h.idle->update(now)) {
            case host::IdleEvent::reset:
                reset_to_start();
                break;
            case host::IdleEvent::attract_start:
            case host::IdleEvent::attract_next:
                h.attract = true;
                if (!h.attract_venues.empty()) {
                    const auto v = h.attract_venues[h.idle->attract_index() % h.attract_venues.size()];
                    focus_venue(v, false);
                }
                break;
            case host::IdleEvent::attract_end:
                h.attract = false;
                s.highlight_venue.clear();
                break;
            case host::IdleEvent::none:
                break;
        }
    } else if (h.idle && (s.screen == Screen::HostSettings || s.screen == Screen::Pin)) {
        // Host screens also time out, back to the visitor map (never left open unattended).
        if (h.idle->update(now) == host::IdleEvent::reset) reset_to_start();
    }
    // Night hours: dim or blank by the (injected) local wall clock.
    const auto local = data::amsterdam_from_utc(wall_now());
    h.screen_state = h.night.update(now, local.time.hour * 60 + local.time.minute);
    // Kinetic panning and the double-tap zoom animation (bk::map::Viewport's motion).
    camera_.update(ImGui::GetIO().DeltaTime);
    if (camera_.is_animating()) s.animating = true;
}

void App::reset_to_start() {
    AppState& s = *state_;
    s.screen = Screen::Map;
    s.venue_id.clear();
    s.language_popup = false;
    s.keyboard_open = false;
    s.filters_open = false;
    s.legend_open = false;
    s.chooser.clear();
    clear_filters();
    s.agenda_tab = AgendaTab::Today;
    s.highlight_venue.clear();
    s.map_pointers.clear();
    s.fling_px_per_s = ImVec2(0, 0);
    s.large_text = host_->settings.large_text;
    s.high_contrast = host_->settings.high_contrast;
    set_language(host_->settings.language);
    look_at_start();
}

// [SECTION] frame -----------------------------------------------------------------------------

int App::wait_timeout_ms(SteadyTime now) const {
    const AppState& s = *state_;
    if (!pending_.empty() || settle_frames_ > 0 || s.animating || s.fling_px_per_s.x != 0 || s.fling_px_per_s.y != 0)
        return 0;
    // Tiles: draw again at once while the next frame can show more; while only the workers are busy
    // (loading()), their wake-up events end the wait (capped at 100 ms below).
    if (tiles_ && tiles_->has_tiles() && !tiles_->complete() && !tiles_->loading()) return 0;
    if (host_->gesture.pressing()) return 50;  // draw the host ring while a corner press is held
    long ms = 1000;  // the status clock changes once a minute; a second is plenty
    if (host_->idle) {
        const auto next = host_->idle->time_until_next_event(now);
        ms = std::min<long>(ms, std::chrono::duration_cast<std::chrono::milliseconds>(next).count() + 1);
    }
    if (tiles_ && tiles_->has_tiles() && !tiles_->complete()) ms = std::min(ms, 100L);  // workers also wake us
    return static_cast<int>(std::max(1L, ms));
}

bool App::frame_due(SteadyTime now) const {
    if (wait_timeout_ms(now) <= 1) return true;
    if (host_->idle && host_->idle->time_until_next_event(now) <= std::chrono::milliseconds(1)) return true;
    const auto minute = std::chrono::duration_cast<std::chrono::minutes>(config_.wall_clock().time_since_epoch());
    return minute.count() != state_->drawn_minute;  // the status clock shows minutes
}

void App::frame(float width_px, float height_px, SteadyTime now) {
    ++frames_drawn_;
    state_->drawn_minute =
        std::chrono::duration_cast<std::chrono::minutes>(config_.wall_clock().time_since_epoch()).count();
    ImGuiIO& io = ImGui::GetIO();
    AppState& s = *state_;
    io.DisplaySize = ImVec2(width_px, height_px);
    const double dt = s.last_frame.time_since_epoch().count() == 0
                          ? 1.0 / 60.0
                          : std::chrono::duration<double>(now - s.last_frame).count();
    io.DeltaTime = static_cast<float>(std::clamp(dt, 1e-4, 0.5));
    s.last_frame = now;
    s.now = now;
    s.animating = false;
    theme_.apply(s.large_text, s.high_contrast);
    apply_input(now);
    run_timers(now);
    compute_layout(width_px, height_px);
    update_time_state();
    ImGui::NewFrame();
    clear_button_registry();
    s.ui_rects_last = std::move(s.ui_rects);
    s.ui_rects.clear();
    const Screen screen_before = s.screen;
    const std::string filter_before = QueryCache::filter_key(s.filter);
    const std::size_t chooser_before = s.chooser.size();
    ImGui::PushFont(theme_.body());
    draw_map(width_px, height_px);
    draw_top_bar(width_px);
    draw_now_strip();
    draw_filter_bar();
    draw_legend_and_buttons(width_px, height_px);
    draw_chooser();
    switch (s.screen) {
        case Screen::Venue: draw_venue_panel(width_px, height_px); break;
        case Screen::Agenda: draw_agenda_panel(width_px, height_px); break;
        case Screen::Nearby: draw_nearby_panel(width_px, height_px); break;
        case Screen::Pin: draw_pin_screen(width_px, height_px); break;
        case Screen::HostSettings: draw_host_screen(width_px, height_px); break;
        case Screen::Map: break;
    }
    if (s.language_popup) draw_language_popup(width_px, height_px);
    draw_attribution(width_px, height_px);
    draw_overlays(width_px, height_px);
    ImGui::PopFont();
    ImGui::Render();
    s.pending_tap.reset();
    // A tap that changed the screen mid-frame (strip row, marker, chooser) is drawn settled in the
    // next frame at once: windows drawn before the change still show the old screen in this one.
    if (s.screen != screen_before || QueryCache::filter_key(s.filter) != filter_before ||
        s.chooser.size() != chooser_before) {
        s.animating = true;
    }
    // Render on demand stops only once ImGui is settled: a few frames after the last input (a
    // button's pressed -> released -> highlighted states each take a frame), and never while an
    // item is active or text is being typed.
    if (settle_frames_ > 0) --settle_frames_;
    if (ImGui::IsAnyItemActive() || io.WantTextInput) settle_frames_ = std::max(settle_frames_, 1);
}

// [SECTION] helpers ---------------------------------------------------------------------------

ButtonColours App::button_colours() const {
    const Palette& p = theme_.palette();
    return {p.button, p.button_active, p.text};
}
ButtonColours App::accent_colours() const {
    const Palette& p = theme_.palette();
    return {p.accent, p.button_active, p.accent_text};
}
ButtonColours App::chip_on_colours() const {
    const Palette& p = theme_.palette();
    return {p.chip_on, p.chip_on, p.chip_on_text};
}

void App::begin_panel(const char* id, float width_px) {
    const ImGuiIO& io = ImGui::GetIO();
    const ScreenLayout& l = state_->layout;
    if (l.portrait) {
        // Portrait: a bottom sheet under the map, full width (the map and its buttons stay above).
        ImGui::SetNextWindowPos(ImVec2(0, l.sheet_top));
        ImGui::SetNextWindowSize(ImVec2(l.w, l.h - l.sheet_top));
        ImGui::Begin(id, nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        state_->ui_rects.push_back({ImVec2(0, l.sheet_top), ImVec2(l.w, l.h)});
        return;
    }
    const float top = state_->top_bar_h;
    // Panels slide in from the reading side: right for LTR, left for Arabic.
    const float x = text_.rtl() ? 0.0f : io.DisplaySize.x - width_px;
    ImGui::SetNextWindowPos(ImVec2(x, top));
    ImGui::SetNextWindowSize(ImVec2(width_px, io.DisplaySize.y - top));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    state_->ui_rects.push_back({ImVec2(x, top), ImVec2(x + width_px, io.DisplaySize.y)});
}

void App::end_panel() { ImGui::End(); }

std::vector<std::string> App::chooser_venues() const {
    std::vector<std::string> out;
    if (!model_.feed()) return out;
    for (std::uint32_t v : state_->chooser)
        if (v < model_.feed()->venues.size()) out.push_back(model_.feed()->venues[v].id);
    return out;
}

void App::focus_venue(std::uint32_t index, bool open_panel, bool zoom_in) {
    if (!model_.feed() || index >= model_.feed()->venues.size()) return;
    const auto& v = model_.feed()->venues[index];
    AppState& s = *state_;
    s.highlight_venue = v.id;
    s.highlight_since = s.now;
    if (open_panel) {
        s.screen = Screen::Venue;
        s.venue_id = v.id;
    }
    // Centre the venue in the part of the map the panel (or the now strip) leaves free.
    const double zoom = zoom_in ? std::max(camera_.zoom(), 15.5) : camera_.zoom();
    camera_.look_at(v.location.lon_deg, v.location.lat_deg, zoom);
    const auto [a, b] = free_map_rect();
    const double cx = camera_.x_px() + camera_.w_px() / 2, cy = camera_.y_px() + camera_.h_px() / 2;
    camera_.pan_by_px((a.x + b.x) / 2 - cx, (a.y + b.y) / 2 - cy);
}

void App::set_language(const std::string& code) {
    if (auto l = host::language_from_code(code)) text_.set_language(*l);
}

std::string App::language() const { return std::string(host::language_info(text_.i18n().language()).code); }

}  // namespace bk::kiosk
