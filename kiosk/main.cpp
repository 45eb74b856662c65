// kiosk — the Buurtkaart Delfshaven touchscreen app. All logic lives in the buurtkaart_kiosk library.
#include "kiosk/kiosk_session.hpp"

int main(int argc, char** argv) { return bk::kiosk::run_app(argc, argv); }
