// Vectors of R^3 at the working precision, for the momenta k1, k2, k1*, k2* of the k-space estimates
// (Lemma 2.1, Appendix A), and the parser of the command line's "x,y,z".
#pragma once

#include "estimates/real.hpp"

#include <stdexcept>
#include <string>

namespace kwe {

template <class Real>
struct Vec3 {
  Real x, y, z;
};

template <class Real>
Vec3<Real> operator+(const Vec3<Real>& a, const Vec3<Real>& b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}

template <class Real>
Vec3<Real> operator-(const Vec3<Real>& a, const Vec3<Real>& b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}

template <class Real>
Vec3<Real> operator*(const Real& c, const Vec3<Real>& a) {
  return {c * a.x, c * a.y, c * a.z};
}

template <class Real>
Real dot(const Vec3<Real>& a, const Vec3<Real>& b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

template <class Real>
Vec3<Real> cross(const Vec3<Real>& a, const Vec3<Real>& b) {
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}

template <class Real>
Real norm(const Vec3<Real>& a) {
  using std::sqrt;
  return sqrt(dot(a, a));
}

// "x,y,z": exactly three finite decimals, each parsed straight into MPFR (real.hpp). Throws
// std::invalid_argument naming `what` otherwise.
inline Vec3<Real> parse_vec3(const std::string& text, const std::string& what) {
  std::string parts[3];
  std::size_t start = 0;
  for (int i = 0; i < 3; ++i) {
    const std::size_t comma = text.find(',', start);
    if ((i < 2) != (comma != std::string::npos))
      throw std::invalid_argument(what + ": '" + text + "' is not three comma-separated numbers x,y,z");
    parts[i] = text.substr(start, i < 2 ? comma - start : std::string::npos);
    start = comma + 1;
  }
  return {parse_real(parts[0], what + ".x"), parse_real(parts[1], what + ".y"), parse_real(parts[2], what + ".z")};
}

}  // namespace kwe
