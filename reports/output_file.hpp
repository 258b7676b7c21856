// Report files are written whole or not at all, and the files of one run all or none: each to a
// temporary beside its target, every temporary written and closed before the first is renamed, so an
// interrupted or failed run (a signal, a full disk, a file-size limit) never leaves a half-written
// report or a stray temporary behind, and the previous outputs stay as they were.
//  - A symbolic link is written through: its target (followed to the end of the chain) is replaced,
//    the link stays a link.
//  - An existing path that is not a regular file (a directory, a FIFO, a device such as /dev/stdout) is
//    refused: renaming onto it would replace it.
//  - "-" is standard output.
// What is rendered by a program (gnuplot's plots, pandoc's HTML) is rendered first in a staging directory
// (StagingDirectory) and committed by the same write_all as the JSON and the report, so that the plots
// directory and the HTML rendering are part of the all-or-none.
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

// The directory a write to `path` needs (a plots directory beside the report): resolvable to a
// directory, or to nothing yet under a writable ancestor, with a probe as check_writable. Throws
// std::invalid_argument (bad usage).
void check_writable_directory(const std::string& path);

// Writes every (path, contents) pair, all or none; throws OutputError (nothing replaced) on failure.
// Then removes each of `stale` that is a regular file (an output of an earlier run this one could not
// render, e.g. the HTML without pandoc). A SIGINT or SIGTERM that arrives while the files are being
// renamed into place is held until the last rename: the run dies with every file replaced, never half.
// Test hook: with the environment variable KWE_TEST_FAIL_WRITE=TEXT, the write of the first file whose
// path contains TEXT fails (EIO), after the earlier ones were staged.
void write_all(const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& stale = {});

// A private directory (mode 0700, `.kwe-verify-stage.tmp.XXXXXX`) in the nearest existing directory
// of `near` (created nowhere else, so a failed run leaves no directory behind), where the plots and the
// HTML are rendered before write_all commits them. Removed with its contents by the destructor and by
// the signal handlers (which also kill a renderer still running: see set_running_child).
class StagingDirectory {
 public:
  explicit StagingDirectory(const std::string& near);  // throws OutputError
  ~StagingDirectory();
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int slot_ = -1;
};

// Every regular file under `directory` (recursively) as (path relative to it, contents); throws
// OutputError when one cannot be read.
std::vector<std::pair<std::string, std::string>> read_files(const std::string& directory);

// The renderer running now (0: none), killed by the signal handlers before they remove the staging
// directories it writes into (reports/gnuplot.cpp's spawn).
void set_running_child(int pid);

// write_all of one file.
void write_atomically(const std::string& path, const std::string& contents);

}  // namespace kwe::reports
