#include "reports/output_file.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kwe::reports {

namespace fs = std::filesystem;

namespace {

// The temporaries that exist right now, for the signal handler, which reads them without a lock
// (async-signal-safe): a table of names grown by publishing a larger copy. A table replaced is never
// freed (a handler on another thread may still be reading it).
struct Table {
  int capacity = 0;
  char** names = nullptr;
};
std::atomic<Table*> table{nullptr};
std::atomic<int> temporary_count{0};

// The staging directories that exist right now (StagingDirectory), and the renderer running now.
constexpr int max_staging = 8;
char staging[max_staging][PATH_MAX];
std::atomic<int> running_child{0};

// While write_all renames its temporaries into place, a signal is held and raised after the last rename.
std::atomic<bool> committing{false};
std::atomic<int> held_signal{0};

// Removes the directory `name` (relative to `parent`, a descriptor or AT_FDCWD) and what is in it,
// with system calls only (async-signal-safe): the staging directories are at most three levels deep.
void remove_tree(int parent, const char* name, int depth) {
  const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    ::unlinkat(parent, name, 0);
    return;
  }
  struct Entry {
    unsigned long long ino;
    long long off;
    unsigned short reclen;
    unsigned char type;
    char name[1];
  };
  alignas(8) char buffer[4096];
  // Entries removed while the directory is read may hide others: read it again until a pass is empty.
  for (int pass = 0; pass < 64; ++pass) {
    bool removed = false;
    ::lseek(fd, 0, SEEK_SET);
    while (true) {
      const long n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer);
      if (n <= 0) break;
      for (long at = 0; at < n;) {
        const Entry* e = reinterpret_cast<const Entry*>(buffer + at);
        at += e->reclen;
        if (e->name[0] == '.' && (e->name[1] == '\0' || (e->name[1] == '.' && e->name[2] == '\0'))) continue;
        if (e->type == DT_DIR && depth < 3) remove_tree(fd, e->name, depth + 1);
        else if (::unlinkat(fd, e->name, 0) != 0 && errno == EISDIR && depth < 3) remove_tree(fd, e->name, depth + 1);
        removed = true;
      }
    }
    if (!removed) break;
  }
  ::close(fd);
  ::unlinkat(parent, name, AT_REMOVEDIR);
}

void remove_everything_for_signal() {
  const int child = running_child.load();
  if (child > 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
  }
  const Table* t = table.load();
  const int n = temporary_count.load();
  if (t != nullptr)
    for (int i = 0; i < n && i < t->capacity; ++i)
      if (t->names[i] != nullptr && t->names[i][0] != '\0') ::unlink(t->names[i]);
  for (int i = 0; i < max_staging; ++i)
    if (staging[i][0] != '\0') remove_tree(AT_FDCWD, staging[i], 0);
}

extern "C" void remove_temporaries_and_die(int signal) {
  if (committing.load()) {
    held_signal.store(signal);
    return;
  }
  remove_everything_for_signal();
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

// A slot of the table for a name (copied into storage the handler can read), registered before the
// file exists, so that a signal between its creation and the registration cannot leak it.
char* register_temporary(const std::string& name) {
  install_handlers();
  const int slot = temporary_count.load();
  Table* t = table.load();
  if (t == nullptr || slot >= t->capacity) {
    Table* bigger = new Table;
    bigger->capacity = t == nullptr ? 64 : 2 * t->capacity;
    bigger->names = new char*[static_cast<std::size_t>(bigger->capacity)]();
    for (int i = 0; t != nullptr && i < slot; ++i) bigger->names[i] = t->names[i];
    table.store(bigger);
    t = bigger;
  }
  char* copy = new char[name.size() + 1];
  std::memcpy(copy, name.c_str(), name.size() + 1);
  t->names[slot] = copy;
  temporary_count.store(slot + 1);
  return copy;
}

std::string why(int error) { return std::strerror(error); }

const char* kind(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::regular: return "a regular file";
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
  std::string name_of_temporary(".");  // appended, not concatenated: GCC 12's -Wrestrict (PR 105329)
  name_of_temporary += target.filename().string();
  name_of_temporary += ".tmp.XXXXXX";
  const std::string templ = (target.parent_path() / name_of_temporary).string();
  if (templ.size() >= PATH_MAX) throw OutputError("cannot write " + target.string() + ": path too long");
  char* registered = register_temporary(templ);
  const int fd = ::mkstemp(registered);
  if (fd < 0) {
    const int error = errno;
    registered[0] = '\0';
    throw OutputError("cannot write " + target.string() + ": " + why(error));
  }
  name = registered;
  return fd;
}

// After a write_all: the names are dropped (the count first, so that the handler no longer reads them).
void forget_temporaries() {
  const int n = temporary_count.exchange(0);
  Table* t = table.load();
  for (int i = 0; t != nullptr && i < n && i < t->capacity; ++i) {
    delete[] t->names[i];
    t->names[i] = nullptr;
  }
}

void remove_temporaries() {
  Table* t = table.load();
  for (int i = 0; t != nullptr && i < temporary_count.load() && i < t->capacity; ++i)
    if (t->names[i] != nullptr && t->names[i][0] != '\0') ::unlink(t->names[i]);
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

void check_writable_directory(const std::string& path) {
  const fs::path p = fs::absolute(fs::path(path));
  check_name_lengths(path, p);
  std::error_code ec;
  const fs::file_status s = fs::status(p, ec);  // through links
  if (s.type() != fs::file_type::directory && s.type() != fs::file_type::not_found && s.type() != fs::file_type::none)
    throw std::invalid_argument("output: '" + path + "' is " + kind(s.type()) + ", not a directory");
  const fs::path dir = s.type() == fs::file_type::directory ? p : existing_ancestor(path, p.parent_path());
  std::string probe = (dir / ".kwe-verify-probe.XXXXXX").string();
  install_handlers();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) throw std::invalid_argument("output: cannot write into '" + path + "' (" + dir.string() + ": " + why(errno) + ")");
  ::close(fd);
  ::unlink(probe.c_str());
}

void write_all(const std::vector<std::pair<std::string, std::string>>& files, const std::vector<std::string>& stale) {
  struct Staged {
    fs::path target;
    std::string temporary;
  };
  std::vector<Staged> staged;
  std::string to_stdout;
  const char* fail_env = std::getenv("KWE_TEST_FAIL_WRITE");
  const std::string fail_on = fail_env != nullptr ? fail_env : "";
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
      bool ok = write_fully(fd, contents, error);
      if (ok && !fail_on.empty() && path.find(fail_on) != std::string::npos) {
        ok = false;
        error = EIO;
      }
      if (::close(fd) != 0 && ok) error = errno;
      if (!ok || error != 0) throw OutputError("cannot write " + path + ": " + why(error));
    }
    // Every temporary is complete: the renames, with signals held until the last one.
    committing.store(true);
    for (const Staged& s : staged)
      if (::rename(s.temporary.c_str(), s.target.c_str()) != 0) {
        const int error = errno;
        committing.store(false);
        throw OutputError("cannot write " + s.target.string() + ": " + why(error));
      }
    for (const std::string& path : stale) {
      std::error_code ec;
      if (fs::is_regular_file(fs::symlink_status(path, ec))) fs::remove(path, ec);
    }
    committing.store(false);
  } catch (...) {
    committing.store(false);
    remove_temporaries();
    if (const int signal = held_signal.exchange(0)) std::raise(signal);
    throw;
  }
  forget_temporaries();
  if (const int signal = held_signal.exchange(0)) std::raise(signal);
  if (!to_stdout.empty()) {
    std::cout << to_stdout << std::flush;
    if (!std::cout) throw OutputError("cannot write to standard output");
  }
}

StagingDirectory::StagingDirectory(const std::string& near) {
  fs::path dir;
  try {
    dir = existing_ancestor(near, fs::absolute(fs::path(near)));
  } catch (const std::invalid_argument& e) {
    throw OutputError(e.what());
  }
  install_handlers();
  for (int i = 0; i < max_staging; ++i)
    if (staging[i][0] == '\0') {
      slot_ = i;
      break;
    }
  if (slot_ < 0) throw std::logic_error("output: too many staging directories at once");
  const std::string templ = (dir / ".kwe-verify-stage.tmp.XXXXXX").string();
  if (templ.size() >= PATH_MAX) throw OutputError("cannot write into " + dir.string() + ": path too long");
  // Registered before it exists (see register_temporary).
  std::strcpy(staging[slot_], templ.c_str());
  if (::mkdtemp(staging[slot_]) == nullptr) {
    const int error = errno;
    staging[slot_][0] = '\0';
    throw OutputError("cannot write into " + dir.string() + ": " + why(error));
  }
  path_ = staging[slot_];
}

StagingDirectory::~StagingDirectory() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
  staging[slot_][0] = '\0';
}

std::vector<std::pair<std::string, std::string>> read_files(const std::string& directory) {
  std::vector<std::pair<std::string, std::string>> files;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) return files;
  for (auto it = fs::recursive_directory_iterator(directory, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw OutputError("cannot read " + it->path().string());
    files.emplace_back(fs::relative(it->path(), directory).string(), text.str());
  }
  if (ec) throw OutputError("cannot read " + directory + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

void set_running_child(int pid) { running_child.store(pid); }

void write_atomically(const std::string& path, const std::string& contents) { write_all({{path, contents}}); }

}  // namespace kwe::reports
