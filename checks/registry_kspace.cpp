// The k-space checks: Lemma 2.1 (recalled from [4], the engine of the well-posedness part) and the
// lower bound of Appendix A (the alternative proof of Theorem 4.2). Each sweeps its own variable
// (checks/k_space.hpp) instead of w1.
#include "checks/k_space.hpp"
#include "checks/registry.hpp"

namespace kwe::checks {

std::vector<Check> k_space_checks() {
  Check lemma;
  lemma.id = "2.1";
  lemma.statement = "F(k1, k2), F1(k1, k2) ≲ 1 / (1 + |k1|^2 + |k2|^2) for all k1, k2 ∈ R^3, where F = ∫_{S^2} <k1*>^-3 dσ, "
                    "F1 = ∫_{S^2} <k2*>^-3 dσ";
  lemma.quantity = "sup F, F1";
  lemma.data.clear();  // no data: F and F1 are integrals of fixed weights
  lemma.relation = Relation::upper;
  lemma.predicted = parse_exponent("-1");
  lemma.hypotheses = {0, 1, false, 0, "all k1, k2 ∈ R^3; F and F1 involve neither β nor M"};
  lemma.involves_beta_M = false;
  lemma.section = "2.1";
  lemma.variable = "1+|k1|^2+|k2|^2";
  // s = 10 ... 10^8: |k1*| reaches 0 on the sphere (k1 ⊥ k2) with peaks of polar width down to 2e-4.
  lemma.source = [](const SeriesRequest& r) { return lemma_2_1_series(r, {"10", "1e8"}); };

  Check appendix;
  appendix.id = std::string("A");  // assigned from a literal, a one-character string trips GCC 12's -Wrestrict (PR 105329)
  appendix.statement = "I(k1, k2) = ∫_{S^2} |k1*|^(2β) / <k2*>^(M - 2β) dσ ≳ |k1|^(2β - 2) for 1 ≤ |k2| ≤ 2, |k1| large";
  appendix.quantity = "inf I";
  appendix.data.clear();
  appendix.relation = Relation::lower;
  appendix.predicted = parse_exponent("2beta - 2");
  // The proof uses β - M/2 + 1 < 0, i.e. M > 2β + 2: the region says it exactly (M > 2 is its bound at β = 0).
  appendix.hypotheses = {0, 1, false, 2, "β - M/2 + 1 < 0 (M > 2β + 2, used in the proof), 1 ≤ |k2| ≤ 2, |k1| ≥ 10",
                         "0 <= beta <= 1, M > 2beta + 2"};
  appendix.section = "Appendix A";
  appendix.variable = "|k1|";
  appendix.source = [](const SeriesRequest& r) { return appendix_a_series(r, {"10", "1e6"}); };

  return {lemma, appendix};
}

}  // namespace kwe::checks
