// Fuzz target: the publisher's sources file (data/publish/sources_file.hpp), both as JSON and as the
// TOML subset (data/publish/toml_reader.hpp) wijkagenda reads.
#include "data/publish/sources_file.hpp"
#include "data/publish/toml_reader.hpp"
#include "fuzz_support.hpp"

BK_FUZZ_ENTRY {
    using namespace bk::data::publish;
    const auto text = bk_fuzz::text(data, size);
    (void)parse_sources_json(text, "sources.json", "/nonexistent/fuzz");
    if (auto doc = parse_toml(text, "sources.toml"))
        (void)parse_sources_document(*doc, text, "sources.toml", "/nonexistent/fuzz");
    return 0;
}
