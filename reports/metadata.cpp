#include "reports/metadata.hpp"

#include <ctime>

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
  return m;
}

}  // namespace kwe::reports
