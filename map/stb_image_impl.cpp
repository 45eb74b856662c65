// The one stb_image implementation of the project (map/). Huge images are treated as malformed
// (stb_image.h "Limitations"): tiles are 256 px, 1024 leaves room for @2x and 1024 px tiles.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_MAX_DIMENSIONS 1024  // tiles are 256 or 512 px; 4096 let a 64 KB PNG make stb allocate 2 GiB (fuzzing)
#define STBI_ONLY_PNG  // not JPEG: fuzzing found UB in stb's JPEG Huffman tables (tests/fuzz/corpus/fuzz_tile_png)
#define STBI_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb_image.h>
