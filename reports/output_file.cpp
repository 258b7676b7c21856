#include "reports/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kwe::reports {

namespace fs = std::filesystem;

namespace {

// The temporaries that exist right now, for the signal handler (fixed storage: async-signal-safe).
constexpr int max_temporaries = 64;
char temporaries[max_temporaries][PATH_MAX];
std::atomic<int> temporary_count{0};

extern "C" void remove_temporaries_and_die(int signal) {
  const int n = temporary_count.load();
  for (int i = 0; i < n && i < max_temporaries; ++i)
    if (temporaries[i][0] != '\0') ::unlink(temporaries[i]);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void install_handlers() {
  static const bool installed = [] {
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(s, remove_temporaries_and_die);
    // Past a file-size limit (ulimit -f), write() fails with EFBIG instead of the process dying.
    std::signal(SIGXFSZ, SIG_IGN);
    return true;
  }();
  (void)installed;
}

std::string why(int error) { return std::strerror(error); }

const char* kind(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

void check_name_lengths(const std::string& original, const fs::path& p) {
  if (p.string().size() >= PATH_MAX)
    throw std::invalid_argument("output: '" + original.substr(0, 60) + "...' is longer than " + std::to_string(PATH_MAX - 1) +
                                " characters");
  for (const fs::path& part : p)
    if (part.string().size() > NAME_MAX)
      throw std::invalid_argument("output: '" + original + "' has a name of " + std::to_string(part.string().size()) +
                                  " characters, longer than " + std::to_string(NAME_MAX));
}

// The nearest existing ancestor of `p` (which does not exist): must be a directory.
fs::path existing_ancestor(const std::string& original, fs::path p) {
  while (true) {
    std::error_code ec;
    const fs::file_status s = fs::status(p, ec);
    if (s.type() == fs::file_type::directory) return p;
    if (s.type() != fs::file_type::not_found && s.type() != fs::file_type::none)
      throw std::invalid_argument("output: cannot create '" + original + "': " + p.string() + " is " + kind(s.type()) +
                                  ", not a directory");
    if (!p.has_parent_path() || p.parent_path() == p) return fs::path("/");
    p = p.parent_path();
  }
}

// Creates a temporary beside `target` (registered for the signal handler); returns its descriptor.
int create_temporary(const fs::path& target, std::string& name) {
  install_handlers();
  const int slot = temporary_count.load();
  if (slot >= max_temporaries) throw std::logic_error("output: too many files at once");
  std::string templ = (target.parent_path() / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  if (templ.size() >= PATH_MAX) throw OutputError("cannot write " + target.string() + ": path too long");
  // Registered before it exists, so that a signal between mkstemp and the registration cannot leak it.
  std::strcpy(temporaries[slot], templ.c_str());
  temporary_count.store(slot + 1);
  const int fd = ::mkstemp(temporaries[slot]);
  if (fd < 0) {
    const int error = errno;
    temporaries[slot][0] = '\0';
    throw OutputError("cannot write " + target.string() + ": " + why(error));
  }
  name = temporaries[slot];
  return fd;
}

void forget_temporaries() {
  for (int i = 0; i < temporary_count.load(); ++i) temporaries[i][0] = '\0';
  temporary_count.store(0);
}

void remove_temporaries() {
  for (int i = 0; i < temporary_count.load(); ++i)
    if (temporaries[i][0] != '\0') ::unlink(temporaries[i]);
  forget_temporaries();
}

bool write_fully(int fd, const std::string& contents, int& error) {
  const char* p = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    error = errno;
    return false;
  }
  return true;
}

}  // namespace

std::string resolve_output(const std::string& path) {
  if (path == "-") return path;
  if (path.empty()) throw std::invalid_argument("output: '' is not a file name");
  fs::path p = fs::absolute(fs::path(path));
  check_name_lengths(path, p);
  // Follow a chain of links, also a dangling one (whose target will be created).
  for (int hops = 0;; ++hops) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(p, ec);
    if (link.type() != fs::file_type::symlink) break;
    if (hops == 40) throw std::invalid_argument("output: '" + path + "': too many levels of symbolic links");
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) throw std::invalid_argument("output: '" + path + "': cannot read the link " + p.string());
    p = to.is_absolute() ? to : p.parent_path() / to;
    check_name_lengths(path, p);
  }
  std::error_code ec;
  const fs::file_status s = fs::status(p, ec);
  if (s.type() == fs::file_type::regular) return fs::weakly_canonical(p).string();
  if (s.type() != fs::file_type::not_found && s.type() != fs::file_type::none)
    throw std::invalid_argument("output: '" + path + "' is " + kind(s.type()) + " (give a file name, or - for standard output)");
  existing_ancestor(path, p.parent_path());
  return fs::weakly_canonical(p).string();
}

void check_writable(const std::string& path) {
  const std::string target = resolve_output(path);
  if (target == "-") return;
  const fs::path dir = existing_ancestor(path, fs::path(target).parent_path());
  std::string probe = (dir / ".kwe-verify-probe.XXXXXX").string();
  install_handlers();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0)
    throw std::invalid_argument("output: cannot write '" + path + "' (" + dir.string() + ": " + why(errno) + ")");
  ::close(fd);
  ::unlink(probe.c_str());
  if (fs::exists(target) && ::access(target.c_str(), W_OK) != 0 && ::geteuid() != 0) {
    // Renaming over a read-only file would succeed; the user said it should not be written.
    throw std::invalid_argument("output: '" + path + "' is not writable");
  }
}

void write_all(const std::vector<std::pair<std::string, std::string>>& files) {
  struct Staged {
    fs::path target;
    std::string temporary;
  };
  std::vector<Staged> staged;
  std::string to_stdout;
  try {
    for (const auto& [path, contents] : files) {
      std::string target;
      try {
        target = resolve_output(path);
      } catch (const std::invalid_argument& e) {
        throw OutputError(e.what());
      }
      if (target == "-") {
        to_stdout += contents;
        continue;
      }
      const fs::path t(target);
      std::error_code ec;
      fs::create_directories(t.parent_path(), ec);
      if (ec) throw OutputError("cannot write " + path + ": " + ec.message());
      std::string temporary;
      const int fd = create_temporary(t, temporary);
      staged.push_back({t, temporary});
      // The mode of the file replaced, or the usual 0666 less the umask.
      struct stat old {};
      mode_t mode;
      if (::stat(t.c_str(), &old) == 0) {
        mode = old.st_mode & 07777;
      } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
      }
      ::fchmod(fd, mode);
      int error = 0;
      const bool ok = write_fully(fd, contents, error);
      if (::close(fd) != 0 && ok) error = errno;
      if (!ok || error != 0) throw OutputError("cannot write " + path + ": " + why(error));
    }
    for (const Staged& s : staged)
      if (::rename(s.temporary.c_str(), s.target.c_str()) != 0)
        throw OutputError("cannot write " + s.target.string() + ": " + why(errno));
  } catch (...) {
    remove_temporaries();
    throw;
  }
  forget_temporaries();
  if (!to_stdout.empty()) {
    std::cout << to_stdout << std::flush;
    if (!std::cout) throw OutputError("cannot write to standard output");
  }
}

void write_atomically(const std::string& path, const std::string& contents) { write_all({{path, contents}}); }

}  // namespace kwe::reports
