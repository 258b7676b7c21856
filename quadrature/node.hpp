// A quadrature node on [0, 1]: its position s, the complement 1 - s (exact, so that a node next to
// s = 1 keeps its distance to the end), and its weight.
#pragma once

#include <vector>

namespace kwe::quadrature {

template <class Real>
struct Node {
  Real s;
  Real s_complement;
  Real weight;
};

template <class Real>
using NodeSet = std::vector<Node<Real>>;

}  // namespace kwe::quadrature
