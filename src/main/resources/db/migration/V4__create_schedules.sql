-- Scheduled maintenance. Status 0 upcoming, 1 in progress, 2 complete.
CREATE TABLE schedules (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    message ${text},
    status SMALLINT DEFAULT 0 NOT NULL,
    scheduled_at ${timestamp} NOT NULL,
    completed_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    deleted_at ${timestamp}
);
CREATE INDEX ix_schedules_scheduled_at ON schedules (scheduled_at);

CREATE TABLE schedule_components (
    id ${id_column},
    schedule_id BIGINT NOT NULL,
    component_id BIGINT NOT NULL,
    component_status SMALLINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_schedule_components_schedule FOREIGN KEY (schedule_id) REFERENCES schedules (id) ON DELETE CASCADE,
    CONSTRAINT uk_schedule_components UNIQUE (schedule_id, component_id)
);
CREATE INDEX ix_schedule_components_component_id ON schedule_components (component_id);
