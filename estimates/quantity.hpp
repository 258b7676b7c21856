// The quantities a check or a reviewer evaluates, by name:
//   C<j>_<i>   C^j_i[k, l, m](w1), j in {234, 134, 123, 124}, i in {1, 21, 22, 3}   e.g. C234_21
//   C<j>       C^j[k, l, m](w1) = sum of its four pieces                           e.g. C234
//   C          C[n](w1), the full operator (3.3) on the datum n = k (n02, n0: oscillating_operator.hpp)
//   Cprime234  C'^234[n01, n01, n01](w1), (5.1) as the words after it read it
//   Cprime234_literal   the same with the displayed extra factor w1^(beta - 1/2)
//   Env<j>_<i> |C^j_i[k, l, e^(iNw) <w>^(-M/2)]|, i in {21, 3}: the envelope over the phase of n02's term
// with data k, l, m each one of n01, n02, n0 (default n01). The oscillating data are integrated in any
// slot of the pieces 21, 22, 3 and of C (oscillating_operator.hpp); on the piece 1 they are refused.
#pragma once

#include "estimates/collision.hpp"
#include "estimates/modified_piece.hpp"
#include "estimates/oscillating.hpp"
#include "estimates/oscillating_operator.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

namespace kwe {

enum class QuantityKind { piece_sum, full, modified_words, modified_display, envelope };

struct QuantitySpec {
  std::string name;
  QuantityKind kind = QuantityKind::piece_sum;
  Slots slots{{2, 3, 4}, "234"};
  std::vector<Piece> pieces;   // empty for the full operator
};

inline QuantitySpec parse_quantity(const std::string& name) {
  QuantitySpec q;
  q.name = name;
  if (name == "C") {
    q.kind = QuantityKind::full;
    return q;
  }
  if (name == "Cprime234" || name == "Cprime234_literal") {
    q.kind = name == "Cprime234" ? QuantityKind::modified_words : QuantityKind::modified_display;
    q.pieces = all_pieces();
    return q;
  }
  const auto unknown = [&] {
    return std::invalid_argument("quantity: '" + name +
                                 "' is not C, C<j>, C<j>_<i> (j in 234, 134, 123, 124; i in 1, 21, 22, 3), Cprime234, "
                                 "Cprime234_literal, Env<j>_<i> (i in 21, 3) or I1 ... I6");
  };
  const bool envelope = name.rfind("Env", 0) == 0;
  const std::string rest = envelope ? "C" + name.substr(3) : name;
  if (rest.size() < 4 || rest[0] != 'C') throw unknown();
  try {
    q.slots = parse_slots(rest.substr(1, 3));
    if (envelope) {
      q.kind = QuantityKind::envelope;
      if (rest.size() == 4 || rest[4] != '_') throw unknown();
      q.pieces = {parse_piece(rest.substr(5))};
      if (q.pieces[0] != Piece::C21 && q.pieces[0] != Piece::C3) throw unknown();
      if (q.slots.index[2] != 4) throw unknown();
      return q;
    }
    if (rest.size() == 4) {
      q.pieces = all_pieces();
    } else {
      if (rest[4] != '_') throw unknown();
      q.pieces = {parse_piece(rest.substr(5))};
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

namespace quantity_detail {

template <class Real>
quadrature::Result<Real> from_phase(const PhaseResult<Real>& z, const Real& value, const Real& tolerance) {
  using std::abs;
  quadrature::Result<Real> r;
  r.value = value;
  r.error = z.error;
  r.l1 = z.l1;
  r.calls = z.calls;
  r.level = z.level;
  r.met = z.converged && r.error <= tolerance * abs(value);
  return r;
}

template <class Real>
void add(quadrature::Result<Real>& total, const quadrature::Result<Real>& r, const Real& factor) {
  using std::abs;
  total.value += factor * r.value;
  total.error += abs(factor) * r.error;
  total.l1 += abs(factor) * r.l1;
  total.calls += r.calls;
  total.level = std::max(total.level, r.level);
}

// C^j_i[k, l, m] with oscillating data, piece by piece. With the datum in the w4 slot alone on the pieces
// 21 and 3 (the terms of I2), the one-pattern route of oscillating.hpp (Re Z, plus A C^j_i[k, l, n01] for
// n0) is ~5x cheaper; everything else goes to the phase expansion of oscillating_operator.hpp.
template <class Real>
quadrature::Result<Real> oscillating_collision(const quadrature::Engine<Real>& engine, const QuantitySpec& q,
                                               const std::array<Data<Real>, 3>& data, const Model<Real>& model,
                                               const Real& w1) {
  using std::abs;
  const bool w4_slot_only = q.slots.index[2] == 4 && !data[0].oscillates() && !data[1].oscillates();
  quadrature::Result<Real> total;
  total.value = total.error = total.l1 = 0;
  for (Piece piece : q.pieces) {
    if (!w4_slot_only || (piece != Piece::C21 && piece != Piece::C3)) {
      add(total, oscillating_piece(engine, q.slots, piece, data, model, w1), Real(1));
      continue;
    }
    // n02: the value is Re Z, and the levels go on until Re Z itself is met; n0: A C^j_i[k, l, n01] carries
    // the size, and |Z| is the scale.
    const PhaseTarget target = data[2].kind == DataKind::n02 ? PhaseTarget::real_part : PhaseTarget::modulus;
    const PhaseResult<Real> z = phase_piece(engine, q.slots, piece, data, model, w1, target);
    add(total, from_phase(z, z.re, engine.tolerance()), Real(1));
    if (data[2].kind == DataKind::n0) {
      std::array<Data<Real>, 3> smooth = data;
      smooth[2] = Data<Real>{DataKind::n01, &model};
      add(total, collision(engine, q.slots, {piece}, smooth, model, w1), model.A);
    }
  }
  total.met = total.error <= engine.tolerance() * abs(total.value);
  return total;
}

}  // namespace quantity_detail

template <class Real>
quadrature::Result<Real> evaluate(const quadrature::Engine<Real>& engine, const QuantitySpec& q,
                                  const std::array<DataKind, 3>& kinds, const Model<Real>& model, const Real& w1) {
  using std::sqrt;
  const std::array<Data<Real>, 3> data{Data<Real>{kinds[0], &model}, Data<Real>{kinds[1], &model},
                                       Data<Real>{kinds[2], &model}};
  switch (q.kind) {
    case QuantityKind::full:
      if (data[0].oscillates()) return oscillating_operator(engine, data[0], model, w1);
      return full_operator(engine, data[0], model, w1);
    case QuantityKind::modified_words: return modified_piece(engine, ModifiedReading::words, model, w1);
    case QuantityKind::modified_display: return modified_piece(engine, ModifiedReading::display, model, w1);
    case QuantityKind::envelope: {
      const PhaseResult<Real> z = phase_piece(engine, q.slots, q.pieces[0], data, model, w1);
      return quantity_detail::from_phase(z, Real(sqrt(z.re * z.re + z.im * z.im)), engine.tolerance());
    }
    case QuantityKind::piece_sum:
      if (data[2].oscillates() || data[0].oscillates() || data[1].oscillates())
        return quantity_detail::oscillating_collision(engine, q, data, model, w1);
      return collision(engine, q.slots, q.pieces, data, model, w1);
  }
  throw std::logic_error("unknown quantity kind");
}

}  // namespace kwe
