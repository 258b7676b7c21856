#include "checks/implication.hpp"

#include <stdexcept>

namespace kwe::checks {

std::string symbol(Order order) {
  switch (order) {
    case Order::less: return "<";
    case Order::less_equal: return "<=";
    case Order::greater: return ">";
    case Order::greater_equal: return ">=";
  }
  return "?";
}

namespace {

struct OrderToken {
  std::size_t position, length;
  Order order;
};

// The relations outside parentheses; "<=" is tried before "<".
std::vector<OrderToken> orders(const std::string& text) {
  std::vector<OrderToken> found;
  int depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto starts = [&](const char* token) {
      return text.compare(i, std::char_traits<char>::length(token), token) == 0;
    };
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
    std::optional<OrderToken> token;
    if (depth == 0) {
      if (starts("<=")) token = OrderToken{i, 2, Order::less_equal};
      else if (starts(">=")) token = OrderToken{i, 2, Order::greater_equal};
      else if (starts("\u2264")) token = OrderToken{i, 3, Order::less_equal};
      else if (starts("\u2265")) token = OrderToken{i, 3, Order::greater_equal};
      else if (starts("<")) token = OrderToken{i, 1, Order::less};
      else if (starts(">")) token = OrderToken{i, 1, Order::greater};
    }
    if (token) {
      found.push_back(*token);
      i += token->length;
    } else {
      ++i;
    }
  }
  return found;
}

bool compare(const Rational& a, Order order, const Rational& b) {
  switch (order) {
    case Order::less: return a < b;
    case Order::less_equal: return a <= b;
    case Order::greater: return a > b;
    case Order::greater_equal: return a >= b;
  }
  return false;
}

using Term = std::vector<Constraint>;  // a conjunction

Polygon with(const Polygon& region, const Term& term) {
  Polygon p = region;
  p.constraints.insert(p.constraints.end(), term.begin(), term.end());
  return p;
}

bool is_empty(const Polygon& p) { return shape_of(p).empty; }

// P implies c: P and (not c) is empty.
bool implies(const Polygon& p, const Constraint& c) {
  Polygon q = p;
  q.constraints.push_back(negation(c));
  return is_empty(q);
}

// Every point of a is in b.
bool contained(const Polygon& a, const Polygon& b) {
  for (const Constraint& c : b.constraints)
    if (!implies(a, c)) return false;
  return true;
}

// The term's constraints that the region and the term's other (kept) constraints do not imply, in order.
std::vector<Constraint> beyond_region(const Polygon& region, Term term) {
  for (std::size_t k = 0; k < term.size();) {
    Term others = term;
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
    if (implies(with(region, others), term[k]))
      term = others;
    else
      ++k;
  }
  return term;
}

// g <= 0 and h <= 0 with h = -s g, s > 0: together the line g = 0.
bool opposite(const Constraint& a, const Constraint& b) {
  if (a.strict || b.strict) return false;
  const Affine sum = a.g + b.g;  // zero for s = 1; otherwise compare the ratio on a non-zero coefficient
  if (sum == Affine{}) return true;
  const Rational& lead = a.g.M != 0 ? a.g.M : a.g.beta != 0 ? a.g.beta : a.g.constant;
  const Rational& other = a.g.M != 0 ? b.g.M : a.g.beta != 0 ? b.g.beta : b.g.constant;
  if (lead == 0 || other == 0) return false;
  const Rational s = -other / lead;
  return s > 0 && b.g == s * a.g;
}


// The terms of two DNFs pairwise conjoined, the empty ones (within the region) dropped.
std::vector<Term> product(const Polygon& region, const std::vector<Term>& a, const std::vector<Term>& b) {
  std::vector<Term> out;
  for (const Term& s : a)
    for (const Term& t : b) {
      Term u = s;
      u.insert(u.end(), t.begin(), t.end());
      if (!is_empty(with(region, u))) out.push_back(std::move(u));
    }
  return out;
}

}  // namespace

Claim parse_claim(const std::string& text) {
  const auto found = orders(text);
  if (found.size() != 1)
    throw std::invalid_argument("claim '" + text + "': expected exactly one of <, <=, >, >= outside parentheses, found " +
                                std::to_string(found.size()));
  const OrderToken& r = found.front();
  return {parse_piecewise(text.substr(0, r.position)), r.order, parse_piecewise(text.substr(r.position + r.length))};
}

std::string format(const Claim& claim) {
  std::string text = format(claim.lhs);
  text += ' ';
  text += symbol(claim.order);
  text += ' ';
  text += format(claim.rhs);
  return text;
}

bool holds_at(const Claim& claim, const Point& x) { return compare(claim.lhs.at(x), claim.order, claim.rhs.at(x)); }

// (declared in the header) "M <= 4beta + 7 and beta > 3/4"; a pair g <= 0, -g <= 0 as the line "beta = 1".
std::string conjunction(const std::vector<Constraint>& cs) {
  if (cs.empty()) return "the whole range";
  std::string text;
  std::vector<bool> used(cs.size(), false);
  for (std::size_t i = 0; i < cs.size(); ++i) {
    if (used[i]) continue;
    if (!text.empty()) text += " and ";
    std::size_t j = i + 1;
    while (j < cs.size() && (used[j] || !opposite(cs[i], cs[j]))) ++j;
    if (j < cs.size()) {
      used[j] = true;
      text += format_line(cs[i].g);
    } else {
      text += format(cs[i]);
    }
  }
  return text;
}

Implication decide(const Polygon& region, const Claim& claim) {
  if (claim.lhs.pieces.empty() || claim.rhs.pieces.empty())
    throw std::invalid_argument("claim '" + format(claim) + "': a side with no pieces");
  Implication result;
  const Shape range = shape_of(region);
  if (range.empty) {
    result.vacuous = true;
    result.summary = "holds vacuously: the range is empty";
    return result;
  }
  // lhs R rhs with R in {<, <=}: a > b is b < a.
  const bool swapped = claim.order == Order::greater || claim.order == Order::greater_equal;
  const PiecewiseAffine& lhs = swapped ? claim.rhs : claim.lhs;
  const PiecewiseAffine& rhs = swapped ? claim.lhs : claim.rhs;
  const bool strict = claim.order == Order::less || claim.order == Order::greater;
  const auto single_or = [](const PiecewiseAffine& f, Envelope e) { return f.pieces.size() == 1 || f.envelope == e; };

  // Failure set in disjunctive form. Claim: (for all | exists)_i (exists | for all)_j p_i R q_j.
  const bool failure_intersects_over_j = single_or(rhs, Envelope::max);  // claim "exists j": failure "for all j"
  const bool failure_unites_over_i = single_or(lhs, Envelope::max);      // claim "for all i": failure "exists i"
  std::vector<Term> failure;
  for (std::size_t i = 0; i < lhs.pieces.size(); ++i) {
    std::vector<Term> inner;  // not (p_i R rhs)
    Term all;
    for (const Affine& q : rhs.pieces) {
      const Constraint negated = negation(Constraint{lhs.pieces[i] - q, strict});
      if (failure_intersects_over_j)
        all.push_back(negated);
      else if (!is_empty(with(region, {negated})))
        inner.push_back({negated});
    }
    if (failure_intersects_over_j && !is_empty(with(region, all))) inner.push_back(all);
    if (failure_unites_over_i)
      failure.insert(failure.end(), inner.begin(), inner.end());
    else
      failure = i == 0 ? inner : product(region, failure, inner);
  }

  // Pieces, the ones inside another dropped (the first of equal ones kept).
  std::vector<Polygon> pieces;
  for (const Term& t : failure) pieces.push_back(with(region, t));
  for (std::size_t a = 0; a < pieces.size(); ++a) {
    bool inside = false;
    for (std::size_t b = 0; b < pieces.size() && !inside; ++b)
      if (b != a && contained(pieces[a], pieces[b]) && (b < a || !contained(pieces[b], pieces[a]))) inside = true;
    if (inside) continue;
    Failure f;
    f.where = pieces[a];
    f.shape = shape_of(f.where);
    f.witness = f.shape.interior;
    if (holds_at(claim, f.witness) || !region.contains(f.witness))
      throw std::logic_error("implication: the witness " + format(f.witness) + " of '" + format(claim) +
                             "' does not refute it");  // a bug, not a property of the claim
    f.beyond = beyond_region(region, failure[a]);
    f.summary = conjunction(f.beyond);
    result.failures.push_back(std::move(f));
  }

  // The gap, sup of lhs - rhs = max_{i,j} (p_i - q_j): the largest sup, or the first infinite one.
  if (single_or(lhs, Envelope::max) && single_or(rhs, Envelope::min)) {
    for (const Affine& p : lhs.pieces)
      for (const Affine& q : rhs.pieces) {
        if (result.gap && !result.gap->value) break;
        const Supremum s = supremum(p - q, range);
        if (!result.gap || !s.value || *s.value > *result.gap->value) result.gap = s;
      }
  }

  result.holds = result.failures.empty();
  if (result.holds) {
    result.summary = "holds on the whole range";
  } else if (result.failures.size() == 1 && result.failures.front().beyond.empty()) {
    result.summary = "fails on the whole range";
  } else {
    result.summary = "fails";
    for (std::size_t k = 0; k < result.failures.size(); ++k)
      result.summary += (k ? " or for " : " for ") + result.failures[k].summary;
  }
  return result;
}

}  // namespace kwe::checks
