#pragma once
// A vector whose resize(n) leaves the new elements unwritten (for types without a
// constructor of their own: numbers, offsets, flags), to be filled by the caller.
// Columns of millions of rows are filled on all cores; a std::vector would first zero
// the whole buffer on one thread, taking every page fault of its memory there.
#include <memory>
#include <utility>
#include <vector>

namespace depmap::layers {

template <typename T>
struct UnfilledAllocator : std::allocator<T> {
    using value_type = T;
    template <typename U>
    struct rebind {
        using other = UnfilledAllocator<U>;
    };

    UnfilledAllocator() = default;
    template <typename U>
    UnfilledAllocator(const UnfilledAllocator<U>&) noexcept {}

    // Default-initialisation: no value for a number, where std::allocator writes zero.
    template <typename U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

template <typename T>
using UnfilledVector = std::vector<T, UnfilledAllocator<T>>;

} // namespace depmap::layers
