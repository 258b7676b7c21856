#include "reports/progress.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <unistd.h>

namespace kwe::reports {

ProgressDisplay::Mode ProgressDisplay::mode_for_stderr(bool quiet) {
  if (quiet) return Mode::quiet;
  return ::isatty(STDERR_FILENO) ? Mode::in_place : Mode::lines;
}

ProgressDisplay::ProgressDisplay(std::ostream& out, Mode mode, double interval, Clock clock)
    : out_(out), mode_(mode), interval_(interval), clock_(std::move(clock)) {
  if (!clock_) {
    const auto origin = std::chrono::steady_clock::now();
    clock_ = [origin] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - origin).count(); };
  }
  start_ = clock_();
}

ProgressDisplay::~ProgressDisplay() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void ProgressDisplay::start_ticker() {
  if (mode_ == Mode::quiet) return;
  ticker_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    // The first wake is at one second, when work that is not short shows its first line (a CI log then
    // sees that the work started); later ones every `period`.
    const double period = mode_ == Mode::in_place ? 1.0 : interval_;
    double wait = std::min(1.0, period);
    while (!stop_) {
      wake_.wait_for(lock, std::chrono::duration<double>(wait));
      wait = period;
      if (stop_ || finished_) break;
      lock.unlock();
      tick();
      lock.lock();
    }
  });
}

std::string ProgressDisplay::line(double now) const {
  const double elapsed = now - start_;
  std::string eta = "ETA —";
  if (done_ > 0 && total_ > done_) eta = fmt::format("ETA {:.0f} s", elapsed * static_cast<double>(total_ - done_) / static_cast<double>(done_));
  if (finished_) return fmt::format("kwe-verify: {}/{} values, done in {:.1f} s", done_, total_, elapsed);
  return fmt::format("kwe-verify: {}/{} values ({:.0f}%) · {} · {:.0f} s elapsed · {}", done_, total_,
                     total_ ? 100.0 * static_cast<double>(done_) / static_cast<double>(total_) : 0.0, what_, elapsed, eta);
}

void ProgressDisplay::show(double now, bool final) {
  if (mode_ == Mode::quiet) return;
  const double elapsed = now - start_;
  if (elapsed < 1 && !(final && shown_)) return;  // work under a second shows nothing
  if (mode_ == Mode::in_place) {
    if (!final && now - last_shown_ < 0.2) return;
    out_ << "\r" << line(now) << "\033[K" << (final ? "\n" : "") << std::flush;
  } else {
    if (!final && now - last_shown_ < interval_) return;
    out_ << line(now) << "\n" << std::flush;
  }
  last_shown_ = now;
  shown_ = true;
}

void ProgressDisplay::update(std::size_t done, std::size_t total, const std::string& what, bool finished) {
  std::lock_guard<std::mutex> lock(mutex_);
  done_ = done;
  total_ = total;
  if (!what.empty()) what_ = what;
  finished_ = finished;
  show(clock_(), finished);
}

void ProgressDisplay::update(const checks::Progress& p) {
  update(p.done, p.total, p.check.empty() ? std::string() : fmt::format("({}) β = {}, M = {}", p.check, p.beta, p.M), p.finished);
}

void ProgressDisplay::tick() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!finished_) show(clock_(), false);
}

}  // namespace kwe::reports
