# Runs parity on a pseudo-terminal (util-linux `script`) and checks the console's terminal
# behaviour (README, "Verdicts, reports and exit codes"): a live status line redrawn in place
# with done/total and the long wait it is in, colours, and none of that under NO_COLOR (no
# colours) or TERM=dumb (no colours, no live line, plain lines instead).
#   cmake -DPARITY=path -DOUT=dir -P check_tty.cmake
find_program(SCRIPT script)
if(NOT SCRIPT)
  message("SKIPPED: util-linux script is not installed")
  return()
endif()
string(ASCII 27 esc)
# The case waits 2.5 s for its request_uri to expire: long enough to be shown on the live line.
set(command "${PARITY} run --filter 'par.request_uri/expired_request_uri' --out ${OUT}")

function(on_tty out_text)
  execute_process(COMMAND env ${ARGN} ${SCRIPT} -q -e -c "${command}" /dev/null
                  RESULT_VARIABLE code OUTPUT_VARIABLE text ERROR_VARIABLE text TIMEOUT 120)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "exit code ${code} on a terminal (${ARGN}):\n${text}")
  endif()
  set(${out_text} "${text}" PARENT_SCOPE)
endfunction()

on_tty(live TERM=xterm-256color NO_COLOR=)
foreach(needle "\r${esc}[K[0/1]" "· waiting " " s for request_uri expiry, 1 case"
               "running par.request_uri/expired_request_uri" "${esc}[32m[ PASS ]")
  string(FIND "${live}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "on a terminal, expected '${needle}' in:\n${live}")
  endif()
endforeach()
string(FIND "${live}" "1/1  [ PASS ]" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "on a terminal, plain progress lines were printed too:\n${live}")
endif()

on_tty(no_color TERM=xterm-256color NO_COLOR=1)
string(FIND "${no_color}" "${esc}[32m" at)
string(FIND "${no_color}" "\r${esc}[K[" live_at)
if(NOT at EQUAL -1 OR live_at EQUAL -1)
  message(FATAL_ERROR "NO_COLOR=1: colours must go, the live line stay:\n${no_color}")
endif()

on_tty(dumb TERM=dumb NO_COLOR=)
string(FIND "${dumb}" "${esc}" at)
string(FIND "${dumb}" "1/1  [ PASS ] par.request_uri/expired_request_uri" plain_at)
if(NOT at EQUAL -1 OR plain_at EQUAL -1)
  message(FATAL_ERROR "TERM=dumb: expected plain lines and no escape sequence:\n${dumb}")
endif()
message(STATUS "terminal: live line with the wait, colours; NO_COLOR and TERM=dumb honoured")
