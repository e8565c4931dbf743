// --where clauses on tests/fixtures/sample.csv: any text selects rows of the layer, in
// order, or is an ArgumentError.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "layers/query/attribute_filter.hpp"

#include <string>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& layer = fuzz::sample_layer();
    try {
        const auto rows = layers::rows_where(layer, std::string(fuzz::text_of(data, size)));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            fuzz::check(rows[i] < layer.size(), "a selected row is a row of the layer");
            fuzz::check(i == 0 || rows[i - 1] < rows[i], "rows once each, in layer order");
        }
    } catch (const ArgumentError&) {
    }
    return 0;
}
