#!/usr/bin/python3
"""GeoPandas doing depmap's load and GeoPackage export of the bench points (bench/scale).
usage: gp_load_export.py POINTS_CSV [OUT.gpkg]: prints "rows load_s export_s" (export_s 0 without OUT)."""
import os, sys, time
import pandas as pd, geopandas as gpd
t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
points = gpd.GeoDataFrame(df.drop(columns=["lon", "lat"]), geometry=gpd.points_from_xy(df.lon, df.lat), crs="EPSG:4326")
t1 = time.perf_counter()
if len(sys.argv) > 2:
    if os.path.exists(sys.argv[2]): os.remove(sys.argv[2])
    points.to_file(sys.argv[2], driver="GPKG")
t2 = time.perf_counter()
print(f"{len(points)} {t1 - t0:.2f} {t2 - t1 if len(sys.argv) > 2 else 0:.2f}")
