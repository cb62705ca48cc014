-- The number of points of each metric, kept up to date with every point added or removed, so
-- that listing a metric's points (which reports the total) needs no COUNT over millions of rows.
ALTER TABLE metrics ADD COLUMN point_count BIGINT DEFAULT 0 NOT NULL;
UPDATE metrics SET point_count = (SELECT COUNT(*) FROM metric_points p WHERE p.metric_id = metrics.id);
