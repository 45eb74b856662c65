// i18n_vocab_test.cpp — every id of the data vocabularies (bk::data) has a translation everywhere.
#include "kiosk/host/i18n.hpp"

#include "data/vocab.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace bk::kiosk::host;

namespace {
void check_vocab(std::span<const bk::data::VocabEntry> vocab, const std::string& prefix) {
  I18n i18n;
  REQUIRE_FALSE(vocab.empty());
  for (const auto& e : vocab)
    for (const auto& l : languages()) {
      CAPTURE(l.code);
      CAPTURE(e.id);
      CHECK(i18n.has(l.language, prefix + std::string(e.id)));
    }
}
} // namespace

TEST_CASE("every data category id is translated in every language") { check_vocab(bk::data::categories(), "category."); }
TEST_CASE("every data audience id is translated in every language") { check_vocab(bk::data::audiences(), "audience."); }
TEST_CASE("every data venue kind is translated in every language") { check_vocab(bk::data::venue_kinds(), "venue_kind."); }

TEST_CASE("the Dutch category texts match the data module's Dutch labels") {
  I18n i18n;
  for (const auto& e : bk::data::categories()) {
    CAPTURE(e.id);
    CHECK(i18n.category(e.id) == e.label_nl);
  }
  for (const auto& e : bk::data::audiences()) CHECK(i18n.audience(e.id) == e.label_nl);
}
