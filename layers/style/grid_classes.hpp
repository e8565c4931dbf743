#pragma once
// Classes of a numeric field for a graduated map (a density grid's `count`): few
// enough to tell apart, each holding about as many cells.
#include "layers/model/column.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

// A closed range [lower, upper]. Ranges follow one another (each lower is the previous
// upper) and a value belongs to the first range holding it, as QGIS's graduated
// renderer assigns values; so every value from the smallest to the largest has one.
struct ValueClass {
    double lower = 0;
    double upper = 0;
    std::string label;  // "3–5" for integers (the values it holds), "2.5–7.1" for reals
};

// One class per distinct value when there are at most `max_classes` of them, else
// quantile classes (breaks at the values k/max_classes through the sorted values,
// merged where equal). Zero, when there are larger values too, is a class of its own
// (empty cells), and the positive values share the other classes. Nulls are left out;
// no values gives one class [0, 0].
std::vector<ValueClass> value_classes(const Column& column, std::size_t max_classes = 5);

// A numeric column drawn graduated, as the QGIS grid style draws it: value_classes(),
// the zero class of empty cells only outlined, the others filled in ColorBrewer YlOrBr
// (palette::grid_colours, palette::grid_cell), light for the small values.
struct GraduatedFills {
    std::vector<ValueClass> classes;
    std::vector<FillStyle> fills;        // one per class
    std::vector<std::size_t> row_class;  // per row, the first class holding its value (nulls: the first)
};
GraduatedFills graduated_fills(const Column& column);

} // namespace depmap::layers
