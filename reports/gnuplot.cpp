#include "reports/gnuplot.hpp"

#include "reports/output_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace kwe::reports {

namespace fs = std::filesystem;

std::string find_gnuplot() { return find_program("gnuplot"); }

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  const std::string dirs = path;
  for (std::size_t begin = 0; begin <= dirs.size();) {
    std::size_t end = dirs.find(':', begin);
    if (end == std::string::npos) end = dirs.size();
    // An empty entry of PATH means the current directory.
    const fs::path candidate = fs::path(end > begin ? dirs.substr(begin, end - begin) : ".") / name;
    std::error_code ignored;
    if (fs::is_regular_file(candidate, ignored) && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    begin = end + 1;
  }
  return {};
}

std::string gnuplot_string(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string first_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.find_first_not_of(" \t") != std::string::npos) return line.substr(line.find_first_not_of(" \t"));
  return {};
}

int spawn_and_wait(const std::vector<std::string>& argv, const std::filesystem::path& log, int& errno_out) {
  return spawn_capture(argv, log, nullptr, errno_out);
}

int spawn_capture(const std::vector<std::string>& argv, const std::filesystem::path& log, std::string* out, int& errno_out) {
  int pipe_fds[2] = {-1, -1};
  if (out != nullptr && ::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    errno_out = errno;
    return -1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out != nullptr) posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  else posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  errno_out = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (out != nullptr) ::close(pipe_fds[1]);
  if (errno_out != 0) {
    if (out != nullptr) ::close(pipe_fds[0]);
    return -1;
  }
  set_running_child(pid);  // killed by the signal handlers (output_file.hpp)
  if (out != nullptr) {
    char buffer[65536];
    while (true) {
      const ssize_t n = ::read(pipe_fds[0], buffer, sizeof buffer);
      if (n > 0) out->append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR) break;
    }
    ::close(pipe_fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      set_running_child(0);
      return -1;
    }
  set_running_child(0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

GnuplotRun run_gnuplot(const std::string& gnuplot, const std::string& directory, const std::string& script) {
  const fs::path log = fs::path(directory) / (script + ".log.tmp." + std::to_string(::getpid()));
  int spawn_errno = 0;
  GnuplotRun run;
  const int status = spawn_capture({gnuplot, "-e", "cd " + gnuplot_string(directory), "-e", "output_file = '/dev/stdout'", script}, log,
                                   &run.output, spawn_errno);
  run.ok = status == 0;
  if (status < 0) run.message = std::string("cannot start gnuplot: ") + std::strerror(spawn_errno);
  else if (!run.ok) run.message = first_line(log);
  if (!run.ok && run.message.empty()) run.message = "gnuplot exited with status " + std::to_string(status);
  // A complete SVG ends with its closing tag: anything else is a plot cut short.
  const auto end = run.output.find_last_not_of(" \t\r\n");
  if (run.ok && (end == std::string::npos || end < 5 || run.output.substr(end - 5, 6) != "</svg>")) {
    run.ok = false;
    run.message = run.output.empty() ? "gnuplot wrote nothing" : "gnuplot's SVG is incomplete";
  }
  std::error_code ignored;
  fs::remove(log, ignored);
  return run;
}

}  // namespace kwe::reports
