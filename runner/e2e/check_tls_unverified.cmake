# Checks that a run with `tls: { insecure: true }` is flagged in both reports: the JSON report
# says "tls_verified": false and every JUnit <testsuite> carries the tls_verified=false property.
#   cmake -DJSON=path -DJUNIT=path -P check_tls_unverified.cmake
file(READ "${JSON}" text)
string(JSON tls_verified GET "${text}" tls_verified)
if(tls_verified)
  message(FATAL_ERROR "${JSON}: tls_verified is ${tls_verified}, expected false")
endif()
file(READ "${JUNIT}" xml)
string(REGEX MATCHALL "<testsuite " suites "${xml}")
string(REGEX MATCHALL "<property name=\"tls_verified\" value=\"false\"/>" flags "${xml}")
list(LENGTH suites suite_count)
list(LENGTH flags flag_count)
if(suite_count EQUAL 0 OR NOT suite_count EQUAL flag_count)
  message(FATAL_ERROR "${JUNIT}: ${suite_count} testsuites but ${flag_count} tls_verified=false properties")
endif()
message("TLS flagged as unverified in ${JSON} and in ${suite_count} JUnit testsuites")
