namespace bk::kiosk { int run_app(int, char**) { return 0; } }
