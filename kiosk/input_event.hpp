// InputEvent — platform-neutral input for the UI core (App). The SDL glue translates SDL events into these.
// Touch fingers and the mouse both become pointers (mouse = pointer_id -1); positions are window pixels.
// Main thread only.
#pragma once
#include <cstdint>

namespace bk::kiosk {

enum class InputKind { PointerDown, PointerMove, PointerUp, Wheel, QuitRequest, Escape };

struct InputEvent {
    InputKind kind = InputKind::PointerMove;
    std::int64_t pointer_id = -1;  // -1 = mouse; otherwise a touch finger id
    float x_px = 0;
    float y_px = 0;
    float wheel_steps = 0;  // Wheel only: + zooms in
};

}  // namespace bk::kiosk
