#include "data/publish/public_pages.hpp"

#include "data/publish/html_escape.hpp"

// [SECTION] interface text  [SECTION] html helpers  [SECTION] pages

#include <fstream>
#include <map>
#include <sstream>

#include "data/publish/poster.hpp"
#include "data/recurrence.hpp"
#include "data/vocab.hpp"

namespace bk::data::publish {

namespace {

// [SECTION] interface text, in the kiosk's six languages.
struct Ui {
    const char* lang;
    const char* dir;
    const char* site;          // "Wijkagenda Delfshaven"
    const char* this_week;     // "Deze week"
    const char* next_weeks;    // "De komende twee weken"
    const char* venues;
    const char* neighbourhoods;
    const char* networks;
    const char* cancelled;     // "gaat niet door"
    const char* from;          // "vanaf"
    const char* until;         // "t/m"
    const char* all_day;
    const char* subscribe;     // "Zet deze agenda in je telefoon (ICS)"
    const char* poster;        // "Weekposter om op te hangen (PDF)"
    const char* nothing;       // "Geen activiteiten in deze periode."
    const char* free;
    const char* signup;        // "aanmelden"
    const char* language;      // "Taal"
    const char* skip;          // "Naar de agenda"
    const char* days[7];
    const char* months[12];
};

const Ui kUi[] = {
    {"nl", "ltr", "Wijkagenda Delfshaven", "Deze week", "De komende twee weken", "Plekken", "Buurten", "Netwerken",
     "gaat niet door", "vanaf", "t/m", "hele dag", "Zet deze agenda in je telefoon (ICS)",
     "Weekposter om op te hangen (PDF)", "Geen activiteiten in deze periode.", "gratis", "aanmelden", "Taal",
     "Naar de agenda", {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
     {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
      "december"}},
    {"en", "ltr", "Delfshaven neighbourhood agenda", "This week", "The next two weeks", "Places", "Neighbourhoods",
     "Networks", "cancelled", "from", "until", "all day", "Add this agenda to your phone (ICS)",
     "Weekly poster to print (PDF)", "No activities in this period.", "free", "sign up", "Language",
     "Skip to the agenda", {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
     {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
      "December"}},
    {"tr", "ltr", "Delfshaven mahalle ajandası", "Bu hafta", "Önümüzdeki iki hafta", "Yerler", "Mahalleler", "Ağlar",
     "iptal edildi", "başlangıç", "bitiş", "tüm gün", "Bu ajandayı telefonuna ekle (ICS)",
     "Asmak için haftalık afiş (PDF)", "Bu dönemde etkinlik yok.", "ücretsiz", "kayıt gerekli", "Dil",
     "Ajandaya geç", {"Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"},
     {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"}},
    {"ar", "rtl", "أجندة حي دلفسهافن", "هذا الأسبوع", "الأسبوعان القادمان", "الأماكن", "الأحياء", "الشبكات",
     "ملغى", "من", "حتى", "طوال اليوم", "أضف هذه الأجندة إلى هاتفك (ICS)", "ملصق أسبوعي للطباعة (PDF)",
     "لا توجد أنشطة في هذه الفترة.", "مجاني", "التسجيل مطلوب", "اللغة", "انتقل إلى الأجندة",
     {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
     {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}},
    {"pl", "ltr", "Kalendarz dzielnicy Delfshaven", "W tym tygodniu", "Najbliższe dwa tygodnie", "Miejsca", "Osiedla",
     "Sieci", "odwołane", "od", "do", "cały dzień", "Dodaj ten kalendarz do telefonu (ICS)",
     "Plakat tygodniowy do druku (PDF)", "Brak zajęć w tym okresie.", "bezpłatnie", "zapisy", "Język",
     "Przejdź do kalendarza", {"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"},
     {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
      "listopada", "grudnia"}},
    {"pt", "ltr", "Agenda do bairro Delfshaven", "Esta semana", "As próximas duas semanas", "Locais", "Bairros", "Redes",
     "cancelado", "a partir das", "até", "o dia todo", "Adicione esta agenda ao seu telemóvel (ICS)",
     "Cartaz semanal para imprimir (PDF)", "Sem atividades neste período.", "grátis", "inscrição", "Idioma",
     "Ir para a agenda", {"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"},
     {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
      "dezembro"}},
};

const char* kLanguageNames[] = {"Nederlands", "English", "Türkçe", "العربية", "Polski", "Português"};

// [SECTION] html helpers
std::string esc(std::string_view s) { return html_escape(s); }

std::string date_text(const Ui& ui, LocalDate d) {
    return std::string(ui.days[iso_weekday(d) - 1]) + " " + std::to_string(d.day) + " " + ui.months[d.month - 1];
}

const char* kCss =
    "body{font-family:system-ui,sans-serif;max-width:46em;margin:0 auto;padding:0 1em 2em;line-height:1.5;"
    "color:#1a1a1a;background:#fff}header{background:#215b8c;color:#fff;margin:0 -1em 1em;padding:.8em 1em}"
    "header a{color:#fff}h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:2px solid #215b8c;"
    "margin-top:1.5em}ul.agenda{list-style:none;padding:0}ul.agenda li{padding:.45em 0;border-bottom:1px solid #ddd}"
    ".t{font-weight:bold;display:inline-block;min-width:7.5em;unicode-bidi:isolate}.x{text-decoration:line-through;color:#8a1c1c}"
    ".c{color:#8a1c1c;font-weight:bold}.p{color:#555;font-size:.92em}.hl{background:#fff6d6}"
    "a{color:#174a73}a:focus{outline:3px solid #f2b600}nav.l a{margin-inline-end:.8em;display:inline-block}.skip{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    ".skip:focus{width:auto;height:auto;clip:auto;top:.5em;background:#fff;color:#000;padding:.3em}"
    "ul.links{columns:2;padding-left:1.2em}@media(max-width:30em){ul.links{columns:1}}";

struct PageCtx {
    const Feed& feed;
    const Ui& ui;
    std::string lang;
    std::string up;  // "" at agenda/<lang>/, "../" one level deeper
};

std::string page(const PageCtx& c, const std::string& title, const std::string& self_rel, const std::string& body) {
    std::ostringstream o;
    o << "<!doctype html>\n<html lang=\"" << c.ui.lang << "\" dir=\"" << c.ui.dir << "\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" << esc(title) << " — "
      << esc(c.ui.site) << "</title><style>" << kCss << "</style></head><body>\n"
      << "<a class=\"skip\" href=\"#agenda\">" << esc(c.ui.skip) << "</a>\n<header><a href=\"" << c.up
      << "index.html\">" << esc(c.ui.site) << "</a><h1>" << esc(title) << "</h1>"
      << "<nav class=\"l\" aria-label=\"" << esc(c.ui.language) << "\">";
    for (std::size_t i = 0; i < std::size(kUi); ++i)
        o << "<a href=\"" << c.up << "../" << kUi[i].lang << "/" << self_rel << "\" lang=\"" << kUi[i].lang
          << "\" hreflang=\"" << kUi[i].lang << "\">" << kLanguageNames[i] << "</a>\n";  // a space: links wrap
    o << "</nav></header>\n<main id=\"agenda\">\n" << body << "</main></body></html>\n";
    return o.str();
}

std::string title_in(const Activity& a, const std::string& lang, const OccurrenceChange* ch) {
    if (auto it = a.translations.find(lang); it != a.translations.end() && !it->second.title.empty()) return it->second.title;
    if (ch && !ch->title.empty()) return ch->title;
    return a.title;
}

const OccurrenceChange* change_of(const Activity& a, LocalDate d) {
    for (const auto& c : a.changes)
        if (c.date == d) return &c;
    return nullptr;
}

// Occurrences grouped by day, as accessible lists.
std::string agenda_list(const PageCtx& c, const std::vector<Occurrence>& occ, LocalDate from, int days, bool show_venue) {
    std::ostringstream o;
    bool any = false;
    for (int d = 0; d < days; ++d) {
        const LocalDate day = add_days(from, d);
        std::ostringstream items;
        for (const auto& oc : occ) {
            const bool on_day = oc.start_local.date == day ||
                                (oc.all_day && oc.start_local.date < day && oc.end_local.date > day);
            if (!on_day) continue;
            const Activity& a = c.feed.activities[oc.activity];
            const OccurrenceChange* ch = change_of(a, oc.original_date);
            std::string when;
            if (oc.all_day) {
                when = a.schedule.span && a.schedule.until
                           ? std::string(c.ui.until) + " " + std::to_string(a.schedule.until->day) + " " +
                                 c.ui.months[a.schedule.until->month - 1]
                           : c.ui.all_day;
            } else if (a.schedule.open_end) {
                when = std::string(c.ui.from) + " " + to_string(oc.start_local.time);
            } else {
                when = to_string(oc.start_local.time) + "–" + to_string(oc.end_local.time);
            }
            // Times read left to right in Arabic pages too ("19:00–20:00", not reversed by the bidi rules).
            items << "<li" << (a.highlighted ? " class=\"hl\"" : "") << "><span class=\"t\"><time dir=\"ltr\" datetime=\""
                  << to_string(oc.start_local) << "\">" << esc(when) << "</time></span> "
                  << "<span" << (oc.cancelled ? " class=\"x\"" : "") << ">" << esc(title_in(a, c.lang, ch)) << "</span>";
            if (oc.cancelled) items << " <span class=\"c\">" << esc(c.ui.cancelled) << "</span>";
            const Venue& v = c.feed.venues[oc.venue];
            items << "<br><span class=\"p\">";
            if (show_venue) items << "<a href=\"" << c.up << "plek/" << esc(v.id) << ".html\">" << esc(v.name) << "</a>";
            if (a.is_free()) items << (show_venue ? " · " : "") << esc(c.ui.free);
            if (a.registration_required) items << " · " << esc(c.ui.signup) << (a.contact.empty() ? "" : ": " + esc(a.contact));
            if (!oc.note.empty()) items << " · " << esc(oc.note);
            items << "</span></li>\n";
            any = true;
        }
        const std::string list = items.str();
        if (list.empty()) continue;
        o << "<h2>" << esc(date_text(c.ui, day)) << "</h2>\n<ul class=\"agenda\">\n" << list << "</ul>\n";
    }
    if (!any) o << "<p>" << esc(c.ui.nothing) << "</p>\n";
    return o.str();
}

}  // namespace

// [SECTION] pages
std::expected<std::vector<std::string>, Error> write_public_pages(const Feed& feed, const std::filesystem::path& dir,
                                                                  const PublicPagesOptions& opt) {
    std::vector<std::string> written;
    // Plain writes, no fsync per file: the release folder is invisible until activate_release swaps
    // it in with one rename(2), and ~500 fsyncs would cost seconds on a busy disk.
    auto put = [&](const std::string& rel, const std::string& body) -> std::expected<void, Error> {
        std::error_code ec;
        std::filesystem::create_directories((dir / rel).parent_path(), ec);
        std::ofstream out(dir / rel, std::ios::binary | std::ios::trunc);
        out.write(body.data(), std::streamsize(body.size()));
        out.close();
        if (!out) return std::unexpected(Error{ErrorKind::Io, (dir / rel).string() + ": cannot write"});
        written.push_back(rel);
        return {};
    };
    const LocalDate today = amsterdam_from_utc(opt.now).date;
    const LocalDate monday = add_days(today, 1 - iso_weekday(today));
    const auto occ = expand(feed, amsterdam_midnight(today), amsterdam_midnight(add_days(today, 14)));
    auto filter = [&](auto pred) {
        std::vector<Occurrence> out;
        for (const auto& o : occ)
            if (pred(feed.venues[o.venue])) out.push_back(o);
        return out;
    };

    // agenda/index.html: the language choice.
    {
        std::ostringstream o;
        o << "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
             "content=\"width=device-width, initial-scale=1\"><title>Wijkagenda Delfshaven</title><style>"
          << kCss << "</style></head><body><header><h1>Wijkagenda Delfshaven</h1></header><main><ul class=\"links\">";
        for (std::size_t i = 0; i < std::size(kUi); ++i)
            o << "<li><a href=\"" << kUi[i].lang << "/index.html\" lang=\"" << kUi[i].lang << "\">" << kLanguageNames[i]
              << " — " << esc(kUi[i].this_week) << "</a></li>";
        o << "</ul></main></body></html>\n";
        if (auto r = put("agenda/index.html", o.str()); !r) return std::unexpected(r.error());
    }
    for (const Ui& ui : kUi) {
        const std::string lang = ui.lang;
        const std::string base = "agenda/" + lang + "/";
        PageCtx top{feed, ui, lang, ""};
        PageCtx sub{feed, ui, lang, "../"};
        // This week, whole district, and the index of every page.
        std::ostringstream idx;
        idx << agenda_list(top, occ, today, 8 - iso_weekday(today) + (iso_weekday(today) == 7 ? 7 : 0), true);
        idx << "<h2>" << esc(ui.neighbourhoods) << "</h2><ul class=\"links\">";
        for (const auto& n : neighbourhoods())
            idx << "<li><a href=\"buurt/" << n.id << ".html\">" << esc(n.label_nl) << "</a></li>";
        idx << "</ul><h2>" << esc(ui.networks) << "</h2><ul class=\"links\">";
        for (const auto& n : networks()) {
            bool used = false;
            for (const auto& v : feed.venues) used = used || v.network == n.id;
            if (used) idx << "<li><a href=\"netwerk/" << n.id << ".html\">" << esc(n.label_nl) << "</a></li>";
        }
        idx << "</ul><h2>" << esc(ui.venues) << "</h2><ul class=\"links\">";
        for (const auto& v : feed.venues) idx << "<li><a href=\"plek/" << esc(v.id) << ".html\">" << esc(v.name) << "</a></li>";
        idx << "</ul><p><a href=\"../../ics/all.ics\">" << esc(ui.subscribe) << "</a></p>\n";
        if (auto r = put(base + "index.html", page(top, ui.this_week, "index.html", idx.str())); !r)
            return std::unexpected(r.error());
        for (std::uint32_t vi = 0; vi < feed.venues.size(); ++vi) {
            const Venue& v = feed.venues[vi];
            std::ostringstream b;
            b << "<p>" << esc(v.address) << (v.postcode.empty() ? "" : ", " + esc(v.postcode)) << "</p>";
            b << "<p><a href=\"../../../ics/venue/" << esc(v.id) << ".ics\">" << esc(ui.subscribe) << "</a>";
            if (opt.posters) b << "<br><a href=\"../../../poster/" << esc(v.id) << ".pdf\">" << esc(ui.poster) << "</a>";
            b << "</p><h2>" << esc(ui.next_weeks) << "</h2>";
            std::vector<Occurrence> here;
            for (const auto& o : occ)
                if (o.venue == vi) here.push_back(o);
            b << agenda_list(sub, here, today, 14, false);
            if (auto r = put(base + "plek/" + v.id + ".html", page(sub, v.name, "plek/" + v.id + ".html", b.str())); !r)
                return std::unexpected(r.error());
        }
        for (const auto& n : neighbourhoods()) {
            std::string body = "<h2>" + esc(ui.next_weeks) + "</h2>" +
                               agenda_list(sub, filter([&](const Venue& v) { return v.neighbourhood == n.id; }), today, 14, true);
            if (auto r = put(base + "buurt/" + std::string(n.id) + ".html",
                             page(sub, std::string(n.label_nl), "buurt/" + std::string(n.id) + ".html", body));
                !r)
                return std::unexpected(r.error());
        }
        for (const auto& n : networks()) {
            std::string body = "<p><a href=\"../../../ics/network/" + std::string(n.id) + ".ics\">" + esc(ui.subscribe) +
                               "</a></p><h2>" + esc(ui.next_weeks) + "</h2>" +
                               agenda_list(sub, filter([&](const Venue& v) { return v.network == n.id; }), today, 14, true);
            if (auto r = put(base + "netwerk/" + std::string(n.id) + ".html",
                             page(sub, std::string(n.label_nl), "netwerk/" + std::string(n.id) + ".html", body));
                !r)
                return std::unexpected(r.error());
        }
    }
    // The day these pages describe ("this week"): wijkagenda build makes a new release when it changes.
    if (auto r = put("agenda/.datum", to_string(today) + "\n"); !r) return std::unexpected(r.error());
    if (opt.posters) {
        for (std::uint32_t vi = 0; vi < feed.venues.size(); ++vi) {
            const std::string url = (opt.base_url.empty() ? std::string() : opt.base_url) + "/agenda/nl/plek/" +
                                    feed.venues[vi].id + ".html";
            auto pdf = render_week_poster(feed, vi, monday, url);
            if (!pdf) return std::unexpected(pdf.error());
            if (auto r = put("poster/" + feed.venues[vi].id + ".pdf", *pdf); !r) return std::unexpected(r.error());
        }
    }
    return written;
}

}  // namespace bk::data::publish
