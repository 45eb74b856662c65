// Fuzz target: kiosk settings load (kiosk/host/settings.hpp) — the hardened JSON parse load_settings
// uses, then the field-by-field settings_from_json (PIN hash and lockout validation included).
// Property: what was accepted survives a save/load round trip unchanged (settings_to_json).
#include "data/json_document.hpp"
#include "fuzz_support.hpp"
#include "kiosk/host/settings.hpp"

BK_FUZZ_ENTRY {
    using namespace bk::kiosk::host;
    auto parsed = bk::data::parse_json_document(bk_fuzz::text(data, size));
    if (!parsed) return 0;
    std::vector<std::string> warnings;
    Settings s = settings_from_json(*parsed, warnings);
    std::vector<std::string> again_warnings;
    Settings again = settings_from_json(settings_to_json(s), again_warnings);
    bk_fuzz::require(again == s, "settings survive a save/load round trip");
    return 0;
}
