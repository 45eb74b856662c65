// Helpers for map tests: PNG fixtures made with stb_image_write, and a per-test temp folder.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace bk::map::test {

// A w x h RGBA PNG filled with (r, g, b, 255).
std::vector<std::uint8_t> make_png(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b);

// A fresh empty folder under the build tree, removed by the destructor.
class TempDir {
public:
    explicit TempDir(const std::string& name);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes);

}  // namespace bk::map::test
