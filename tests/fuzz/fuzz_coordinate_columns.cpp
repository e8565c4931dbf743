// Finding the coordinate columns: every line is tried as a header name, and the first two
// rows of the text as split by the CSV splitter as header and first row. The columns
// chosen exist and differ.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "layers/read/coordinate_columns.hpp"
#include "layers/read/csv_table.hpp"

#include <vector>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::text_of(data, size);
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        (void)layers::role_of_header(text.substr(start, end - start));
        start = end + 1;
    }

    std::vector<char> copy(text.begin(), text.end());
    layers::SkipReport report;
    layers::Problems problems("fuzz.csv", layers::OnError::Skip, report);
    layers::CsvTable table;
    try {
        table = layers::split_csv(copy, "fuzz.csv", problems);
    } catch (const InputError&) {
        return 0;
    }
    std::vector<std::string_view> first_row;
    if (table.rows() > 0)
        for (std::size_t column = 0; column < table.header.size(); ++column)
            first_row.push_back(table.cell(0, column));
    const auto found = layers::find_coordinate_columns(table.header, first_row);
    const auto columns = table.header.size();
    using Kind = layers::CoordinateColumns::Kind;
    if (found.kind == Kind::LonLat)
        fuzz::check(found.lon < columns && found.lat < columns && found.lon != found.lat,
                    "lon and lat are two columns of the header");
    if (found.kind == Kind::Wkt) fuzz::check(found.wkt < columns, "the WKT column is in the header");
    return 0;
}
