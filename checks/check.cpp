#include "checks/check.hpp"

namespace kwe::checks {

std::string symbol(Relation relation) {
  switch (relation) {
    case Relation::upper: return "≲";
    case Relation::lower: return "≳";
    case Relation::both: return "≈";
  }
  return "?";
}

std::string word(Relation relation) {
  switch (relation) {
    case Relation::upper: return "upper bound";
    case Relation::lower: return "lower bound";
    case Relation::both: return "two-sided bound";
  }
  return "?";
}

}  // namespace kwe::checks
