#pragma once
// What the fuzz targets share: the input as text, a check that aborts (libFuzzer keeps
// the input that made it), and the small layers the queries run against.
#include "layers/model/layer.hpp"
#include "layers/read/read.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace depmap::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A broken promise of the code under test: report it and abort, so it counts as a crash.
inline void check(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

// tests/fixtures/sample.csv, read once: the layer PLACEs and filters are resolved against.
inline const layers::Layer& sample_layer() {
    static const layers::Layer layer = layers::read_layer(DEPMAP_FUZZ_FIXTURES_DIR "/sample.csv");
    return layer;
}

} // namespace depmap::fuzz
