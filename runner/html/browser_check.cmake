# Opens a per-run HTML report (parity run --report html) in headless Debian chromium, 1400 px
# wide, and checks that the script rendered every case and the cause groups, that each filter
# given in VIEWS shows the expected number of cases, that the page fits its width and that the
# console stayed silent (no script error, no CSP violation). Leaves run-1400.png in WORK.
#   cmake -DHTML=path.html -DCASES=N -DCAUSES=M "-DVIEWS=fragment=count;…" -DWORK=dir
#         -P browser_check.cmake
# e.g. VIEWS "#outcome=failed,errored=2". Without chromium the check is SKIPPED, unless the
# environment sets PARITY_REQUIRE_BROWSER (CI), where it FAILS.
foreach(var HTML CASES CAUSES VIEWS WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "browser_check.cmake needs -D${var}=")
  endif()
endforeach()
set(WIDTH 1400)
find_program(CHROMIUM NAMES chromium chromium-browser google-chrome)
if(NOT CHROMIUM)
  if(DEFINED ENV{PARITY_REQUIRE_BROWSER})
    message(FATAL_ERROR "chromium is not installed, and PARITY_REQUIRE_BROWSER is set")
  endif()
  message("SKIPPED: chromium is not installed (set PARITY_REQUIRE_BROWSER to make this a failure)")
  return()
endif()
if(NOT EXISTS "${HTML}")
  message(FATAL_ERROR "no such page: ${HTML}")
endif()

function(chromium fragment mode_args out_dom out_log)
  file(REAL_PATH "${HTML}" page)
  file(REMOVE_RECURSE "${WORK}/chromium-profile")
  file(MAKE_DIRECTORY "${WORK}")
  execute_process(
    COMMAND "${CHROMIUM}" --headless --disable-gpu --no-sandbox --no-first-run
            --disable-extensions --disable-background-networking --disable-component-update
            --disable-sync --disable-dev-shm-usage "--user-data-dir=${WORK}/chromium-profile"
            --enable-logging=stderr --v=0 --window-size=${WIDTH},1000 --hide-scrollbars
            ${mode_args} "file://${page}${fragment}"
    WORKING_DIRECTORY "${WORK}"
    RESULT_VARIABLE code
    OUTPUT_VARIABLE dom
    ERROR_VARIABLE log
    TIMEOUT 120)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "chromium exited with ${code}:\n${log}")
  endif()
  set(${out_dom} "${dom}" PARENT_SCOPE)
  set(${out_log} "${log}" PARENT_SCOPE)
endfunction()

function(check_view fragment visible)
  chromium("${fragment}" --dump-dom dom log)
  string(MAKE_C_IDENTIFIER "${fragment}" tag)
  file(WRITE "${WORK}/dom${tag}.html" "${dom}")
  file(WRITE "${WORK}/chromium${tag}.log" "${log}")
  string(REGEX MATCHALL "[^\n]*CONSOLE[^\n]*" console "${log}")
  foreach(line IN LISTS console)
    message(FATAL_ERROR "page ${fragment}: console message: ${line}")
  endforeach()
  string(REGEX MATCH "<body[^>]*>" body "${dom}")
  if(body MATCHES "data-errors=\"([^\"]*)\"")
    message(FATAL_ERROR "page ${fragment}: script errors: ${CMAKE_MATCH_1}")
  endif()
  foreach(needle "data-rendered=\"cases=${CASES} causes=${CAUSES}\"" "data-visible=\"${visible}\"")
    string(FIND "${body}" "${needle}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "page ${fragment}: expected ${needle} on <body>, got: ${body}")
    endif()
  endforeach()
  if(NOT body MATCHES "data-page-width=\"([0-9]+)\"" OR CMAKE_MATCH_1 GREATER WIDTH)
    message(FATAL_ERROR "page ${fragment}: wider than the ${WIDTH} px window: ${body}")
  endif()
  message(STATUS "page ${fragment}: ${visible} of ${CASES} cases shown, no errors")
endfunction()

check_view("" ${CASES})
foreach(view IN LISTS VIEWS)
  string(REGEX MATCH "^(.*)=([0-9]+)$" ignored "${view}")
  check_view("${CMAKE_MATCH_1}" ${CMAKE_MATCH_2})
endforeach()
chromium("" "--screenshot=${WORK}/run-${WIDTH}.png" dom log)
message(STATUS "screenshot: ${WORK}/run-${WIDTH}.png")
