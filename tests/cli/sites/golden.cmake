# Golden cases of depmap sites: see depmap_cli_golden in ../CMakeLists.txt. The fixtures in
# tests/fixtures/sites/ are rows of data/records.csv (bayan_obo.csv: Bayan Obo's ten) and
# small hand-labelled cases.
set(sites "${fixtures}/sites")
depmap_cli_golden(sites_help ARGS sites --help)
depmap_cli_golden(sites_table ARGS sites ${sites}/bayan_obo.csv)
depmap_cli_golden(sites_csv ARGS sites ${sites}/bayan_obo.csv -f csv)
depmap_cli_golden(sites_json_two_files ARGS sites ${sites}/coal_phases.csv ${sites}/figures.csv -f json)
depmap_cli_golden(sites_links ARGS sites ${sites}/bayan_obo.csv -f csv --links links.csv OUTPUT_FILE links.csv)
depmap_cli_golden(sites_records ARGS sites ${sites}/bayan_obo_chain.csv -f csv --records records.csv OUTPUT_FILE records.csv)
depmap_cli_golden(sites_overrides ARGS sites ${sites}/bayan_obo_chain.csv --overrides ${sites}/overrides_link.csv
  -f csv --links links.csv OUTPUT_FILE links.csv)
depmap_cli_golden(sites_max_distance ARGS sites ${sites}/bayan_obo_chain.csv --max-distance 6km -f csv)
depmap_cli_golden(sites_figures ARGS sites ${sites}/figures.csv -f csv)
depmap_cli_golden(sites_bundled_overrides ARGS sites -q -f csv --links links.csv OUTPUT_FILE links.csv)
depmap_cli_golden(sites_missing_file EXIT 1 ARGS sites ${sites}/no_such_file.csv)
depmap_cli_golden(sites_no_id EXIT 1 ARGS sites ${sites}/no_id.csv)
depmap_cli_golden(sites_overrides_no_reason EXIT 1 ARGS sites ${sites}/bayan_obo_chain.csv
  --overrides ${sites}/overrides_no_reason.csv)
depmap_cli_golden(sites_overrides_unknown_id EXIT 1 ARGS sites ${sites}/bayan_obo_chain.csv
  --overrides ${sites}/overrides_unknown.csv)
depmap_cli_golden(sites_overrides_bad_decision EXIT 1 ARGS sites ${sites}/bayan_obo_chain.csv
  --overrides ${sites}/overrides_bad_decision.csv)
depmap_cli_golden(sites_overrides_missing EXIT 1 ARGS sites ${sites}/bayan_obo_chain.csv --overrides nowhere.csv)
depmap_cli_golden(sites_max_distance_in_degrees EXIT 2 ARGS sites --max-distance 0.2deg)
depmap_cli_golden(sites_links_exists EXIT 1 ARGS sites ${sites}/bayan_obo.csv --links ${sites}/minimal.csv)
