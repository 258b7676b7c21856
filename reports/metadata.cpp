#include "reports/metadata.hpp"

#include <fmt/format.h>

#include <ctime>
#include <thread>
#include <sys/utsname.h>

#ifndef KWE_VERSION
#define KWE_VERSION "unknown"
#endif

namespace kwe::reports {

Metadata current_metadata(const std::string& command) {
  Metadata m;
  m.commit = KWE_VERSION;
  char buffer[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  m.date = buffer;
  m.command = command;
  struct utsname u;
  if (::uname(&u) == 0) m.machine = fmt::format("{} {} {}, ", u.sysname, u.release, u.machine);
  m.machine += fmt::format("{} cores", std::thread::hardware_concurrency());
  return m;
}

std::string reproduce_command(const checks::AuditOptions& o) {
  std::string s = "kwe-verify run";
  const auto list = [](const std::vector<std::string>& items) {
    std::string l;
    for (const std::string& i : items) l += (l.empty() ? "" : ",") + i;
    return l;
  };
  if (!o.check_ids.empty()) s += " --checks " + list(o.check_ids);
  s += " --beta " + list(o.betas) + " --M " + list(o.Ms);
  s += fmt::format(" --omega-min {} --omega-max {} --points-per-decade {} --digits {}", o.grid.omega_min, o.grid.omega_max,
                   o.grid.per_decade, o.digits);
  for (const auto& [id, formula] : o.assumed) s += fmt::format(" --assume {}={}", id, formula);
  return s;
}

}  // namespace kwe::reports
