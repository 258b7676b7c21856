# The reference value of the foundation issue: C^234_21[n01,n01,n01] at beta = 1/2, M = 12, w1 = 10^4,
# 6.728171731820154587570402024501061e-21 (nested Boost tanh_sinh at 60 digits), to 30 digits.
execute_process(COMMAND "${KWE}" eval --quantity C234_21 --beta 0.5 --M 12 --omega 1e4 --digits 30 --json
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "exit ${code}: ${err}")
endif()
string(JSON value GET "${out}" value)
string(JSON verified GET "${out}" verified)
if(NOT value STREQUAL "6.728171731820154587570402024501e-21" OR NOT verified)
  message(FATAL_ERROR "got ${value} (verified: ${verified}), expected 6.728171731820154587570402024501e-21 verified")
endif()
foreach(key quantity beta M omega1 digits value error)
  string(JSON ignored ERROR_VARIABLE missing GET "${out}" ${key})
  if(missing)
    message(FATAL_ERROR "JSON lacks ${key}: ${out}")
  endif()
endforeach()
