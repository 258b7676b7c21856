// What a report says about the run that made it.
#pragma once

#include "checks/audit.hpp"

#include <string>

namespace kwe::reports {

// `kwe-verify run ...` with every option that changes the results spelled out (not --jobs, not the
// output files): the same command, run anywhere, gives the same tables.
std::string reproduce_command(const checks::AuditOptions& options);

struct Metadata {
  std::string commit;   // git describe of the source, baked in at build time
  std::string date;     // UTC, ISO 8601
  std::string command;  // the command line
  std::string machine;  // operating system, architecture and cores
  unsigned jobs = 0;    // threads the run used
  double seconds = 0;   // wall time of the run
};

Metadata current_metadata(const std::string& command);

}  // namespace kwe::reports
