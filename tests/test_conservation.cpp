// Waveaction and energy conservation of the full operator (3.3), from its isotropic form (3.2):
//   int_0^inf C[n](w) sqrt(w) dw = 0,   int_0^inf C[n](w) w sqrt(w) dw = 0,
// for n = n01 with M = 12 (smooth, rapidly decaying), to 10^-20 of the gain term's integral
// G = int_0^inf (C^234 + C^134)[n](w) sqrt(w) dw. (WavKinS, a double-precision solver, reaches
// 2.6e-3 on its test.)
// The outer rule is the engine's level-8 rule on [0, inf). Each outer node needs a full 2-D evaluation
// of C[n], but only to the absolute accuracy its weight makes visible: the node's share of 10^-22 G.
// That keeps most nodes cheap (tails, the clustered ends of the tanh-sinh panels); the nodes near
// w ~ 1 go to about 25 digits. The nodes are shared between two threads.
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

Moments moments(const char* beta) {
  constexpr unsigned digits = 28;
  constexpr unsigned outer_level = 8;
  set_working_precision(digits);
  (void)boost::math::constants::pi<Real>();  // fill Boost's constant cache before the threads read it
  Parameters p;
  p.beta = beta;
  const Model<Real> model(p);
  const quadrature::Engine<Real> probe(digits, working_bits());
  const auto outer = quadrature::graded(Real(0), infinity<Real>(), {}, Real(1), probe.grading);

  struct Node {
    Real w, weight;  // weight includes sqrt(w)
    Real gain, full, error;
    std::size_t calls = 0;
    bool met = false;
  };
  std::vector<Node> nodes;
  for (const auto& panel : outer)
    for (const auto& node : probe.rules.nodes(outer_level, panel.rule)) {
      const auto point = panel.at(node.s, node.s_complement);
      nodes.push_back({point.x, Real(node.weight * point.jacobian * sqrt(point.x)), 0, 0, 0});
    }

  // Pass 1: the gain at each node to 6 digits, which also sizes each node's share of the tolerance.
  const auto data_and_engine = [&](unsigned d) { return quadrature::Engine<Real>(d, working_bits()); };
  Real gain = 0;
  {
    const auto engine = data_and_engine(6);
    const Data<Real> n{DataKind::n01, &model};
    for (Node& node : nodes) {
      const std::array<Data<Real>, 3> slots{n, n, n};
      node.gain = collision(engine, parse_slots("234"), all_pieces(), slots, model, node.w).value +
                  collision(engine, parse_slots("134"), all_pieces(), slots, model, node.w).value;
      gain += node.weight * node.gain;
    }
  }
  // Pass 2: C[n] at each node, to an absolute accuracy of 10^-22 G / (weight * (1 + w)) (the energy
  // moment carries the extra factor w).
  // The digits asked of a node follow from its share (they set the first refinement level).
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    const Data<Real> n{DataKind::n01, &model};
    for (std::size_t i = next++; i < nodes.size(); i = next++) {
      Node& node = nodes[i];
      const Real share = Real("1e-22") * gain / (abs(node.weight) * (1 + node.w) * nodes.size());
      const Real wanted = ceil(log10(abs(node.gain) / share));
      const unsigned node_digits = wanted < 10 ? 10u : wanted > digits ? digits : static_cast<unsigned>(wanted);
      auto engine = data_and_engine(node_digits);
      engine.absolute_tolerance = share;
      const auto r = full_operator(engine, n, model, node.w);
      node.full = r.value;
      node.error = r.error;
      node.calls = r.calls;
      node.met = r.met;
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();

  Moments m{0, 0, gain};
  for (const Node& node : nodes) {
    m.waveaction += node.weight * node.full;
    m.energy += node.weight * node.full * node.w;
    m.calls += node.calls;
    m.met = m.met && node.met;
  }
  return m;
}

}  // namespace

TEST_CASE("C[n01] conserves waveaction and energy (beta = 1/2, M = 12)", "[conservation]") {
  const Moments m = moments("0.5");
  const Real waveaction = abs(m.waveaction) / m.gain, energy = abs(m.energy) / m.gain;
  INFO("gain integral " << to_decimal(m.gain, 10) << "; |waveaction| / gain " << to_decimal(waveaction, 3)
                        << ", |energy| / gain " << to_decimal(energy, 3) << "; " << m.calls << " integrand calls");
  CHECK(m.met);
  CHECK(m.gain > 0);
  CHECK(waveaction < Real("1e-20"));
  CHECK(energy < Real("1e-20"));
  WARN("conservation: |waveaction| / gain = " << to_decimal(waveaction, 3) << ", |energy| / gain = "
                                             << to_decimal(energy, 3) << " (" << m.calls << " integrand calls)");
}
