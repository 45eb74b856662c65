// Agenda panel: tabs Nu bezig / Straks / Vandaag / Deze week, filter chips (category, audience,
// neighbourhood, network, gratis), search with the on-screen keyboard (accent-insensitive search
// by the data helper's Filter::text). Tapping an activity centres and highlights its venue.
#include <algorithm>

#include "data/query.hpp"
#include "data/vocab.hpp"
#include "kiosk/app.hpp"
#include "kiosk/app_state.hpp"
#include "kiosk/query_cache.hpp"

namespace bk::kiosk {
namespace {

template <class List>
bool toggle(List& list, const std::string& id) {
    auto it = std::find(list.begin(), list.end(), id);
    if (it == list.end()) {
        list.push_back(id);
        return true;
    }
    list.erase(it);
    return false;
}

int active_filters(const data::Filter& f) {
    return static_cast<int>(f.categories.size() + f.audiences.size()) + (f.neighbourhood.empty() ? 0 : 1) +
           (f.network.empty() ? 0 : 1) + (f.free_only ? 1 : 0);
}

}  // namespace

void App::draw_agenda_panel(float w, float h) {
    AppState& s = *state_;
    const Palette& pal = theme_.palette();
    const float k = theme_.scale();
    const ButtonColours plain = button_colours(), on = chip_on_colours();
    begin_panel("##agenda", panel_width(w));
    if (panel_header(text_.tr("nav.agenda"))) {
        s.screen = Screen::Map;
        s.keyboard_open = false;
    }
    // Tabs.
    struct Tab {
        AgendaTab tab;
        const char* key;
    };
    static const Tab tabs[] = {{AgendaTab::Now, "time.now"},
                               {AgendaTab::Soon, "time.soon"},
                               {AgendaTab::Today, "time.today"},
                               {AgendaTab::Week, "time.this_week"}};
    const float avail = ImGui::GetContentRegionAvail().x;
    const float tab_w = (avail - 3 * 8) / 4;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 10));
    for (int i = 0; i < 4; ++i) {
        const int idx = text_.rtl() ? 3 - i : i;  // reading order right-to-left in Arabic
        if (i > 0) ImGui::SameLine();
        const std::string label = std::string(text_.vis(text_.tr(tabs[idx].key))) + "##tab" + std::to_string(idx);
        if (big_button(label.c_str(), ImVec2(tab_w, 60 * k), s.agenda_tab == tabs[idx].tab ? accent_colours() : plain)) {
            s.agenda_tab = tabs[idx].tab;
        }
    }
    // Search and filter toggles.
    const int n_active = active_filters(s.filter);
    std::string filter_label = n_active > 0 ? text_.i18n().plural("filter.active", n_active)
                                            : text_.tr("filter.title");
    filter_label = std::string(text_.vis(filter_label)) + "##filters";
    std::string search_label = s.filter.text.empty() ? text_.tr("nav.search") : "\xE2\x80\x9C" + s.filter.text + "\xE2\x80\x9D";
    search_label = std::string(text_.vis(search_label)) + "##search";
    const float half = (avail - 8) / 2;
    if (big_button(search_label.c_str(), ImVec2(half, 60 * k), s.keyboard_open || !s.filter.text.empty() ? on : plain)) {
        s.keyboard_open = !s.keyboard_open;
        s.filters_open = false;
    }
    ImGui::SameLine();
    if (big_button(filter_label.c_str(), ImVec2(half, 60 * k), s.filters_open || n_active > 0 ? on : plain)) {
        s.filters_open = !s.filters_open;
        s.keyboard_open = false;
    }
    ImGui::PopStyleVar();

    if (s.keyboard_open) {
        // The search text with a caret, then the keyboard.
        ImGui::PushFont(theme_.heading());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fh = ImGui::GetFontSize() + 20;
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + avail, p.y + fh), pal.background, 12);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + avail, p.y + fh), pal.accent, 12, 0, 2);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 14, p.y + 10));
        ImGui::TextUnformatted((std::string(text_.vis(s.filter.text)) + "|").c_str());
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + fh + 10));
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(1, 1));
    }
    if (s.filters_open) {
        ImGui::BeginChild("##filterchips", ImVec2(0, std::min(420.0f * k, ImGui::GetContentRegionAvail().y * 0.6f)), true);
        touch_scroll();
        auto section = [&](const std::string& title) {
            ImGui::PushFont(theme_.heading());
            text_.line(title, pal.text_muted);
            ImGui::PopFont();
        };
        auto chips = [&](auto vocab, auto&& is_on, auto&& flip, auto&& label_of) {
            float x = 0;
            const float avail_w = ImGui::GetContentRegionAvail().x;
            int i = 0;
            for (const auto& e : vocab) {
                const std::string label = std::string(text_.vis(label_of(e))) + "##" + std::string(e.id);
                const float cw = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
                if (i++ > 0 && x + cw + 8 < avail_w) {
                    ImGui::SameLine(0, 8);
                } else {
                    x = 0;
                }
                if (chip(label.c_str(), is_on(e.id), plain, on)) flip(std::string(e.id));
                x += cw + 8;
            }
        };
        section(text_.tr("filter.category"));
        chips(data::categories(),
              [&](std::string_view id) { return std::find(s.filter.categories.begin(), s.filter.categories.end(), id) != s.filter.categories.end(); },
              [&](const std::string& id) { toggle(s.filter.categories, id); },
              [&](const data::VocabEntry& e) { return std::string(text_.i18n().category(e.id)); });
        section(text_.tr("filter.audience"));
        chips(data::audiences(),
              [&](std::string_view id) { return std::find(s.filter.audiences.begin(), s.filter.audiences.end(), id) != s.filter.audiences.end(); },
              [&](const std::string& id) { toggle(s.filter.audiences, id); },
              [&](const data::VocabEntry& e) { return std::string(text_.i18n().audience(e.id)); });
        section(text_.tr("filter.neighbourhood"));
        chips(data::neighbourhoods(), [&](std::string_view id) { return s.filter.neighbourhood == id; },
              [&](const std::string& id) { s.filter.neighbourhood = s.filter.neighbourhood == id ? "" : id; },
              [&](const data::VocabEntry& e) { return std::string(e.label_nl); });
        section(text_.tr("filter.network"));  // network names themselves are Dutch proper names
        chips(data::networks(), [&](std::string_view id) { return s.filter.network == id; },
              [&](const std::string& id) { s.filter.network = s.filter.network == id ? "" : id; },
              [&](const data::VocabEntry& e) { return std::string(e.label_nl); });
        ImGui::Dummy(ImVec2(1, 6));
        if (chip((std::string(text_.vis(text_.tr("filter.free_only"))) + "##free").c_str(), s.filter.free_only, plain, on)) {
            s.filter.free_only = !s.filter.free_only;
        }
        ImGui::SameLine(0, 8);
        if (chip((std::string(text_.vis(text_.tr("filter.reset"))) + "##reset").c_str(), false, plain, on)) {
            clear_filters();
        }
        ImGui::EndChild();
    }

    // The list.
    ImGui::BeginChild("##agendalist", ImVec2(0, 0), false);
    touch_scroll();
    if (!model_.feed()) {
        text_.paragraph(text_.tr("status.no_data"), 0, pal.text_muted);
    } else {
        const data::UtcTime now = wall_now();
        const data::FeedPtr& feed = model_.feed();
        const std::string key = "agenda" + std::to_string(static_cast<int>(s.agenda_tab)) + QueryCache::filter_key(s.filter);
        const auto& list = queries_.occurrences(feed, now, key, [&]() -> QueryCache::Occurrences {
            switch (s.agenda_tab) {
                case AgendaTab::Now: return data::happening_now(*feed, now, s.filter);
                case AgendaTab::Soon: return data::later_today(*feed, now, s.filter);
                case AgendaTab::Today: {
                    const auto today = data::amsterdam_from_utc(now).date;
                    return data::between(*feed, data::amsterdam_midnight(today),
                                         data::amsterdam_midnight(data::add_days(today, 1)), s.filter);
                }
                case AgendaTab::Week: return data::this_week(*feed, now, s.filter);
            }
            return {};
        });
        if (list.empty()) {
            // An empty list always says why, and offers the way out when filters or search caused it.
            ImGui::Dummy(ImVec2(1, 10));
            if (filters_active()) {
                text_.paragraph(text_.tr("filter.none_match"), 0, pal.text);
                if (big_button((std::string(text_.vis(text_.tr("filter.reset"))) + "##emptyreset").c_str(),
                               ImVec2(0, 0), accent_colours())) {
                    clear_filters();
                }
            } else {
                text_.paragraph(text_.tr(s.agenda_tab == AgendaTab::Now ? "activity.none_now" : "activity.none_today"), 0,
                                pal.text);
            }
        }
        const bool show_day = s.agenda_tab == AgendaTab::Week;
        int index = 0;
        for (const auto& o : list) {
            draw_occurrence_row(o, true, show_day, index++);
            if (index >= 150) break;  // a screenful of scrolling is plenty; filters narrow it down
        }
        ImGui::Dummy(ImVec2(1, 40 * k));
    }
    ImGui::EndChild();
    end_panel();
    if (s.keyboard_open) draw_keyboard(w, h);
}

void App::draw_keyboard(float w, float h) {
    // The search keyboard spans the bottom of the screen (not the panel): big keys, never clipped.
    AppState& s = *state_;
    const float k = theme_.scale();
    const float width = std::min(w - 40.0f, 1400.0f * k);
    s.keyboard.set_language(language());
    s.keyboard.set_layout(OnScreenKeyboard::Layout::Letters);
    const float pad = 16.0f;
    const float kb_h = s.keyboard.height(width) + 2 * pad;
    ImGui::SetNextWindowPos(ImVec2((w - width) / 2 - pad, h - kb_h - 8));
    ImGui::SetNextWindowSize(ImVec2(width + 2 * pad, kb_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::Begin("##keyboard", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse);
    bool done = false;
    s.keyboard.draw(s.filter.text, width, button_colours(), accent_colours(), &done);
    if (done) s.keyboard_open = false;
    s.keyboard.set_language("nl");  // the host's fields (URLs, PIN) keep the Latin keyboard
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    s.ui_rects.push_back({wp, ImVec2(wp.x + ws.x, wp.y + ws.y)});
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace bk::kiosk
