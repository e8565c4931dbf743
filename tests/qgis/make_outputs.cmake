# Writes what the QGIS tests open, with the real depmap: the project folder of the
# README's main job, the bundled deposits in every format with --style, and odd sample
# data sized by tonnage, and the derived regions (grid, districts, catchments, buffers,
# hulls). The folder is written under one name and then renamed, so the project must
# find its layers by relative paths.
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
depmap(export -o shp/deposits.shp --style --fields site_id,name,name_zh,commodities,status)
depmap(export ${FIXTURES}/styled.csv -o samples.gpkg --output-layer samples --style --size-by tonnage)
# The derived regions of the bundled records, styled, in one GeoPackage (one layer each), a grid as GeoJSON with
# its .qml beside it, and a project taking every layer of the GeoPackage with --add.
file(MAKE_DIRECTORY "${written}/derived")
set(regions derived/regions.gpkg)
depmap(grid --layer records --cell 100km --style -o ${regions} --output-layer grid)
depmap(cluster --layer records --eps 25km --min-points 3 --districts --style -o ${regions} --append --output-layer districts)
depmap(catchment --layer records --hubs Baotou,Chifeng,Hulunbuir --style -o ${regions} --append --output-layer catchments)
depmap(buffer --layer records --commodity REE --radius 10km --dissolve --style -o ${regions} --append --output-layer buffers)
depmap(hull --layer records --group-by commodities --style -o ${regions} --append --output-layer hulls)
depmap(grid --layer records --cell 100km --style -o derived/grid.geojson)
depmap(export --project project_derived --add ${regions})
file(RENAME "${written}" "${OUT}/moved")
