#include "layers/staged_output.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

#include <random>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

fs::path sidecar_path(fs::path destination, const std::string& suffix) {
    return destination.replace_extension(suffix);
}

} // namespace

void refuse_existing(const fs::path& destination, bool overwrite) {
    if (!overwrite && fs::exists(destination))
        throw OutputError(fmt::format("{}: exists already; pass -O/--overwrite to replace it", destination.string()));
}

StagedOutput::StagedOutput(fs::path destination, bool overwrite, std::vector<std::string> sidecar_suffixes)
    : m_destination(std::move(destination)) {
    for (const auto& suffix : sidecar_suffixes) m_sidecars.push_back(sidecar_path(m_destination, suffix));
    refuse_existing(m_destination, overwrite);
    if (!overwrite) {
        for (const auto& sidecar : m_sidecars)
            if (fs::exists(sidecar))
                throw OutputError(fmt::format("{}: exists already (it would be part of {}); pass "
                                              "-O/--overwrite to replace it",
                                              sidecar.string(), m_destination.string()));
    }
    if (fs::is_directory(m_destination))
        throw OutputError(fmt::format("{}: is a folder; give a file name", m_destination.string()));
    auto parent = m_destination.parent_path();
    if (parent.empty()) parent = ".";
    std::random_device random;
    m_folder = parent / fmt::format(".{}.{:08x}.tmp", m_destination.filename().string(), random());
    std::error_code error;
    fs::create_directory(m_folder, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      m_destination.string(), error.message()));
    m_staged = m_folder / m_destination.filename();
}

StagedOutput::~StagedOutput() {
    std::error_code ignored;
    fs::remove_all(m_folder, ignored);
}

void StagedOutput::copy_existing() {
    std::error_code error;
    fs::copy_file(m_destination, m_staged, fs::copy_options::overwrite_existing, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot copy it to add to it ({})", m_destination.string(),
                                      error.message()));
}

void StagedOutput::commit() {
    std::error_code error;
    const auto folder = m_destination.parent_path();
    // A sidecar of an overwritten output that the new one does not have would be
    // read with it: remove it.
    for (const auto& sidecar : m_sidecars)
        if (!fs::exists(m_folder / sidecar.filename())) fs::remove(sidecar, error);
    // Sidecars first: until the main file moves, readers see the old output or none.
    for (const auto& entry : fs::directory_iterator(m_folder)) {
        if (error) break;
        if (entry.path() != m_staged) fs::rename(entry.path(), folder / entry.path().filename(), error);
    }
    if (!error) fs::rename(m_staged, m_destination, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot put the output in place ({})",
                                      m_destination.string(), error.message()));
}

} // namespace depmap::layers
