// The progress display on stderr for work that takes more than a second: values done / total, the
// current check and β, elapsed time and ETA. On a terminal it is redrawn in place; otherwise (a CI log)
// it is one line every few seconds; --quiet silences it. Nothing is shown for work under a second.
#pragma once

#include "checks/audit.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

namespace kwe::reports {

class ProgressDisplay {
 public:
  enum class Mode { quiet, in_place, lines };
  using Clock = std::function<double()>;  // seconds since an arbitrary origin

  // The mode for stderr: quiet when asked, in place on a terminal, lines otherwise.
  static Mode mode_for_stderr(bool quiet);

  // `interval`: seconds between two lines (lines mode) or redraws (in place). `clock` for tests.
  ProgressDisplay(std::ostream& out, Mode mode, double interval = 5, Clock clock = {});
  ~ProgressDisplay();

  // A ticker thread that calls tick() every `interval`, so that a long unit still shows time passing.
  void start_ticker();

  void update(const checks::Progress& progress);  // the audit's ProgressSink
  void update(std::size_t done, std::size_t total, const std::string& what, bool finished = false);
  void tick();

 private:
  std::string line(double now) const;
  void show(double now, bool final);

  std::ostream& out_;
  Mode mode_;
  double interval_;
  Clock clock_;
  double start_ = 0, last_shown_ = -1e300;
  bool shown_ = false, finished_ = false;
  std::size_t done_ = 0, total_ = 0;
  std::string what_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread ticker_;
};

}  // namespace kwe::reports
