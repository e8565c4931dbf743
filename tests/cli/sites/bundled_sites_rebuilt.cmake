# data/sites.csv is what `depmap sites -o sites.csv` makes of the bundled records and
# data/site_links.csv, byte for byte: the bundled default layer is reproducible.
#   cmake -DDEPMAP=... -DDATA=... -DWORK=... -P bundled_sites_rebuilt.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${DEPMAP}" -q sites -o "${WORK}/sites.csv" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "depmap sites failed (${status})")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/sites.csv" "${DATA}/sites.csv" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "${DATA}/sites.csv is not what depmap sites makes of the bundled records; "
                      "rebuild it: (cd data && depmap sites -o sites.csv -O)")
endif()
