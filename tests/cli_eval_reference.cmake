# `kwe-verify eval` against reference values obtained outside the engine, each with its provenance.

# Runs `kwe-verify eval ARGN --json` and fails unless it exits 0 with `expected` as its value, verified;
# leaves the JSON in `out`.
function(expect_eval expected)
  execute_process(COMMAND "${KWE}" eval ${ARGN} --json RESULT_VARIABLE code OUTPUT_VARIABLE json ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "eval ${ARGN}: exit ${code}: ${err}")
  endif()
  string(JSON value GET "${json}" value)
  string(JSON verified GET "${json}" verified)
  if(NOT value STREQUAL "${expected}" OR NOT verified)
    message(FATAL_ERROR "eval ${ARGN}: got ${value} (verified: ${verified}), expected ${expected} verified")
  endif()
  set(out "${json}" PARENT_SCOPE)
endfunction()

# The reference value of the foundation issue: C^234_21[n01,n01,n01] at beta = 1/2, M = 12, w1 = 10^4,
# 6.728171731820154587570402024501061e-21 (nested Boost tanh_sinh at 60 digits), to 30 digits.
expect_eval("6.72817173182015458757040202450e-21" --quantity C234_21 --beta 0.5 --M 12 --omega 1e4 --digits 30)
foreach(key quantity beta M omega1 digits value error)
  string(JSON ignored ERROR_VARIABLE missing GET "${out}" ${key})
  if(missing)
    message(FATAL_ERROR "JSON lacks ${key}: ${out}")
  endif()
endforeach()

# F of Lemma 2.1 at k1 = (1, 2, 3), k2 = (-2, 0.5, 1): 0.9151910596872318119269186543495107941901 from the
# closed form (2 pi/(pR)) [(1 + (p - R)^2)^(-1/2) - (1 + (p + R)^2)^(-1/2)] in mpmath at 50 digits (and
# mpmath's quadrature of its 1-D reduction), to 30 digits; F1 = F.
foreach(quantity F F1)
  expect_eval("9.15191059687231811926918654350e-01" --quantity ${quantity} --k1 1,2,3 --k2 -2,0.5,1 --digits 30)
endforeach()

# Against an independent implementation: mpmath's nested tanh-sinh in (w2, w3), w4 = w1 + w2 - w3, split
# at the kinks of min(sqrt w1, sqrt w2, sqrt w3), at 30 and 40 digits (agreeing to 24), beta = 1/2, M = 12,
# w1 = 100: C[n01] = 1.16326597186753233162356e-12 (the full operator, gain and loss combined pointwise:
# the cancellation of Remark 1.4) and C'^234 (the words after (5.1)) = 3.8068712806293862397606e-11, to 15 digits.
expect_eval("1.16326597186753e-12" --quantity C --beta 0.5 --M 12 --omega 100 --digits 15)
expect_eval("3.80687128062939e-11" --quantity Cprime234 --beta 0.5 --M 12 --omega 100 --digits 15)
