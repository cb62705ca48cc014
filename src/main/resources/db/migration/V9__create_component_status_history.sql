-- Every status a component has had, for the 90-day uptime bars: one row per change (and one when
-- the component is created). Kept without a foreign key so that deleting a component (softly) or
-- importing history for a component created later never fails.
CREATE TABLE component_status_history (
    id ${id_column},
    component_id BIGINT NOT NULL,
    -- NULL for the row written when the component was created
    old_status SMALLINT,
    new_status SMALLINT NOT NULL,
    -- manual, incident, maintenance, monitor, upstream
    source VARCHAR(32) NOT NULL,
    changed_at ${timestamp} NOT NULL
);
CREATE INDEX ix_component_status_history ON component_status_history (component_id, changed_at);

-- Components that exist already start their history with their current status at creation.
INSERT INTO component_status_history (component_id, old_status, new_status, source, changed_at)
SELECT id, NULL, status, 'manual', created_at FROM components WHERE deleted_at IS NULL;
