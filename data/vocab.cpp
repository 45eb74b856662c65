#include "data/vocab.hpp"

#include <array>

namespace bk::data {
namespace {

constexpr std::array kCategories{
    VocabEntry{"maaltijd", "Maaltijd"},
    VocabEntry{"koffie", "Koffie & inloop"},
    VocabEntry{"taal", "Taal"},
    VocabEntry{"formulierhulp", "Formulierhulp"},
    VocabEntry{"kinderen", "Kinderactiviteit"},
    VocabEntry{"sport", "Sport & bewegen"},
    VocabEntry{"creatief", "Creatief"},
    VocabEntry{"groen", "Groen"},
    VocabEntry{"gespreksgroep", "Gespreksgroep"},
    VocabEntry{"spreekuur", "Spreekuur"},
    VocabEntry{"muziek", "Muziek"},
    VocabEntry{"wandelen", "Wandelen"},
    VocabEntry{"computer", "Computerhulp"},
    VocabEntry{"geldzaken", "Geldzaken"},
    VocabEntry{"gezondheid", "Gezondheid"},
    VocabEntry{"werk", "Werk & leren"},
    VocabEntry{"spel", "Spel"},
    VocabEntry{"overig", "Overig"},  // since feed 1.1
};

constexpr std::array kAudiences{
    VocabEntry{"iedereen", "Iedereen"},
    VocabEntry{"kinderen", "Kinderen"},
    VocabEntry{"jongeren", "Jongeren"},
    VocabEntry{"ouderen", "Ouderen"},
    VocabEntry{"vrouwen", "Vrouwen"},
    VocabEntry{"mannen", "Mannen"},
    VocabEntry{"ouders", "Ouders"},
    VocabEntry{"nieuwkomers", "Nieuwkomers"},
    VocabEntry{"mantelzorgers", "Mantelzorgers"},
};

constexpr std::array kVenueKinds{
    VocabEntry{"buurthuiskamer", "Buurthuiskamer"},
    VocabEntry{"buurthuis", "Buurthuis"},
    VocabEntry{"speeltuin", "Speeltuin"},
    VocabEntry{"groenplek", "Groene plek"},
    VocabEntry{"atelier", "Atelier"},
    VocabEntry{"bibliotheek", "Bibliotheek"},
    VocabEntry{"kerk", "Kerk"},
    VocabEntry{"moskee", "Moskee"},
    VocabEntry{"school", "School"},
    VocabEntry{"sporthal", "Sporthal"},
    VocabEntry{"spreekuurlocatie", "Spreekuurlocatie"},
    VocabEntry{"zorglocatie", "Zorglocatie"},
    VocabEntry{"cafe", "Café"},
    VocabEntry{"overig", "Overig"},
};

// The six areas of the kiosk; buurten merged as the district itself does (BoTu, ...).
constexpr std::array kNeighbourhoods{
    VocabEntry{"nieuwe-westen", "Nieuwe Westen"},
    VocabEntry{"middelland", "Middelland"},
    VocabEntry{"spangen", "Spangen"},
    VocabEntry{"botu", "Bospolder-Tussendijken"},
    VocabEntry{"oud-mathenesse-witte-dorp", "Oud-Mathenesse/Witte Dorp"},
    VocabEntry{"delfshaven-schiemond", "Delfshaven/Schiemond"},
};

constexpr std::array kNetworks{
    VocabEntry{"delfshaven-lokaal", "Delfshaven Lokaal"},
    VocabEntry{"delfshaven-helpt", "Delfshaven Helpt"},
    VocabEntry{"warme-buurthuiskamers", "Warme Buurthuiskamers"},
    VocabEntry{"veerkrachtig-botu", "Veerkrachtig BoTu"},
    VocabEntry{"buurthuiskamers-nieuwe-westen", "Netwerk Buurthuiskamers Nieuwe Westen"},
    VocabEntry{"huize-middelland", "Huize Middelland"},
    VocabEntry{"groene-connectie", "Groene Connectie"},
    VocabEntry{"armoedeplatform", "Armoedeplatform"},
    VocabEntry{"inloopspreekuren", "Netwerk van Inloopspreekuren"},
    VocabEntry{"platform-tegen-eenzaamheid", "Platform tegen Eenzaamheid"},
    VocabEntry{"leerwerkgemeenschap-ggz", "Leerwerkgemeenschap GGZ"},
};

constexpr std::array kWeekdays{
    VocabEntry{"mo", "maandag"},  VocabEntry{"tu", "dinsdag"}, VocabEntry{"we", "woensdag"},
    VocabEntry{"th", "donderdag"}, VocabEntry{"fr", "vrijdag"}, VocabEntry{"sa", "zaterdag"},
    VocabEntry{"su", "zondag"},
};

}  // namespace

std::span<const VocabEntry> categories() { return kCategories; }
std::span<const VocabEntry> audiences() { return kAudiences; }
std::span<const VocabEntry> venue_kinds() { return kVenueKinds; }
std::span<const VocabEntry> neighbourhoods() { return kNeighbourhoods; }
std::span<const VocabEntry> networks() { return kNetworks; }
std::span<const VocabEntry> weekdays() { return kWeekdays; }

bool is_known(std::span<const VocabEntry> vocab, std::string_view id) {
    for (const auto& e : vocab)
        if (e.id == id) return true;
    return false;
}

std::string_view label_nl(std::span<const VocabEntry> vocab, std::string_view id) {
    for (const auto& e : vocab)
        if (e.id == id) return e.label_nl;
    return id;
}

std::string joined_ids(std::span<const VocabEntry> vocab) {
    std::string out;
    for (const auto& e : vocab) {
        if (!out.empty()) out += ", ";
        out += e.id;
    }
    return out;
}

}  // namespace bk::data
