# Golden cases of depmap itself: see depmap_cli_golden in CMakeLists.txt. The cases of each
# command are in <command>/golden.cmake, their golden files in <command>/golden/.
depmap_cli_golden(depmap_help ARGS --help)
depmap_cli_golden(depmap_no_subcommand EXIT 2)
depmap_cli_golden(depmap_unknown_subcommand EXIT 2 ARGS frobnicate)
depmap_cli_golden(depmap_unknown_flag EXIT 2 ARGS --bogus info)
depmap_cli_golden(depmap_misspelt_subcommand EXIT 2 ARGS nera Baotou --radius 5km)
depmap_cli_golden(depmap_command_option_before_command EXIT 2 ARGS --radius 5km near Baotou)
depmap_cli_golden(depmap_threads_zero EXIT 2 ARGS --threads 0 info ${fixtures}/sample.csv)
depmap_cli_golden(depmap_threads_after_subcommand ARGS info ${fixtures}/sample.csv --threads 2)
# GeoJSON on stdout is the .geojson file's bytes, --precision included.
depmap_cli_golden(depmap_geojson_stdout_precision ARGS nearest 110,41 -k 2 -f geojson --precision 3)
depmap_cli_golden(depmap_quiet_and_verbose EXIT 0 ARGS -q -v info ${fixtures}/sample.csv)

# A 3 x 3 degree square (110-113 E, 40-43 N) of WKT, for regions small enough to read.
set(square "${CMAKE_CURRENT_LIST_DIR}/square.csv")
