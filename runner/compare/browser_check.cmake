# Opens a comparison.html in headless Debian chromium, 1400 px wide, and checks that the page
# rendered the matrix, opened on the real differences, offers the ran-vs-skipped rows and every
# row on request, fits its width (the matrix scrolls inside its box) and logged no script error
# (ctest compare.browser*). It leaves a screenshot, comparison-1400.png, in WORK.
#   cmake -DHTML=path/comparison.html [-DROWS=N -DDIFFERING=M -DSKIPONLY=K] -DWORK=dir
#         -P browser_check.cmake
# Without ROWS, DIFFERING and SKIPONLY they are read from comparison.json beside the page.
# Without chromium the check is SKIPPED (ctest SKIP_REGULAR_EXPRESSION), unless the environment
# sets PARITY_REQUIRE_BROWSER (CI, runner/scripts/test.sh), where it FAILS.
if(NOT DEFINED ROWS AND DEFINED HTML)
  get_filename_component(dir "${HTML}" DIRECTORY)
  file(READ "${dir}/comparison.json" comparison)
  string(JSON ROWS GET "${comparison}" summary cases)
  string(JSON DIFFERING GET "${comparison}" summary differing)
  string(JSON SKIPONLY GET "${comparison}" summary ran_vs_skipped)
endif()
foreach(var HTML ROWS DIFFERING SKIPONLY WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "browser_check.cmake needs -D${var}=")
  endif()
endforeach()
set(WIDTH 1400)

find_program(CHROMIUM NAMES chromium chromium-browser google-chrome)
if(NOT CHROMIUM)
  if(DEFINED ENV{PARITY_REQUIRE_BROWSER})
    message(FATAL_ERROR "chromium is not installed, and PARITY_REQUIRE_BROWSER is set "
                        "(install it: runner/scripts/setup-debian.sh)")
  endif()
  message("SKIPPED: chromium is not installed (runner/scripts/setup-debian.sh installs it; "
          "set PARITY_REQUIRE_BROWSER to make this a failure)")
  return()
endif()
if(NOT EXISTS "${HTML}")
  message(FATAL_ERROR "no such page: ${HTML}")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/../e2e/headless_chromium.cmake)  # chromium()

# Fails unless the dumped DOM proves the script ran to the end with `visible` rows shown,
# within the window's width, and the console stayed silent.
function(check_page fragment visible)
  chromium("${fragment}" --dump-dom dom log)
  string(REPLACE "#" "-" tag "${fragment}")
  file(WRITE "${WORK}/dom${tag}.html" "${dom}")
  file(WRITE "${WORK}/chromium${tag}.log" "${log}")
  string(REGEX MATCHALL "[^\n]*CONSOLE[^\n]*" console "${log}")
  # The page logs nothing itself, so any console line is an error, a CSP violation or a warning.
  foreach(line IN LISTS console)
    message(FATAL_ERROR "page ${fragment}: console message: ${line}")
  endforeach()
  string(REGEX MATCH "<body[^>]*>" body "${dom}")
  if(dom MATCHES "data-errors=\"([^\"]*)\"")
    message(FATAL_ERROR "page ${fragment}: script errors: ${CMAKE_MATCH_1}")
  endif()
  set(rendered "data-rendered=\"rows=${ROWS} differing=${DIFFERING} ran-vs-skipped=${SKIPONLY}\"")
  string(FIND "${body}" "${rendered}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "page ${fragment}: expected ${rendered} on <body>, got: ${body}")
  endif()
  string(FIND "${body}" "data-visible=\"${visible}\"" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "page ${fragment}: expected data-visible=\"${visible}\", got: ${body}")
  endif()
  if(NOT body MATCHES "data-page-width=\"([0-9]+)\"" OR CMAKE_MATCH_1 GREATER WIDTH)
    message(FATAL_ERROR "page ${fragment}: wider than the ${WIDTH} px window: ${body}")
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

math(EXPR with_skips "${DIFFERING} + ${SKIPONLY}")
check_page("" ${DIFFERING})  # the page opens on the real differences
check_page("#only-differences" ${DIFFERING})
check_page("#with-skips" ${with_skips})
check_page("#all" ${ROWS})
chromium("" "--screenshot=${WORK}/comparison-${WIDTH}.png" dom log)
message(STATUS "screenshot: ${WORK}/comparison-${WIDTH}.png")
