#include "map/gesture_recognizer.hpp"

#include <cmath>

namespace bk::map {

namespace {
double dist(ScreenPoint a, ScreenPoint b) { return std::hypot(a.x_px - b.x_px, a.y_px - b.y_px); }
}  // namespace

void VelocityTracker::add(double time_s, ScreenPoint p) {
    samples_.push_back({time_s, p});
    while (samples_.size() > 32) samples_.pop_front();
}

ScreenPoint VelocityTracker::velocity(double now_s, double window_s) const {
    // Oldest sample inside the window vs the newest; a finger resting before release gives zero.
    const Sample* newest = samples_.empty() ? nullptr : &samples_.back();
    if (!newest || now_s - newest->t > window_s) return {};
    const Sample* oldest = newest;
    for (auto it = samples_.rbegin(); it != samples_.rend(); ++it) {
        if (now_s - it->t > window_s) break;
        oldest = &*it;
    }
    const double dt = newest->t - oldest->t;
    if (dt <= 1e-4) return {};
    return {(newest->p.x_px - oldest->p.x_px) / dt, (newest->p.y_px - oldest->p.y_px) / dt};
}

void GestureRecognizer::reset() {
    fingers_.clear();
    mode_ = Mode::Idle;
    velocity_.clear();
    last_tap_.reset();
}

std::vector<Gesture> GestureRecognizer::feed(const PointerEvent& e) {
    std::vector<Gesture> out;
    switch (e.phase) {
        case PointerPhase::Down: on_down(e, out); break;
        case PointerPhase::Move: on_move(e, out); break;
        case PointerPhase::Up: on_up(e, false, out); break;
        case PointerPhase::Cancel: on_up(e, true, out); break;
    }
    return out;
}

std::pair<ScreenPoint, double> GestureRecognizer::pinch_state() const {
    auto it = fingers_.begin();
    const ScreenPoint a = it->second.last_px;
    const ScreenPoint b = std::next(it)->second.last_px;
    return {{(a.x_px + b.x_px) / 2, (a.y_px + b.y_px) / 2}, dist(a, b)};
}

void GestureRecognizer::on_down(const PointerEvent& e, std::vector<Gesture>& out) {
    const ScreenPoint p{e.x_px, e.y_px};
    fingers_[e.finger_id] = Finger{p, p, e.time_s};
    if (fingers_.size() == 1) {
        out.push_back({GestureType::TouchDown, p});
        mode_ = Mode::Pending;
        velocity_.clear();
        velocity_.add(e.time_s, p);
    } else if (fingers_.size() == 2) {
        mode_ = Mode::Pinching;
        std::tie(pinch_mid_, pinch_dist_) = pinch_state();
    }
    // A third finger and more are tracked but ignored.
}

void GestureRecognizer::on_move(const PointerEvent& e, std::vector<Gesture>& out) {
    auto it = fingers_.find(e.finger_id);
    if (it == fingers_.end()) return;
    const ScreenPoint p{e.x_px, e.y_px};
    const ScreenPoint prev = it->second.last_px;
    it->second.last_px = p;
    if (mode_ == Mode::Pinching && fingers_.size() >= 2) {
        auto [mid, d] = pinch_state();
        Gesture g{GestureType::Pinch, mid, pinch_mid_};
        g.scale = (pinch_dist_ > 1.0 && d > 1.0) ? d / pinch_dist_ : 1.0;
        pinch_mid_ = mid;
        if (d > 1.0) pinch_dist_ = d;
        out.push_back(g);
        return;
    }
    if (fingers_.size() != 1) return;
    velocity_.add(e.time_s, p);
    if (mode_ == Mode::Pending && dist(p, it->second.down_px) > settings_.slop_px) {
        mode_ = Mode::Dragging;
        // The first drag step includes the slop so the map does not lag behind the finger.
        Gesture g{GestureType::Drag, p};
        g.delta_px = {p.x_px - it->second.down_px.x_px, p.y_px - it->second.down_px.y_px};
        out.push_back(g);
        return;
    }
    if (mode_ == Mode::Dragging) {
        Gesture g{GestureType::Drag, p};
        g.delta_px = {p.x_px - prev.x_px, p.y_px - prev.y_px};
        out.push_back(g);
    }
}

void GestureRecognizer::on_up(const PointerEvent& e, bool cancelled, std::vector<Gesture>& out) {
    auto it = fingers_.find(e.finger_id);
    if (it == fingers_.end()) return;
    const Finger f = it->second;
    fingers_.erase(it);
    const ScreenPoint p{e.x_px, e.y_px};

    if (mode_ == Mode::Pinching) {
        if (fingers_.size() < 2) {
            out.push_back({GestureType::PinchEnd, p});
            // The remaining finger carries on as a drag, from where it is now (no jump).
            mode_ = fingers_.empty() ? Mode::Idle : Mode::Dragging;
            velocity_.clear();
            if (!fingers_.empty()) velocity_.add(e.time_s, fingers_.begin()->second.last_px);
        } else {
            std::tie(pinch_mid_, pinch_dist_) = pinch_state();
        }
        return;
    }
    if (!fingers_.empty()) return;

    if (cancelled) {
        if (mode_ == Mode::Dragging) out.push_back({GestureType::DragEnd, p});
    } else if (mode_ == Mode::Dragging) {
        velocity_.add(e.time_s, p);
        Gesture g{GestureType::DragEnd, p};
        g.velocity_px_s = velocity_.velocity(e.time_s, settings_.velocity_window_s);
        out.push_back(g);
    } else if (mode_ == Mode::Pending && e.time_s - f.down_s <= settings_.tap_max_s &&
               dist(p, f.down_px) <= settings_.slop_px) {
        const bool is_double = last_tap_ && e.time_s - last_tap_->first <= settings_.double_tap_max_gap_s &&
                               dist(p, last_tap_->second) <= settings_.double_tap_max_dist_px;
        out.push_back({is_double ? GestureType::DoubleTap : GestureType::Tap, p});
        if (is_double) last_tap_.reset();
        else last_tap_ = std::pair{e.time_s, p};
    }
    mode_ = Mode::Idle;
}

std::vector<Gesture> GestureRecognizer::update(double now_s) {
    std::vector<Gesture> out;
    if (mode_ == Mode::Pending && fingers_.size() == 1) {
        const Finger& f = fingers_.begin()->second;
        if (now_s - f.down_s >= settings_.long_press_s && dist(f.last_px, f.down_px) <= settings_.slop_px) {
            out.push_back({GestureType::LongPress, f.last_px});
            mode_ = Mode::LongPressed;  // the release is not a tap
            last_tap_.reset();
        }
    }
    return out;
}

bool apply_gesture(Viewport& view, const Gesture& g) {
    switch (g.type) {
        case GestureType::TouchDown: {
            const bool moving = view.is_animating();
            view.stop_motion();
            return moving;
        }
        case GestureType::Drag: view.pan_by(g.delta_px.x_px, g.delta_px.y_px); return true;
        case GestureType::DragEnd: view.fling(g.velocity_px_s); return view.is_animating();
        case GestureType::Pinch: view.pinch(g.from_px, g.position, g.scale); return true;
        case GestureType::DoubleTap: view.animate_zoom(g.position, 1.0); return true;
        case GestureType::Tap:
        case GestureType::LongPress:
        case GestureType::PinchEnd: return false;
    }
    return false;
}

}  // namespace bk::map
