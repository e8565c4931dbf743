# Golden cases of depmap map (errors only: the maps themselves are checked by
# check_outputs.sh and tests/layers/render): see depmap_cli_golden in ../CMakeLists.txt.
depmap_cli_golden(map_bad_format EXIT 2 ARGS map -o m.jpg)
depmap_cli_golden(map_unknown_division EXIT 2 ARGS map -o m.png --extent Atlantis)
depmap_cli_golden(map_unknown_crs EXIT 1 ARGS map -o m.png --crs EPSG:99999)
depmap_cli_golden(map_paper_and_pixels EXIT 2 ARGS map -o m.pdf --paper A4 --width 800)
depmap_cli_golden(map_unknown_paper EXIT 2 ARGS map -o m.pdf --paper B5)
depmap_cli_golden(map_size_by_text EXIT 2 ARGS map -o m.png --size-by name)
depmap_cli_golden(map_label_unknown_field EXIT 2 ARGS map -o m.png --label nosuch)
