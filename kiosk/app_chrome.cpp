// Screen chrome: the top bar (title, clock, feed status, language, text size, contrast), the
// language chooser, the map attribution (bottom corner, always visible), and full-screen overlays
// (night dim/blank, corrupt-config banner, host-gesture ring).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/app.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/tile_layer.hpp"

namespace bk::kiosk {
constexpr float kPi = 3.14159265358979f;
namespace {

std::string hh_mm(const data::LocalDateTime& t) {
    char b[8];
    std::snprintf(b, sizeof b, "%02d:%02d", t.time.hour, t.time.minute);
    return b;
}

bool is_signature_problem(const data::Error& e) {
    return e.message.find("signat") != std::string::npos || e.message.find("Signat") != std::string::npos;
}

}  // namespace

std::string App::status_text() const {
    const AppState& s = *state_;
    if (!s.updater_status) {
        // No live feed: say so when the embedded sample data is what the visitor sees.
        if (model_.feed() && model_.feed()->sample) return text_.tr("status.sample_data") + " \xC2\xB7 " + text_.tr("status.offline_map");
        return {};
    }
    const data::UpdaterStatus& st = *s.updater_status;
    if (st.last_error) {
        if (is_signature_problem(*st.last_error)) return text_.tr("feed.signature_invalid");
        if (st.last_success_utc) {
            return text_.fmt("status.offline_since", {hh_mm(data::amsterdam_from_utc(*st.last_success_utc))});
        }
        return text_.tr("feed.unreachable");
    }
    // The signature rule (FeedLink): with trusted keys every feed must be signed; without keys feeds
    // are taken unsigned, and the status line says so.
    const bool unsigned_feed = host_->settings.trusted_keys.empty() && !host_->settings.require_signature;
    const std::string suffix = unsigned_feed ? " \xC2\xB7 " + text_.tr("status.unsigned") : std::string();
    if (st.last_success_utc) {
        return text_.fmt("status.updated_at", {hh_mm(data::amsterdam_from_utc(*st.last_success_utc))}) + suffix;
    }
    return text_.tr("status.loading");
}

void App::draw_top_bar(float w) {
    AppState& s = *state_;
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    const float h = 84.0f * k;
    s.top_bar_h = h;
    const bool rtl = text_.rtl();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(pal.background));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##topbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(0, h - 1), ImVec2(w, h - 1), pal.panel_border, 2.0f);

    // Title block (left in LTR, right in RTL) — the project name stays in Dutch on purpose.
    ImFont* title = theme_.title();
    const char* name = "Buurtkaart Delfshaven";
    const ImVec2 ts = title->CalcTextSizeA(title->FontSize, 1e6f, 0, name);
    const float title_x = rtl ? w - ts.x - 28 : 28;
    dl->AddCircleFilled(ImVec2(rtl ? w - 16 : 14, h / 2), 5, pal.accent);
    dl->AddText(title, title->FontSize, ImVec2(title_x, (h - ts.y) / 2), pal.text, name);

    // Clock + status in the middle.
    const auto local = data::amsterdam_from_utc(wall_now());
    std::string day = std::string(text_.i18n().day_name(data::iso_weekday(local.date) - 1)) + " " +
                      std::to_string(local.date.day) + " " + std::string(text_.i18n().month_name(local.date.month));
    const std::string clock = hh_mm(local);
    ImFont* heading = theme_.heading();
    const ImVec2 cs = heading->CalcTextSizeA(heading->FontSize, 1e6f, 0, clock.c_str());
    const char* day_v = text_.vis(day);
    std::string day_vis = day_v;
    ImFont* body = theme_.body();
    const ImVec2 ds = body->CalcTextSizeA(body->FontSize, 1e6f, 0, day_vis.c_str());
    // Centre the clock between the title and the buttons; drop the day name when space is short.
    const float buttons_w = (190.0f + 78 + 78 + 24 + 16) * k;
    const float free_l = rtl ? buttons_w + 16 : ts.x + 56;
    const float free_r = rtl ? w - ts.x - 56 : w - buttons_w - 16;
    const bool show_day = free_r - free_l > cs.x + ds.x + 40;
    if (!show_day) day_vis.clear();
    const ImVec2 ds2 = show_day ? ds : ImVec2(0, 0);
    const float mid_x = (free_l + free_r) / 2;
    dl->AddText(heading, heading->FontSize, ImVec2(mid_x - (cs.x + ds2.x + 14) / 2, (h - cs.y) / 2), pal.text,
                clock.c_str());
    if (show_day) {
        dl->AddText(body, body->FontSize, ImVec2(mid_x - (cs.x + ds2.x + 14) / 2 + cs.x + 14, (h - ds.y) / 2 + 2),
                    pal.text_muted, day_vis.c_str());
    }
    const std::string status = status_text();
    if (!status.empty()) {
        ImFont* small = theme_.small();
        std::string sv = text_.vis(status);
        const bool bad = s.updater_status && s.updater_status->last_error;
        const ImVec2 ss = small->CalcTextSizeA(small->FontSize, 1e6f, 0, sv.c_str());
        const ImVec2 p(mid_x - ss.x / 2, h - ss.y - 4);
        if (bad) dl->AddRectFilled(ImVec2(p.x - 8, p.y - 1), ImVec2(p.x + ss.x + 8, p.y + ss.y + 1), pal.warning, 6);
        dl->AddText(small, small->FontSize, p, bad ? pal.warning_text : pal.text_muted, sv.c_str());
    }

    // Language, large text and contrast toggles: the language button is always visible.
    const ButtonColours plain = button_colours(), on = chip_on_colours();
    const std::string lang_name(host::language_info(text_.i18n().language()).native_name);
    const std::string lang_label = std::string(text_.vis(lang_name)) + "##lang";
    const float bh = h - 20;
    const float lang_w = std::max(190.0f * k, ImGui::CalcTextSize(lang_label.c_str(), nullptr, true).x + 40);
    const float aa_w = 78 * k, hc_w = 78 * k;
    const float total = lang_w + aa_w + hc_w + 24;
    ImGui::SetCursorPos(ImVec2(rtl ? 16 : w - total - 16, 10));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, 6));
    if (big_button(lang_label.c_str(), ImVec2(lang_w, bh), s.language_popup ? on : plain)) {
        s.language_popup = !s.language_popup;
    }
    ImGui::SameLine(0, 12);
    if (big_button("A+##large", ImVec2(aa_w, bh), s.large_text ? on : plain)) s.large_text = !s.large_text;
    ImGui::SameLine(0, 12);
    // Contrast: a half-filled circle icon drawn over an empty-labelled button.
    const ImVec2 c0 = ImGui::GetCursorScreenPos();
    if (big_button("##contrast", ImVec2(hc_w, bh), s.high_contrast ? on : plain)) s.high_contrast = !s.high_contrast;
    const ImVec2 cc(c0.x + hc_w / 2, c0.y + bh / 2);
    const ImU32 ic = s.high_contrast ? pal.chip_on_text : pal.text;
    dl->AddCircle(cc, 15 * k, ic, 24, 3.0f);
    dl->PathArcTo(cc, 15 * k, -kPi / 2, kPi / 2, 16);
    dl->PathFillConvex(ic);
    ImGui::PopStyleVar();
    s.ui_rects.push_back({ImVec2(0, 0), ImVec2(w, h)});
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

void App::draw_language_popup(float w, float /*h*/) {
    AppState& s = *state_;
    const float k = theme_.scale();
    const float pw = 380 * k;
    ImGui::SetNextWindowPos(ImVec2(text_.rtl() ? 16 : w - pw - 16, s.top_bar_h + 8));
    ImGui::SetNextWindowSize(ImVec2(pw, 0));
    ImGui::Begin("##languages", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    // Each language in its own name, so everyone finds theirs.
    for (const auto& l : host::languages()) {
        const bool current = l.language == text_.i18n().language();
        const std::string label = std::string(text_.vis(l.native_name)) + "##" + std::string(l.code);
        if (big_button(label.c_str(), ImVec2(pw - 44, 68 * k), current ? chip_on_colours() : button_colours())) {
            text_.set_language(l.language);
            s.language_popup = false;
        }
    }
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
}

void App::draw_attribution(float w, float h) {
    // Bottom corner of the map, above everything, always visible (OSM / data licences require it).
    const std::string text = tile_attribution();  // from the active tile source
    ImFont* small = theme_.small();
    const ImVec2 size = small->CalcTextSizeA(small->FontSize, 1e6f, 0, text.c_str());
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    // The bottom-right corner of the free map (left of the strip or a panel; above a bottom sheet).
    // Bottom edge of the screen (portrait: above a bottom sheet), right edge of the free map.
    auto [fa, fb] = free_map_rect();
    const ScreenLayout& l = state_->layout;
    const bool sheet = l.portrait && (state_->screen == Screen::Venue || state_->screen == Screen::Agenda ||
                                      state_->screen == Screen::Nearby);
    fb.y = sheet ? l.sheet_top : h;
    if (state_->screen == Screen::Pin || state_->screen == Screen::HostSettings) fb = ImVec2(w, h);
    if (!l.portrait && text_.rtl()) fb.x = w;  // the strip/panel is on the left in Arabic
    const float right = fb.x, bottom = fb.y;
    const ImVec2 p0(right - size.x - 14, bottom - size.y - 8);
    dl->AddRectFilled(ImVec2(p0.x - 10, p0.y - 4), ImVec2(right, bottom), IM_COL32(255, 255, 255, 225), 10.0f,
                      ImDrawFlags_RoundCornersTopLeft);
    dl->AddText(small, small->FontSize, p0, IM_COL32(40, 40, 40, 255), text.c_str());
}

void App::draw_overlays(float w, float h) {
    AppState& s = *state_;
    HostState& hs = *host_;
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const Palette& pal = theme_.palette();
    // Corrupt settings: a banner hosts cannot miss (visitors see it too; it names the saved copy).
    if (hs.config_warning && (s.screen == Screen::HostSettings || s.screen == Screen::Pin || !kiosk_mode())) {
        const std::string v = text_.vis(*hs.config_warning);
        ImFont* f = theme_.body();
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, w - 80, w - 80, v.c_str());
        const ImVec2 p0(20, s.top_bar_h + 10);
        dl->AddRectFilled(p0, ImVec2(w - 20, p0.y + ts.y + 24), pal.warning, 12);
        dl->AddRect(p0, ImVec2(w - 20, p0.y + ts.y + 24), pal.danger, 12, 0, 3);
        dl->AddText(f, f->FontSize, ImVec2(p0.x + 20, p0.y + 12), pal.warning_text, v.c_str(), nullptr, w - 80);
    }
    // Host gesture progress: a ring that fills in the corner while the press is held.
    const float prog = hs.gesture.progress(s.now);
    if (prog > 0.15f) {
        dl->PathArcTo(ImVec2(48, 48), 30, -kPi / 2, -kPi / 2 + 2 * kPi * prog, 32);
        dl->PathStroke(pal.accent, 0, 6);
        s.animating = true;
    }
    // Night hours: dim with a translucent black layer, or blank the screen.
    if (hs.screen_state.mode != host::ScreenMode::awake) {
        const float alpha = hs.screen_state.mode == host::ScreenMode::blank
                                ? 1.0f
                                : std::clamp(1.0f - hs.screen_state.brightness, 0.0f, 0.95f);
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(w, h), IM_COL32(0, 0, 0, static_cast<int>(alpha * 255)));
    }
    // Attract mode: an inviting line at the top of the map.
    if (hs.attract) {
        const std::string line = text_.tr("attract.title") + " \xE2\x80\x94 " + text_.tr("attract.touch_to_start");
        const std::string v = text_.vis(line);
        ImFont* f = theme_.heading();
        const ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e6f, 0, v.c_str());
        const ImVec2 p0((w - ts.x) / 2 - 24, s.top_bar_h + 16);
        dl->AddRectFilled(p0, ImVec2(p0.x + ts.x + 48, p0.y + ts.y + 24), pal.accent, 20);
        dl->AddText(f, f->FontSize, ImVec2(p0.x + 24, p0.y + 12), pal.accent_text, v.c_str());
    }
}

}  // namespace bk::kiosk
