#include "layers/layer.hpp"

#include <algorithm>
#include <cctype>

namespace depmap::layers {

void SkipReport::add(const std::string& reason, const std::string& message) {
    if (count == 0) first_message = message;
    ++count;
    ++by_reason[reason];
}

geo::Box Layer::extent() const {
    geo::Box box;
    for (const auto& p : points) box.extend(p);
    for (const auto& s : shapes) box.extend(geo::bounds(s));
    return box;
}

std::optional<std::size_t> Layer::field_index(std::string_view field_name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field_name) return i;
    const auto same_ignoring_case = [field_name](const Field& f) {
        return std::equal(f.name.begin(), f.name.end(), field_name.begin(), field_name.end(),
                          [](unsigned char a, unsigned char b) {
                              return std::tolower(a) == std::tolower(b);
                          });
    };
    const auto it = std::find_if(fields.begin(), fields.end(), same_ignoring_case);
    if (it == fields.end()) return std::nullopt;
    return static_cast<std::size_t>(it - fields.begin());
}

} // namespace depmap::layers
