-- Subscribers, notifications and webhooks (issue 6).

-- The language a subscriber reads their e-mail in (a page language tag such as en or pt-BR);
-- NULL means the page's own language.
ALTER TABLE subscribers ADD locale VARCHAR(16);

-- Outgoing webhooks: a JSON POST per event, signed with HMAC-SHA256 of the body.
-- events holds the chosen event names between commas (",incident_created,incident_updated,")
-- so that one LIKE finds the hooks of an event.
CREATE TABLE webhooks (
    id ${id_column},
    url VARCHAR(2048) NOT NULL,
    secret VARCHAR(255) NOT NULL,
    description VARCHAR(255) DEFAULT '' NOT NULL,
    -- json (our own payload), slack, discord or teams
    format VARCHAR(16) DEFAULT 'json' NOT NULL,
    send_all_events BOOLEAN DEFAULT TRUE NOT NULL,
    events VARCHAR(512) DEFAULT '' NOT NULL,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
);

-- The outbox: one row per event that someone may need to hear about, written in the same
-- transaction as the change that caused it. event_key makes it idempotent (an event is
-- written once however often it is seen); a background worker fans it out into deliveries.
CREATE TABLE notifications (
    id ${id_column},
    event_key VARCHAR(191) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    -- the event's own fields as JSON
    payload ${text} NOT NULL,
    -- what the messages say, fixed when the notification is fanned out (JSON)
    content ${text},
    -- pending, then done (fanned out) or skipped (nothing to send)
    state VARCHAR(16) NOT NULL,
    recipients INT DEFAULT 0 NOT NULL,
    created_at ${timestamp} NOT NULL,
    fanned_out_at ${timestamp},
    CONSTRAINT uk_notifications_event_key UNIQUE (event_key)
);
CREATE INDEX ix_notifications_state ON notifications (state, id);

-- One message to one recipient (a subscriber's address or a webhook). The unique key is
-- what guarantees that nobody receives the same notification twice.
CREATE TABLE deliveries (
    id ${id_column},
    notification_id BIGINT NOT NULL,
    -- email or webhook
    channel VARCHAR(16) NOT NULL,
    -- subscribers.id or webhooks.id
    recipient_id BIGINT NOT NULL,
    -- queued, sending, sent, failed, cancelled
    status VARCHAR(16) NOT NULL,
    attempts INT DEFAULT 0 NOT NULL,
    next_attempt_at ${timestamp} NOT NULL,
    last_attempt_at ${timestamp},
    sent_at ${timestamp},
    last_status_code INT,
    last_error VARCHAR(1024),
    CONSTRAINT fk_deliveries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
    CONSTRAINT uk_deliveries UNIQUE (notification_id, channel, recipient_id)
);
CREATE INDEX ix_deliveries_due ON deliveries (status, next_attempt_at);
CREATE INDEX ix_deliveries_recipient ON deliveries (channel, recipient_id);

-- Every webhook call, for the delivery log: status code, duration, error.
CREATE TABLE delivery_attempts (
    id ${id_column},
    delivery_id BIGINT NOT NULL,
    attempt INT NOT NULL,
    attempted_at ${timestamp} NOT NULL,
    status_code INT,
    duration_ms INT NOT NULL,
    error VARCHAR(1024),
    CONSTRAINT fk_delivery_attempts_delivery FOREIGN KEY (delivery_id) REFERENCES deliveries (id) ON DELETE CASCADE
);
CREATE INDEX ix_delivery_attempts_delivery ON delivery_attempts (delivery_id);
