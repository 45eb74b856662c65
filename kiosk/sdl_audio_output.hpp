// SdlAudioOutput — the SDL side of "lees voor": one SDL audio device in queue mode (no callback),
// signed 16-bit mono at espeak's rate, fed by the speaker worker (kiosk/host/speech_queue.hpp).
// Usage (main thread):
//   auto out = SdlAudioOutput::open(rate_hz);            // std::expected<..., std::string>
//   if (!out) { log(out.error()); hide the "lees voor" buttons; }   // "no sound device: ..."
//   host::SpeechQueue speech{out->sink()};  out->set_volume(settings.speech_volume);
//   every frame: speech.status(out->queued_samples());   on stop: speech.stop(); out->clear();
// Without a sound device (CI, a kiosk whose speakers are unplugged) open() fails with a message
// and nothing else happens; SDL_AUDIODRIVER=dummy gives a silent device that plays in real time.
// Thread rules: open(), the destructor and set_volume() on the main thread; push(), clear(),
// queued_samples() and the sink from any thread (SDL_QueueAudio, SDL_ClearQueuedAudio and
// SDL_GetQueuedAudioSize lock the device themselves).
#pragma once
#include <SDL.h>

#include <atomic>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <span>
#include <string>

namespace bk::kiosk {

class SdlAudioOutput {
public:
    // Initialises SDL's audio subsystem if needed and opens the default output device.
    static std::expected<std::unique_ptr<SdlAudioOutput>, std::string> open(int sample_rate_hz);
    ~SdlAudioOutput();
    SdlAudioOutput(const SdlAudioOutput&) = delete;
    SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

    void set_volume(int percent);  // 0..100 (clamped); samples are scaled as they are queued
    int volume() const { return volume_.load(); }
    void push(std::span<const std::int16_t> samples);  // queue for playback, scaled by the volume
    void clear();                                      // drop everything not yet played
    std::int64_t queued_samples() const;               // queued but not yet played
    int sample_rate_hz() const { return rate_hz_; }
    const std::string& driver() const { return driver_; }  // SDL audio driver name ("pulseaudio", "dummy", ...)

    // The SpeechSink for host::SpeechQueue: the first chunk of a text clears what is left of the last.
    std::function<void(std::span<const std::int16_t>, int, bool)> sink();

private:
    SdlAudioOutput(SDL_AudioDeviceID dev, int rate_hz, std::string driver);
    SDL_AudioDeviceID dev_ = 0;
    int rate_hz_ = 0;
    std::string driver_;
    std::atomic<int> volume_{80};
};

}  // namespace bk::kiosk
