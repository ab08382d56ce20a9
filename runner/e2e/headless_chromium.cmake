# chromium(fragment mode_args out_dom out_log): runs headless chromium (${CHROMIUM}) on the
# page ${HTML} with URL fragment `fragment`, ${WIDTH} px wide, with a throw-away profile in
# ${WORK}, and `mode_args` (--dump-dom or --screenshot=…); sets `out_dom` and `out_log`. Shared
# by the browser checks of the per-run page (runner/html) and the comparison (runner/compare).
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
