#pragma once
// The errors depmap reports to its users. Each message is one line that names the
// offending file, row, feature or argument and says what to do about it.
#include <stdexcept>
#include <string>

namespace depmap {

// Bad data in an input: a missing file, an unreadable row, a coordinate out of range.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A coordinate reference system that cannot be understood or transformed.
class CrsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An output that cannot be written.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A malformed argument (a distance without a number, an unknown unit): a usage error.
class ArgumentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Work too large for this machine, refused before it starts: the message gives the
// estimate, what is available, and what to change.
class LimitError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace depmap
