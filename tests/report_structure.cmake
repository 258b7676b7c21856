# The report and the CI contract on a tiny grid (two checks, one beta, w1 <= 1e3, 10 digits):
#  - the Markdown has its sections, every check of the run, and every link resolves (plots, anchors);
#  - the JSON has the schema's fields and types;
#  - --jobs 1 and --jobs 2 give the same JSON and Markdown apart from the run metadata;
#  - run --shard 1/2 and 2/2, merged, give the unsharded run's JSON and Markdown apart from the metadata;
#  - --junit writes one test case per check; --quiet leaves stderr empty.
file(REMOVE_RECURSE "${WORK}")
set(common run --checks 4.3,4.4 --beta 0.5 --omega-max 1e3 --digits 10)

function(kwe_run expect)
  execute_process(COMMAND "${KWE}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL ${expect})
    message(FATAL_ERROR "kwe-verify ${ARGN}: exit ${code}, expected ${expect}\n${out}\n${err}")
  endif()
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

kwe_run(0 ${common} --jobs 1 --quiet --json "${WORK}/j1/results.json" --report "${WORK}/j1/REPORT.md" --junit "${WORK}/j1/junit.xml")
if(NOT last_err STREQUAL "")
  message(FATAL_ERROR "--quiet wrote to stderr:\n${last_err}")
endif()
kwe_run(0 ${common} --jobs 2 --quiet --json "${WORK}/j2/results.json" --report "${WORK}/j2/REPORT.md")
# (An empty argument does not survive a CMake function's ARGN: these call execute_process directly.)
foreach(k 1 2)
  execute_process(COMMAND "${KWE}" ${common} --jobs 1 --quiet --shard ${k}/2 --json "${WORK}/s/${k}.json" --report ""
                  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "run --shard ${k}/2: exit ${code}\n${out}\n${err}")
  endif()
endforeach()
kwe_run(0 merge "${WORK}/s/2.json" "${WORK}/s/1.json" --json "${WORK}/m/results.json" --report "${WORK}/m/REPORT.md")
execute_process(COMMAND "${KWE}" merge "${WORK}/s/1.json" --json "" --report "" RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 2 OR NOT err MATCHES "shard 2/2 is missing")
  message(FATAL_ERROR "merge without shard 2/2: exit ${code}, expected 2 and one line naming it\n${err}")
endif()

# --- Markdown structure
file(READ "${WORK}/j1/REPORT.md" md)
foreach(section "## Audit notes" "## Paper ↔ code" "## Checks" "## Thresholds in β" "## Run metadata" "**Overall: PASS.**"
                "| equation | statement | status |" "- reproduce: `kwe-verify run --checks 4.3,4.4")
  string(FIND "${md}" "${section}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "REPORT.md lacks '${section}'")
  endif()
endforeach()
foreach(id 4.3 4.4)
  string(REPLACE "." "-" anchor "${id}")
  foreach(piece "[(${id})](#check-${anchor})" "<a id=\"check-${anchor}\"></a>" "### (${id})")
    string(FIND "${md}" "${piece}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "REPORT.md does not list (${id}): no '${piece}'")
    endif()
  endforeach()
endforeach()
# Every link: a file beside the report, or an anchor of the report.
# (Square brackets would upset CMake's lists: links are found after the brackets are gone.)
string(REPLACE "](" "@LINK@" plain "${md}")
string(REPLACE "[" "" plain "${plain}")
string(REPLACE "]" "" plain "${plain}")
string(REPLACE ";" "," plain "${plain}")
string(REGEX MATCHALL "@LINK@[^)]+" links "${plain}")
list(LENGTH links nlinks)
if(nlinks LESS 4)
  message(FATAL_ERROR "REPORT.md has only ${nlinks} links")
endif()
foreach(l IN LISTS links)
  string(REPLACE "@LINK@" "" target "${l}")
  if(target MATCHES "^#")
    string(SUBSTRING "${target}" 1 -1 name)
    string(FIND "${md}" "<a id=\"${name}\"></a>" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "REPORT.md links to #${name}, which it does not define")
    endif()
  elseif(NOT EXISTS "${WORK}/j1/${target}")
    message(FATAL_ERROR "REPORT.md links to ${target}, which does not exist")
  endif()
endforeach()
foreach(f plots/4.3_panels.svg plots/4.4_panels.svg junit.xml)
  if(NOT EXISTS "${WORK}/j1/${f}")
    message(FATAL_ERROR "run did not write ${f}")
  endif()
endforeach()
file(READ "${WORK}/j1/junit.xml" junit)
string(REGEX MATCHALL "<testcase " cases "${junit}")
list(LENGTH cases ncases)
if(NOT ncases EQUAL 2)
  message(FATAL_ERROR "junit.xml has ${ncases} test cases, expected 2")
endif()

# --- JSON schema: the fields a consumer relies on, with their types.
file(READ "${WORK}/j1/results.json" json)
foreach(spec "STRING;tool" "NUMBER;schema" "OBJECT;options" "ARRAY;options;betas" "OBJECT;options;grid" "OBJECT;options;shard"
             "STRING;reproduce" "STRING;overall" "OBJECT;findings" "ARRAY;findings;equations" "ARRAY;findings;notes"
             "ARRAY;findings;lines" "ARRAY;results" "OBJECT;run" "STRING;run;commit" "STRING;run;date" "STRING;run;command"
             "STRING;run;machine" "NUMBER;run;seconds"
             "STRING;results;0;id" "STRING;results;0;beta" "STRING;results;0;verdict" "NUMBER;results;0;predicted"
             "OBJECT;results;0;fit" "NUMBER;results;0;fit;exponent" "NUMBER;results;0;fit;uncertainty" "ARRAY;results;0;fit;local_slopes"
             "NUMBER;results;0;slack" "BOOLEAN;results;0;sharp" "OBJECT;results;0;negative_control" "ARRAY;results;0;points"
             "STRING;results;0;points;0;x" "STRING;results;0;points;0;value" "STRING;results;0;points;0;error"
             "STRING;findings;equations;0;id" "STRING;findings;equations;0;status" "STRING;findings;notes;0;kind"
             "STRING;findings;notes;0;text")
  list(POP_FRONT spec type)
  string(JSON actual ERROR_VARIABLE error TYPE "${json}" ${spec})
  if(error OR NOT actual STREQUAL type)
    message(FATAL_ERROR "results.json: ${spec} is '${actual}' (${error}), expected ${type}")
  endif()
endforeach()
string(JSON status GET "${json}" findings equations 0 status)
if(NOT status MATCHES "^(sharp|loose|violated|inconclusive)$")
  message(FATAL_ERROR "results.json: status '${status}'")
endif()

# --- identical apart from the run metadata
function(without_metadata dir out_json out_md)
  file(READ "${dir}/results.json" j)
  string(JSON j REMOVE "${j}" run)
  file(READ "${dir}/REPORT.md" m)
  string(FIND "${m}" "## Run metadata" at)
  string(SUBSTRING "${m}" 0 ${at} m)
  set(${out_json} "${j}" PARENT_SCOPE)
  set(${out_md} "${m}" PARENT_SCOPE)
endfunction()
without_metadata("${WORK}/j1" json1 md1)
without_metadata("${WORK}/j2" json2 md2)
without_metadata("${WORK}/m" jsonm mdm)
if(NOT json1 STREQUAL json2 OR NOT md1 STREQUAL md2)
  message(FATAL_ERROR "--jobs 1 and --jobs 2 differ beyond the run metadata (see ${WORK}/j1, ${WORK}/j2)")
endif()
if(NOT json1 STREQUAL jsonm OR NOT md1 STREQUAL mdm)
  message(FATAL_ERROR "merged shards differ from the unsharded run beyond the run metadata (see ${WORK}/j1, ${WORK}/m)")
endif()
