#include "checks/registry.hpp"

#include "checks/section5_series.hpp"

#include <stdexcept>

namespace kwe::checks {

namespace {

Hypotheses section4() { return {0, 1, false, 6, "0 <= beta <= 1, M > 6, w1 > 1 (Section 4)"}; }
Hypotheses section5() { return {0.25, 1, true, 10, "1/4 < beta <= 1, M > 10, w1 > 1 (Section 5)"}; }

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

// A check whose series is the term I_k of (5.2) over its stated factor, uniformly in A and N.
Check term_check(std::string id, std::string statement, const std::string& term, Relation relation,
                 const std::string& exponent, StatedFactor stated, ParameterSweep sweep, std::string section) {
  Check c = make(std::move(id), std::move(statement), term, relation, exponent, section5(), std::move(section));
  c.source = normalized_term(term, std::move(stated), std::move(sweep), relation == Relation::lower);
  return c;
}

void add_section5(std::vector<Check>& checks) {
  const ParameterSweep A_and_N, A_only{{"1", "10", "100"}, {"1"}};
  // 5.2: "By (4.7)" and "by (4.4), (4.6)"; the constants "independent of N, A".
  Check c53 = term_check("5.3", "I1 ≈ A^2 |cos(N w1)| w1^(2β - 1/2 - M/2), constants independent of N, A", "I1", Relation::both,
                         "2beta - 1/2 - M/2", [](const Real& A, const Real& N, const Real& w1) -> Real { return A * A * abs(cos(N * w1)); },
                         A_and_N, "5.2");
  c53.follows_from = {"4.7"};
  checks.push_back(c53);
  Check c54 = term_check("5.4", "I3 ≈ (A+1) w1^(2β - M/2 - 1/2)", "I3", Relation::both, "2beta - 1/2 - M/2",
                         [](const Real& A, const Real&, const Real&) -> Real { return A + 1; }, A_only, "5.2");
  c54.follows_from = {"4.7"};
  checks.push_back(c54);
  Check c55 = term_check("5.5", "I6 ≲ A^2 w1^(3β + 1 - M)", "I6", Relation::upper, "3beta + 1 - M",
                         [](const Real& A, const Real&, const Real&) -> Real { return A * A; }, A_only, "5.2");
  c55.follows_from = {"4.4", "4.6"};
  checks.push_back(c55);
  // 5.3: one integration by parts in w4.
  Check c56 = make("5.6", "I2 ≲ (A^2/N) w1^(2β - M/2 - 1/2)", "I2", Relation::upper, "2beta - 1/2 - M/2", section5(), "5.3");
  c56.source = envelope_of_I2;
  checks.push_back(c56);
  // 5.4: the modified piece, in the reading of the words after (5.1) and in the displayed formula.
  checks.push_back(make("5.7", "|C'^234[n01,n01,n01]| ≲ w1^(2β - 3/2 - M/2)  (C' as the words after (5.1) define it)",
                        "Cprime234", Relation::upper, "2beta - 3/2 - M/2", section5(), "5.4"));
  Check c57d = make("5.7-display", "|C'^234[n01,n01,n01]| ≲ w1^(2β - 3/2 - M/2)  (C' as displayed in (5.1), with w1^(β - 1/2))",
                    "Cprime234_literal", Relation::upper, "2beta - 3/2 - M/2", section5(), "5.4");
  c57d.remarks = {"typo: (5.1) displays C'^234 with a factor w1^(β - 1/2) in front of an integral whose cross-section S already "
                  "carries it; the words after (5.1) define C' without it. (5.7) is checked in both readings (5.7 and 5.7-display)."};
  checks.push_back(c57d);
  Check c58 = term_check("5.8", "I4 ≲ A^3 w1^(2β - 3/2 - M/2)", "I4", Relation::upper, "2beta - 3/2 - M/2",
                         [](const Real& A, const Real&, const Real&) -> Real { return A * A * A; }, A_only, "5.4");
  c58.follows_from = {"5.7"};
  checks.push_back(c58);
  // 5.5: the lower-order operators C^124, C^134.
  checks.push_back(make("5.9", "C^124_21[n01,n01,n01] ≲ w1^(4β + 1 - M)", "C124_21", Relation::upper, "4beta + 1 - M", section5(), "5.5"));
  Check c510 = make("5.10", "C^134_21 ≲ C^124_21 ≲ w1^(4β + 1 - M)", "C134_21", Relation::upper, "4beta + 1 - M", section5(), "5.5");
  c510.comparisons = {{"C134_21", "C124_21"}};
  checks.push_back(c510);
  checks.push_back(make("5.11", "C^124_22[n01,n01,n01] ≲ w1^(4β + 1 - M)", "C124_22", Relation::upper, "4beta + 1 - M", section5(), "5.5"));
  Check c512 = make("5.12", "C^134_22 ≲ C^124_22 ≲ w1^(4β + 1 - M)", "C134_22", Relation::upper, "4beta + 1 - M", section5(), "5.5");
  c512.comparisons = {{"C134_22", "C124_22"}};
  checks.push_back(c512);
  checks.push_back(make("5.13", "C^134_3[n01,n01,n01] ≲ w1^(3β + 1/2 - M)", "C134_3", Relation::upper, "3beta + 1/2 - M", section5(), "5.5"));
  Check c514 = make("5.14", "C^124_3 ≲ C^134_3 ≲ w1^(3β + 1/2 - M)", "C124_3", Relation::upper, "3beta + 1/2 - M", section5(), "5.5");
  c514.comparisons = {{"C124_3", "C134_3"}};
  checks.push_back(c514);
  checks.push_back(make("5.15", "C^134_1[n01,n01,n01] ≲ w1^(3β + 2 - M)", "C134_1", Relation::upper, "3beta + 2 - M", section5(), "5.5"));
  Check c516 = make("5.16", "C^124_1 ≲ C^134_1 ≲ w1^(3β + 2 - M)", "C124_1", Relation::upper, "3beta + 2 - M", section5(), "5.5");
  c516.comparisons = {{"C124_1", "C134_1"}};
  checks.push_back(c516);
  const std::string label = "label: The paper labels (5.17) C_1^124, C_1^134, but it combines (5.9)-(5.16), i.e. all four pieces: "
                            "the whole operators C^124, C^134 are checked (5.17 and 5.17-134).";
  Check c517 = make("5.17", "C^124[n01,n01,n01] ≲ w1^(4β + 2 - M)  (the paper's label: C_1^124)", "C124", Relation::upper,
                    "4beta + 2 - M", section5(), "5.5");
  c517.follows_from = {"5.9", "5.11", "5.14", "5.16"};
  c517.remarks = {label};
  checks.push_back(c517);
  Check c517b = make("5.17-134", "C^134[n01,n01,n01] ≲ w1^(4β + 2 - M)  (the paper's label: C_1^134)", "C134", Relation::upper,
                     "4beta + 2 - M", section5(), "5.5");
  c517b.follows_from = {"5.10", "5.12", "5.13", "5.15"};
  checks.push_back(c517b);
  Check c518 = term_check("5.18", "I5 ≲ A^3 w1^(4β + 2 - M)", "I5", Relation::upper, "4beta + 2 - M",
                          [](const Real& A, const Real&, const Real&) -> Real { return A * A * A; }, A_only, "5.5");
  c518.follows_from = {"5.17", "5.17-134"};
  checks.push_back(c518);
  // 5.6 and Remark 1.4: beyond the numbered list.
  checks.push_back(make("5.19", "C^123[n01,n01,n01] ≲ w1^(2β - 1/2 - M/2)", "C123", Relation::upper, "2beta - 1/2 - M/2", section5(), "5.6"));
  Check c520 = make("5.20", "|C[n01,n01,n01]| ≲ w1^(2β - 1/2 - M/2)", "C", Relation::upper, "2beta - 1/2 - M/2", section5(), "5.6");
  c520.follows_from = {"5.19", "4.7", "5.17", "5.17-134"};
  checks.push_back(c520);
  // Remark 1.4 states an O(.) bound and draws a threshold from it, which needs the bound to be sharp:
  // the check is the bound; `kwe-verify scan` looks for the threshold.
  Check r14 = make("R1.4", "C[n01] = O(w1^(2β - 3/2 - M/2)) by cancellation of gain and loss (Remark 1.4)", "C", Relation::upper,
                   "2beta - 3/2 - M/2", section4(), "1.3");
  r14.remarks = {"Remark 1.4 concludes that <w1>^(M/2) C[n01] is bounded exactly when β <= 3/4, which holds only if its exponent "
                 "2β - 3/2 - M/2 is sharp; the slack of R1.4 says whether it is, and `kwe-verify scan` locates the threshold."};
  checks.push_back(r14);
  Check c521 = make("5.21", "<w1>^(M/2) |C[n0]| ≥ (A^2 C1/2) w1^(2β - 1/2) along w1 = 2πB/N", "|C[n0]|", Relation::lower,
                    "2beta - 1/2", section5(), "5.6");
  c521.source = mechanism_of_theorem_5_1;
  checks.push_back(c521);
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
  add_section5(checks);
  for (Check& c : k_space_checks()) checks.push_back(std::move(c));
  return checks;
}

}  // namespace

const std::vector<Check>& registry() {
  static const std::vector<Check> checks = build();
  return checks;
}

const Check& find_check(const std::string& id) {
  // `list` prints "(4.2)": the id in parentheses is the same id.
  const std::string bare = id.size() > 2 && id.front() == '(' && id.back() == ')' ? id.substr(1, id.size() - 2) : id;
  for (const Check& c : registry())
    if (c.id == bare) return c;
  throw std::invalid_argument("check: '" + id + "' is not a known check id (see `kwe-verify list`)");
}

}  // namespace kwe::checks
