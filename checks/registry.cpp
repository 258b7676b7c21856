#include "checks/registry.hpp"

#include <stdexcept>

namespace kwe::checks {

namespace {

Hypotheses section4() { return {0, 1, false, 6, "0 <= beta <= 1, M > 6, w1 > 1 (Section 4)"}; }

Check make(std::string id, std::string statement, std::string quantity, Relation relation, const std::string& exponent,
           Hypotheses hypotheses, std::string section) {
  Check c;
  c.id = std::move(id);
  c.statement = std::move(statement);
  c.quantity = std::move(quantity);
  c.relation = relation;
  c.predicted = parse_exponent(exponent);
  c.hypotheses = std::move(hypotheses);
  c.section = std::move(section);
  return c;
}

std::vector<Check> build() {
  std::vector<Check> checks;
  // (4.2) Section 4.1: the lower bound that proves Theorem 4.2.
  Check c42 = make("4.2", "C^234[n01,n01,n01] >= C^234_21[n01,n01,n01] ≳ w1^(2β - 1/2 - M/2)", "C234_21",
                   Relation::lower, "2beta - 1/2 - M/2", section4(), "4.1");
  c42.comparisons = {{"C234_21", "C234"}};
  checks.push_back(c42);
  // (4.3)-(4.6) Section 4.2: upper bounds on the four pieces.
  checks.push_back(make("4.3", "C^234_21[n01,n01,n01] ≲ w1^(2β - 1/2 - M/2)", "C234_21", Relation::upper,
                        "2beta - 1/2 - M/2", section4(), "4.2"));
  checks.push_back(make("4.4", "C^234_22[n01,n01,n01] ≲ w1^(3β + 1/2 - M)", "C234_22", Relation::upper,
                        "3beta + 1/2 - M", section4(), "4.2"));
  checks.push_back(make("4.5", "C^234_3[n01,n01,n01] ≲ w1^(2β + 1/2 - M/2)", "C234_3", Relation::upper,
                        "2beta + 1/2 - M/2", section4(), "4.2"));
  checks.push_back(make("4.6", "C^234_1[n01,n01,n01] ≲ w1^(3β + 1 - M)", "C234_1", Relation::upper,
                        "3beta + 1 - M", section4(), "4.2"));
  // (4.7) "Combining (4.2) with (4.3)-(4.6)".
  Check c47 = make("4.7", "C^234[n01,n01,n01] ≈ w1^(2β - 1/2 - M/2), w1 > 1", "C234", Relation::both,
                   "2beta - 1/2 - M/2", section4(), "4.2");
  c47.follows_from = {"4.2", "4.3", "4.4", "4.5", "4.6"};
  checks.push_back(c47);
  for (Check& c : k_space_checks()) checks.push_back(std::move(c));
  return checks;
}

}  // namespace

const std::vector<Check>& registry() {
  static const std::vector<Check> checks = build();
  return checks;
}

const Check& find_check(const std::string& id) {
  for (const Check& c : registry())
    if (c.id == id) return c;
  throw std::invalid_argument("check: '" + id + "' is not a known check id (see `kwe-verify list`)");
}

}  // namespace kwe::checks
