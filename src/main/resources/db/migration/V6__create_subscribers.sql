CREATE TABLE subscribers (
    id ${id_column},
    email VARCHAR(255),
    verify_code VARCHAR(64) NOT NULL,
    phone_number VARCHAR(64),
    slack_webhook_url ${text},
    verified_at ${timestamp},
    global BOOLEAN DEFAULT TRUE NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_subscribers_email UNIQUE (email),
    CONSTRAINT uk_subscribers_verify_code UNIQUE (verify_code)
);

CREATE TABLE subscriptions (
    id ${id_column},
    subscriber_id BIGINT NOT NULL,
    component_id BIGINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT fk_subscriptions_subscriber FOREIGN KEY (subscriber_id) REFERENCES subscribers (id) ON DELETE CASCADE,
    CONSTRAINT uk_subscriptions UNIQUE (subscriber_id, component_id)
);
CREATE INDEX ix_subscriptions_component_id ON subscriptions (component_id);
