#include "data/publish/poster.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>

#include "data/recurrence.hpp"

namespace bk::data::publish {

namespace {

constexpr double kW = 595.28, kH = 841.89;  // A4 in points
constexpr double kMargin = 40;
constexpr double kTitleX = 138;  // where titles start, right of the times

const char* kDays[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                         "juli",    "augustus", "september", "oktober", "november", "december"};

std::string day_month(LocalDate d) { return std::to_string(d.day) + " " + kMonths[(d.month - 1) % 12]; }

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// `text` shortened with "…" to fit `width` at the current font.
std::string fit(cairo_t* cr, std::string text, double width) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    if (e.x_advance <= width) return text;
    while (!text.empty()) {
        text.pop_back();
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // UTF-8
        std::string t = text + "…";
        cairo_text_extents(cr, t.c_str(), &e);
        if (e.x_advance <= width) return t;
    }
    return "…";
}

void text_at(cairo_t* cr, double x, double y, const std::string& s) {
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

void font(cairo_t* cr, double size, bool bold) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

void draw_qr(cairo_t* cr, const std::string& url, double x, double y, double size) {
    std::unique_ptr<QRcode, void (*)(QRcode*)> qr(QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                  QRcode_free);
    if (!qr) return;
    const int n = qr->width;
    const double cell = size / (n + 8);  // 4-module quiet zone on each side
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, size, size);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            if (qr->data[r * n + c] & 1) cairo_rectangle(cr, x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
    cairo_fill(cr);
}

}  // namespace

std::expected<std::string, Error> render_week_poster(const Feed& feed, std::uint32_t venue, LocalDate monday,
                                                     const std::string& qr_url) {
    if (venue >= feed.venues.size())
        return std::unexpected(Error{ErrorKind::NotFound, "poster: venue " + std::to_string(venue) + " does not exist"});
    const Venue& v = feed.venues[venue];
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, kW, kH);
    cairo_t* cr = cairo_create(surface);

    // Header band.
    cairo_set_source_rgb(cr, 0.13, 0.36, 0.55);
    cairo_rectangle(cr, 0, 0, kW, 120);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    font(cr, 28, true);
    text_at(cr, kMargin, 58, fit(cr, v.name, kW - 2 * kMargin));
    font(cr, 16, false);
    const LocalDate sunday = add_days(monday, 6);
    text_at(cr, kMargin, 88, "Deze week: maandag " + day_month(monday) + " t/m zondag " + day_month(sunday));
    font(cr, 12, false);
    text_at(cr, kMargin, 108, fit(cr, v.address + (v.postcode.empty() ? "" : ", " + v.postcode), kW - 2 * kMargin));

    // The week, day by day.
    std::vector<Occurrence> occ;
    for (const auto& o : expand(feed, amsterdam_midnight(monday), amsterdam_midnight(add_days(monday, 7))))
        if (o.venue == venue) occ.push_back(o);
    double y = 150;
    const double bottom = kH - 190;  // room for the QR code
    bool any = false;
    for (int d = 0; d < 7 && y < bottom; ++d) {
        const LocalDate day = add_days(monday, d);
        std::vector<const Occurrence*> today;
        for (const auto& o : occ)
            if (o.start_local.date == day || (o.all_day && o.start_local.date <= day && o.end_local.date > day)) today.push_back(&o);
        cairo_set_source_rgb(cr, 0.13, 0.36, 0.55);
        font(cr, 15, true);
        text_at(cr, kMargin, y, std::string(kDays[d]) + " " + day_month(day));
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, kMargin, y + 5);
        cairo_line_to(cr, kW - kMargin, y + 5);
        cairo_stroke(cr);
        y += 24;
        font(cr, 12.5, false);
        if (today.empty()) {
            cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
            text_at(cr, kMargin + 8, y, "—");
            y += 20;
        }
        for (const Occurrence* o : today) {
            if (y > bottom) break;
            any = true;
            const Activity& a = feed.activities[o->activity];
            std::string when;
            if (o->all_day) when = a.schedule.span && a.schedule.until ? "t/m " + day_month(*a.schedule.until) : "hele dag";
            else if (a.schedule.open_end) when = "vanaf " + to_string(o->start_local.time);
            else when = to_string(o->start_local.time) + "–" + to_string(o->end_local.time);
            std::string title = a.title;
            for (const auto& ch : a.changes)
                if (ch.date == o->original_date && !ch.title.empty()) title = ch.title;
            cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
            font(cr, 12.5, true);
            text_at(cr, kMargin + 8, y, fit(cr, when, kTitleX - 14));
            font(cr, 12.5, false);
            std::string line = o->cancelled ? title + " — gaat niet door" : title;
            line = fit(cr, line, kW - kMargin - (kMargin + kTitleX));
            text_at(cr, kMargin + kTitleX, y, line);
            if (o->cancelled) {
                cairo_text_extents_t e;
                cairo_text_extents(cr, line.c_str(), &e);
                cairo_set_line_width(cr, 1);
                cairo_move_to(cr, kMargin + kTitleX, y - 4);
                cairo_line_to(cr, kMargin + kTitleX + e.x_advance, y - 4);
                cairo_stroke(cr);
            }
            y += 19;
        }
        y += 8;
    }
    if (!any) {
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        font(cr, 13, false);
        text_at(cr, kMargin, std::min(y + 10, bottom), "Deze week staan er geen activiteiten in de agenda.");
    }

    // Footer: QR code to the venue's page.
    const double qr = 130;
    draw_qr(cr, qr_url, kW - kMargin - qr, kH - kMargin - qr, qr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    font(cr, 14, true);
    text_at(cr, kMargin, kH - kMargin - 90, "Scan de code voor de hele agenda,");
    text_at(cr, kMargin, kH - kMargin - 70, "ook in andere talen.");
    font(cr, 10, false);
    text_at(cr, kMargin, kH - kMargin - 44, fit(cr, qr_url, kW - 2 * kMargin - qr - 10));
    text_at(cr, kMargin, kH - kMargin - 26, "Wijkagenda Delfshaven — wijzigingen zijn mogelijk,");
    text_at(cr, kMargin, kH - kMargin - 12, "kijk op de kiosk of de website.");

    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS)
        return std::unexpected(Error{ErrorKind::Io, "poster " + v.id + ": cairo: " + cairo_status_to_string(st)});
    return pdf;
}

}  // namespace bk::data::publish
