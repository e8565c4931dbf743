# Writes what the QGIS tests open, with the real depmap: the project folder of the
# README's main job, the bundled deposits in every format with --style, and odd sample
# data sized by tonnage. The folder is written under one name and then renamed, so the
# project must find its layers by relative paths.
#   cmake -DDEPMAP=... -DOUT=... -DFIXTURES=... -P make_outputs.cmake
set(written "${OUT}/written")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${written}")

file(MAKE_DIRECTORY "${written}/geojson" "${written}/gpkg" "${written}/fgb" "${written}/kml" "${written}/shp")
function(depmap)
  execute_process(COMMAND "${DEPMAP}" -q ${ARGN} WORKING_DIRECTORY "${written}"
                  RESULT_VARIABLE code ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "depmap ${ARGN}: exit ${code}: ${err}")
  endif()
endfunction()

depmap(export --project project)
# One folder per format: each writes its deposits.qml beside it.
foreach(extension geojson gpkg fgb kml)
  depmap(export -o ${extension}/deposits.${extension} --style)
endforeach()
depmap(export -o shp/deposits.shp --style --fields id,name,name_zh,commodities,status)
depmap(export ${FIXTURES}/styled.csv -o samples.gpkg --output-layer samples --style --size-by tonnage)
file(RENAME "${written}" "${OUT}/moved")
