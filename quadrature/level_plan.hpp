// Levels graded by significance: a panel that carries a small share of an integral needs fewer digits of
// its own, so it runs at a lower level than the panels that carry the value.
//
// Why: on the graded partitions (partition.hpp) the integrand falls by orders of magnitude from rung to
// rung — C^234_21 at beta = 0.3, M = 12, w1 = 10^4, 30 digits: the outer panels [0, 1], [1, 8] carry
// 73% and 27% of the L1 norm, [8, 64] 7e-5, [64, 512] 5e-9, [512, 4096] 4e-13, [4096, 5000] 3e-16, yet
// at one common level the last four took 38 000 of the 44 000 calls. A pair (outer panel, inner panel)
// whose L1 share of the target scale is 10^-k needs D - k digits, not D; and every rung added by a larger
// w1 is such a pair, so the cost stops growing with the number of rungs.
//
// How the drop is chosen. A cheap pass at levels p - 1 and p (p = first level - 3) records each pair's
// L1 share s (recorded by the integrand, level_sum_at's NodeAt gives it the outer weight). The rules
// gain digits like 2^(L/2) (Gauss and tanh-sinh alike: measured 11.1, 15.4, 22.6, 32.4 digits at
// L = 5 ... 8 on C^234_21), and the level L - 1 that the error estimate measures holds at least D digits
// when the estimate is met; so the pair at level L - d holds D 2^(-d/2) digits at its level L - 1 - d, and
//   d = floor(2 log2(D / (D - k + margin))),   margin = 3 digits (a pass that misjudges s by 10^3),
// capped so that every panel stays at level >= 3 at the first level of the refinement. The drop is fixed
// for the whole refinement: each pair then runs at two distinct levels in I_L and I_(L-1), and the error
// estimate |I_L - I_(L-1)| measures every pair's error exactly as before — a misjudged drop can only
// leave the estimate unmet (one more level, time lost), never make it lie.
//
// The target scale is the pass's value less twice its own error estimate |V_p - V_(p-1)| (or the
// absolute floor over the tolerance, when larger): where gain and loss cancel and the pass cannot even
// bound the value away from 0, nothing is dropped.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace kwe::quadrature {

// A pair: group (one chart of one integral), outer panel index, inner panel index (-1: the outer panel
// with all its inner integrals, for the outer rule's own level).
struct PanelKey {
  int group, outer, inner;
  bool operator<(const PanelKey& o) const { return std::tie(group, outer, inner) < std::tie(o.group, o.outer, o.inner); }
};

template <class Real>
class LevelPlan {
 public:
  static constexpr double margin_digits = 3;
  static constexpr unsigned lowest_level = 3;

  // The pass's levels for a refinement that starts at first_level; none (0) when there is no room to drop.
  static unsigned pass_level(unsigned first_level) { return first_level >= lowest_level + 2 ? std::max(lowest_level, first_level - 3) : 0; }

  bool recording() const { return recording_; }
  void start_recording() { recording_ = true; }
  void record(const PanelKey& key, const Real& share) {
    auto found = l1_.find(key);
    if (found == l1_.end()) l1_.emplace(key, share);
    else found->second += share;
  }

  // The size the tolerance applies to, from the pass: its value's size less twice its error estimate
  // |V_p - V_(p-1)|, or 0 (nothing dropped) when that bound does not keep the value away from 0.
  static Real scale_from_pass(const Real& size, const Real& error) {
    Real scale = size - 2 * error;
    return scale > 0 ? scale : Real(0);
  }

  // After the pass: `scale` is the size the tolerance applies to (see above); digits the target.
  void finish(const Real& scale, unsigned digits, unsigned first_level) {
    using std::log10;
    recording_ = false;
    const unsigned most = first_level > lowest_level ? first_level - lowest_level : 0;
    if (!(scale > 0) || most == 0) return;
    const double D = digits;
    for (const auto& [key, share] : l1_) {
      unsigned d = most;
      if (share > 0) {
        const double k = static_cast<double>(Real(log10(Real(scale / share))));
        const double needed = D - k + margin_digits;
        if (needed >= D) continue;  // a share of the scale or more: no drop
        if (needed > 1) d = std::min(most, static_cast<unsigned>(std::floor(2 * std::log2(D / needed))));
      }
      if (d > 0) drop_.emplace(key, d);
    }
  }

  unsigned drop(const PanelKey& key) const {
    const auto found = drop_.find(key);
    return found == drop_.end() ? 0 : found->second;
  }

  // The level of a pair when the refinement is at level L (L itself while recording: the pass).
  unsigned level(unsigned L, const PanelKey& key) const {
    if (recording_) return L;
    const unsigned d = drop(key);
    return d < L ? L - d : 1;
  }

  std::size_t dropped() const { return drop_.size(); }

 private:
  bool recording_ = false;
  std::map<PanelKey, Real> l1_;
  std::map<PanelKey, unsigned> drop_;
};

}  // namespace kwe::quadrature
