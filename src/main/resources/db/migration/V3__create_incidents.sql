CREATE TABLE incidents (
    id ${id_column},
    user_id BIGINT,
    component_id BIGINT DEFAULT 0 NOT NULL,
    name VARCHAR(255) NOT NULL,
    -- 0 reported/scheduled, 1 investigating, 2 identified, 3 watching, 4 fixed
    status SMALLINT NOT NULL,
    visible BOOLEAN DEFAULT TRUE NOT NULL,
    stickied BOOLEAN DEFAULT FALSE NOT NULL,
    notifications BOOLEAN DEFAULT FALSE NOT NULL,
    message ${text} NOT NULL,
    occurred_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    deleted_at ${timestamp}
);
CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at);
CREATE INDEX ix_incidents_component_id ON incidents (component_id);
CREATE INDEX ix_incidents_status ON incidents (status);

CREATE TABLE incident_updates (
    id ${id_column},
    incident_id BIGINT NOT NULL,
    status SMALLINT NOT NULL,
    message ${text} NOT NULL,
    user_id BIGINT,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_incident_updates_incident FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE CASCADE
);
CREATE INDEX ix_incident_updates_incident_id ON incident_updates (incident_id);

-- Beyond Cachet 2.4: an incident affects several components, each with its own status.
CREATE TABLE incident_components (
    id ${id_column},
    incident_id BIGINT NOT NULL,
    component_id BIGINT NOT NULL,
    component_status SMALLINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_incident_components_incident FOREIGN KEY (incident_id) REFERENCES incidents (id) ON DELETE CASCADE,
    CONSTRAINT uk_incident_components UNIQUE (incident_id, component_id)
);
CREATE INDEX ix_incident_components_component_id ON incident_components (component_id);

CREATE TABLE incident_templates (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    template ${text} NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    deleted_at ${timestamp}
);
CREATE INDEX ix_incident_templates_slug ON incident_templates (slug);
