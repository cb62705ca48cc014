-- Spring Modulith's durable event publication log (schema v2 of spring-modulith-events-jdbc 2.0):
-- side effects of a committed change (notifications, cache invalidation) survive a crash.
-- Upper case because Spring Modulith spells it so, and MariaDB table names are case-sensitive.
CREATE TABLE EVENT_PUBLICATION (
    id ${uuid} NOT NULL,
    listener_id VARCHAR(512) NOT NULL,
    event_type VARCHAR(512) NOT NULL,
    serialized_event ${text} NOT NULL,
    publication_date ${timestamp_tz} NOT NULL,
    completion_date ${timestamp_tz},
    status VARCHAR(20),
    completion_attempts INT,
    last_resubmission_date ${timestamp_tz},
    PRIMARY KEY (id)
);
CREATE INDEX ix_event_publication_completion_date ON EVENT_PUBLICATION (completion_date);
