// Report files are written whole or not at all, and the files of one run all or none: each to a
// temporary beside its target, every temporary written and closed before the first is renamed, so an
// interrupted or failed run (a signal, a full disk, a file-size limit) never leaves a half-written
// report or a stray temporary behind, and the previous outputs stay as they were.
//  - A symbolic link is written through: its target (followed to the end of the chain) is replaced,
//    the link stays a link.
//  - An existing path that is not a regular file (a directory, a FIFO, a device such as /dev/stdout) is
//    refused: renaming onto it would replace it.
//  - "-" is standard output.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kwe::reports {

// The outputs could not be written (I/O error, disk full, file too large); nothing was replaced.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The file a write to `path` replaces: symbolic links followed (also a dangling one), the path made
// absolute. "-" stays "-". Throws std::invalid_argument (bad usage) on an existing non-regular file, a
// link loop, a name longer than the system allows, or a directory that cannot be created or written.
std::string resolve_output(const std::string& path);

// resolve_output, plus a probe: a temporary created and removed in the nearest existing directory.
// Called before any work, so that hours of computation are not lost at the end.
void check_writable(const std::string& path);

// Writes every (path, contents) pair, all or none; throws OutputError (nothing replaced) on failure.
void write_all(const std::vector<std::pair<std::string, std::string>>& files);

// write_all of one file.
void write_atomically(const std::string& path, const std::string& contents);

}  // namespace kwe::reports
