// The progress display's two modes on a fake clock: in place on a terminal (carriage return, erase to
// the end of the line, a newline only at the end), one line every `interval` seconds otherwise; nothing
// for work under a second; nothing at all when quiet.
#include "reports/progress.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using kwe::reports::ProgressDisplay;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("progress in lines mode: one line per interval, a final line, nothing under a second", "[unit]") {
  double now = 0;
  std::ostringstream out;
  ProgressDisplay p(out, ProgressDisplay::Mode::lines, 5, [&] { return now; });
  now = 0.5;
  p.update(1, 10, "(4.3) β = 0.5, M = 12");
  CHECK(out.str().empty());  // under a second
  now = 1.5;
  p.update(2, 10, "(4.3) β = 0.75, M = 12");
  CHECK(count(out.str(), "\n") == 1);
  CHECK(out.str().find("2/10 values (20%)") != std::string::npos);
  CHECK(out.str().find("(4.3) β = 0.75, M = 12") != std::string::npos);
  CHECK(out.str().find("ETA") != std::string::npos);
  now = 3;
  p.update(3, 10, "(4.4) β = 0.5, M = 12");
  p.tick();
  CHECK(count(out.str(), "\n") == 1);  // within the interval
  now = 7;
  p.tick();  // the ticker: time passes inside a long unit
  CHECK(count(out.str(), "\n") == 2);
  CHECK(out.str().find('\r') == std::string::npos);
  now = 8;
  p.update(10, 10, "", true);
  CHECK(count(out.str(), "\n") == 3);
  CHECK(out.str().find("10/10 values, done in 8.0 s") != std::string::npos);
}

TEST_CASE("progress in place: redrawn with a carriage return, one newline at the end", "[unit]") {
  double now = 0;
  std::ostringstream out;
  ProgressDisplay p(out, ProgressDisplay::Mode::in_place, 5, [&] { return now; });
  for (int i = 1; i <= 5; ++i) {
    now = 1 + i;
    p.update(static_cast<std::size_t>(i), 6, "(4.3) β = 0.5, M = 12");
  }
  CHECK(count(out.str(), "\r") == 5);
  CHECK(count(out.str(), "\033[K") == 5);
  CHECK(count(out.str(), "\n") == 0);
  now = 8;
  p.update(6, 6, "", true);
  CHECK(count(out.str(), "\n") == 1);
  CHECK(out.str().back() == '\n');
}

TEST_CASE("progress: quiet writes nothing, and neither does a short run", "[unit]") {
  double now = 0;
  std::ostringstream quiet, quick;
  ProgressDisplay q(quiet, ProgressDisplay::Mode::quiet, 5, [&] { return now; });
  ProgressDisplay s(quick, ProgressDisplay::Mode::lines, 5, [&] { return now; });
  now = 0.2;
  s.update(1, 2, "x");
  now = 0.4;
  s.update(2, 2, "", true);
  now = 100;
  q.update(1, 2, "x");
  q.tick();
  q.update(2, 2, "", true);
  CHECK(quiet.str().empty());
  CHECK(quick.str().empty());
}
