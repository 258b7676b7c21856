// gnuplot as a subprocess: found on PATH, run on a script inside the directory the script lives in (so
// that the script's bare file names resolve there, as they do for a reviewer re-running it by hand).
// Started with posix_spawn and an argument vector, never through a shell: no path needs quoting for one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kwe::reports {

// The first executable `gnuplot` on PATH, or empty when there is none.
std::string find_gnuplot();
// The same for any program (pandoc for the HTML report).
std::string find_program(const std::string& name);

// Exit status of the process `argv` (argv[0] a path) started with stdin from /dev/null and stdout,
// stderr into `log`; -1 with `errno_out` set when it could not be started.
int spawn_and_wait(const std::vector<std::string>& argv, const std::filesystem::path& log, int& errno_out);
// The same with its standard output read through a pipe into `*out` (no file written; stderr into `log`).
int spawn_capture(const std::vector<std::string>& argv, const std::filesystem::path& log, std::string* out, int& errno_out);
// The first non-blank line of a file, trimmed: what a failed subprocess said.
std::string first_line(const std::filesystem::path& file);

struct GnuplotRun {
  bool ok = false;
  std::string message;  // when not ok: the first line gnuplot printed, or why it did not start
  std::string output;   // the SVG, complete (ending in </svg>) when ok
};

// Runs `gnuplot -e "output_file = '/dev/stdout'" <script>` in `directory`, stdin closed, the SVG read
// from its standard output through a pipe (gnuplot writes no file: a full disk or a file-size limit
// can only fail the caller's own writes), its messages kept only to explain a failure. The script
// decides the terminal.
GnuplotRun run_gnuplot(const std::string& gnuplot, const std::string& directory, const std::string& script);

// A gnuplot single-quoted string literal: nothing inside is interpreted, a quote is doubled.
std::string gnuplot_string(const std::string& text);

}  // namespace kwe::reports
