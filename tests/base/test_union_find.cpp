#include "base/union_find.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

using depmap::UnionFind;
using Groups = std::vector<std::vector<std::size_t>>;

TEST_CASE("union find: items no pair joins stay alone", "[base]") {
    UnionFind sets(3);
    CHECK(sets.size() == 3);
    CHECK(sets.find(2) == 2);
    CHECK(sets.groups() == Groups{{0}, {1}, {2}});
    CHECK(UnionFind(0).groups().empty());
}

TEST_CASE("union find: pairs join transitively, each set rooted at its lowest member", "[base]") {
    UnionFind sets(7);
    sets.unite(5, 3);
    sets.unite(6, 1);
    sets.unite(3, 1);  // 1, 3, 5 and 6 through 1
    sets.unite(4, 4);
    CHECK(sets.find(5) == 1);
    CHECK(sets.find(6) == 1);
    CHECK(sets.find(4) == 4);
    CHECK(sets.groups() == Groups{{0}, {1, 3, 5, 6}, {2}, {4}});
}

TEST_CASE("union find: the groups do not depend on the order of the unions", "[base]") {
    std::vector<std::pair<std::size_t, std::size_t>> pairs{{9, 2}, {2, 7}, {0, 8}, {8, 4}, {3, 3}, {6, 5}, {5, 1}};
    const Groups expected{{0, 4, 8}, {1, 5, 6}, {2, 7, 9}, {3}};
    std::sort(pairs.begin(), pairs.end());
    do {
        UnionFind sets(10);
        for (const auto& [a, b] : pairs) sets.unite(a, b);
        REQUIRE(sets.groups() == expected);
        for (const auto& group : expected)
            for (const std::size_t i : group) REQUIRE(sets.find(i) == group.front());
    } while (std::next_permutation(pairs.begin(), pairs.end()));
}
