#include <doctest/doctest.h>

#include "data/geo.hpp"
#include "data/text_fold.hpp"

using namespace bk::data;

TEST_CASE("folding removes accents and case for Dutch, Turkish, Polish and Portuguese") {
    CHECK(fold_for_search("Café") == "cafe");
    CHECK(fold_for_search("CAFÉ Ñandú") == "cafe nandu");
    CHECK(fold_for_search("Şükrü Ağaoğlu İstanbul ılık") == "sukru agaoglu istanbul ilik");
    CHECK(fold_for_search("Łódź Żółć gęś") == "lodz zolc ges");
    CHECK(fold_for_search("Conceição São João") == "conceicao sao joao");
    CHECK(fold_for_search("Straße Œuvre Ĳssel") == "strasse oeuvre ijssel");
    CHECK(fold_for_search("  Koffie & inloop!  ") == "koffie inloop");
    CHECK(fold_for_search("Sjaan's huiskamer") == "sjaans huiskamer");
    CHECK(fold_for_search("مرحبا") == "مرحبا");
    CHECK(fold_for_search("bad\xff\xfe byte") == "bad byte");
}

TEST_CASE("contains_all needs every query word") {
    std::string text = fold_for_search("Buurtcafé De Schans — koffie en thee");
    CHECK(folded_contains_all(text, fold_for_search("cafe")));
    CHECK(folded_contains_all(text, fold_for_search("SCHANS koffie")));
    CHECK_FALSE(folded_contains_all(text, fold_for_search("schans bier")));
    CHECK(folded_contains_all(text, ""));
}

TEST_CASE("walking distance uses haversine times the detour factor at 4.8 km/h") {
    LatLon a{51.9150, 4.4500}, b{51.9150, 4.4646};  // ~1 km east
    double d = haversine_m(a, b);
    CHECK(d == doctest::Approx(1001).epsilon(0.01));
    CHECK(walking_distance_m(a, b) == doctest::Approx(d * 1.25));
    CHECK(walking_minutes(1200.0) == 15);
    CHECK(walking_minutes(0.0) == 0);
}
