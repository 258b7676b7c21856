// The quantities a check or a reviewer evaluates, by name:
//   C<j>_<i>   C^j_i[k, l, m](w1), j in {234, 134, 123, 124}, i in {1, 21, 22, 3}   e.g. C234_21
//   C<j>       C^j[k, l, m](w1) = sum of its four pieces                           e.g. C234
//   C          C[n](w1), the full operator (3.3) on the datum n = k
// with data k, l, m each one of n01, n02, n0 (default n01).
#pragma once

#include "estimates/collision.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace kwe {

struct QuantitySpec {
  std::string name;
  bool full = false;           // C[n]
  Slots slots{{2, 3, 4}, "234"};
  std::vector<Piece> pieces;   // empty for the full operator
};

inline QuantitySpec parse_quantity(const std::string& name) {
  QuantitySpec q;
  q.name = name;
  if (name == "C") {
    q.full = true;
    return q;
  }
  const auto unknown = [&] {
    return std::invalid_argument("quantity: '" + name + "' is not C, C<j> or C<j>_<i> (j in 234, 134, 123, 124; i in 1, 21, 22, 3)");
  };
  if (name.size() < 4 || name[0] != 'C') throw unknown();
  try {
    q.slots = parse_slots(name.substr(1, 3));
    if (name.size() == 4) {
      q.pieces = all_pieces();
    } else {
      if (name[4] != '_') throw unknown();
      q.pieces = {parse_piece(name.substr(5))};
    }
  } catch (const std::invalid_argument&) {
    throw unknown();
  }
  return q;
}

// The data of the three slots, by name ("n01,n01,n02"); the full operator uses the first.
inline std::array<DataKind, 3> parse_data_slots(const std::string& text) {
  std::array<DataKind, 3> kinds{};
  std::size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    const std::size_t comma = text.find(',', start);
    if ((i < 2) != (comma != std::string::npos))
      throw std::invalid_argument("data: '" + text + "' must be three names separated by commas, e.g. n01,n01,n02");
    kinds[i] = parse_data_kind(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    start = comma + 1;
  }
  return kinds;
}

template <class Real>
quadrature::Result<Real> evaluate(const quadrature::Engine<Real>& engine, const QuantitySpec& q,
                                  const std::array<DataKind, 3>& kinds, const Model<Real>& model, const Real& w1) {
  const std::array<Data<Real>, 3> data{Data<Real>{kinds[0], &model}, Data<Real>{kinds[1], &model},
                                       Data<Real>{kinds[2], &model}};
  if (q.full) return full_operator(engine, data[0], model, w1);
  return collision(engine, q.slots, q.pieces, data, model, w1);
}

}  // namespace kwe
