#include "checks/sweep.hpp"

#include "checks/parallel.hpp"

#include <set>
#include <stdexcept>

namespace kwe::checks {

std::vector<std::string> Grid::omegas() const {
  if (per_decade < 1 || per_decade > 100)
    throw std::invalid_argument("points-per-decade: " + std::to_string(per_decade) + " is outside [1, 100]");
  // The grid is computed at 30 digits; the caller's precision is restored on the way out.
  const unsigned caller_digits10 = Real::default_precision();
  struct Restore {
    unsigned digits10;
    ~Restore() { Real::default_precision(digits10); }
  } restore{caller_digits10};
  set_working_precision(30);
  const Real low = parse_real(omega_min, "omega-min"), high = parse_real(omega_max, "omega-max");
  if (!(low > 1)) throw std::invalid_argument("omega-min: " + omega_min + " must be > 1 (the estimates are for w1 > 1)");
  if (!(high > low)) throw std::invalid_argument("omega-max: " + omega_max + " must exceed omega-min " + omega_min);
  std::vector<std::string> grid;
  const Real step = pow(Real(10), Real(1) / per_decade);
  Real w = low;
  // A relative slack of 10^-20 keeps omega_max itself when it lies on the grid.
  for (unsigned k = 0; w <= high * (1 + pow(Real(10), -20)); ++k, w = low * pow(step, k)) {
    grid.push_back(k == 0 ? omega_min : to_decimal(w, 30));
    if (grid.size() > 2000) throw std::invalid_argument("grid: more than 2000 points");
  }
  if (grid.size() < 6) throw std::invalid_argument("grid: fewer than 6 points; widen it or add points per decade");
  return grid;
}

namespace {

bool is_whole_operator(const std::string& quantity) { return quantity.size() == 4 && quantity[0] == 'C'; }

PointKey piece_key(const PointKey& whole, const std::string& piece) {
  PointKey k = whole;
  k.quantity = whole.quantity + "_" + piece;
  return k;
}

const char* const pieces[] = {"1", "21", "22", "3"};

// (5.1) as displayed is the words' C'^234 times w1^(beta - 1/2): one integral serves both readings.
const std::string displayed_modified = "Cprime234_literal", modified = "Cprime234";

PointKey words_key(const PointKey& displayed) {
  PointKey k = displayed;
  k.quantity = modified;
  return k;
}

}  // namespace

void ValueTable::compute(const std::vector<PointKey>& keys, unsigned digits, unsigned jobs) {
  // Whole operators are sums of pieces: compute the pieces.
  std::set<PointKey> wanted;
  for (const PointKey& k : keys) {
    if (values_.count(k)) continue;
    if (is_whole_operator(k.quantity))
      for (const char* p : pieces) wanted.insert(piece_key(k, p));
    else if (k.quantity == displayed_modified)
      wanted.insert(words_key(k));
    else
      wanted.insert(k);
  }
  std::vector<PointKey> todo;
  for (const PointKey& k : wanted)
    if (!values_.count(k)) todo.push_back(k);

  std::vector<Evaluation> results(todo.size());
  parallel_for(todo.size(), digits, jobs, [&](const quadrature::Engine<Real>& engine, std::size_t i) {
    Parameters p;
    p.beta = todo[i].beta;
    p.M = todo[i].M;
    results[i] = evaluate_point(todo[i].quantity, todo[i].data, p, todo[i].omega, engine);
  });
  for (std::size_t i = 0; i < todo.size(); ++i) values_[todo[i]] = results[i];

  for (const PointKey& k : keys) {
    if (values_.count(k) || k.quantity != displayed_modified) continue;
    Evaluation e = values_.at(words_key(k));
    set_working_precision(digits);
    const Real factor = pow(parse_real(k.omega, "omega"), Real(parse_real(k.beta, "beta") - Real(1) / 2));
    e.quantity = k.quantity;
    e.value *= factor;
    e.error *= factor;
    e.l1 *= factor;
    values_[k] = e;
  }
  for (const PointKey& k : keys) {
    if (values_.count(k) || !is_whole_operator(k.quantity)) continue;
    Evaluation sum = values_.at(piece_key(k, pieces[0]));
    for (int i = 1; i < 4; ++i) {
      const Evaluation& e = values_.at(piece_key(k, pieces[i]));
      sum.value += e.value;
      sum.error += e.error;
      sum.l1 += e.l1;
      sum.calls += e.calls;
      sum.met = sum.met && e.met;
      sum.seconds += e.seconds;
      sum.level = std::max(sum.level, e.level);
    }
    sum.quantity = k.quantity;
    // The pieces' estimates add up; cancelling pieces (oscillating data) may still miss the tolerance.
    sum.met = sum.met && sum.error <= pow(Real(10), -static_cast<int>(digits)) * abs(sum.value);
    values_[k] = sum;
  }
}

const Evaluation& ValueTable::at(const PointKey& key) const {
  const auto found = values_.find(key);
  if (found == values_.end()) throw std::logic_error("value not computed: " + key.quantity + " at w1 = " + key.omega);
  return found->second;
}

}  // namespace kwe::checks
