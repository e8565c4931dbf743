# Runs one golden case: DEPMAP with ARGS in a fresh folder, then compares everything it
# did (exit code, the whole of stdout and stderr, and each OUTPUT_FILE it wrote) with the
# golden file GOLDEN, byte for byte. Called by ctest through depmap_cli_golden().
#
# To regenerate the golden files from the current binary (then review `git diff`):
#     tests/cli/regenerate [BUILD_DIR]
# which runs `ctest -L golden` with DEPMAP_GOLDEN_UPDATE=1: this driver then writes what
# depmap did into GOLDEN instead of comparing.
#
# The golden file reads, in this order:
#     $ [ENV...] depmap ARGS... [< STDIN] the command, its arguments shell-quoted
#     --- exit N
#     --- stdout                        then stdout's bytes
#     --- stderr                        then stderr's bytes
#     --- file PATH                     then each OUTPUT_FILE's bytes (or "--- file PATH: none")
# A section whose bytes do not end in a newline is followed by "\ no newline at end".
# Only what is truly machine-specific is replaced: the absolute paths of the case's folder,
# the build folder, the fixtures, the bundled data and the source tree, by <WORK>, <BUILD>,
# <FIXTURES>, <DATA> and <SOURCE>.
set(work "${CASE_DIR}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")

# The caller's settings must not change the answer. DEPMAP_THREADS stays: every N must give
# the same bytes, which running the goldens under it checks.
unset(ENV{DEPMAP_DATA})
unset(ENV{DEPMAP_MEMORY_LIMIT})
unset(ENV{DEPMAP_PLAIN_WRITERS})
foreach(assignment IN LISTS CASE_ENV)
  string(REGEX MATCH "^([^=]+)=(.*)$" _ "${assignment}")
  set(ENV{${CMAKE_MATCH_1}} "${CMAKE_MATCH_2}")
endforeach()

set(stdin_option)
if(DEFINED CASE_STDIN)
  set(stdin_option INPUT_FILE "${CASE_STDIN}")
endif()
execute_process(COMMAND "${DEPMAP}" ${CASE_ARGS}
                WORKING_DIRECTORY "${work}" ${stdin_option}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)

function(normalise text_var)
  set(text "${${text_var}}")
  # Most specific first: the case's folder lies in the build folder, which may lie in the
  # source tree.
  string(REPLACE "${work}" "<WORK>" text "${text}")
  string(REPLACE "${BUILD_DIR}" "<BUILD>" text "${text}")
  string(REPLACE "${FIXTURES_DIR}" "<FIXTURES>" text "${text}")
  string(REPLACE "${DATA_DIR}" "<DATA>" text "${text}")
  string(REPLACE "${SOURCE_DIR}" "<SOURCE>" text "${text}")
  set(${text_var} "${text}" PARENT_SCOPE)
endfunction()

# Appends a section's header and bytes to `actual`, marking a missing last newline.
function(add_section header bytes)
  normalise(bytes)
  set(section "--- ${header}\n${bytes}")
  if(NOT bytes STREQUAL "" AND NOT bytes MATCHES "\n$")
    string(APPEND section "\n\\ no newline at end\n")
  endif()
  set(actual "${actual}${section}" PARENT_SCOPE)
endfunction()

set(command "$")
foreach(assignment IN LISTS CASE_ENV)
  normalise(assignment)
  string(APPEND command " ${assignment}")
endforeach()
string(APPEND command " depmap")
foreach(arg IN LISTS CASE_ARGS)
  normalise(arg)
  if(arg MATCHES "^[-A-Za-z0-9_./:,=+@%<>]+$")
    string(APPEND command " ${arg}")
  else()
    string(REPLACE "'" "'\\''" arg "${arg}")
    string(APPEND command " '${arg}'")
  endif()
endforeach()
if(DEFINED CASE_STDIN)
  set(stdin "${CASE_STDIN}")
  normalise(stdin)
  string(APPEND command " < ${stdin}")
endif()
set(actual "${command}\n--- exit ${code}\n")
add_section("stdout" "${out}")
add_section("stderr" "${err}")
foreach(output IN LISTS CASE_OUTPUT_FILE)
  if(EXISTS "${work}/${output}")
    file(READ "${work}/${output}" bytes)
    add_section("file ${output}" "${bytes}")
  else()
    string(APPEND actual "--- file ${output}: none\n")
  endif()
endforeach()

# The exit code the case names is checked even when regenerating, so a regenerated golden
# cannot quietly record a failure as the answer.
if(NOT "${code}" STREQUAL "${CASE_EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${CASE_EXIT}:\n${actual}")
endif()
if("$ENV{DEPMAP_GOLDEN_UPDATE}" STREQUAL "1")
  get_filename_component(golden_dir "${GOLDEN}" DIRECTORY)
  file(MAKE_DIRECTORY "${golden_dir}")
  file(WRITE "${GOLDEN}" "${actual}")
  message("wrote ${GOLDEN}")
elseif(NOT EXISTS "${GOLDEN}")
  message(FATAL_ERROR "${GOLDEN}: no golden file; write it with tests/cli/regenerate and review it")
else()
  file(READ "${GOLDEN}" expected)
  if(NOT actual STREQUAL expected)
    set(actual_file "${CASE_DIR}.actual")
    file(WRITE "${actual_file}" "${actual}")
    # diff prints straight to the log: message() would re-wrap its lines.
    execute_process(COMMAND diff -u "${GOLDEN}" "${actual_file}")
    message(FATAL_ERROR "output differs from ${GOLDEN} (the diff above; what depmap did: ${actual_file})")
  endif()
endif()
file(REMOVE_RECURSE "${work}")
