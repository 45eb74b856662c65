// speech_test.cpp — espeak-ng synthesis per language (non-silent, plausible length, word marks),
// its limits and errors; the speaker worker (say() returns at once, stop() is quick).
#include "kiosk/host/speech_queue.hpp"
#include "kiosk/host/speech_synth.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <cmath>
#include <mutex>
#include <string>
#include <thread>

using namespace bk::kiosk::host;

namespace {

// A sample RMS of 300 (of 32767, about -40 dBFS) is far above espeak's silence (0) and far below
// normal speech (thousands); a bug that returns zeros or a few clicks fails it.
constexpr double k_min_rms = 300.0;

double rms(const std::vector<std::int16_t>& s) {
  if (s.empty()) return 0.0;
  double sum = 0;
  for (std::int16_t v : s) sum += double(v) * v;
  return std::sqrt(sum / double(s.size()));
}

struct Sentence {
  const char* lang;
  const char* text;  // about ten words each
};
constexpr Sentence k_sentences[] = {
    {"nl", "Vandaag is er om twee uur koffie en taart in het buurthuis."},
    {"en", "Today there is coffee and cake in the community centre at two."},
    {"tr", "Bugün saat ikide toplum merkezinde kahve ve pasta var."},
    {"pl", "Dzisiaj o drugiej w domu sąsiedzkim jest kawa i ciasto."},
    {"pt", "Hoje às duas horas há café e bolo no centro comunitário."},
    {"ar", "اليوم في الساعة الثانية توجد قهوة وكعك في المركز المجتمعي."},
};

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

} // namespace

TEST_CASE("each kiosk language gives non-silent speech of plausible length with increasing word marks") {
  SpeechSynth synth;
  for (const Sentence& s : k_sentences) {
    const std::string lang = s.lang;
    CAPTURE(lang);
    auto pcm = synth.synthesize(s.text, s.lang);
    REQUIRE_MESSAGE(pcm.has_value(), (pcm ? "" : pcm.error().message));
    CHECK(pcm->sample_rate_hz >= 8000);
    CHECK(pcm->sample_count == std::int64_t(pcm->samples.size()));
    MESSAGE(std::string(s.lang) << ": " << pcm->seconds() << " s, rms " << rms(pcm->samples) << ", " << pcm->marks.size() << " marks");
    CHECK(pcm->seconds() > 0.5);
    CHECK(pcm->seconds() < 20.0);
    CHECK(rms(pcm->samples) > k_min_rms);

    std::vector<SpeechMark> words;
    for (const auto& m : pcm->marks)
      if (m.kind == SpeechMark::Kind::word) words.push_back(m);
    const std::string_view text = s.text;
    // espeak may merge or split a word (numbers, clitics), but about one mark per word.
    CHECK(words.size() + 2 >= count_words(text));
    CHECK(words.size() <= count_words(text) + 2);
    REQUIRE(!words.empty());
    CHECK(words.front().text_begin == 0);
    for (std::size_t i = 1; i < words.size(); ++i) {
      CAPTURE(i);
      CHECK(words[i].text_begin > words[i - 1].text_begin);
      CHECK(words[i].sample >= words[i - 1].sample);
    }
    for (const auto& w : words) {
      CHECK(w.text_end > w.text_begin);
      CHECK(w.text_end <= text.size());
      CHECK(w.sample <= pcm->sample_count);
      // Byte ranges land on UTF-8 boundaries (espeak counts code points).
      CHECK((static_cast<unsigned char>(text[w.text_begin]) & 0xC0) != 0x80);
      if (w.text_end < text.size()) CHECK((static_cast<unsigned char>(text[w.text_end]) & 0xC0) != 0x80);
    }
  }
}

TEST_CASE("the word marks name the words of the text") {
  SpeechSynth synth;
  const std::string text = "Zażółć gęślą jaźń.";
  auto pcm = synth.synthesize(text, "pl");
  REQUIRE(pcm.has_value());
  std::vector<std::string> words;
  for (const auto& m : pcm->marks)
    if (m.kind == SpeechMark::Kind::word) words.push_back(text.substr(m.text_begin, m.text_end - m.text_begin));
  CHECK(words == std::vector<std::string>{"Zażółć", "gęślą", "jaźń"});
  CHECK(pcm->marks.front().kind == SpeechMark::Kind::sentence);
}

TEST_CASE("an unknown language, empty text and over-long text are clear errors") {
  SpeechSynth synth;
  auto de = synth.synthesize("Guten Tag", "de");
  REQUIRE_FALSE(de.has_value());
  CHECK(de.error().kind == ErrorKind::invalid_value);
  CHECK(de.error().message == "speech: language 'de' is not one of nl, en, tr, pl, pt, ar");
  CHECK_FALSE(SpeechSynth::supports("xx"));
  CHECK(SpeechSynth::supports("ar"));

  auto empty = synth.synthesize("  \n", "nl");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().kind == ErrorKind::invalid_value);
  CHECK(empty.error().message == "speech: text is empty, nothing to read aloud");

  auto big = synth.synthesize(std::string(speech_max_text_bytes + 1, 'a'), "nl");
  REQUIRE_FALSE(big.has_value());
  CHECK(big.error().kind == ErrorKind::too_long);
  CHECK(big.error().message == "speech: text of 8193 bytes is longer than the 8192-byte limit");

  // After the errors the synthesiser still works.
  CHECK(synth.synthesize("Hallo.", "nl").has_value());
}

TEST_CASE("the time cap and the cancel flag stop a long synthesis early") {
  SpeechSynth synth;
  std::string text;
  for (int i = 0; i < 60; ++i) text += "Dit is een lange zin die de kiosk voorleest aan de bezoekers. ";
  SynthOptions capped;
  capped.time_cap = std::chrono::milliseconds(1);
  auto t = synth.synthesize(text, "nl", capped);
  REQUIRE_FALSE(t.has_value());
  CHECK(t.error().kind == ErrorKind::timeout);

  std::atomic<bool> cancel{true};
  SynthOptions c;
  c.cancel = &cancel;
  auto r = synth.synthesize(text, "nl", c);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().kind == ErrorKind::cancelled);
  CHECK(r.error().message == "speech: stopped on request");

  // Streaming: chunks add up to the total, and marks arrive with them.
  SynthOptions s;
  std::int64_t streamed = 0;
  std::size_t marks = 0;
  s.on_chunk = [&](std::span<const std::int16_t> chunk, std::span<const SpeechMark> m) {
    streamed += std::int64_t(chunk.size());
    marks += m.size();
    return true;
  };
  auto ok = synth.synthesize("Welkom in Delfshaven.", "nl", s);
  REQUIRE(ok.has_value());
  CHECK(ok->samples.empty());
  CHECK(streamed == ok->sample_count);
  CHECK(streamed > ok->sample_rate_hz / 2);
  CHECK(marks == ok->marks.size());
}

// [SECTION] the speaker worker ----------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

// A sink standing in for the sound device: collects what the worker delivers (worker thread).
struct CollectingSink {
  std::mutex mutex;
  std::vector<std::int16_t> samples;
  int rate_hz = 0;
  int firsts = 0;
  std::size_t size() {
    std::lock_guard lock{mutex};
    return samples.size();
  }
  SpeechSink sink() {
    return [this](std::span<const std::int16_t> pcm, int rate, bool first) {
      std::lock_guard lock{mutex};
      if (first) {
        samples.clear();
        ++firsts;
      }
      rate_hz = rate;
      samples.insert(samples.end(), pcm.begin(), pcm.end());
    };
  }
};

std::string long_dutch_text() {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "Dit is een lange zin die de kiosk voorleest aan de bezoekers van het buurthuis. ";
  return text.substr(0, speech_max_text_bytes);
}

template <class Pred>
bool wait_until(Pred pred, std::chrono::milliseconds limit) {
  const auto end = Clock::now() + limit;
  while (!pred()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

} // namespace

TEST_CASE("say() returns at once and the worker streams the whole text to the sink") {
  CollectingSink out;
  SpeechQueue speech{out.sink()};
  const auto t0 = Clock::now();
  const std::uint64_t id = speech.say("Welkom in Delfshaven, de buurtkaart helpt u op weg.", "nl");
  const auto said_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  MESSAGE("say() returned after " << said_ms << " ms");
  CHECK(said_ms < 50.0);  // only a lock and a notify: far below one synthesis (tens of ms or more)
  CHECK(speech.status().state == SpeechState::speaking);
  CHECK(speech.status().utterance == id);

  REQUIRE(wait_until([&] { return speech.status().state == SpeechState::idle; }, std::chrono::seconds(20)));
  CHECK(out.firsts == 1);
  CHECK(out.rate_hz == 22050);
  CHECK(std::int64_t(out.size()) == speech.samples_delivered());
  CHECK(double(out.size()) / out.rate_hz > 1.0);
  CHECK(rms(out.samples) > k_min_rms);
  CHECK_FALSE(speech.status().error.has_value());

  // With audio still queued in the "device", the kiosk is still speaking and a word is highlighted.
  const std::int64_t total = speech.samples_delivered();
  SpeechStatus mid = speech.status(total / 2);
  CHECK(mid.state == SpeechState::speaking);
  REQUIRE(mid.word.has_value());
  CHECK(mid.word->first > 0);
  SpeechStatus start = speech.status(total);  // nothing heard yet: before or at the first word
  REQUIRE(start.state == SpeechState::speaking);
  CHECK((!start.word || start.word->first == 0));
  SpeechStatus later = speech.status(total / 4);
  REQUIRE(later.word.has_value());
  CHECK(later.word->first >= mid.word->first);
}

TEST_CASE("stop() during a long text returns at once and no more audio reaches the sink") {
  CollectingSink out;
  SpeechQueue speech{out.sink()};
  speech.say(long_dutch_text(), "nl");
  REQUIRE(wait_until([&] { return out.size() > 0; }, std::chrono::seconds(20)));
  const auto t0 = Clock::now();
  speech.stop();
  const auto stop_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  MESSAGE("stop() returned after " << stop_ms << " ms");
  CHECK(stop_ms < 200.0);
  CHECK(speech.status().state == SpeechState::idle);
  const std::size_t at_stop = out.size();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(out.size() == at_stop);  // the worker dropped the rest
  // Ten minutes of speech would be ~13 M samples; stopping early delivered far less.
  CHECK(at_stop < std::size_t(22050) * 300);

  // The worker is free again: a new text is spoken after the stop.
  speech.say("Nog een zin.", "nl");
  REQUIRE(wait_until([&] { return speech.status().state == SpeechState::idle; }, std::chrono::seconds(20)));
  CHECK(out.firsts == 2);
  CHECK(out.size() > 0);
}

TEST_CASE("a new say() replaces the text being spoken; errors show in the status") {
  CollectingSink out;
  SpeechQueue speech{out.sink()};
  speech.say(long_dutch_text(), "nl");
  const std::uint64_t second = speech.say("Hello.", "en");
  REQUIRE(wait_until([&] { return speech.status().state == SpeechState::idle; }, std::chrono::seconds(20)));
  CHECK(speech.status().utterance == second);
  CHECK(out.size() < std::size_t(22050) * 10);  // only "Hello." is left in the sink

  speech.say("Merhaba", "xx");
  REQUIRE(wait_until([&] { return speech.status().error.has_value(); }, std::chrono::seconds(20)));
  CHECK(speech.status().state == SpeechState::idle);
  CHECK(speech.status().error->kind == ErrorKind::invalid_value);
  CHECK(speech.status().error->message == "speech: language 'xx' is not one of nl, en, tr, pl, pt, ar");
}

TEST_CASE("destroying the worker while it speaks returns quickly") {
  CollectingSink out;
  auto speech = std::make_unique<SpeechQueue>(out.sink());
  speech->say(long_dutch_text(), "nl");
  REQUIRE(wait_until([&] { return out.size() > 0; }, std::chrono::seconds(20)));
  const auto t0 = Clock::now();
  speech.reset();  // stops at the next ~50 ms chunk and joins
  const auto ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  MESSAGE("destructor returned after " << ms << " ms");
  CHECK(ms < 1000.0);
}

TEST_CASE("speech is allowed when switched on and outside the night window") {
  NightHoursSettings night;
  night.enabled = true;  // 22:00-07:00
  CHECK(speech_allowed(true, night, 12 * 60));
  CHECK_FALSE(speech_allowed(true, night, 23 * 60));
  CHECK_FALSE(speech_allowed(true, night, 6 * 60 + 59));
  CHECK(speech_allowed(true, night, 7 * 60));
  CHECK_FALSE(speech_allowed(false, night, 12 * 60));
  night.enabled = false;
  CHECK(speech_allowed(true, night, 23 * 60));
}
