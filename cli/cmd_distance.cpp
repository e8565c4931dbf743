#include "cli/cmd_distance.hpp"

#include "base/error.hpp"
#include "cli/dash_output.hpp"
#include "cli/examples.hpp"
#include "cli/layer_options.hpp"
#include "geo/geodesic.hpp"
#include "layers/output/atomic_output.hpp"
#include "layers/output/staged_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace depmap::cli {

namespace {

nlohmann::ordered_json place_json(const layers::Place& place) {
    return {{"label", place.name}, {"lon", place.position.lon_deg}, {"lat", place.position.lat_deg},
            {"origin", place.origin}, {"records", place.records}};
}

std::string place_text(const layers::Place& place) {
    return fmt::format("{} ({:.6f}, {:.6f}; {}{})", place.name, place.position.lon_deg,
                       place.position.lat_deg, place.origin,
                       place.records > 1 ? fmt::format(", mean of {} records", place.records) : "");
}

void print_csv(const layers::Place& from, const layers::Place& to, const geo::GeodesicInverse& inverse,
               const std::string& azimuth, std::ostream& out) {
    const auto cell = [](const std::string& text) {
        if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
        std::string quoted = "\"";
        for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        return quoted + "\"";
    };
    fmt::print(out, "from,from_lon,from_lat,to,to_lon,to_lat,distance_m,{0}1_deg,{0}2_deg\n", azimuth);
    fmt::print(out, "{},{},{},{},{},{},{},{},{}\n", cell(from.name), from.position.lon_deg, from.position.lat_deg,
               cell(to.name), to.position.lon_deg, to.position.lat_deg, inverse.distance_m, inverse.azimuth1_deg,
               inverse.azimuth2_deg);
}

// The format of -o FILE: its extension's (.csv, .json), else -f's.
OutputFormat file_format(const std::string& path, OutputFormat given) {
    const auto extension = CLI::detail::to_lower(std::filesystem::path(path).extension().string());
    if (extension == ".csv") return OutputFormat::Csv;
    if (extension == ".json") return OutputFormat::Json;
    if (given == OutputFormat::Csv || given == OutputFormat::Json) return given;
    throw ArgumentError(fmt::format("-o {}: give a .csv or .json file, or name the format with -f csv|json", path));
}

} // namespace

CLI::App* DistanceCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("distance", "Geodesic distance and azimuths between two places (WGS84)");
    command->add_option("from", m_from, "A place: a feature name or id, a gazetteer place, lon,lat or DMS")->required();
    command->add_option("to", m_to, "Another place")->required();
    add_layer_option(*command, m_layer_path, "The layer whose names and ids are places");
    m_layer.add_to(*command);
    add_format_option(*command, m_format,
                      {{"table", OutputFormat::Table}, {"csv", OutputFormat::Csv}, {"json", OutputFormat::Json}})
        ->group("Output");
    command->add_option("-o,--output", m_output, "Write the answer to this file: .csv or .json (else -f's format); "
                        "- for standard output")->group("Output");
    command->add_flag("-O,--overwrite", m_overwrite, "Replace an existing output")->group("Output");
    command->add_flag("--bearing", m_bearing, "Azimuths as bearings, 0-360 degrees clockwise from north, not "
                      "-180..180")->group("Output");
    command->parse_complete_callback([this] {  // checked as the line is read, before any work
        if (m_output.empty()) return;
        m_format = file_format(m_output, m_format);
        if (!names_standard_output(m_output)) layers::refuse_existing(m_output, m_overwrite);
    });
    add_examples(*command, {
                           {"depmap distance \"Bayan Obo\" Baotou", "the geodesic distance and both azimuths"},
                           {"depmap distance 109.97,41.80 Erenhot -f json", "the same as JSON"}});
    return command;
}

void DistanceCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const auto layer = m_layer.load(m_layer_path, global, err);
    const auto from = resolve_place(m_from, layer, global, err);
    const auto to = resolve_place(m_to, layer, global, err);
    auto inverse = geo::geodesic_inverse(from.position, to.position);
    const std::string azimuth = m_bearing ? "bearing" : "azimuth";
    if (m_bearing) {
        inverse.azimuth1_deg = geo::bearing_deg(inverse.azimuth1_deg);
        inverse.azimuth2_deg = geo::bearing_deg(inverse.azimuth2_deg);
    }
    const auto print = [&](std::ostream& stream) {
        if (m_format == OutputFormat::Csv) return print_csv(from, to, inverse, azimuth, stream);
        if (m_format == OutputFormat::Json) {
            nlohmann::ordered_json json{{"from", place_json(from)}, {"to", place_json(to)},
                                        {"distance_m", inverse.distance_m},
                                        {azimuth + "1_deg", inverse.azimuth1_deg},
                                        {azimuth + "2_deg", inverse.azimuth2_deg}};
            stream << json.dump(2) << '\n';
            return;
        }
        fmt::print(stream, "from:      {}\n", place_text(from));
        fmt::print(stream, "to:        {}\n", place_text(to));
        fmt::print(stream, "distance:  {:.3f} m ({:.3f} km), WGS84 geodesic\n", inverse.distance_m,
                   inverse.distance_m / 1000);
        fmt::print(stream, "{}:   {:.6f}° at the start, {:.6f}° at the end (clockwise from north{})\n",
                   m_bearing ? "bearing" : "azimuth", inverse.azimuth1_deg, inverse.azimuth2_deg,
                   m_bearing ? ", 0-360" : "");
    };
    if (m_output.empty() || names_standard_output(m_output)) return print(out);
    layers::AtomicOutput file(m_output, m_overwrite);
    print(file.stream());
    file.commit();
    if (global.verbose) fmt::print(err, "wrote {}\n", m_output);
}

} // namespace depmap::cli
