// Independent evaluations on `jobs` threads, each with its own engine (rule tables are built per thread),
// at the working precision for `digits`. The first exception of any job is rethrown once all have stopped.
#pragma once

#include "estimates/real.hpp"
#include "quadrature/elementary.hpp"
#include "quadrature/engine.hpp"

#include <boost/math/constants/constants.hpp>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kwe::checks {

template <class Job>
void parallel_for(std::size_t count, unsigned digits, unsigned jobs, Job&& job) {
  set_working_precision(digits);
  // Boost caches its constants per precision in statics: fill them here, before the threads read them.
  (void)boost::math::constants::pi<Real>();
  (void)boost::math::constants::half_pi<Real>();
  (void)boost::math::constants::two_pi<Real>();
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::string failure;
  // Boost 1.74 keeps MPFR's default precision in one global, and an expression whose operands differ in
  // precision sets it to theirs for its duration (boost::multiprecision::detail::scoped_default_precision):
  // on two threads the other thread then makes its numbers at that precision, and two overlapping scopes
  // can leave the global changed for good. So a job must not mix in a Real made outside it at another
  // precision (make constants inside the job); the precision is checked after every job, and a change is
  // an error, not a silent drift. (Found as an intermittent failure of Boost's legendre_p_zeros with
  // --jobs 2: a Real made before parallel_for, at 37 digits, multiplied in every job at 21.)
  const unsigned working = Real::default_precision();
  const auto worker = [&] {
    const quadrature::Engine<Real> engine(digits, working_bits());
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        job(engine, i);
        if (Real::default_precision() != working)
          throw std::logic_error("parallel_for: the working precision changed during job " + std::to_string(i) + " (" +
                                 std::to_string(working) + " -> " + std::to_string(Real::default_precision()) +
                                 " digits): a number of another precision was mixed into the job");
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        failure = e.what();
      }
    }
  };
  std::vector<std::thread> threads;
  // MPFR and FLINT keep per-thread caches (constants, of their own functions): a worker frees them as
  // it ends.
  for (unsigned t = 1; t < std::max(1u, jobs); ++t)
    threads.emplace_back([&] {
      worker();
      elementary::release_thread_caches();
    });
  worker();
  for (auto& t : threads) t.join();
  if (!failure.empty()) throw std::runtime_error(failure);
}

}  // namespace kwe::checks
