// What a report says about the run that made it.
#pragma once

#include <string>

namespace kwe::reports {

struct Metadata {
  std::string commit;   // git describe of the source, baked in at build time
  std::string date;     // UTC, ISO 8601
  std::string command;  // the command line
};

Metadata current_metadata(const std::string& command);

}  // namespace kwe::reports
