#pragma once
// Small helpers shared by the tests: fixture paths, scratch folders, file contents.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace depmap::test {

inline std::string fixture(const std::string& name) {
    return (std::filesystem::path(DEPMAP_TEST_FIXTURES_DIR) / name).string();
}

inline std::filesystem::path bundled(const std::string& name) {
    return std::filesystem::path(DEPMAP_TEST_DATA_DIR) / name;
}

// The whole content of a file, bytes as they are.
inline std::string slurp(const std::filesystem::path& path) {
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

// The names in a folder, sorted.
inline std::vector<std::string> listing(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
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
