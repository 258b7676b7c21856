// Report files are written whole or not at all: to a temporary beside the target, then renamed, so an
// interrupted run never leaves a half-written report behind.
#pragma once

#include <string>

namespace kwe::reports {

// Creates the parent directory if needed; throws std::runtime_error when the file cannot be written.
void write_atomically(const std::string& path, const std::string& contents);

// Throws std::invalid_argument when `path` could not be written (its directory cannot be created or is
// not writable): checked before an audit starts, so that hours of work are not lost at the end.
void check_writable(const std::string& path);

}  // namespace kwe::reports
