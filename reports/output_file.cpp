#include "reports/output_file.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace kwe::reports {

namespace fs = std::filesystem;

void write_atomically(const std::string& path, const std::string& contents) {
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  const fs::path temporary = target.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << contents;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw std::runtime_error("cannot write " + path);
    }
  }
  fs::rename(temporary, target);
}

void check_writable(const std::string& path) {
  const fs::path target(path);
  if (fs::is_directory(target)) throw std::invalid_argument("output: " + path + " is a directory");
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  while (!dir.empty() && !fs::exists(dir)) dir = dir.has_parent_path() && dir.parent_path() != dir ? dir.parent_path() : fs::path(".");
  if (!fs::is_directory(dir) || ::access(dir.c_str(), W_OK) != 0)
    throw std::invalid_argument("output: cannot write " + path + " (" + dir.string() + " is not a writable directory)");
}

}  // namespace kwe::reports
