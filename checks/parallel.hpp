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
  const auto worker = [&] {
    const quadrature::Engine<Real> engine(digits, working_bits());
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        job(engine, i);
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
