#pragma once
// Work whose size is known before it starts (a grid's cells, a matrix's pairs, a
// buffer's vertices) is refused with its estimate when it cannot fit in memory, rather
// than growing until the system kills it with nothing written.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace depmap {

// Parses a size as people type it: "200MB", "1.5 GB", "512k", "1048576" (bytes). The
// units K, M, G, T (with or without a B, case-insensitive) are powers of 1024. Returns
// nothing for anything else.
std::optional<std::uint64_t> parse_bytes(std::string_view text);

// "1.4 GB", "200 MB", "12 KB": a size for a message (powers of 1024).
std::string human_bytes(double bytes);

// The memory depmap may still take, in bytes. DEPMAP_MEMORY_LIMIT (a size, as
// parse_bytes reads it) when set, for tests and for sharing a machine; otherwise the
// least of MemAvailable (/proc/meminfo; else the free pages sysconf reports), the room
// left under `ulimit -v`, and the room left under a cgroup v2 memory.max. Throws
// ArgumentError for a DEPMAP_MEMORY_LIMIT that is not a size.
std::uint64_t available_memory_bytes();

// Throws LimitError ("<work> needs about 6.6 GB of memory, but 3.1 GB is available;
// <hint>") when `estimate_bytes` exceeds available_memory_bytes().
void require_memory(double estimate_bytes, std::string_view work, std::string_view hint);

} // namespace depmap
