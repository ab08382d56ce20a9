cmake_minimum_required(VERSION 3.22)
# Fails when a profile, fixture, suite, Markdown file or generated comparison cites a document
# that is not in the repository (the project's working notes, copies of vendor documents, a
# staging documentation host) instead of a public URL (README, "Profiles").
#   cmake -DROOT=source_dir [-DGENERATED=file;file] -P check_no_outside_pointers.cmake
file(GLOB_RECURSE files
     ${ROOT}/profiles/*.yaml ${ROOT}/suites/*.yaml ${ROOT}/fixtures/reference/*.yaml
     ${ROOT}/fixtures/*.md ${ROOT}/profiles/*.md ${ROOT}/suites/*.md ${ROOT}/runner/*.md
     ${ROOT}/runner/ci/*.yml)
list(APPEND files ${ROOT}/README.md)
# What such a pointer looks like: the notes' folder, its file names, the vendor-document copies
# ("seed 000"), their citation keys' source, and hosts of unpublished documentation.
set(patterns "shared/(spec|seeds)" "providers\\.md" "peer-suites\\.md" "[Ss]eeds? [0-9][0-9][0-9]"
             "docs-staging" "mintlify\\.app")
set(found "")
# Committed files name no absolute path of a machine either; generated ones may name the
# checkout (a comparison's "run of /path/profiles/x.yaml").
foreach(path IN LISTS files GENERATED)
  set(checked ${patterns})
  if(NOT path IN_LIST GENERATED)
    list(APPEND checked "/work/")
  endif()
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "no such file: ${path}")
  endif()
  file(STRINGS "${path}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    foreach(pattern IN LISTS checked)
      if(line MATCHES "${pattern}")
        string(APPEND found "${path}:${number}: ${CMAKE_MATCH_0}\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(found)
  message(FATAL_ERROR "documents outside the repository are cited:\n${found}")
endif()
list(LENGTH files count)
list(LENGTH GENERATED generated)
math(EXPR count "${count} + ${generated}")
message(STATUS "${count} files cite no document outside the repository")
