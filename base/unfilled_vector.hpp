#pragma once
// A vector whose resize(n) leaves the new elements unwritten, for plain values
// (numbers, offsets, flags, lon/lat pairs) that the caller fills next. Buffers of
// millions of values are filled on all cores; a std::vector would first write every
// element on one thread, taking every page fault of its memory there.
#include <cstddef>
#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace depmap {

namespace detail {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;
inline constexpr std::size_t huge_page_threshold_bytes = std::size_t{16} << 20;

// Asks the kernel to back the whole 2 MB pages within [p, p + bytes) by huge pages,
// where it can; a hint, whose failure changes nothing but speed.
inline void advise_huge_pages(void* p, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
    const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) / huge_page_bytes * huge_page_bytes;
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

} // namespace detail

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

    // A large buffer asks for 2 MB pages: on the virtual machines depmap is measured on,
    // the first touch of each 4 KB page costs about 20 µs (2.2 s for 400 MB, every
    // time), of each 2 MB page about as much as zeroing it (0.05 s for 400 MB).
    T* allocate(std::size_t n) {
        T* p = std::allocator<T>::allocate(n);
        if (n * sizeof(T) >= detail::huge_page_threshold_bytes) detail::advise_huge_pages(p, n * sizeof(T));
        return p;
    }

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

// Asks for 2 MB pages for the unwritten capacity of a large std::vector reserved ahead,
// as an UnfilledVector does for itself.
template <typename T>
void advise_huge_pages(std::vector<T>& values) {
    const std::size_t bytes = values.capacity() * sizeof(T);
    if (bytes >= detail::huge_page_threshold_bytes) detail::advise_huge_pages(values.data(), bytes);
}

} // namespace depmap
