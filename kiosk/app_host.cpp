// Host side: settings (host helper's atomic Settings), kiosk mode (KioskGuard), the hidden corner
// long press -> PIN pad -> host settings screen (home venue, start view, language, idle timeout,
// night hours, feed URL with the on-screen keyboard, tile source, PIN change, exit kiosk mode).
#include <algorithm>
#include <cstdio>

#include "data/feed_updater.hpp"
#include "kiosk/app.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/asset_paths.hpp"
#include "kiosk/host/settings_dropin.hpp"
#include "buurtkaart_version.hpp"

namespace bk::kiosk {

void App::init_host() {
    HostState& h = *host_;
    h.settings_path = config_.config_path.empty() ? host::default_settings_path()
                                                  : std::filesystem::path(config_.config_path);
    host::LoadResult r = host::load_settings_with_dropins(h.settings_path, asset_paths().dropin_dir);
    for (const auto& w : r.warnings) std::fprintf(stderr, "kiosk: settings: %s\n", w.c_str());
    h.settings = r.settings;
    h.settings_fresh = r.fresh;
    if (r.ui_warning) h.config_warning = *r.ui_warning;
    if (r.fresh) {
        // A fresh kiosk: the project's start view and windowed development mode.
        h.settings.start_view = {config_.start_lon_deg, config_.start_lat_deg, config_.start_zoom};
        h.settings.kiosk_mode = false;
    }
    if (config_.language_given || r.fresh) h.settings.language = config_.language;
    // Kiosk mode: --kiosk, or an existing settings file that asks for it.
    const bool kiosk = config_.kiosk_mode || (!r.fresh && h.settings.kiosk_mode);
    config_.kiosk_mode = kiosk;
    h.guard.set_kiosk_mode(kiosk);
    h.pin_guard = host::PinGuard(h.settings.pin_hash);
    apply_settings();
    const auto& v = h.settings.start_view;
    camera_.look_at(v.lon_deg, v.lat_deg, v.zoom);
    set_language(h.settings.language);
    state_->large_text = h.settings.large_text;
    state_->high_contrast = h.settings.high_contrast;
}

void App::apply_settings() {
    HostState& h = *host_;
    // The idle clock starts at the next frame (the injected monotonic time is known there).
    h.idle.reset();
    h.night.set_settings(h.settings.night);
    // A feed URL or key edited on the host screen takes effect now (no-op when unchanged; the
    // first call, from the constructor's init_host, comes before the feed is loaded).
    if (feed_link_ready_) make_feed_link();
}

void App::draw_pin_screen(float w, float h) {
    AppState& s = *state_;
    HostState& hs = *host_;
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    // Full screen, calm: a card in the middle with a big digit pad.
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, s.top_bar_h), ImVec2(w, h), IM_COL32(40, 34, 28, 160));
    const float key = std::min(110.0f * k, (h - s.top_bar_h - 300) / 4.6f);
    const float card_w = key * 3 + 16 * 2 + 60;
    ImGui::SetNextWindowPos(ImVec2(w / 2, (h + s.top_bar_h) / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(card_w, 0));
    ImGui::Begin("##pin", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    s.ui_rects.push_back({ImVec2(0, 0), ImVec2(w, h)});
    if (panel_header(text_.tr("pin.title"))) {
        s.screen = Screen::Map;
        hs.pin_pad.clear();
    }
    text_.line(text_.tr("pin.enter"), pal.text_muted);
    // The entered digits as dots.
    ImGui::PushFont(theme_.title());
    const std::string dots = hs.pin_pad.length() == 0 ? std::string(" ") : hs.pin_pad.masked();
    const float dw = ImGui::CalcTextSize(dots.c_str()).x;
    ImGui::SetCursorPosX((card_w - dw) / 2);
    ImGui::TextUnformatted(dots.c_str());
    ImGui::PopFont();
    const int locked = hs.pin_guard.seconds_locked(s.now);
    if (locked > 0) {
        text_.paragraph(text_.fmt("pin.locked", {std::to_string(locked)}), card_w - 60, pal.danger);
        s.animating = true;  // count down
    } else if (!hs.pin_message.empty()) {
        text_.paragraph(hs.pin_message, card_w - 60, pal.danger);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(16, 16));
    const ButtonColours plain = button_colours();
    static const int digits[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (int i = 0; i < 9; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const std::string label = std::to_string(digits[i]) + "##d";
        ImGui::PushFont(theme_.title());
        if (big_button(label.c_str(), ImVec2(key, key), plain, key / 2)) hs.pin_pad.press_digit(digits[i]);
        ImGui::PopFont();
    }
    ImGui::PushFont(theme_.body());
    if (big_button((std::string(text_.vis(text_.tr("pin.clear"))) + "##c").c_str(), ImVec2(key, key), plain, key / 2)) {
        hs.pin_pad.clear();
    }
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(theme_.title());
    if (big_button("0##d", ImVec2(key, key), plain, key / 2)) hs.pin_pad.press_digit(0);
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushFont(theme_.heading());
    if (big_button((std::string(text_.vis(text_.tr("pin.submit"))) + "##ok").c_str(), ImVec2(key, key),
                   hs.pin_pad.can_submit() ? accent_colours() : plain, key / 2) &&
        hs.pin_pad.can_submit()) {
        const host::PinResult r = hs.pin_pad.submit(hs.pin_guard, s.now);
        if (r.kind == host::PinResult::Kind::ok) {
            s.screen = Screen::HostSettings;
            hs.pin_message.clear();
            hs.host_message = host::uses_default_pin(hs.settings.pin_hash) ? text_.tr("host.pin_default_warning") : "";
        } else if (r.kind == host::PinResult::Kind::wrong) {
            hs.pin_message = r.seconds_left > 0 ? text_.fmt("pin.locked", {std::to_string(r.seconds_left)})
                                                : text_.fmt("pin.wrong", {std::to_string(r.attempts_left)});
        } else {
            hs.pin_message = text_.fmt("pin.locked", {std::to_string(r.seconds_left)});
        }
        hs.settings.pin_lock = hs.pin_guard.persisted(s.now, std::chrono::duration_cast<std::chrono::seconds>(
                                                                  config_.wall_clock().time_since_epoch()).count());
    }
    ImGui::PopFont();
    ImGui::PopStyleVar();
    ImGui::End();
}

void App::draw_host_screen(float w, float h) {
    AppState& s = *state_;
    HostState& hs = *host_;
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    const ButtonColours plain = button_colours(), on = chip_on_colours();
    const float pw = std::min(w - 40, 1100.0f * k);
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, s.top_bar_h), ImVec2(w, h), IM_COL32(40, 34, 28, 160));
    ImGui::SetNextWindowPos(ImVec2((w - pw) / 2, s.top_bar_h + 12));
    ImGui::SetNextWindowSize(ImVec2(pw, h - s.top_bar_h - 24));
    ImGui::Begin("##host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    s.ui_rects.push_back({ImVec2(0, 0), ImVec2(w, h)});
    host::Settings& st = hs.settings;
    bool changed = false;
    bool tiles_changed = false;
    // Every change is saved at once, atomically (host helper's save_settings).
    auto save_if_changed = [&] {
        if (!changed) return;
        apply_settings();
        if (auto ok = host::save_settings_over_dropins(st, hs.settings_path, asset_paths().dropin_dir); ok) {
            if (hs.host_message.empty() || hs.host_message == text_.tr("host.saved")) hs.host_message = text_.tr("host.saved");
            hs.config_warning.reset();
        } else {
            hs.host_message = text_.fmt("host.save_failed", {ok.error().message});
        }
    };
    if (panel_header(text_.tr("host.title"))) s.screen = Screen::Map;
    if (!hs.host_message.empty()) text_.paragraph(hs.host_message, 0, pal.danger);
    if (hs.config_warning) text_.paragraph(*hs.config_warning, 0, pal.danger);

    // The keyboard for a text field being edited takes the lower part of the screen.
    if (hs.editing != HostState::Field::None) {
        const bool pin = hs.editing == HostState::Field::NewPin;
        text_.line(pin ? (hs.new_pin_first.empty() ? text_.tr("host.new_pin") : text_.tr("host.repeat_pin"))
                       : text_.tr("host.feeds"));
        ImGui::PushFont(theme_.heading());
        ImGui::TextUnformatted(((pin ? std::string(hs.edit_text.size(), '*') : hs.edit_text) + "|").c_str());
        ImGui::PopFont();
        s.keyboard.set_layout(pin ? OnScreenKeyboard::Layout::Digits : OnScreenKeyboard::Layout::Letters);
        bool done = false;
        // URLs need a few symbols beyond letters; add them as extra keys.
        if (!pin) {
            for (const char* sym : {":", "/", ".", "-", "_", "?", "=", "&"}) {
                if (big_button((std::string(sym) + "##sym").c_str(), ImVec2(64 * k, 60 * k), plain)) hs.edit_text += sym;
                ImGui::SameLine();
            }
            ImGui::NewLine();
        }
        s.keyboard.draw(hs.edit_text, ImGui::GetContentRegionAvail().x, plain, accent_colours(), &done);
        if (big_button((std::string(text_.vis(text_.tr("ui.cancel"))) + "##cancel").c_str(), ImVec2(0, 0), plain)) {
            hs.editing = HostState::Field::None;
            hs.new_pin_first.clear();
        }
        if (done) {
            if (!pin) {
                if (hs.edit_text.rfind("http://", 0) == 0 || hs.edit_text.rfind("https://", 0) == 0) {
                    st.feed_urls.push_back(hs.edit_text);
                    changed = true;
                } else {
                    hs.host_message = "URL moet beginnen met http:// of https:// (gevonden: '" + hs.edit_text + "')";
                }
                hs.editing = HostState::Field::None;
            } else if (hs.new_pin_first.empty()) {
                if (host::is_valid_pin(hs.edit_text)) {
                    hs.new_pin_first = hs.edit_text;
                } else {
                    hs.host_message = text_.tr("host.new_pin");
                    hs.editing = HostState::Field::None;
                }
            } else {
                if (hs.edit_text == hs.new_pin_first) {
                    if (auto hash = host::hash_pin(hs.edit_text)) {
                        st.pin_hash = *hash;
                        hs.pin_guard.set_hash(*hash);
                        hs.host_message = text_.tr("host.pin_changed");
                        changed = true;
                    } else {
                        hs.host_message = hash.error().message;
                    }
                } else {
                    hs.host_message = text_.tr("host.pin_mismatch");
                }
                hs.new_pin_first.clear();
                hs.editing = HostState::Field::None;
            }
            hs.edit_text.clear();
        }
        save_if_changed();
        ImGui::End();
        return;
    }

    ImGui::BeginChild("##hostscroll", ImVec2(0, -80 * k), false);
    touch_scroll();
    auto section = [&](const char* key) {
        ImGui::Dummy(ImVec2(1, 8));
        ImGui::PushFont(theme_.heading());
        text_.line(text_.tr(key), pal.accent);
        ImGui::PopFont();
    };
    section("host.section_visitor");
    text_.line(text_.tr("host.default_language"));
    for (const auto& l : host::languages()) {
        const std::string label = std::string(text_.vis(l.native_name)) + "##hl" + std::string(l.code);
        if (chip(label.c_str(), st.language == l.code, plain, on)) {
            st.language = std::string(l.code);
            set_language(st.language);
            changed = true;
        }
        ImGui::SameLine(0, 8);
    }
    ImGui::NewLine();
    if (chip((std::string(text_.vis(text_.tr("host.large_text"))) + "##hlt").c_str(), st.large_text, plain, on)) {
        st.large_text = !st.large_text;
        s.large_text = st.large_text;
        changed = true;
    }
    ImGui::SameLine(0, 8);
    if (chip((std::string(text_.vis(text_.tr("host.high_contrast"))) + "##hhc").c_str(), st.high_contrast, plain, on)) {
        st.high_contrast = !st.high_contrast;
        s.high_contrast = st.high_contrast;
        changed = true;
    }
    text_.line(text_.fmt("host.idle_timeout", {std::to_string(st.idle_timeout_s)}));
    for (int secs : {30, 60, 90, 180, 300, 600}) {
        if (chip((std::to_string(secs) + " s##idle").c_str(), st.idle_timeout_s == secs, plain, on)) {
            st.idle_timeout_s = secs;
            changed = true;
        }
        ImGui::SameLine(0, 8);
    }
    ImGui::NewLine();
    if (chip((std::string(text_.vis(text_.tr("host.attract_mode"))) + "##attract").c_str(), st.attract_mode, plain, on)) {
        st.attract_mode = !st.attract_mode;
        changed = true;
    }

    section("host.section_map");
    text_.line(text_.tr("host.home_venue"));
    if (model_.feed()) {
        ImGui::BeginChild("##homevenues", ImVec2(0, 260 * k), true);
        touch_scroll();
        for (const auto& v : model_.feed()->venues) {
            const std::string label = std::string(text_.vis(v.name)) + "##hv" + v.id;
            if (chip(label.c_str(), st.home_venue_id == v.id, plain, on)) {
                st.home_venue_id = st.home_venue_id == v.id ? "" : v.id;
                changed = true;
            }
        }
        ImGui::EndChild();
    }
    text_.line(text_.tr("host.start_view"));
    if (big_button((std::string(text_.vis(text_.tr("host.use_current_view"))) + "##sv").c_str(), ImVec2(0, 0), plain)) {
        const auto c = camera_.center();
        st.start_view = {c.lon_deg, c.lat_deg, camera_.zoom()};
        changed = true;
    }
    text_.line(text_.tr("host.tile_source"));
    for (auto preset : {host::TilePreset::offline, host::TilePreset::pdok_standaard, host::TilePreset::osm}) {
        const char* key = preset == host::TilePreset::offline ? "host.tile_offline"
                          : preset == host::TilePreset::osm  ? "host.tile_osm"
                                                             : "host.tile_pdok_standaard";
        if (chip((std::string(text_.vis(text_.tr(key))) + "##tile" + std::string(host::to_string(preset))).c_str(),
                 st.tile_source.preset == preset, plain, on)) {
            st.tile_source.preset = preset;
            config_.tiles_given = false;  // the host's choice now wins over --tiles
            changed = true;
            tiles_changed = true;
        }
        ImGui::SameLine(0, 8);
    }
    ImGui::NewLine();

    section("host.section_screen");
    if (chip((std::string(text_.vis(text_.tr("host.night_hours"))) + "##night").c_str(), st.night.enabled, plain, on)) {
        st.night.enabled = !st.night.enabled;
        changed = true;
    }
    ImGui::SameLine(0, 8);
    if (chip((std::string(text_.vis(text_.tr("host.night_dim"))) + "##ndim").c_str(), st.night.mode == host::NightMode::dim, plain, on)) {
        st.night.mode = host::NightMode::dim;
        changed = true;
    }
    ImGui::SameLine(0, 8);
    if (chip((std::string(text_.vis(text_.tr("host.night_blank"))) + "##nblank").c_str(), st.night.mode == host::NightMode::blank, plain, on)) {
        st.night.mode = host::NightMode::blank;
        changed = true;
    }
    char night[64];
    std::snprintf(night, sizeof night, "%02d:%02d \xE2\x80\x93 %02d:%02d", st.night.start.hour, st.night.start.minute,
                  st.night.end.hour, st.night.end.minute);
    text_.line(text_.tr("host.night_start") + " / " + text_.tr("host.night_end") + ": " + night);
    for (int hh : {20, 21, 22, 23}) {
        if (chip((std::to_string(hh) + ":00##ns").c_str(), st.night.start.hour == hh, plain, on)) {
            st.night.start = {hh, 0};
            changed = true;
        }
        ImGui::SameLine(0, 8);
    }
    for (int hh : {6, 7, 8}) {
        if (chip((std::to_string(hh) + ":00##ne").c_str(), st.night.end.hour == hh, plain, on)) {
            st.night.end = {hh, 0};
            changed = true;
        }
        ImGui::SameLine(0, 8);
    }
    ImGui::NewLine();

    section("host.section_feeds");
    if (st.feed_urls.empty()) text_.line(text_.tr("feed.none_configured"), pal.text_muted);
    for (std::size_t i = 0; i < st.feed_urls.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (big_button((std::string(text_.vis(text_.tr("host.feed_remove"))) + "##rm").c_str(), ImVec2(0, 0), plain)) {
            st.feed_urls.erase(st.feed_urls.begin() + static_cast<long>(i));
            changed = true;
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(st.feed_urls[i].c_str());
        ImGui::PopID();
    }
    if (big_button((std::string(text_.vis(text_.tr("host.feed_add"))) + "##addfeed").c_str(), ImVec2(0, 0), plain)) {
        hs.editing = HostState::Field::FeedUrl;
        hs.edit_text = "https://";
    }
    if (s.updater_status) text_.line(status_text(), pal.text_muted);
    text_.line(std::string("Buurtkaart Delfshaven " BUURTKAART_VERSION " · kiosk ") + host::effective_kiosk_id(st), pal.text_muted);

    ImGui::EndChild();

    // Bottom row: close, exit kiosk mode (or quit outside it).
    if (big_button((std::string(text_.vis(text_.tr("host.close"))) + "##hclose").c_str(), ImVec2(0, 64 * k), accent_colours())) {
        s.screen = Screen::Map;
    }
    ImGui::SameLine();
    // Security actions stay in the always-visible bottom row.
    if (big_button((std::string(text_.vis(text_.tr("host.change_pin"))) + "##pin").c_str(), ImVec2(0, 64 * k), plain)) {
        hs.editing = HostState::Field::NewPin;
        hs.edit_text.clear();
        hs.new_pin_first.clear();
    }
    ImGui::SameLine();
    if (hs.guard.kiosk_mode()) {
        if (big_button((std::string(text_.vis(text_.tr("host.exit_kiosk"))) + "##exitk").c_str(), ImVec2(0, 64 * k), plain)) {
            hs.guard.set_kiosk_mode(false);
            config_.kiosk_mode = false;
            st.kiosk_mode = false;
            changed = true;
        }
    } else if (big_button((std::string(text_.vis(text_.tr("host.quit_app"))) + "##quit").c_str(), ImVec2(0, 64 * k), plain)) {
        quit_ = true;
    }
    if (tiles_changed) make_tile_layer();
    save_if_changed();
    ImGui::End();
}

}  // namespace bk::kiosk
