// speech_queue.cpp — one worker thread, latest text wins, chunks reach the sink under the lock.
//
// Cancelling: every chunk espeak makes passes through on_chunk, which checks under mutex_ that its
// text is still current_; if not it returns false and espeak aborts (speak_lib.h: callback returns
// 1). Because the sink is called inside the same lock, stop() and say() — which change current_
// under the lock — are a hard line: no chunk of the old text reaches the sink after them.
#include "kiosk/host/speech_queue.hpp"

#include <algorithm>

namespace bk::kiosk::host {

bool speech_allowed(bool speech_enabled, const NightHoursSettings& night, int local_minutes) {
  if (!speech_enabled) return false;
  return !(night.enabled && in_night_window(night, local_minutes));
}

SpeechQueue::SpeechQueue(SpeechSink sink, SynthOptions options)
    : sink_(std::move(sink)), options_(std::move(options)), worker_([this] { run(); }) {}

SpeechQueue::~SpeechQueue() {
  {
    std::lock_guard lock{mutex_};
    quit_ = true;
    current_ = 0;
    job_.reset();
  }
  wake_.notify_all();
  worker_.join();
}

std::uint64_t SpeechQueue::say(std::string text, std::string lang) {
  std::uint64_t id = 0;
  {
    std::lock_guard lock{mutex_};
    id = next_id_++;
    current_ = id;
    job_.emplace(std::move(text), std::move(lang));
    delivered_ = 0;
    marks_.clear();
    error_.reset();
  }
  wake_.notify_one();
  return id;
}

void SpeechQueue::stop() {
  std::lock_guard lock{mutex_};
  current_ = 0;
  job_.reset();
  delivered_ = 0;
  marks_.clear();
}

std::int64_t SpeechQueue::samples_delivered() const {
  std::lock_guard lock{mutex_};
  return delivered_;
}

SpeechStatus SpeechQueue::status(std::int64_t pending) const {
  std::lock_guard lock{mutex_};
  SpeechStatus st;
  st.utterance = current_;
  st.error = error_;
  const bool busy = current_ != 0 && (job_ || synthesising_);
  if (current_ == 0 || (!busy && pending <= 0)) return st;  // idle
  st.state = SpeechState::speaking;
  const std::int64_t heard = delivered_ - std::max<std::int64_t>(pending, 0);
  for (const SpeechMark& m : marks_) {  // marks_ is in sample order; texts are short (<= 8 KiB)
    if (m.sample > heard) break;
    if (m.kind == SpeechMark::Kind::word) st.word = std::pair{m.text_begin, m.text_end};
  }
  return st;
}

void SpeechQueue::run() {
  for (;;) {
    std::string text, lang;
    std::uint64_t id = 0;
    {
      std::unique_lock lock{mutex_};
      synthesising_ = false;
      wake_.wait(lock, [this] { return quit_ || job_.has_value(); });
      if (quit_) return;
      text = std::move(job_->first);
      lang = std::move(job_->second);
      job_.reset();
      id = current_;
      synthesising_ = true;
    }
    bool first = true;
    SynthOptions opt = options_;
    int rate_hz = 0;
    if (auto r = synth_.sample_rate_hz()) rate_hz = *r;
    opt.on_chunk = [&](std::span<const std::int16_t> chunk, std::span<const SpeechMark> marks) {
      std::lock_guard lock{mutex_};
      if (current_ != id || quit_) return false;
      marks_.insert(marks_.end(), marks.begin(), marks.end());
      if (!chunk.empty()) {
        sink_(chunk, rate_hz, first);
        first = false;
        delivered_ += std::int64_t(chunk.size());
      }
      return true;
    };
    auto result = synth_.synthesize(text, lang, opt);
    if (!result && result.error().kind != ErrorKind::cancelled) {
      std::lock_guard lock{mutex_};
      if (current_ == id) error_ = result.error();
    }
  }
}

} // namespace bk::kiosk::host
