#include "checks/k_space.hpp"

#include "checks/maximise.hpp"
#include "checks/parallel.hpp"
#include "checks/sweep.hpp"
#include "estimates/sphere.hpp"

#include <boost/math/constants/constants.hpp>
#include <fmt/format.h>

#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>

namespace kwe::checks {

namespace {

using Engine = quadrature::Engine<Real>;
using Result = quadrature::Result<Real>;
using Point2 = std::array<Real, 2>;

// The sup (or inf) of one sphere integral over a box of configurations, and what the search cost.
struct Extremum {
  Point2 at;
  Result best;  // the sphere rule at `at`: the value reported, with its error
  std::size_t calls = 0, evaluations = 0;
  bool met = true;  // every value of the search met its target, not only the best
};

template <class Integral>
Extremum search(Integral&& integral, bool maximum, const Point2& lo, const Point2& hi, const std::array<unsigned, 2>& scan,
                unsigned digits) {
  Extremum e;
  Real best_signed;
  const auto objective = [&](const Point2& x) -> Real {
    const Result r = integral(x);
    e.calls += r.calls;
    e.met = e.met && r.met;
    Real signed_value = maximum ? r.value : Real(-r.value);
    if (e.evaluations++ == 0 || signed_value > best_signed) {
      best_signed = signed_value;
      e.best = r;
      e.at = x;
    }
    return signed_value;
  };
  const int location_bits = static_cast<int>(std::ceil(digits * std::log2(10.0) / 2)) + 2;
  const auto found = maximise_on_box<Real>(objective, lo, hi, scan, location_bits, pow(Real(10), -static_cast<int>(digits)));
  e.met = e.met && found.converged;
  return e;
}

std::vector<std::string> abscissae(const KSpaceSweep& sweep, unsigned per_decade) {
  Grid grid;
  grid.omega_min = sweep.from;
  grid.omega_max = sweep.to;
  grid.per_decade = per_decade;
  return grid.omegas();
}

std::string decimal(const Real& x, unsigned digits = 6) { return to_decimal(x, digits); }

// A grid abscissa (30 digits) as a reader wants it in a note.
std::string short_decimal(const std::string& x) { return to_decimal(parse_real(x, "abscissa"), 4); }

std::string fit_note(const std::string& what, const std::vector<SweepPoint>& points, double predicted, bool lowest) {
  const Fit fit = fit_exponent(points);
  const Real constant = implied_constant(points, predicted, lowest);
  return fmt::format("{}: measured exponent {:.6f} ± {:.1e} (last local slope {:.6f}); implied constant {} {}", what,
                     fit.exponent, fit.uncertainty, fit.last_slope, lowest ? "inf" : "sup", decimal(constant));
}

// Counts only, no time: the notes are part of the results, which are deterministic given the inputs (a
// sharded run and its merge equal the unsharded run); the run's wall time is in the run metadata.
std::string cost_note(std::size_t points, std::size_t evaluations, std::size_t calls) {
  return fmt::format("cost: {} points, {} sphere integrals in the searches ({:.0f} per point), {} integrand calls",
                     points, evaluations, double(evaluations) / double(points), calls);
}

// Series are kept per (beta, M, digits) and sweep: the audit asks again for every (beta, M).
using CacheKey = std::tuple<std::string, std::string, std::string, std::string, unsigned, unsigned>;

template <class Compute>
Series cached(const CacheKey& key, Compute&& compute) {
  static std::mutex mutex;
  static std::map<CacheKey, Series> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = cache.find(key);
    if (found != cache.end()) return found->second;
  }
  Series s = compute();
  std::lock_guard<std::mutex> lock(mutex);
  return cache.emplace(key, std::move(s)).first->second;
}

// ---- Lemma 2.1 -------------------------------------------------------------------------------------

// k1 = |k1| e_x, k2 = r |k1| (cos gamma, sin gamma, 0), with |k1|^2 (1 + r^2) = s - 1; x = (gamma, r).
std::pair<Vec3<Real>, Vec3<Real>> lemma_configuration(const Real& s, const Point2& x) {
  const Real& gamma = x[0];
  const Real& r = x[1];
  const Real k1_length = sqrt(Real((s - 1) / (1 + r * r)));
  const Real k2_length = r * k1_length;
  return {{k1_length, Real(0), Real(0)}, {Real(k2_length * cos(gamma)), Real(k2_length * sin(gamma)), Real(0)}};
}

std::string configuration_note(const Vec3<Real>& k1, const Vec3<Real>& k2) {
  const Real n1 = norm(k1), n2 = norm(k2);
  const std::string cosine = n1 > 0 && n2 > 0 ? decimal(Real(dot(k1, k2) / (n1 * n2)), 3) : std::string("undefined");
  return fmt::format("|k1| = {}, |k2| = {}, cos(k1, k2) = {}", decimal(n1, 4), decimal(n2, 4), cosine);
}

// What the report says beyond the fit of sup max(F, F1): the separate fits, where the sups are attained at
// the largest s, F at k1 ⊥ k2 there (the sup is attained along a set, not at a point), and F against F1.
std::vector<std::string> lemma_notes(const SeriesRequest& request, const std::vector<std::string>& xs,
                                     const std::vector<Extremum>& F, const std::vector<Extremum>& F1, bool& met) {
  std::vector<std::string> notes;
  std::vector<SweepPoint> sup_F, sup_F1;
  Real largest_difference = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const Real s = parse_real(xs[i], "s");
    sup_F.push_back({s, F[i].best.value, F[i].best.error});
    sup_F1.push_back({s, F1[i].best.value, F1[i].best.error});
    largest_difference = max(largest_difference, Real(abs(Real(F[i].best.value - F1[i].best.value)) / F[i].best.value));
  }
  notes.push_back(fit_note("sup F", sup_F, -1, false));
  notes.push_back(fit_note("sup F1", sup_F1, -1, false));
  const Real s_top = parse_real(xs.back(), "s");
  for (const auto& [name, e] : {std::pair<const char*, const Extremum&>{"F", F.back()}, {"F1", F1.back()}}) {
    const auto k = lemma_configuration(s_top, e.at);
    notes.push_back(fmt::format("at s = {}, sup {} = {} ± {} (s sup {} = {} = {} pi) is attained at gamma = {}, r = {} ({})",
                                short_decimal(xs.back()), name, decimal(e.best.value, 10), decimal(e.best.error, 2), name,
                                decimal(Real(s_top * e.best.value), 10),
                                decimal(Real(s_top * e.best.value / boost::math::constants::pi<Real>()), 10),
                                decimal(e.at[0], 10), decimal(e.at[1], 4), configuration_note(k.first, k.second)));
  }
  // Whether the sup is attained at one configuration or along a set: F at another candidate, k1 ⊥ k2.
  const Engine engine(request.digits, working_bits());
  const auto orthogonal = lemma_configuration(s_top, {boost::math::constants::half_pi<Real>(), Real(1)});
  const Result at_orthogonal = sphere_F(engine, orthogonal.first, orthogonal.second);
  met = at_orthogonal.met;
  notes.push_back(fmt::format("at s = {}, F at k1 ⊥ k2, |k1| = |k2| (gamma = pi/2, r = 1) is {} ± {}, sup F minus it: {}", short_decimal(xs.back()),
                                     decimal(at_orthogonal.value, 10), decimal(at_orthogonal.error, 2),
                                     decimal(Real(F.back().best.value - at_orthogonal.value), 2)));
  notes.push_back(fmt::format("sup F and sup F1 differ by at most {} relative over the sweep (sigma -> -sigma maps one onto the other)",
                                     decimal(largest_difference, 2)));
  return notes;
}

Series compute_lemma_2_1(const SeriesRequest& request, const KSpaceSweep& sweep) {
  const std::vector<std::string> xs = abscissae(sweep, request.per_decade);
  set_working_precision(request.digits);
  const Point2 lo{Real(0), Real(0)}, hi{boost::math::constants::pi<Real>(), Real(1)};
  const std::array<unsigned, 2> scan{7, 4};  // gamma in steps of pi/6, r in steps of 1/3
  std::vector<Extremum> F(xs.size()), F1(xs.size());
  parallel_for(xs.size(), request.digits, request.jobs, [&](const Engine& engine, std::size_t i) {
    const Real s = parse_real(xs[i], "s");
    F[i] = search([&](const Point2& x) { const auto k = lemma_configuration(s, x); return sphere_F(engine, k.first, k.second); },
                  true, lo, hi, scan, request.digits);
    F1[i] = search([&](const Point2& x) { const auto k = lemma_configuration(s, x); return sphere_F1(engine, k.first, k.second); },
                   true, lo, hi, scan, request.digits);
  });

  Series series;
  std::size_t evaluations = 0, calls = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const Real s = parse_real(xs[i], "s");
    // F, F1 <~ 1/s together: the series is sup max(F, F1) = max(sup F, sup F1).
    const bool first = F[i].best.value >= F1[i].best.value;
    series.abscissae.push_back(xs[i]);
    series.points.push_back({s, first ? F[i].best.value : F1[i].best.value, max(F[i].best.error, F1[i].best.error)});
    series.calls.push_back(F[i].calls + F1[i].calls);
    series.met = series.met && F[i].met && F1[i].met;
    evaluations += F[i].evaluations + F1[i].evaluations;
    calls += F[i].calls + F1[i].calls;
  }
  bool orthogonal_met = true;
  series.notes = lemma_notes(request, xs, F, F1, orthogonal_met);
  series.met = series.met && orthogonal_met;
  series.notes.push_back(cost_note(xs.size(), evaluations, calls));
  return series;
}

// ---- Appendix A ------------------------------------------------------------------------------------

// k1 = |k1| e_x, k2 = rho (cos gamma, sin gamma, 0); x = (rho, gamma).
std::pair<Vec3<Real>, Vec3<Real>> appendix_configuration(const Real& k1_length, const Point2& x) {
  const Real& rho = x[0];
  const Real& gamma = x[1];
  return {{k1_length, Real(0), Real(0)}, {Real(rho * cos(gamma)), Real(rho * sin(gamma)), Real(0)}};
}

// The reduction of I as Appendix A displays it, with E = |k1|^2 + |k2|^2, V = (k1 + k2)/2, u = k1 - k2:
//   \int_{-1}^{1} (E/2 - |u||V| z)^beta (1 + E/2 + |u||V| z)^(beta - M/2) dz,
// computed here only to audit the display against the sphere integral. From each end in the distance y
// to it, graded down to the width of the zero of the first factor (z = 1) and of the peak of the
// second (z = -1); E/2 - |u||V| = (k1.k2)^2 / (E/2 + |u||V|), as the paper writes it, keeps its digits.
Result paper_reduction_of_I(const Engine& engine, const Vec3<Real>& k1, const Vec3<Real>& k2, const Real& beta, const Real& M) {
  const Real half_E = (dot(k1, k1) + dot(k2, k2)) / 2, uV = norm(k1 - k2) * norm(k1 + k2) / 2;
  const Real gap = pow(dot(k1, k2), 2) / (half_E + uV);  // E/2 - |u||V|
  const Real exponent = beta - M / 2;
  const Real floor = ldexp(Real(1), -static_cast<int>(engine.bits / 2));
  const auto near_zero = quadrature::graded(Real(0), Real(1), {}, std::max(Real(gap / uV), floor), engine.grading);
  const auto near_peak = quadrature::graded(Real(0), Real(1), {}, Real((1 + gap) / uV), engine.grading);
  return quadrature::refine<Real>(
      [&](unsigned level) {
        auto e = quadrature::level_sum(near_zero, engine.rules, level, [&](const Real& y) {  // z = 1 - y
          return Real(pow(Real(gap + uV * y), beta) * pow(Real(1 + gap + uV * (2 - y)), exponent));
        });
        const auto f = quadrature::level_sum(near_peak, engine.rules, level, [&](const Real& y) {  // z = -1 + y
          return Real(pow(Real(gap + uV * (2 - y)), beta) * pow(Real(1 + gap + uV * y), exponent));
        });
        e.value += f.value;
        e.l1 += f.l1;
        e.calls += f.calls;
        return e;
      },
      engine.tolerance(), engine.bits, engine.policy);
}

Series compute_appendix_a(const SeriesRequest& request, const KSpaceSweep& sweep) {
  const std::vector<std::string> xs = abscissae(sweep, request.per_decade);
  set_working_precision(request.digits);
  const Point2 lo{Real(1), Real(0)}, hi{Real(2), boost::math::constants::pi<Real>()};
  const std::array<unsigned, 2> scan{3, 7};  // |k2| in steps of 1/2, gamma in steps of pi/6
  std::vector<Extremum> inf_I(xs.size());
  Result reduction;
  parallel_for(xs.size(), request.digits, request.jobs, [&](const Engine& engine, std::size_t i) {
    const Real beta = parse_real(request.beta, "beta"), M = parse_real(request.M, "M");
    const Real k1_length = parse_real(xs[i], "|k1|");
    inf_I[i] = search(
        [&](const Point2& x) { const auto k = appendix_configuration(k1_length, x); return sphere_I(engine, k.first, k.second, beta, M); },
        false, lo, hi, scan, request.digits);
    if (i + 1 == xs.size()) {
      const auto k = appendix_configuration(k1_length, inf_I[i].at);
      reduction = paper_reduction_of_I(engine, k.first, k.second, beta, M);
    }
  });

  Series series;
  std::size_t evaluations = 0, calls = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    series.abscissae.push_back(xs[i]);
    series.points.push_back({parse_real(xs[i], "|k1|"), inf_I[i].best.value, inf_I[i].best.error});
    series.calls.push_back(inf_I[i].calls);
    series.met = series.met && inf_I[i].met;
    evaluations += inf_I[i].evaluations;
    calls += inf_I[i].calls;
  }
  for (std::size_t i : {std::size_t(0), xs.size() - 1}) {
    const auto k = appendix_configuration(parse_real(xs[i], "|k1|"), inf_I[i].at);
    const Real half_E = (dot(k.first, k.first) + dot(k.second, k.second)) / 2;
    const Real uV = norm(Real(0.5) * (k.first + k.second)) * norm(k.first - k.second);
    series.notes.push_back(fmt::format("at |k1| = {}, inf I = {} ± {} is attained at |k2| = {}, gamma = {} ({}); there E/2 - |u||V| = {} (the proof bounds it by 8)",
                                       short_decimal(xs[i]), decimal(inf_I[i].best.value, 10), decimal(inf_I[i].best.error, 2), decimal(inf_I[i].at[0], 10),
                                       decimal(inf_I[i].at[1], 10), configuration_note(k.first, k.second),
                                       decimal(Real(pow(dot(k.first, k.second), 2) / (half_E + uV)), 10)));
  }
  const Real ratio = inf_I.back().best.value / reduction.value;
  const Real two_pi = boost::math::constants::two_pi<Real>();
  const Real off_two_pi = abs(Real(ratio / two_pi - 1)), off_one = abs(Real(ratio - 1));
  const Real resolution = pow(Real(10), 2 - static_cast<int>(request.digits));  // two digits below the values' own
  const std::string reading =
      off_two_pi <= resolution ? "the display drops the factor 2 pi of dsigma = 2 pi dz (harmless for the lower bound)"
      : off_one <= resolution  ? "the display is exact"
                               : "the display is off by more than the 2 pi of dsigma = 2 pi dz";
  series.notes.push_back(fmt::format("the displayed reduction I = \\int_{{-1}}^{{1}} ... dz, at the minimiser at |k1| = {}: sphere integral / display = {} "
                                     "(relative distance to 2 pi {}, to 1 {}; display {} ± {}): {}",
                                     short_decimal(xs.back()), decimal(ratio, 20), decimal(off_two_pi, 2), decimal(off_one, 2),
                                     decimal(reduction.value, 10), decimal(reduction.error, 2), reading));
  series.met = series.met && reduction.met;
  series.notes.push_back(cost_note(xs.size(), evaluations, calls));
  return series;
}

}  // namespace

Series lemma_2_1_series(const SeriesRequest& request, const KSpaceSweep& sweep) {
  // F and F1 involve neither beta nor M.
  return cached({"2.1", "", "", sweep.from + ":" + sweep.to, request.per_decade, request.digits},
                [&] { return compute_lemma_2_1(request, sweep); });
}

Series appendix_a_series(const SeriesRequest& request, const KSpaceSweep& sweep) {
  return cached({"A", request.beta, request.M, sweep.from + ":" + sweep.to, request.per_decade, request.digits},
                [&] { return compute_appendix_a(request, sweep); });
}

}  // namespace kwe::checks
