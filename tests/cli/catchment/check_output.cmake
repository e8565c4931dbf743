# Writes catchments to GeoJSON with depmap, then asks GDAL (SQLite dialect with SpatiaLite,
# GEOS underneath) about the file: every polygon valid, and the deposits each polygon
# contains, read by GDAL from the bundled sites CSV itself, equal to the count depmap gave it.
# COUNTS lists the expected counts, comma-separated, by hub name in alphabetical order.
set(work "${CASE_DIR}")
file(REMOVE_RECURSE "${work}")
file(MAKE_DIRECTORY "${work}")
set(out "${work}/catchments.geojson")
string(REPLACE "," ";" expected "${COUNTS}")
execute_process(COMMAND "${DEPMAP}" catchment --hubs ${HUBS} -o "${out}" -q
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "depmap failed (${code}): ${err}")
endif()
execute_process(COMMAND ogrinfo -q -ro -dialect sqlite
                  -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat
                  -sql "SELECT c.hub AS hub, c.count AS given, ST_IsValid(c.geometry) AS valid, count(d.site_id) AS contained FROM '${out}'.catchments c LEFT JOIN sites d ON ST_Contains(c.geometry, d.geometry) GROUP BY c.hub, c.count, c.geometry ORDER BY c.hub"
                  "${DATA}/sites.csv"
                RESULT_VARIABLE code OUTPUT_VARIABLE answer ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "ogrinfo failed: ${err}")
endif()
foreach(field valid given contained)
  string(REGEX MATCHALL " ${field} \\([A-Za-z0-9]+\\) = [0-9]+" values "${answer}")
  string(REGEX REPLACE " ${field} \\([A-Za-z0-9]+\\) = " "" ${field} "${values}")
endforeach()
string(REGEX REPLACE "[^;]+" "1" all_valid "${given}")
if(NOT valid STREQUAL all_valid OR NOT given STREQUAL "${expected}" OR NOT contained STREQUAL "${expected}")
  message(FATAL_ERROR "valid ${valid}, counts ${given}, contained ${contained}; expected counts ${expected}:\n${answer}")
endif()
file(REMOVE_RECURSE "${work}")
