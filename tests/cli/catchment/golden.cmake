# Golden cases of depmap catchment: see depmap_cli_golden in ../CMakeLists.txt. Most divide
# ../square.csv (110-113 E, 40-43 N) so the polygons stay short.
set(sample "${fixtures}/sample.csv")
depmap_cli_golden(catchment_help ARGS catchment --help)
depmap_cli_golden(catchment_square_table ARGS catchment --hubs Baotou,Hohhot --within ${square} --tolerance 1km)
depmap_cli_golden(catchment_square_csv ARGS catchment --hubs Baotou,Hohhot --within ${square} --tolerance 1km -f csv)
depmap_cli_golden(catchment_square_json ARGS catchment --hubs "110.5,41.5, 112.5,42.5" --within ${square} --tolerance 1km --layer ${sample} --sum tonnage -f json)
depmap_cli_golden(catchment_square_geojson ARGS catchment --hubs ${fixtures}/hubs.csv --within ${square} --tolerance 1km -f geojson)
depmap_cli_golden(catchment_one_hub_csv ARGS catchment --hubs Hohhot --within ${square} --commodity Coal -f csv)
depmap_cli_golden(catchment_bundled_boundary_csv ARGS catchment --hubs Baotou,Chifeng,Hulunbuir --tolerance 1km -f csv)
depmap_cli_golden(catchment_output_geojson ARGS catchment --hubs Baotou,Hohhot --within ${square} --tolerance 1km -o c.geojson
  OUTPUT_FILE c.geojson)
depmap_cli_golden(catchment_hubs_missing EXIT 2 ARGS catchment)
depmap_cli_golden(catchment_same_hub_twice EXIT 2 ARGS catchment --hubs Baotou,Chifeng,Baotou)
depmap_cli_golden(catchment_tolerance_too_fine EXIT 2 ARGS catchment --hubs Baotou,Chifeng --tolerance 0.0001m)
depmap_cli_golden(catchment_sum_text_field EXIT 2 ARGS catchment --hubs Baotou --sum name)
depmap_cli_golden(catchment_unknown_flag EXIT 2 ARGS catchment --hubs Baotou --eps 5km)
depmap_cli_golden(catchment_within_points EXIT 1 ARGS catchment --hubs Baotou --within ${data}/cities.csv)
depmap_cli_golden(catchment_hubs_bundled_cities ARGS catchment --hubs cities --commodity REE)
