-- Built-in monitors (issue 7): checks that set a component's status.
CREATE TABLE monitors (
    id ${id_column},
    component_id BIGINT NOT NULL,
    -- http, tcp, dns, tls or push
    type VARCHAR(16) NOT NULL,
    -- http(s) URL, host:port, host name, or '' for push
    target VARCHAR(2048) NOT NULL,
    interval_seconds INT NOT NULL,
    timeout_seconds INT NOT NULL,
    -- http: accepted status codes, comma-separated; '' means any 2xx
    expected_status VARCHAR(255) DEFAULT '' NOT NULL,
    keyword VARCHAR(1024),
    -- true: the keyword must not appear
    keyword_absent BOOLEAN DEFAULT FALSE NOT NULL,
    -- slower answers count as performance issues
    latency_threshold_ms INT,
    -- http: request headers as a JSON object
    headers ${text},
    follow_redirects BOOLEAN DEFAULT TRUE NOT NULL,
    -- dns: an address the name must resolve to
    expected_address VARCHAR(255),
    -- tls: fewer days left than this is a failure
    tls_days INT,
    -- push: the secret in the URL the monitored system calls
    push_token VARCHAR(64),
    failure_threshold INT DEFAULT 2 NOT NULL,
    recovery_threshold INT DEFAULT 1 NOT NULL,
    auto_incident BOOLEAN DEFAULT FALSE NOT NULL,
    metric_id BIGINT,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    -- up, degraded, down or unknown (not checked yet)
    state VARCHAR(16) DEFAULT 'unknown' NOT NULL,
    consecutive_failures INT DEFAULT 0 NOT NULL,
    consecutive_successes INT DEFAULT 0 NOT NULL,
    last_checked_at ${timestamp},
    last_push_at ${timestamp},
    open_incident_id BIGINT,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_monitors_push_token UNIQUE (push_token)
);
CREATE INDEX ix_monitors_component ON monitors (component_id);

-- Raw check results, kept for a bounded time (setting monitor_result_retention_days, default 7).
CREATE TABLE monitor_results (
    id ${id_column},
    monitor_id BIGINT NOT NULL,
    checked_at ${timestamp} NOT NULL,
    -- up, degraded or down
    outcome VARCHAR(16) NOT NULL,
    latency_ms INT,
    status_code INT,
    message VARCHAR(1024),
    CONSTRAINT fk_monitor_results_monitor FOREIGN KEY (monitor_id) REFERENCES monitors (id) ON DELETE CASCADE
);
CREATE INDEX ix_monitor_results_monitor ON monitor_results (monitor_id, id);
CREATE INDEX ix_monitor_results_checked_at ON monitor_results (checked_at);
