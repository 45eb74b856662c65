// speech_synth.hpp — text to 16-bit mono PCM with espeak-ng, with word and sentence marks.
//
// What: SpeechSynth::synthesize() speaks UTF-8 text in one of the kiosk languages (nl, en, tr, pl,
// pt, ar: the espeak-ng voices of the same names) into memory, no sound device involved. Besides the
// samples it returns marks from espeak's events (espeakEVENT_WORD / espeakEVENT_SENTENCE): the byte
// range of each word in the input and the sample at which it starts, so the UI can highlight the
// word being played. Optionally the audio is handed out chunk by chunk while it is made (the
// speaker worker, speech_queue.hpp, streams it to the sound device that way) and can be cancelled.
//
// Minimal use (one worker thread; see speech_queue.hpp for the ready-made worker):
//     host::SpeechSynth synth;                                  // espeak-ng is initialised lazily
//     auto pcm = synth.synthesize("Welkom in de bibliotheek.", "nl");   // std::expected<Pcm, Error>
//     if (pcm) play(pcm->samples, pcm->sample_rate_hz);  else log(pcm.error().message);
//
// Limits: text at most speech_max_text_bytes (8 KiB, ~10 minutes of speech) -> too_long; empty or
// blank text -> invalid_value; a language other than the six -> invalid_value naming the code; a
// synthesis running longer than SynthOptions::time_cap (wall clock) -> timeout; cancelled through
// SynthOptions::cancel -> cancelled. Missing espeak-ng data or voice -> system.
// espeak-ng reports positions in code points; marks are converted to byte offsets into the input.
//
// Thread: espeak-ng keeps global state and is not thread-safe. All SpeechSynth objects share one
// process-wide lock, so synthesize() may be called from any thread but calls run one at a time;
// the intended use is one synthesiser used by one worker thread (SpeechQueue). The chunk callback
// runs on the calling thread, inside that lock: keep it short and never call synthesize() from it.
#pragma once

#include "kiosk/host/error.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bk::kiosk::host {

inline constexpr std::size_t speech_max_text_bytes = 8 * 1024;

/// A position espeak announced while speaking: the start of a word or of a sentence.
struct SpeechMark {
  enum class Kind { word, sentence };
  Kind kind = Kind::word;
  std::size_t text_begin = 0;   ///< byte offset into the input text (UTF-8)
  std::size_t text_end = 0;     ///< one past the word's last byte (== text_begin for sentences)
  std::int64_t sample = 0;      ///< first sample of the word, counted from the start of the output
  friend bool operator==(const SpeechMark&, const SpeechMark&) = default;
};

/// Synthesised speech: signed 16-bit mono at sample_rate_hz.
struct Pcm {
  int sample_rate_hz = 0;
  std::vector<std::int16_t> samples;  ///< empty when SynthOptions::on_chunk was set (streamed instead)
  std::int64_t sample_count = 0;      ///< total samples made (== samples.size() when not streamed)
  std::vector<SpeechMark> marks;      ///< in order of `sample`
  double seconds() const { return sample_rate_hz > 0 ? double(sample_count) / sample_rate_hz : 0.0; }
};

struct SynthOptions {
  int rate_wpm = 160;   ///< speaking rate, words per minute (clamped to espeak's 80..450); a bit slower than espeak's 175
  std::chrono::milliseconds time_cap{20000};  ///< wall-clock cap on one synthesize() call
  const std::atomic<bool>* cancel = nullptr;   ///< when it turns true, synthesis stops within one chunk
  /// Streaming: called for every chunk (~50 ms of audio) with the new samples and the marks that
  /// start within them; return false to stop (-> cancelled). When set, Pcm::samples stays empty.
  std::function<bool(std::span<const std::int16_t> samples, std::span<const SpeechMark> marks)> on_chunk;
};

class SpeechSynth {
public:
  /// espeak-ng is initialised on first use (AUDIO_OUTPUT_SYNCHRONOUS, data from its default place,
  /// Debian: espeak-ng-data); constructing is cheap and cannot fail.
  SpeechSynth() = default;

  /// The language codes synthesize() accepts: nl, en, tr, pl, pt, ar.
  static bool supports(std::string_view lang_code);

  /// Speak `text_utf8` in `lang_code`. See the header note for errors and limits.
  std::expected<Pcm, Error> synthesize(std::string_view text_utf8, std::string_view lang_code,
                                       const SynthOptions& options = {});

  /// espeak-ng's output sample rate (22050 with the Debian data), initialising espeak if needed;
  /// an error when espeak-ng cannot start (no data).
  std::expected<int, Error> sample_rate_hz();
};

} // namespace bk::kiosk::host
