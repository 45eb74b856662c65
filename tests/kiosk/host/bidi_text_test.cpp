// bidi_text_test.cpp — Arabic presentation forms and visual order for a left-to-right renderer.
#include "kiosk/host/bidi_text.hpp"

#include <doctest/doctest.h>

using namespace bk::kiosk::host;

// "مرحبا" = meem reh hah beh alef. Joined: meem initial (FEE3), reh final (FEAE; reh does not join
// to the left), hah initial (FEA3), beh medial (FE92), alef final (FE8E). Visual = reversed.
static const std::string marhaba = "\u0645\u0631\u062D\u0628\u0627";
static const std::string marhaba_visual = "\uFE8E\uFE92\uFEA3\uFEAE\uFEE3";

TEST_CASE("Arabic word becomes reversed presentation forms") {
  CHECK(to_visual(marhaba) == marhaba_visual);
  CHECK(has_rtl(marhaba));
}

TEST_CASE("Latin text is unchanged") {
  CHECK(to_visual("Hello") == "Hello");
  CHECK(to_visual("Çay ve sohbet – ğüşıöç") == "Çay ve sohbet – ğüşıöç");
  CHECK_FALSE(has_rtl("Hello, wereld"));
  CHECK(to_visual("") == "");
}

TEST_CASE("digits inside Arabic keep their reading order") {
  // "باب 12": beh alef beh, space, 12 in an RTL paragraph -> "12 " left of the reversed word.
  const std::string logical = "\u0628\u0627\u0628 12";
  CHECK(to_visual(logical) == "12 \uFE8F\uFE8E\uFE91");
}

TEST_CASE("Latin inside an Arabic sentence stays readable and on the right side") {
  CHECK(to_visual(marhaba + " Delfshaven") == "Delfshaven " + marhaba_visual);
  CHECK(to_visual("Hello " + marhaba) == "Hello " + marhaba_visual);  // LTR paragraph
}

TEST_CASE("lam-alef becomes one ligature glyph without filler characters") {
  CHECK(to_visual("\u0644\u0627") == "\uFEFB");
}

TEST_CASE("brackets are mirrored in right-to-left text") {
  CHECK(to_visual("(" + marhaba + ")") == "(" + marhaba_visual + ")");
}

TEST_CASE("each line is reordered on its own") {
  CHECK(to_visual(marhaba + "\nHello") == marhaba_visual + "\nHello");
}

TEST_CASE("forced direction: RTL base puts a trailing Latin word on the left") {
  CHECK(to_visual("abc 12", BaseDirection::rtl) == "abc 12");
  CHECK(to_visual("12 " + marhaba, BaseDirection::ltr) == "12 " + marhaba_visual);
}

TEST_CASE("invalid UTF-8 becomes U+FFFD instead of breaking the string") {
  const std::string bad = marhaba + "\xFF";
  const std::string v = to_visual(bad);
  CHECK(v.find("\uFFFD") != std::string::npos);
  CHECK(v.find(marhaba_visual) != std::string::npos);
}

TEST_CASE("wrap_visual breaks at spaces and keeps paragraph direction for every line") {
  const std::string text = marhaba + " " + marhaba + " 12";
  const auto lines = wrap_visual(text, 11);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == marhaba_visual + " " + marhaba_visual);
  CHECK(lines[1] == "12");
  const auto ltr = wrap_visual("een twee drie", 8);
  REQUIRE(ltr.size() == 2);
  CHECK(ltr[0] == "een twee");
  CHECK(ltr[1] == "drie");
}

TEST_CASE("the cache returns the same visual text and bounds its size") {
  VisualTextCache cache(2);
  CHECK(cache.get(marhaba) == marhaba_visual);
  CHECK(cache.get("a") == "a");
  CHECK(cache.size() == 2);
  CHECK(cache.get("b") == "b");
  CHECK(cache.size() == 1);
}

TEST_CASE("the cache keeps results per base direction") {
  VisualTextCache cache;
  const std::string mixed = "PDOK " + marhaba;
  CHECK(cache.get(mixed) == "PDOK " + marhaba_visual);                               // LTR paragraph
  CHECK(cache.get(mixed, BaseDirection::rtl) == marhaba_visual + " PDOK");           // RTL paragraph
  CHECK(cache.size() == 2);
}
