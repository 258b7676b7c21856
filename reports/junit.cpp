#include "reports/junit.hpp"

#include <fmt/format.h>

#include <sstream>

namespace kwe::reports {

namespace {

std::string xml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_junit(const checks::Audit& audit, const checks::Findings& findings) {
  std::size_t failures = 0;
  for (const auto& e : findings.equations) failures += e.status == checks::Status::violated || e.status == checks::Status::inconclusive;
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"kwe-verify\" tests=\"{0}\" failures=\"{1}\">\n"
                     "  <testsuite name=\"kwe-verify audit\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\">\n",
                     findings.equations.size(), failures);
  for (const auto& e : findings.equations) {
    std::string details;
    const checks::Check* check = nullptr;
    for (const checks::CheckResult& r : audit.results) {
      if (r.check->id != e.id) continue;
      check = r.check;
      details += fmt::format("beta = {}, M = {}: {} (stated {:.6g}, measured {:.9f} +- {:.1e}, slack {:+.6f}, control {}{}){}\n", r.beta, r.M,
                             checks::to_string(r.verdict.outcome), r.predicted, r.fit.exponent, r.fit.uncertainty, r.verdict.slack,
                             checks::to_string(r.control.outcome), r.control.broken ? " BROKEN" : "",
                             r.verdict.reason.empty() ? "" : ": " + r.verdict.reason);
    }
    out << fmt::format("    <testcase classname=\"kwe-verify.audit\" name=\"{}\">\n", xml("(" + e.id + ") " + (check ? check->statement : "")));
    if (e.status == checks::Status::violated || e.status == checks::Status::inconclusive)
      out << fmt::format("      <failure type=\"{}\" message=\"{}\"/>\n", checks::to_string(e.status),
                         xml(fmt::format("({}) {}", e.id, checks::to_string(e.status))));
    out << "      <system-out>" << xml(details) << "</system-out>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
  return out.str();
}

}  // namespace kwe::reports
