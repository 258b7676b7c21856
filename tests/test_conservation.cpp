// Waveaction and energy conservation of the full operator (3.3), from its isotropic form (3.2):
//   int_0^inf C[n](w) sqrt(w) dw = 0,   int_0^inf C[n](w) w sqrt(w) dw = 0,
// for n = n01 with M = 12 (smooth, rapidly decaying), to 10^-20 of the gain term's integral
// G = int_0^inf (C^234 + C^134)[n](w) sqrt(w) dw. (WavKinS, a double-precision solver, reaches
// 2.6e-3 on its test.)
// Each node of the outer rule on [0, inf) needs a full 2-D evaluation of C[n], but only to the
// absolute accuracy its weight makes visible: its share of the target (times 10^-2). That keeps most
// nodes cheap (tails, the clustered ends of the tanh-sinh panels).
// Two tiers: 10^-12 (outer level 6) in the test tier, measured 1.9e-15 (waveaction) and 3.8e-15
// (energy) with 2.5e7 integrand calls, 2.3 minutes on 2 cores; 10^-20 (outer level 8) is the [long]
// case, run by `ctest -L long`: measured 1.6e-22 and 2.8e-28 with 1.7e8 calls in 19 min, but it
// still fails its `met` assertion (a node misses its share at the 28-digit cap): open work.
#include "estimates/collision.hpp"
#include "mp_compare.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace kwe;

namespace {

struct Moments {
  Real waveaction, energy, gain;
  std::size_t calls = 0;
  bool met = true;
};

Moments moments(const char* beta, const Real& target, unsigned outer_level, const Real& omega_max) {
  constexpr unsigned digits = 28;
  set_working_precision(digits);
  (void)boost::math::constants::pi<Real>();  // fill Boost's constant cache before the threads read it
  Parameters p;
  p.beta = beta;
  const Model<Real> model(p);
  const quadrature::Engine<Real> probe(digits, working_bits());
  // The outer range stops at omega_max: past it C[n01] <= gain ~ w^(2beta - 1/2 - M/2) (4.7), so the
  // energy moment's tail is below omega_max^(2beta + 1 - M/2) / (M/2 - 2beta - 1) of G (3e-19 at 10^6,
  // 3e-25 at 10^8 for beta = 1/2, M = 12), and the tanh-sinh tail panel would otherwise reach w ~ 10^3000.
  const auto outer = quadrature::graded(Real(0), omega_max, {}, Real(1), probe.grading);

  struct Node {
    Real w, weight;  // weight includes sqrt(w)
    Real gain, loss, full, error;
    std::size_t calls = 0;
    bool met = false;
  };
  std::vector<Node> nodes;
  for (const auto& panel : outer)
    for (const auto& node : probe.rules.nodes(outer_level, panel.rule)) {
      const auto point = panel.at(node.s, node.s_complement);
      nodes.push_back({point.x, Real(node.weight * point.jacobian * sqrt(point.x)), 0, 0, 0, 0});
    }

  // Both passes share the nodes between two threads.
  const auto in_parallel = [&](const auto& job) {
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
      for (std::size_t i = next++; i < nodes.size(); i = next++) job(nodes[i]);
    };
    std::thread helper(worker);
    worker();
    helper.join();
  };
  const Data<Real> n{DataKind::n01, &model};
  // Pass 1: gain and loss at each node to a digit or two (level-3 sums): they normalise the result and
  // bound each node's contribution, |C[n]| <= gain + loss.
  in_parallel([&](Node& node) {
    const quadrature::Engine<Real> engine(10, working_bits());
    for (const char* j : {"234", "134", "123", "124"}) {
      const SlotProduct<Real> product(parse_slots(j), {n, n, n}, node.w);
      Real& sum = j[1] == '3' && j[2] == '4' ? node.gain : node.loss;
      for (Piece piece : all_pieces()) sum += piece_level_sum(engine, piece, model, node.w, 3, product).value;
    }
  });
  Real gain = 0;
  for (const Node& node : nodes) gain += node.weight * node.gain;
  // Pass 2: C[n] at each node, to an absolute accuracy of target G / (100 weight (1 + w) nodes) (the
  // energy moment carries the extra factor w); the digits asked follow from that share (they set the
  // first refinement level).
  // A node whose whole contribution is below its share is left out: the sum of what is left out is at
  // most target G / 100 (with a factor 4 for the level-3 sums' own error).
  in_parallel([&](Node& node) {
    const Real share = target / 100 * gain / (abs(node.weight) * (1 + node.w) * nodes.size());
    if (4 * (abs(node.gain) + abs(node.loss)) <= share) {
      node.met = true;
      return;
    }
    const Real wanted = ceil(log10(abs(node.gain) / share));
    const unsigned node_digits = wanted < 10 ? 10u : wanted > digits ? digits : static_cast<unsigned>(wanted);
    quadrature::Engine<Real> engine(node_digits, working_bits());
    engine.absolute_tolerance = share;
    const auto r = full_operator(engine, n, model, node.w);
    node.full = r.value;
    node.error = r.error;
    node.calls = r.calls;
    node.met = r.met;
  });

  Moments m{0, 0, gain};
  for (const Node& node : nodes) {
    m.waveaction += node.weight * node.full;
    m.energy += node.weight * node.full * node.w;
    m.calls += node.calls;
    m.met = m.met && node.met;
  }
  return m;
}

void check_conservation(const char* target_text, unsigned outer_level, const char* omega_max) {
  const Real target(target_text);
  const Moments m = moments("0.5", target, outer_level, Real(omega_max));
  const Real waveaction = abs(m.waveaction) / m.gain, energy = abs(m.energy) / m.gain;
  INFO("gain integral " << to_decimal(m.gain, 10) << "; |waveaction| / gain " << to_decimal(waveaction, 3)
                        << ", |energy| / gain " << to_decimal(energy, 3) << "; " << m.calls << " integrand calls");
  CHECK(m.met);
  CHECK(m.gain > 0);
  CHECK(waveaction < target);
  CHECK(energy < target);
  WARN("conservation to " << target_text << ": |waveaction| / gain = " << to_decimal(waveaction, 3)
                          << ", |energy| / gain = " << to_decimal(energy, 3) << " (" << m.calls << " integrand calls)");
}

}  // namespace

TEST_CASE("C[n01] conserves waveaction and energy to 1e-12 (beta = 1/2, M = 12)", "[conservation]") {
  check_conservation("1e-12", 6, "1e6");
}

TEST_CASE("C[n01] conserves waveaction and energy to 1e-20 (beta = 1/2, M = 12)", "[conservation][long]") {
  check_conservation("1e-20", 8, "1e8");
}
