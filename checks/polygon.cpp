#include "checks/polygon.hpp"

#include "checks/check.hpp"

#include <algorithm>
#include <stdexcept>

namespace kwe::checks {

Constraint less(const Affine& lhs, const Affine& rhs) { return {lhs - rhs, true}; }
Constraint less_equal(const Affine& lhs, const Affine& rhs) { return {lhs - rhs, false}; }

Constraint negation(const Constraint& c) { return {-c.g, !c.strict}; }

// g = a + b beta + c M < 0 (or <= 0): for c != 0, M < -(a + b beta)/c when c > 0, M > ... when c < 0;
// likewise in beta when c = 0.
std::string format(const Constraint& c) {
  const Rational& lead = c.g.M != 0 ? c.g.M : c.g.beta;
  if (lead == 0) return format(c.g) + (c.strict ? " < 0" : " <= 0");
  const bool on_M = c.g.M != 0;
  const Affine rest = Rational(-1) / lead * Affine{c.g.constant, on_M ? c.g.beta : Rational(0), 0};
  const std::string relation = lead > 0 ? (c.strict ? " < " : " <= ") : (c.strict ? " > " : " >= ");
  return std::string(on_M ? "M" : "beta") + relation + format(rest);
}

std::string format(const Polygon& region) {
  std::string text;
  for (const Constraint& c : region.constraints) text += (text.empty() ? "" : ", ") + format(c);
  return text;
}

Polygon region_of(const Hypotheses& h) {
  if (!h.region.empty()) return parse_polygon(h.region);
  const Affine beta{0, 1, 0}, M{0, 0, 1};
  const Affine beta_min{decimal_rational(h.beta_min), 0, 0}, beta_max{decimal_rational(h.beta_max), 0, 0},
      M_min{decimal_rational(h.M_min), 0, 0};
  return {{h.beta_min_open ? less(beta_min, beta) : less_equal(beta_min, beta), less_equal(beta, beta_max),
           less(M_min, M)}};
}

bool within_hypotheses(const Hypotheses& h, double beta, double M) {
  return region_of(h).contains({decimal_rational(beta), decimal_rational(M)});
}

bool Polygon::contains(const Point& x) const {
  return std::all_of(constraints.begin(), constraints.end(), [&](const Constraint& c) { return c.holds_at(x); });
}

std::string format(const Point& x) {
  std::string text = "(";
  text += to_string(x.beta);
  text += ", ";
  text += to_string(x.M);
  return text += ")";
}

namespace {

Rational cross(const Point& a, const Point& b) { return a.beta * b.M - a.M * b.beta; }
Rational dot(const Point& a, const Point& b) { return a.beta * b.beta + a.M * b.M; }
Point gradient(const Affine& f) { return {f.beta, f.M}; }
bool same_direction(const Point& a, const Point& b) { return cross(a, b) == 0 && dot(a, b) > 0; }

// Where the lines f = 0 and g = 0 meet (Cramer), or nullopt when parallel.
std::optional<Point> intersection(const Affine& f, const Affine& g) {
  const Rational det = f.beta * g.M - f.M * g.beta;
  if (det == 0) return std::nullopt;
  return Point{(f.M * g.constant - g.M * f.constant) / det, (g.beta * f.constant - f.beta * g.constant) / det};
}

bool in_closure(const std::vector<Constraint>& cs, const Point& x) {
  return std::all_of(cs.begin(), cs.end(), [&](const Constraint& c) { return c.g.at(x) <= 0; });
}

// The closure of a region whose normals all lie along n: a strip, a half-plane or a line, in t = n . x.
void parallel_closure(const std::vector<Constraint>& cs, const Point& n, Shape& s) {
  std::optional<Rational> lo, hi;
  for (const Constraint& c : cs) {
    // gradient = lambda n, so g = lambda t + constant <= 0.
    const Rational lambda = n.beta != 0 ? c.g.beta / n.beta : c.g.M / n.M;
    const Rational bound = -c.g.constant / lambda;
    if (lambda > 0) {
      if (!hi || bound < *hi) hi = bound;
    } else if (!lo || bound > *lo) {
      lo = bound;
    }
  }
  if (lo && hi && *lo > *hi) return;  // empty closure
  const Rational nn = dot(n, n);
  const auto at_level = [&](const Rational& t) { return Point{t * n.beta / nn, t * n.M / nn}; };
  if (lo) s.points.push_back(at_level(*lo));
  if (hi && !(lo && *lo == *hi)) s.points.push_back(at_level(*hi));
  if (!lo && !hi) s.points.push_back(at_level(0));
  const Point along{-n.M, n.beta};
  s.rays = {along, {-along.beta, -along.M}};
  if (!hi) s.rays.push_back(n);
  if (!lo) s.rays.push_back({-n.beta, -n.M});
  s.empty = false;
}

void pointed_closure(const std::vector<Constraint>& cs, Shape& s) {
  for (std::size_t i = 0; i < cs.size(); ++i)
    for (std::size_t j = i + 1; j < cs.size(); ++j)
      if (const auto x = intersection(cs[i].g, cs[j].g); x && in_closure(cs, *x) &&
                                                           std::find(s.points.begin(), s.points.end(), *x) == s.points.end())
        s.points.push_back(*x);
  if (s.points.empty()) return;
  // Extreme rays lie along the constraint lines.
  for (const Constraint& c : cs) {
    const Point along{-c.g.M, c.g.beta};
    for (const Point& d : {along, Point{-along.beta, -along.M}}) {
      const bool recedes =
          std::all_of(cs.begin(), cs.end(), [&](const Constraint& e) { return dot(gradient(e.g), d) <= 0; });
      const bool known = std::any_of(s.rays.begin(), s.rays.end(), [&](const Point& r) { return same_direction(r, d); });
      if (recedes && !known) s.rays.push_back(d);
    }
  }
  s.pointed = true;
  s.empty = false;
}

Point relative_interior_point(const Shape& s) {
  Point x{0, 0};
  for (const Point& p : s.points) x = {x.beta + p.beta, x.M + p.M};
  const Rational n = static_cast<long long>(s.points.size());
  x = {x.beta / n, x.M / n};
  for (const Point& r : s.rays) x = {x.beta + r.beta, x.M + r.M};
  return x;
}

// Counter-clockwise around c: by half-plane, then by cross product (exact, no angles).
void sort_around(std::vector<Point>& points, const Point& c) {
  const auto upper = [](const Point& d) { return d.M > 0 || (d.M == 0 && d.beta > 0); };
  std::sort(points.begin(), points.end(), [&](const Point& a, const Point& b) {
    const Point da{a.beta - c.beta, a.M - c.M}, db{b.beta - c.beta, b.M - c.M};
    if (upper(da) != upper(db)) return upper(da);
    return cross(da, db) > 0;
  });
}

}  // namespace

Shape shape_of(const Polygon& region) {
  Shape s;
  std::vector<Constraint> lines;
  for (const Constraint& c : region.constraints) {
    if (!c.g.is_constant()) {
      lines.push_back(c);
    } else if (!c.holds_at({0, 0})) {
      return s;  // a false constant constraint (0 < 0, 1 <= 0)
    }
  }
  std::optional<Point> normal;
  bool spanning = false;
  for (const Constraint& c : lines) {
    if (!normal)
      normal = gradient(c.g);
    else if (cross(*normal, gradient(c.g)) != 0)
      spanning = true;
  }
  if (!normal)
    s = Shape{false, false, {{0, 0}}, {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}, {}};
  else if (spanning)
    pointed_closure(lines, s);
  else
    parallel_closure(lines, *normal, s);
  if (s.empty) return s;
  for (const Constraint& c : lines) {
    if (!c.strict) continue;
    const bool vanishes_on_points =
        std::all_of(s.points.begin(), s.points.end(), [&](const Point& p) { return c.g.at(p) == 0; });
    const bool flat_along_rays =
        std::all_of(s.rays.begin(), s.rays.end(), [&](const Point& r) { return dot(gradient(c.g), r) == 0; });
    if (vanishes_on_points && flat_along_rays) return Shape{};
  }
  s.interior = relative_interior_point(s);
  if (s.pointed) sort_around(s.points, s.interior);
  return s;
}

Supremum supremum(const Affine& f, const Shape& shape) {
  if (shape.points.empty()) throw std::invalid_argument("supremum over an empty region");
  Supremum sup{std::nullopt, shape.points.front(), std::nullopt};
  for (const Point& r : shape.rays)
    if (dot(gradient(f), r) > 0) {
      sup.ray = r;
      return sup;
    }
  sup.value = f.at(shape.points.front());
  for (const Point& p : shape.points)
    if (const Rational v = f.at(p); v > *sup.value) sup = {v, p, std::nullopt};
  return sup;
}

std::string describe(const Shape& shape) {
  if (shape.empty) return "empty";
  std::string text;
  for (const Point& p : shape.points) text += (text.empty() ? "" : ", ") + format(p);
  if (!shape.rays.empty()) {
    text += "; rays ";
    for (std::size_t i = 0; i < shape.rays.size(); ++i) text += (i ? ", " : "") + format(shape.rays[i]);
  }
  return text;
}

namespace {

struct RelationToken {
  std::size_t position, length;
  bool strict, reversed;  // reversed: '>' or '>='
};

// The relations of one chain, in order; "<=" before "<" so that the longer token wins.
std::vector<RelationToken> relations(const std::string& chain) {
  std::vector<RelationToken> found;
  for (std::size_t i = 0; i < chain.size();) {
    const auto starts = [&](const char* token) { return chain.compare(i, std::char_traits<char>::length(token), token) == 0; };
    if (starts("<=")) found.push_back({i, 2, false, false});
    else if (starts(">=")) found.push_back({i, 2, false, true});
    else if (starts("\u2264")) found.push_back({i, 3, false, false});
    else if (starts("\u2265")) found.push_back({i, 3, false, true});
    else if (starts("<")) found.push_back({i, 1, true, false});
    else if (starts(">")) found.push_back({i, 1, true, true});
    else {
      ++i;
      continue;
    }
    i += found.back().length;
  }
  return found;
}

}  // namespace

Polygon parse_polygon(const std::string& text) {
  Polygon region;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const auto comma = std::min(text.find(',', begin), text.size());
    const std::string chain = text.substr(begin, comma - begin);
    const auto rels = relations(chain);
    if (rels.empty()) throw std::invalid_argument("hypothesis '" + text + "': '" + chain + "' has no relation");
    std::vector<Affine> sides;
    std::size_t from = 0;
    for (const RelationToken& r : rels) {
      sides.push_back(parse_affine(chain.substr(from, r.position - from)));
      from = r.position + r.length;
    }
    sides.push_back(parse_affine(chain.substr(from)));
    for (std::size_t k = 0; k < rels.size(); ++k) {
      const Affine& a = rels[k].reversed ? sides[k + 1] : sides[k];
      const Affine& b = rels[k].reversed ? sides[k] : sides[k + 1];
      region.constraints.push_back(rels[k].strict ? less(a, b) : less_equal(a, b));
    }
    begin = comma + 1;
  }
  return region;
}

}  // namespace kwe::checks
