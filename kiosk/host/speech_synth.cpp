// speech_synth.cpp — espeak-ng in synchronous mode, one call at a time.
//
// [SECTION] process-wide espeak state
// [SECTION] code points -> bytes
// [SECTION] SpeechSynth
#include "kiosk/host/speech_synth.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <string>

namespace bk::kiosk::host {

namespace {

// [SECTION] process-wide espeak state ----------------------------------------------------------------

// espeak-ng keeps its voice, parameters and callback in globals (speak_lib.h has no handle), so
// every call into it holds this lock, and the callback finds its job through `g_job`.
std::mutex g_espeak_mutex;
bool g_initialised = false;  // guarded by g_espeak_mutex
int g_rate_hz = 0;           // guarded by g_espeak_mutex

struct Job {
  const SynthOptions* options = nullptr;
  const std::vector<std::size_t>* cp_offsets = nullptr;  // code point index -> byte offset, + size
  Pcm* pcm = nullptr;
  std::chrono::steady_clock::time_point deadline;
  std::vector<SpeechMark> chunk_marks;
  bool timed_out = false;
  bool cancelled = false;
};
Job* g_job = nullptr;  // guarded by g_espeak_mutex; set only while espeak_Synth runs

// The voice names of the espeak-ng data (lang/gmw/nl, lang/gmw/en, lang/trk/tr, lang/zlw/pl,
// lang/roa/pt, lang/sem/ar); "pt" is European Portuguese.
constexpr std::array<std::string_view, 6> k_voices{"nl", "en", "tr", "pl", "pt", "ar"};

std::size_t byte_offset(const Job& job, int code_point_1based) {
  const auto& offs = *job.cp_offsets;
  const std::size_t i = code_point_1based <= 1 ? 0 : std::size_t(code_point_1based - 1);
  return offs[std::min(i, offs.size() - 1)];
}

int synth_callback(short* wav, int n, espeak_EVENT* events) {
  Job& job = *g_job;
  const SynthOptions& opt = *job.options;
  job.chunk_marks.clear();
  for (espeak_EVENT* ev = events; ev && ev->type != espeakEVENT_LIST_TERMINATED; ++ev) {
    const std::int64_t sample = std::int64_t(ev->audio_position) * job.pcm->sample_rate_hz / 1000;
    if (ev->type == espeakEVENT_WORD && ev->length > 0) {
      const std::size_t b = byte_offset(job, ev->text_position);
      const std::size_t e = byte_offset(job, ev->text_position + ev->length);
      job.chunk_marks.push_back({SpeechMark::Kind::word, b, std::max(b, e), sample});
    } else if (ev->type == espeakEVENT_SENTENCE) {
      const std::size_t b = byte_offset(job, ev->text_position);
      job.chunk_marks.push_back({SpeechMark::Kind::sentence, b, b, sample});
    }
  }
  std::span<const std::int16_t> chunk;
  if (wav && n > 0) chunk = {reinterpret_cast<const std::int16_t*>(wav), std::size_t(n)};
  job.pcm->marks.insert(job.pcm->marks.end(), job.chunk_marks.begin(), job.chunk_marks.end());
  job.pcm->sample_count += std::int64_t(chunk.size());
  if (opt.on_chunk) {
    if (!opt.on_chunk(chunk, job.chunk_marks)) job.cancelled = true;
  } else {
    job.pcm->samples.insert(job.pcm->samples.end(), chunk.begin(), chunk.end());
  }
  if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) job.cancelled = true;
  if (std::chrono::steady_clock::now() > job.deadline) job.timed_out = true;
  return (job.cancelled || job.timed_out) ? 1 : 0;  // 1 = abort synthesis (speak_lib.h)
}

std::expected<int, Error> ensure_initialised() {  // caller holds g_espeak_mutex
  if (g_initialised) return g_rate_hz;
  // buflength 50 ms: the callback (and so the cancel check) runs for every 50 ms of audio.
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 50, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0)
    return std::unexpected(Error{ErrorKind::system,
        "speech: espeak-ng could not start (espeak_Initialize returned " + std::to_string(rate) +
        "); is the espeak-ng-data package installed?"});
  espeak_SetSynthCallback(synth_callback);
  g_initialised = true;
  g_rate_hz = rate;
  return rate;
}

// [SECTION] code points -> bytes ---------------------------------------------------------------------

// Byte offset of every code point (UTF-8 lead or invalid byte starts one), plus the total size.
std::vector<std::size_t> code_point_offsets(std::string_view s) {
  std::vector<std::size_t> offs;
  offs.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(s.size());
  return offs;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

// [SECTION] SpeechSynth -------------------------------------------------------------------------------

bool SpeechSynth::supports(std::string_view lang_code) {
  return std::find(k_voices.begin(), k_voices.end(), lang_code) != k_voices.end();
}

std::expected<int, Error> SpeechSynth::sample_rate_hz() {
  std::lock_guard lock{g_espeak_mutex};
  return ensure_initialised();
}

std::expected<Pcm, Error> SpeechSynth::synthesize(std::string_view text, std::string_view lang,
                                                  const SynthOptions& options) {
  if (!supports(lang))
    return std::unexpected(Error{ErrorKind::invalid_value,
        "speech: language '" + std::string(lang.substr(0, 16)) + "' is not one of nl, en, tr, pl, pt, ar"});
  if (text.size() > speech_max_text_bytes)
    return std::unexpected(Error{ErrorKind::too_long,
        "speech: text of " + std::to_string(text.size()) + " bytes is longer than the " +
        std::to_string(speech_max_text_bytes) + "-byte limit"});
  if (text.empty() || is_blank(text))
    return std::unexpected(Error{ErrorKind::invalid_value, "speech: text is empty, nothing to read aloud"});
  if (text.find('\0') != std::string_view::npos)
    return std::unexpected(Error{ErrorKind::invalid_value, "speech: text contains a NUL byte"});

  std::lock_guard lock{g_espeak_mutex};
  auto rate = ensure_initialised();
  if (!rate) return std::unexpected(rate.error());
  const std::string voice(lang);
  if (const espeak_ERROR e = espeak_SetVoiceByName(voice.c_str()); e != EE_OK)
    return std::unexpected(Error{ErrorKind::system,
        "speech: espeak-ng voice '" + voice + "' is not available (error " + std::to_string(int(e)) +
        "); is the espeak-ng-data package complete?"});
  espeak_SetParameter(espeakRATE, std::clamp(options.rate_wpm, espeakRATE_MINIMUM, espeakRATE_MAXIMUM), 0);

  Pcm pcm;
  pcm.sample_rate_hz = *rate;
  const std::vector<std::size_t> offs = code_point_offsets(text);
  Job job;
  job.options = &options;
  job.cp_offsets = &offs;
  job.pcm = &pcm;
  job.deadline = std::chrono::steady_clock::now() + options.time_cap;
  const std::string nul_terminated(text);  // espeak_Synth reads up to the NUL
  g_job = &job;
  unsigned int id = 0;
  const espeak_ERROR e = espeak_Synth(nul_terminated.c_str(), nul_terminated.size() + 1, 0, POS_CHARACTER, 0,
                                      espeakCHARS_UTF8 | espeakENDPAUSE, &id, nullptr);
  g_job = nullptr;
  if (job.cancelled)
    return std::unexpected(Error{ErrorKind::cancelled, "speech: stopped on request"});
  if (job.timed_out)
    return std::unexpected(Error{ErrorKind::timeout,
        "speech: synthesis of " + std::to_string(text.size()) + " bytes took longer than " +
        std::to_string(options.time_cap.count()) + " ms"});
  if (e != EE_OK)
    return std::unexpected(Error{ErrorKind::system, "speech: espeak_Synth failed with error " + std::to_string(int(e))});
  return pcm;
}

} // namespace bk::kiosk::host
