# Every bad input: exit code 2, exactly one line on stderr, and no output file touched.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
# Cases are '|'-separated argument lists (a CMake list of lists cannot nest).
set(files "--json|${WORK}/r.json|--report|${WORK}/r.md")
set(eval "eval|--quantity|C234_21|--M|12")
set(cases
  "${eval}|--beta|1.5|--omega|10"
  "${eval}|--beta|-0.1|--omega|10"
  "${eval}|--beta|nan|--omega|10"
  "${eval}|--beta|0.3x|--omega|10"
  "${eval}|--beta|0.5|--omega|0"
  "${eval}|--beta|0.5|--omega|abc"
  "${eval}|--beta|0.5|--omega|inf"
  "${eval}|--beta|0.5|--omega|10|--digits|5"
  "${eval}|--beta|0.5|--omega|10|--digits|2000"
  "${eval}|--beta|0.5|--omega|10|--digits|3.5"
  "${eval}|--beta|0.5|--omega|10|--data|n01,n03,n01"
  "${eval}|--beta|0.5|--omega|10|--N|0"
  "eval|--quantity|C999|--beta|0.5|--omega|10"
  "eval|--quantity|C234_21|--beta|0.5|--M|0|--omega|10"
  "eval|--quantity|C234_21|--beta|0.5|--M|-3|--omega|10"
  "eval|--beta|0.5|--omega|10"
  "eval|--quantity|C234_21|--M|12|--omega|10"
  "eval|--quantity|C234_21|--beta|0.5|--omega|10|--k1|1,2,3"
  "eval|--quantity|F|--k1|1,2|--k2|0,0,0"
  "eval|--quantity|F|--k1|1,2,3,4|--k2|0,0,0"
  "eval|--quantity|F|--k1|nan,0,0|--k2|0,0,0"
  "eval|--quantity|F1|--k1|1,2,3|--k2|1,inf,0"
  "eval|--quantity|F1|--k1|1,x,3|--k2|0,0,0"
  "eval|--quantity|F|--k1|1,2,3"
  "eval|--quantity|F|--k1|1,2,3|--k2|0,0,0|--beta|0.5"
  "eval|--quantity|F|--k1|1,2,3|--k2|0,0,0|--digits|5"
  "run|--checks|9.9|${files}"
  "run|--beta|2|${files}"
  "run|--M|NaN|${files}"
  "run|--points-per-decade|abc|${files}"
  "run|--assume|4.3|${files}"
  "run|--assume|4.3=2gamma|${files}"
  "run|--jobs|0|${files}"
  "run|--omega-min|0.5|${files}"
  "eval|--quantity|I7|--beta|0.5|--omega|10"
  "eval|--quantity|Env234_22|--beta|0.5|--omega|10"
  "eval|--quantity|I2|--beta|0.5|--omega|10|--A|-1"
  "eval|--quantity|I2|--beta|0.5|--omega|10|--N|1.5"
  "eval|--quantity|C234_1|--beta|0.5|--omega|10|--data|n01,n01,n02"
  "eval|--quantity|C|--beta|0.5|--omega|10|--data|n0,n0,n3"
  "scan|--beta-step|0|${files}"
  "scan|--beta-min|0.9|--beta-max|0.1|${files}"
  "scan|--beta-max|1.5|${files}"
  "scan|--M|nan|${files}"
  "scan|--digits|5|${files}"
  "scan|--oscillating-step|-0.1|${files}"
  "scan|--oscillating-step|tenth|${files}"
  "run|--bogus|${files}"
  "frobnicate"
  "--version-of-nothing")
foreach(case IN LISTS cases)
  string(REPLACE "|" ";" arguments "${case}")
  string(REPLACE "|" " " shown "${case}")
  execute_process(COMMAND "${KWE}" ${arguments} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 2)
    message(FATAL_ERROR "kwe-verify ${shown}: exit ${code}, expected 2\n${err}")
  endif()
  string(STRIP "${err}" stripped)
  string(REGEX MATCHALL "\n" newlines "${stripped}")
  list(LENGTH newlines extra)
  if(stripped STREQUAL "" OR NOT extra EQUAL 0)
    message(FATAL_ERROR "kwe-verify ${shown}: stderr must be one line, got:\n${err}")
  endif()
  file(GLOB left "${WORK}/*")
  if(left)
    message(FATAL_ERROR "kwe-verify ${shown}: left files behind: ${left}")
  endif()
endforeach()
