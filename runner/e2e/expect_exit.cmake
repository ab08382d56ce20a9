# Runs COMMAND (a ;-list) and checks its exit code and, optionally, its combined output.
#   cmake -DCOMMAND="a;b" -DEXPECTED_CODE=2 [-DEXPECTED_OUTPUT=regex] [-DFORBIDDEN_OUTPUT=regex]
#         -P expect_exit.cmake
execute_process(COMMAND ${COMMAND}
                RESULT_VARIABLE code
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
set(all "${out}${err}")
message("${all}")
if(NOT "${code}" STREQUAL "${EXPECTED_CODE}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECTED_CODE}")
endif()
if(DEFINED EXPECTED_OUTPUT AND NOT all MATCHES "${EXPECTED_OUTPUT}")
  message(FATAL_ERROR "output does not match: ${EXPECTED_OUTPUT}")
endif()
if(DEFINED FORBIDDEN_OUTPUT AND all MATCHES "${FORBIDDEN_OUTPUT}")
  message(FATAL_ERROR "output matches what it must not: ${FORBIDDEN_OUTPUT}")
endif()
