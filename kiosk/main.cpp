namespace bk::kiosk { int run_app(int, char**); }
int main(int argc, char** argv) { return bk::kiosk::run_app(argc, argv); }
