#pragma once
// Small helpers shared by the tests: fixture paths and scratch folders.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace depmap::test {

inline std::string fixture(const std::string& name) {
    return (std::filesystem::path(DEPMAP_TEST_FIXTURES_DIR) / name).string();
}

inline std::filesystem::path bundled(const std::string& name) {
    return std::filesystem::path(DEPMAP_TEST_DATA_DIR) / name;
}

// A fresh folder under the system temporary folder, removed with everything in it.
class ScratchDir {
public:
    ScratchDir() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() /
                 ("depmap-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream(m_path / name, std::ios::binary) << content;
        return file(name);
    }

private:
    std::filesystem::path m_path;
};

} // namespace depmap::test
