-- Daily uptime roll-ups of the status history (issue 7): one row per component and finished day,
-- counted in a time zone (the page's), so that the 90-day bars need not replay the raw history.
-- A day is rolled up for every component that had history by its end (days before a component's
-- first history row have no row). Rows are derived data: deleting any of them is always safe.
CREATE TABLE component_daily_uptime (
    component_id BIGINT NOT NULL,
    -- the day in zone; "day" is a reserved word in H2
    uptime_day DATE NOT NULL,
    -- a time-zone id such as Europe/Berlin, or UTC
    zone VARCHAR(64) NOT NULL,
    -- 0..1; NULL when the status was not known at any time of the day
    uptime DOUBLE PRECISION,
    -- the worst status code of the day (0 when unknown all day)
    worst SMALLINT NOT NULL,
    -- the status in force at the end of the day, where the next day starts from
    end_status SMALLINT NOT NULL,
    major_seconds BIGINT NOT NULL,
    partial_seconds BIGINT NOT NULL,
    degraded_seconds BIGINT NOT NULL,
    -- seconds with a known status (operational, performance issues, partial or major outage)
    known_seconds BIGINT NOT NULL,
    computed_at ${timestamp} NOT NULL,
    CONSTRAINT pk_component_daily_uptime PRIMARY KEY (component_id, zone, uptime_day)
);
CREATE INDEX ix_component_daily_uptime_day ON component_daily_uptime (zone, uptime_day);

-- Today's changes and the earliest history row are read by time alone.
CREATE INDEX ix_component_status_history_changed_at ON component_status_history (changed_at);
