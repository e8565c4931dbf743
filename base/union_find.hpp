#pragma once
// Disjoint sets of the items 0..n-1 (union-find): which items pairs join, transitively.
// A set's root is its lowest member, so the answer does not depend on the order of the
// unions.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

namespace depmap {

class UnionFind {
public:
    explicit UnionFind(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), std::size_t{0}); }

    std::size_t size() const { return m_parent.size(); }

    // The lowest member of x's set.
    std::size_t find(std::size_t x) {
        while (m_parent[x] != x) x = m_parent[x] = m_parent[m_parent[x]];  // path halving
        return x;
    }

    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }

    // Every set, members ascending, sets ordered by their lowest member.
    std::vector<std::vector<std::size_t>> groups() {
        std::vector<std::vector<std::size_t>> out;
        std::vector<std::size_t> group_of(m_parent.size());
        for (std::size_t i = 0; i < m_parent.size(); ++i) {
            const std::size_t root = find(i);  // root <= i: its group exists when i is not the root
            if (root == i) {
                group_of[i] = out.size();
                out.emplace_back();
            }
            out[group_of[root]].push_back(i);
        }
        return out;
    }

private:
    std::vector<std::size_t> m_parent;
};

} // namespace depmap
