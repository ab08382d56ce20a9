# Opens a comparison.html in headless Debian chromium and checks that the page rendered the
# matrix and logged no script error (ctest compare.browser*).
#   cmake -DHTML=path/comparison.html -DROWS=N -DDIFFERING=M -DWORK=dir -P browser_check.cmake
# Without ROWS and DIFFERING they are read from comparison.json beside the page.
# Without chromium the check is SKIPPED (ctest SKIP_REGULAR_EXPRESSION), unless the environment
# sets PARITY_REQUIRE_BROWSER (CI, runner/test.sh), where it FAILS.
if(NOT DEFINED ROWS AND DEFINED HTML)
  get_filename_component(dir "${HTML}" DIRECTORY)
  file(READ "${dir}/comparison.json" comparison)
  string(JSON ROWS GET "${comparison}" summary cases)
  string(JSON DIFFERING GET "${comparison}" summary differing)
endif()
foreach(var HTML ROWS DIFFERING WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "browser_check.cmake needs -D${var}=")
  endif()
endforeach()

find_program(CHROMIUM NAMES chromium chromium-browser google-chrome)
if(NOT CHROMIUM)
  if(DEFINED ENV{PARITY_REQUIRE_BROWSER})
    message(FATAL_ERROR "chromium is not installed, and PARITY_REQUIRE_BROWSER is set "
                        "(install it: runner/setup-debian.sh)")
  endif()
  message("SKIPPED: chromium is not installed (runner/setup-debian.sh installs it; "
          "set PARITY_REQUIRE_BROWSER to make this a failure)")
  return()
endif()
if(NOT EXISTS "${HTML}")
  message(FATAL_ERROR "no such page: ${HTML}")
endif()

# Loads the page (URL fragment `fragment`) and sets `out_dom` and `out_log`.
function(load_page fragment out_dom out_log)
  file(REAL_PATH "${HTML}" page)
  file(REMOVE_RECURSE "${WORK}/chromium-profile")
  file(MAKE_DIRECTORY "${WORK}")
  execute_process(
    COMMAND "${CHROMIUM}" --headless --disable-gpu --no-sandbox --no-first-run
            --disable-extensions --disable-background-networking --disable-dev-shm-usage
            "--user-data-dir=${WORK}/chromium-profile" --enable-logging=stderr --v=0
            --dump-dom "file://${page}${fragment}"
    RESULT_VARIABLE code
    OUTPUT_VARIABLE dom
    ERROR_VARIABLE log
    TIMEOUT 120)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "chromium exited with ${code}:\n${log}")
  endif()
  string(REPLACE "#" "-" tag "${fragment}")
  file(WRITE "${WORK}/dom${tag}.html" "${dom}")
  file(WRITE "${WORK}/chromium${tag}.log" "${log}")
  set(${out_dom} "${dom}" PARENT_SCOPE)
  set(${out_log} "${log}" PARENT_SCOPE)
endfunction()

# Fails unless the dumped DOM proves the script ran to the end with `visible` rows shown,
# and the console stayed silent.
function(check_page fragment visible)
  load_page("${fragment}" dom log)
  string(REGEX MATCHALL "[^\n]*CONSOLE[^\n]*" console "${log}")
  # The page logs nothing itself, so any console line is an error, a CSP violation or a warning.
  foreach(line IN LISTS console)
    message(FATAL_ERROR "page ${fragment}: console message: ${line}")
  endforeach()
  if(dom MATCHES "data-errors=\"([^\"]*)\"")
    message(FATAL_ERROR "page ${fragment}: script errors: ${CMAKE_MATCH_1}")
  endif()
  set(rendered "data-rendered=\"rows=${ROWS} differing=${DIFFERING}\"")
  string(FIND "${dom}" "${rendered}" at)
  if(at EQUAL -1)
    string(REGEX MATCH "<body[^>]*>" body "${dom}")
    message(FATAL_ERROR "page ${fragment}: expected ${rendered} on <body>, got: ${body}")
  endif()
  string(FIND "${dom}" "data-visible=\"${visible}\"" at)
  if(at EQUAL -1)
    string(REGEX MATCH "<body[^>]*>" body "${dom}")
    message(FATAL_ERROR "page ${fragment}: expected data-visible=\"${visible}\", got: ${body}")
  endif()
  string(REGEX MATCHALL "<tr class=\"case [a-z]+\" id=\"case-" rows "${dom}")
  list(LENGTH rows row_count)
  if(NOT row_count EQUAL ROWS)
    message(FATAL_ERROR "page ${fragment}: ${row_count} matrix rows in the DOM, expected ${ROWS}")
  endif()
  if(NOT dom MATCHES "<title>parity: provider comparison</title>")
    message(FATAL_ERROR "page ${fragment}: the title changed (injected script?)")
  endif()
  message(STATUS "page ${fragment}: ${row_count} rows rendered, ${visible} visible, no errors")
endfunction()

check_page("" ${ROWS})
check_page("#only-differences" ${DIFFERING})
