#include "kiosk/sdl_audio_output.hpp"

#include <algorithm>
#include <vector>

namespace bk::kiosk {

std::expected<std::unique_ptr<SdlAudioOutput>, std::string> SdlAudioOutput::open(int sample_rate_hz) {
    if (sample_rate_hz < 8000 || sample_rate_hz > 192000)
        return std::unexpected("no sound device: sample rate " + std::to_string(sample_rate_hz) +
                               " Hz is outside 8000..192000");
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return std::unexpected(std::string("no sound device: SDL audio could not start (") + SDL_GetError() + ")");
    SDL_AudioSpec want{};
    want.freq = sample_rate_hz;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;      // ~46 ms at 22050 Hz
    want.callback = nullptr;  // queue mode: SDL_QueueAudio
    SDL_AudioSpec have{};
    // No allowed changes: SDL converts if the hardware wants another format, so `have` == `want`.
    const SDL_AudioDeviceID dev = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (dev == 0) {
        std::string why = SDL_GetError();
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return std::unexpected("no sound device: SDL_OpenAudioDevice failed (" + why + ")");
    }
    const char* drv = SDL_GetCurrentAudioDriver();
    SDL_PauseAudioDevice(dev, 0);  // start "playing" (silence until something is queued)
    return std::unique_ptr<SdlAudioOutput>(new SdlAudioOutput(dev, sample_rate_hz, drv ? drv : "?"));
}

SdlAudioOutput::SdlAudioOutput(SDL_AudioDeviceID dev, int rate_hz, std::string driver)
    : dev_(dev), rate_hz_(rate_hz), driver_(std::move(driver)) {}

SdlAudioOutput::~SdlAudioOutput() {
    SDL_CloseAudioDevice(dev_);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void SdlAudioOutput::set_volume(int percent) { volume_.store(std::clamp(percent, 0, 100)); }

void SdlAudioOutput::push(std::span<const std::int16_t> samples) {
    if (samples.empty()) return;
    const int vol = volume_.load();
    std::vector<std::int16_t> scaled(samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) scaled[i] = std::int16_t(int(samples[i]) * vol / 100);
    SDL_QueueAudio(dev_, scaled.data(), Uint32(scaled.size() * sizeof(std::int16_t)));
}

void SdlAudioOutput::clear() { SDL_ClearQueuedAudio(dev_); }

std::int64_t SdlAudioOutput::queued_samples() const {
    return std::int64_t(SDL_GetQueuedAudioSize(dev_) / sizeof(std::int16_t));
}

std::function<void(std::span<const std::int16_t>, int, bool)> SdlAudioOutput::sink() {
    return [this](std::span<const std::int16_t> samples, int /*rate_hz: opened at espeak's rate*/, bool first) {
        if (first) clear();
        push(samples);
    };
}

}  // namespace bk::kiosk
