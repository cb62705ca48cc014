CREATE TABLE metrics (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    suffix VARCHAR(255) NOT NULL,
    description ${text},
    default_value DECIMAL(10, 3) DEFAULT 0 NOT NULL,
    -- 0 sum, 1 average
    calc_type SMALLINT DEFAULT 0 NOT NULL,
    display_chart BOOLEAN DEFAULT TRUE NOT NULL,
    places SMALLINT DEFAULT 2 NOT NULL,
    -- 0 last hour, 1 last 12 hours, 2 week, 3 month
    default_view SMALLINT DEFAULT 1 NOT NULL,
    -- minutes; divides 60
    threshold INT DEFAULT 5 NOT NULL,
    position INT DEFAULT 0 NOT NULL,
    -- 0 logged-in users only, 1 public, 2 hidden
    visible SMALLINT DEFAULT 1 NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
);

CREATE TABLE metric_points (
    id ${id_column},
    metric_id BIGINT NOT NULL,
    point_value DECIMAL(15, 3) NOT NULL,
    counter INT DEFAULT 1 NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_metric_points_metric FOREIGN KEY (metric_id) REFERENCES metrics (id) ON DELETE CASCADE
);
-- The chart queries read one metric's points in a time range.
CREATE INDEX ix_metric_points_metric_created ON metric_points (metric_id, created_at);
