-- DBSCAN of the 100k synthetic points, eps 10 km, 3 points, in a local equal-area plane
-- centred on the Inner Mongolia box (97.2-126.0 E, 37.4-53.3 N): clusters, noise points.
SELECT count(DISTINCT cid) || ' clusters, ' || count(*) FILTER (WHERE cid IS NULL) || ' noise'
FROM (SELECT ST_ClusterDBSCAN(
               ST_Transform(geom, '+proj=laea +lat_0=45.35 +lon_0=111.6 +datum=WGS84 +units=m +no_defs'),
               eps => 10000, minpoints => 3) OVER () AS cid
      FROM pts_100000) AS clustered;
