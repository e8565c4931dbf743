# Writes the sample fixture in every format with ogr2ogr, as a user's other tools would,
# for the end-to-end cases that read them.
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
set(open -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326)
foreach(target "GeoJSON;sample.geojson" "ESRI Shapefile;sample.shp" "GPKG;sample.gpkg"
               "KML;sample.kml" "FlatGeobuf;sample.fgb")
  list(GET target 0 driver)
  list(GET target 1 file)
  set(creation "")
  if(driver STREQUAL "ESRI Shapefile")
    set(creation -lco ENCODING=UTF-8)
  endif()
  execute_process(COMMAND ogr2ogr -f "${driver}" ${open} ${creation} "${OUT}/${file}" "${SAMPLE}"
                  RESULT_VARIABLE code ERROR_VARIABLE err)
  if(code)
    message(FATAL_ERROR "ogr2ogr ${driver} failed: ${err}")
  endif()
endforeach()
execute_process(COMMAND ogr2ogr -f GPKG ${open} -nln mines -where "commodities = 'Coal'"
                        -update "${OUT}/sample.gpkg" "${SAMPLE}"
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(code)
  message(FATAL_ERROR "ogr2ogr second layer failed: ${err}")
endif()
