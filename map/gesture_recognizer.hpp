// GestureRecognizer — turns abstract pointer events (finger id, x/y px, time in s) into gestures:
// tap, double tap, long press, drag (with release velocity for kinetic panning) and two-finger
// pinch. The kiosk converts SDL touch/mouse events into PointerEvents (mouse = finger 0); map/
// never sees SDL. apply_gesture() drives a Viewport with the usual mapping.
//
// Usage (main thread):
//   GestureRecognizer gestures;
//   for (const Gesture& g : gestures.feed(PointerEvent{PointerPhase::Down, id, x, y, t})) apply_gesture(view, g);
//   for (const Gesture& g : gestures.update(now_s)) ...   // each frame: long press fires on time
// Tap is reported at once (no wait for a possible second tap); the second tap of a double tap
// is reported as DoubleTap instead of Tap. A finger that moved beyond `slop_px` never taps.
// Threads: main thread only.
#pragma once

#include "map/geo_types.hpp"
#include "map/viewport.hpp"

#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace bk::map {

enum class PointerPhase { Down, Move, Up, Cancel };

struct PointerEvent {
    PointerPhase phase = PointerPhase::Down;
    int finger_id = 0;
    double x_px = 0;
    double y_px = 0;
    double time_s = 0;
};

enum class GestureType {
    TouchDown,  // first finger down: stop any fling / animation
    Tap,
    DoubleTap,
    LongPress,
    Drag,       // delta_px: movement since the last Drag
    DragEnd,    // velocity_px_s: release velocity for Viewport::fling
    Pinch,      // position: new midpoint, from_px: previous midpoint, scale: distance ratio
    PinchEnd,
};

struct Gesture {
    GestureType type = GestureType::Tap;
    ScreenPoint position;       // where (tap point, drag finger, pinch midpoint)
    ScreenPoint from_px;        // pinch: previous midpoint
    ScreenPoint delta_px;       // drag: movement since last event
    ScreenPoint velocity_px_s;  // drag end
    double scale = 1.0;         // pinch: distance now / distance before
};

struct GestureSettings {
    double slop_px = 12.0;              // movement below this is still a tap
    double tap_max_s = 0.35;            // longer touches are not taps
    double double_tap_max_gap_s = 0.35; // up -> next up
    double double_tap_max_dist_px = 48.0;
    double long_press_s = 0.6;
    double velocity_window_s = 0.1;     // release velocity from samples of the last 100 ms
};

// Release velocity from recent samples (px/s); zero when the finger rested before lifting.
class VelocityTracker {
public:
    void clear() { samples_.clear(); }
    void add(double time_s, ScreenPoint p);
    ScreenPoint velocity(double now_s, double window_s) const;

private:
    struct Sample {
        double t;
        ScreenPoint p;
    };
    std::deque<Sample> samples_;
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureSettings settings = {}) : settings_(settings) {}
    std::vector<Gesture> feed(const PointerEvent& e);
    std::vector<Gesture> update(double now_s);
    std::size_t finger_count() const { return fingers_.size(); }
    void reset();

private:
    struct Finger {
        ScreenPoint down_px;
        ScreenPoint last_px;
        double down_s = 0;
    };
    void on_down(const PointerEvent& e, std::vector<Gesture>& out);
    void on_move(const PointerEvent& e, std::vector<Gesture>& out);
    void on_up(const PointerEvent& e, bool cancelled, std::vector<Gesture>& out);
    std::pair<ScreenPoint, double> pinch_state() const;  // midpoint, distance of the first two fingers

    GestureSettings settings_;
    std::map<int, Finger> fingers_;
    enum class Mode { Idle, Pending, Dragging, Pinching, LongPressed, Done } mode_ = Mode::Idle;
    ScreenPoint pinch_mid_;
    double pinch_dist_ = 0;
    VelocityTracker velocity_;
    std::optional<std::pair<double, ScreenPoint>> last_tap_;  // time and place of the last Tap
};

// Default mapping onto a viewport: TouchDown stops motion, Drag pans, DragEnd flings, Pinch
// zooms around the fingers, DoubleTap zooms in one level (animated). Taps/long presses are for the
// caller (markers). Returns true when the gesture changed the view.
bool apply_gesture(Viewport& view, const Gesture& g);

}  // namespace bk::map
