// sdl_audio_output_test.cpp — the SDL side of "lees voor": a missing sound device is a message,
// not a crash; with SDL's dummy driver speech is queued, heard word by word, and stopped at once.
#include "kiosk/sdl_audio_output.hpp"
#include "kiosk/host/speech_queue.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace bk::kiosk;
namespace host = bk::kiosk::host;

namespace {

// Sets an environment variable for one scope (SDL reads SDL_AUDIODRIVER when audio starts).
struct ScopedEnv {
    std::string name;
    std::string old;
    bool had = false;
    ScopedEnv(const char* n, const char* value) : name(n) {
        if (const char* o = std::getenv(n)) { had = true; old = o; }
        setenv(n, value, 1);
    }
    ~ScopedEnv() { had ? (void)setenv(name.c_str(), old.c_str(), 1) : (void)unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("without a sound device opening the output says so and nothing crashes") {
    ScopedEnv env("SDL_AUDIODRIVER", "no-such-driver");
    auto out = SdlAudioOutput::open(22050);
    REQUIRE_FALSE(out.has_value());
    CHECK(out.error().rfind("no sound device: ", 0) == 0);
    MESSAGE(out.error());
    auto bad_rate = SdlAudioOutput::open(0);
    REQUIRE_FALSE(bad_rate.has_value());
    CHECK(bad_rate.error() == "no sound device: sample rate 0 Hz is outside 8000..192000");
}

TEST_CASE("speech streams into the dummy device, the heard word advances and stop clears the queue") {
    ScopedEnv env("SDL_AUDIODRIVER", "dummy");
    host::SpeechSynth synth;
    auto rate = synth.sample_rate_hz();
    REQUIRE(rate.has_value());
    auto out = SdlAudioOutput::open(*rate);
    REQUIRE_MESSAGE(out.has_value(), (out ? "" : out.error()));
    CHECK((*out)->driver() == "dummy");
    (*out)->set_volume(250);
    CHECK((*out)->volume() == 100);
    (*out)->set_volume(40);

    host::SpeechQueue speech{(*out)->sink()};
    const auto t0 = std::chrono::steady_clock::now();
    speech.say("Welkom bij de buurtkaart van Delfshaven. Tik op een plek om te zien wat er vandaag gebeurt.", "nl");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));  // the UI never waits

    // Synthesis runs far ahead of playback: soon seconds of audio wait in the device queue.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while ((*out)->queued_samples() < *rate && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE((*out)->queued_samples() >= *rate);
    host::SpeechStatus st = speech.status((*out)->queued_samples());
    CHECK(st.state == host::SpeechState::speaking);

    // The dummy driver plays in real time: after a while the heard word has moved on.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const std::int64_t pending = (*out)->queued_samples();
    CHECK(pending < speech.samples_delivered());
    st = speech.status(pending);
    REQUIRE(st.word.has_value());
    CHECK(st.word->first > 0);

    speech.stop();
    (*out)->clear();
    CHECK((*out)->queued_samples() == 0);
    CHECK(speech.status((*out)->queued_samples()).state == host::SpeechState::idle);
}
