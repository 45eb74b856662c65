// speech_queue.hpp — the speaker worker: reads one text aloud at a time, off the main thread.
//
// What: say(text, lang) hands a text to a worker thread that synthesises it (SpeechSynth, espeak-ng)
// and streams the PCM in ~50 ms chunks to a sink — in the kiosk the SDL audio device
// (kiosk/sdl_audio_output.hpp), in tests a vector. A new say() replaces the current text; stop()
// cancels it. status() tells the main thread whether the kiosk is speaking and which word of the
// text is being heard, for highlighting.
//
// Minimal use (main thread):
//     host::SpeechQueue speech{[&out](std::span<const std::int16_t> pcm, int rate_hz, bool first) {
//         if (first) out.clear();  out.push(pcm); }};          // sink runs on the worker thread
//     speech.say(card_text, "nl");                              // returns at once
//     every frame: auto st = speech.status(out.queued_samples());   // st.word: byte range to highlight
//     on the stop button: speech.stop(); out.clear();
//
// Word timing: synthesis runs far ahead of playback, so status() takes the number of samples
// delivered to the sink but not yet played (the device queue); the heard position is
// delivered - pending, and the current word is the last word mark at or before it.
//
// Policy: speech_allowed() answers "may the kiosk speak now" from the host settings (speech_enabled,
// night hours: silent during the night window when night hours are on).
//
// Thread: say(), stop(), status() and the destructor are for one owner thread (the main thread);
// they never wait for synthesis (stop() at most for one sink call in progress). The sink is called
// on the worker thread, one call at a time, never after stop() or a newer say() has returned for
// audio of the older text. The destructor stops and joins the worker.
#pragma once

#include "kiosk/host/error.hpp"
#include "kiosk/host/night_hours.hpp"
#include "kiosk/host/speech_synth.hpp"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace bk::kiosk::host {

/// Called on the worker with each chunk; `first` marks the first chunk of a new text (drop
/// whatever the device still holds of an older one).
using SpeechSink = std::function<void(std::span<const std::int16_t> samples, int sample_rate_hz, bool first)>;

enum class SpeechState { idle, speaking };

struct SpeechStatus {
  SpeechState state = SpeechState::idle;
  std::uint64_t utterance = 0;          ///< id returned by the say() being spoken (0: none yet)
  /// Byte range [first, second) in the said text of the word being heard; none before the first
  /// word and when idle.
  std::optional<std::pair<std::size_t, std::size_t>> word;
  std::optional<Error> error;           ///< why the last text could not be spoken (not for stop())
};

/// True when the kiosk may read aloud: speech on and, if night hours are on, outside the window.
bool speech_allowed(bool speech_enabled, const NightHoursSettings& night, int local_minutes_since_midnight);

class SpeechQueue {
public:
  explicit SpeechQueue(SpeechSink sink, SynthOptions options = default_options());
  ~SpeechQueue();
  SpeechQueue(const SpeechQueue&) = delete;
  SpeechQueue& operator=(const SpeechQueue&) = delete;

  /// Queue `text` in `lang` (nl, en, tr, pl, pt, ar), replacing anything being said. Returns the
  /// utterance id at once; errors (unknown language, too long) show up in status().error.
  std::uint64_t say(std::string text, std::string lang);

  /// Stop speaking now. After it returns the sink gets no more audio of the stopped text.
  void stop();

  /// Speaking state and current word; `samples_pending_in_device` = delivered but not yet played.
  SpeechStatus status(std::int64_t samples_pending_in_device = 0) const;

  /// Samples of the current text handed to the sink so far.
  std::int64_t samples_delivered() const;

  static SynthOptions default_options() {
    SynthOptions o;
    o.time_cap = std::chrono::seconds(60);  // the 8 KiB cap is ~10 min of audio; espeak makes it in seconds
    return o;
  }

private:
  void run();

  SpeechSink sink_;
  SynthOptions options_;
  SpeechSynth synth_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  // Guarded by mutex_:
  std::uint64_t current_ = 0;            ///< id of the text that may reach the sink (0 = none)
  std::uint64_t next_id_ = 1;
  std::optional<std::pair<std::string, std::string>> job_;  ///< (text, lang) waiting for the worker
  bool synthesising_ = false;            ///< the worker is busy with `current_`
  bool quit_ = false;
  std::int64_t delivered_ = 0;
  std::vector<SpeechMark> marks_;
  std::optional<Error> error_;

  std::thread worker_;  // last: starts after the members above exist
};

} // namespace bk::kiosk::host
