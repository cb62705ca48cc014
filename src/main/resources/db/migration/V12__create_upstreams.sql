-- Third-party components (issue 7): other status pages this page follows ("upstreams").

-- One followed page: a Statuspage summary.json or another Cachet's /api/v1/components.
CREATE TABLE upstreams (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    url VARCHAR(2048) NOT NULL,
    -- statuspage or cachet; NULL until the first answer tells which
    kind VARCHAR(16),
    interval_seconds INT DEFAULT 60 NOT NULL,
    -- how long the page may be unreachable before its components become unknown
    grace_seconds INT DEFAULT 300 NOT NULL,
    -- the group its components are mirrored into; NULL until the first successful poll
    component_group_id BIGINT,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    last_polled_at ${timestamp},
    last_success_at ${timestamp},
    last_error VARCHAR(1024),
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
);

-- One component of a followed page and the component that mirrors it on ours.
CREATE TABLE upstream_components (
    id ${id_column},
    upstream_id BIGINT NOT NULL,
    -- the upstream's own id of the component (Statuspage ids are strings, Cachet's numbers)
    external_id VARCHAR(191) NOT NULL,
    external_name VARCHAR(255) NOT NULL,
    -- components.id (no foreign key, as components are deleted softly)
    component_id BIGINT NOT NULL,
    -- hidden by the owner: the mirrored component is disabled
    hidden BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT fk_upstream_components_upstream FOREIGN KEY (upstream_id) REFERENCES upstreams (id) ON DELETE CASCADE,
    CONSTRAINT uk_upstream_components UNIQUE (upstream_id, external_id)
);
