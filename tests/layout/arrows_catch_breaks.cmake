# The arrows check must fail on a broken arrow: copies the tree's sources and README to
# WORK, adds four includes the README forbids, and expects check_arrows.cmake to name
# each of them (and only them).
#   cmake -DROOT=<source tree> -DWORK=<scratch folder> -P arrows_catch_breaks.cmake
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK}")
foreach(folder base geo layers cli)
  file(COPY "${ROOT}/${folder}" DESTINATION "${WORK}")
endforeach()
file(COPY "${ROOT}/README.md" DESTINATION "${WORK}")
set(breaks
  "layers/derive/buffer.hpp|#include \"layers/write/write_layer.hpp\"|layers/derive/ may not include layers/write/"
  "geo/units.hpp|#include \"cli/command.hpp\"|geo/ may not include cli/"
  "cli/main.cpp|#include <ogrsf_frmts.h>|cli/main.cpp: includes <ogrsf_frmts.h>, but cli/ may not include GDAL's"
  "cli/commands.cpp|#include <pango/pangocairo.h>|cli/commands.cpp: includes <pango/pangocairo.h>, but cli/ may not")
foreach(break IN LISTS breaks)
  string(REPLACE "|" ";" parts "${break}")
  list(GET parts 0 file)
  list(GET parts 1 include)
  file(APPEND "${WORK}/${file}" "\n${include}\n")
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" "-DROOT=${WORK}" -P "${CMAKE_CURRENT_LIST_DIR}/check_arrows.cmake"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code EQUAL 0)
  message(FATAL_ERROR "the arrows check passed a tree with four broken arrows:\n${out}${err}")
endif()
foreach(break IN LISTS breaks)
  string(REPLACE "|" ";" parts "${break}")
  list(GET parts 2 expected)
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the arrows check did not say '${expected}':\n${err}")
  endif()
endforeach()
if(NOT out MATCHES " 4 against the arrows" AND NOT err MATCHES " 4 against the arrows")
  message(FATAL_ERROR "expected exactly 4 broken arrows:\n${out}${err}")
endif()
file(REMOVE_RECURSE "${WORK}")
