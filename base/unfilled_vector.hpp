#pragma once
// A vector whose resize(n) leaves the new elements unwritten, for plain values
// (numbers, offsets, flags, lon/lat pairs) that the caller fills next. Buffers of
// millions of values are filled on all cores; a std::vector would first write every
// element on one thread, taking every page fault of its memory there.
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace depmap {

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

    // No value at all, where std::allocator writes zero (or a member's default value):
    // the allocated storage of a trivially copyable type already holds its objects.
    template <typename U>
    void construct(U*) noexcept {
        static_assert(std::is_trivially_copyable_v<U>, "an UnfilledVector holds plain values");
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

template <typename T>
using UnfilledVector = std::vector<T, UnfilledAllocator<T>>;

} // namespace depmap
