# Golden cases of depmap buffer: see depmap_cli_golden in ../CMakeLists.txt. A coarse
# --tolerance keeps the polygons short.
set(sample "${fixtures}/sample.csv")
depmap_cli_golden(buffer_help ARGS buffer --help)
depmap_cli_golden(buffer_table ARGS buffer --layer ${sample} --radius 1km --tolerance 100m)
depmap_cli_golden(buffer_csv ARGS buffer --layer ${sample} --radius 1km --tolerance 100m -f csv)
depmap_cli_golden(buffer_json ARGS buffer --layer ${sample} --where "id = 'S2'" --radius 1km --tolerance 100m -f json)
depmap_cli_golden(buffer_geojson ARGS buffer --layer ${sample} --commodity Iron --radius 2mi --tolerance 50m -f geojson)
depmap_cli_golden(buffer_dissolve_csv ARGS buffer --commodity REE --radius 5km --tolerance 200m --dissolve -f csv)
depmap_cli_golden(buffer_dissolve_table ARGS buffer --commodity REE --radius 5mi --tolerance 200m --dissolve)
depmap_cli_golden(buffer_output_geojson ARGS buffer --layer ${sample} --where "id = 'S4'" --radius 800m --tolerance 20m -o b.geojson
  OUTPUT_FILE b.geojson)
depmap_cli_golden(buffer_radius_missing EXIT 2 ARGS buffer)
depmap_cli_golden(buffer_radius_zero EXIT 2 ARGS buffer --radius 0km)
depmap_cli_golden(buffer_radius_in_degrees EXIT 2 ARGS buffer --radius 0.1deg)
depmap_cli_golden(buffer_tolerance_too_fine EXIT 2 ARGS buffer --radius 10km --tolerance 0.01m)
depmap_cli_golden(buffer_unknown_flag EXIT 2 ARGS buffer --radius 1km --eps 5km)
depmap_cli_golden(buffer_antimeridian EXIT 1 ARGS buffer --layer ${fixtures}/antimeridian.csv --radius 10km)
depmap_cli_golden(buffer_not_points EXIT 1 ARGS buffer --layer ${data}/divisions.geojson --radius 1km)
