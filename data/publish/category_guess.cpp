#include "data/publish/category_guess.hpp"

#include <algorithm>
#include <map>

#include "data/text_fold.hpp"

namespace bk::data::publish {

std::span<const CategoryKeywords> category_keywords() {
    // Folded forms (fold_for_search): lowercase, no accents. Word starts, so "taal" also finds
    // "taalcafe" and "taalles". Order = tie-break order.
    static const std::vector<CategoryKeywords> table = {
        {"maaltijd", {"maaltijd", "eten", "diner", "lunch", "ontbijt", "kookt", "koken", "soep", "buurtmaaltijd",
                      "iftar", "meal", "dinner", "breakfast", "yemek", "kahvalti", "posilek", "obiad", "refeicao",
                      "jantar", "almoco", "وجبة", "عشاء", "غداء", "فطور", "افطار"}},
        {"koffie", {"koffie", "inloop", "thee", "huiskamer", "ontmoeting", "coffee", "drop-in", "kahve", "cay",
                    "kawa", "herbata", "cafe com", "convivio", "قهوة", "شاي"}},
        {"taal", {"taal", "nederlands", "nt2", "conversatie", "voorlees", "inburger", "lezen en schrijven",
                  "language", "dutch", "english class", "hollandaca", "turkce", "jezyk", "lingua",
                  "holandes", "لغة", "الهولندية"}},
        {"formulierhulp", {"formulier", "brieven", "digid", "toeslag", "belastingaangifte", "aangifte",
                           "paperwork", "forms", "form help", "evrak", "formularz", "formulario", "استمارة", "رسائل"}},
        {"kinderen", {"kinder", "kids", "peuter", "knutsel", "speeltuin", "huiswerk", "kleuter", "tiener", "jeugd",
                      "children", "child", "cocuk", "dzieci", "criancas", "أطفال", "اطفال"}},
        {"sport", {"sport", "yoga", "fitness", "gym", "zumba", "voetbal", "bewegen", "beweeg", "dans", "zwem",
                   "pilates", "tai chi", "boks", "exercise", "football", "spor", "futbol", "cwiczen", "ginastica",
                   "futebol", "رياضة", "رياضه"}},
        {"creatief", {"creatief", "schilder", "teken", "naai", "brei", "haak", "handwerk", "atelier", "kunst",
                      "workshop", "fotografie", "craft", "painting", "sewing", "resim", "dikis", "rekodziel",
                      "artesanato", "costura", "فن", "رسم", "خياطة"}},
        {"groen", {"groen", "tuin", "moestuin", "planten", "natuur", "zaai", "compost", "garden", "bahce",
                   "ogrod", "jardim", "horta", "حديقة", "زراعة"}},
        {"gespreksgroep", {"gesprek", "praatgroep", "lotgenoten", "vrouwengroep", "mannengroep", "discussie",
                           "debat", "dialoog", "conversation group", "sohbet", "rozmow", "conversa", "حوار", "نقاش"}},
        {"spreekuur", {"spreekuur", "advies", "loket", "wijkteam", "juridisch", "consult", "office hours", "advice",
                       "danisma", "porad", "atendimento", "استشارة"}},
        {"muziek", {"muziek", "koor", "zang", "concert", "band", "jam", "gitaar", "music", "choir", "muzik",
                    "muzyk", "musica", "coro", "موسيقى", "غناء"}},
        {"wandelen", {"wandel", "loop", "stadswandeling", "rondleiding", "walk", "yuruyus", "spacer", "caminhada",
                      "passeio", "مشي"}},
        {"computer", {"computer", "digitaal", "laptop", "tablet", "smartphone", "telefoon", "internet", "klik",
                      "it-", "bilgisayar", "komputer", "informatica", "computador", "حاسوب", "كمبيوتر"}},
        {"geldzaken", {"geld", "schuld", "budget", "financ", "administratie", "armoede", "voedselbank", "money",
                       "debt", "borc", "pieniadz", "dinheiro", "dividas", "مال", "ديون"}},
        {"gezondheid", {"gezond", "huisarts", "bloeddruk", "diabetes", "valpreventie", "mantelzorg",
                        "geheugen", "health", "saglik", "zdrow", "saude", "صحة"}},
        {"werk", {"werk", "sollicit", "vacature", "cv", "baan", "vrijwilligerswerk", "opleiding",
                  "job", "work", "praca", "trabalho", "emprego", "عمل", "وظيفة"}},
        {"spel", {"spel", "bingo", "schaak", "dammen", "kaart", "klaverjas", "sjoel", "rummikub", "game", "oyun",
                  "gry", "jogo", "لعبة", "ألعاب"}},
    };
    return table;
}

namespace {

// A keyword at the start of a word of folded text.
bool has_word_start(const std::string& text, std::string_view kw) {
    for (std::size_t pos = text.find(kw); pos != std::string::npos; pos = text.find(kw, pos + 1)) {
        if (pos == 0) return true;
        const unsigned char before = static_cast<unsigned char>(text[pos - 1]);
        const bool word_char = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') || before >= 0x80;
        if (!word_char) return true;
    }
    return false;
}

}  // namespace

CategoryGuess guess_categories(std::string_view title, std::string_view description) {
    const std::string t = fold_for_search(title), d = fold_for_search(description);
    struct Score {
        int points = 0;
        std::vector<std::string_view> words;
    };
    std::vector<Score> scores(category_keywords().size());
    for (std::size_t i = 0; i < category_keywords().size(); ++i) {
        for (std::string_view kw : category_keywords()[i].keywords) {
            int p = (has_word_start(t, kw) ? 3 : 0) + (has_word_start(d, kw) ? 1 : 0);
            if (p == 0) continue;
            scores[i].points += p;
            scores[i].words.push_back(kw);
        }
    }
    CategoryGuess g;
    int best = 0;
    for (const auto& s : scores) best = std::max(best, s.points);
    if (best == 0) {
        g.ids = {"overig"};
        return g;
    }
    g.matched = true;
    for (std::size_t i = 0; i < scores.size() && g.ids.size() < 2; ++i) {
        if (scores[i].points != best) continue;
        g.ids.emplace_back(category_keywords()[i].category);
        for (auto w : scores[i].words) {
            if (!g.reason.empty()) g.reason += ", ";
            g.reason += w;
        }
    }
    return g;
}

}  // namespace bk::data::publish
