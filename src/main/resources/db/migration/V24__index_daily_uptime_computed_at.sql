-- The latest roll-up of a zone, one index lookup: the uptime keeps its finished days in memory
-- and reads this on every status page rebuild to notice rows another instance (or a restore)
-- replaced, instead of re-reading every finished day (89,000 rows at 1,000 components, issue 16).
CREATE INDEX ix_component_daily_uptime_computed ON component_daily_uptime (zone, computed_at);
