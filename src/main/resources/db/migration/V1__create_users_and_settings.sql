-- Portable SQL for H2, PostgreSQL and MariaDB. The few vendor-specific types come from Flyway
-- placeholders set per database by io.cachet.config.FlywayVendorPlaceholders:
--   ${id_column}  auto-increment BIGINT primary key
--   ${text}       unbounded text (LONGTEXT on MariaDB)
--   ${timestamp}  UTC timestamp with microseconds
-- Cachet column names that are reserved words somewhere ("order", "key", "value") are renamed;
-- the API maps them back to Cachet's field names.

CREATE TABLE users (
    id ${id_column},
    username VARCHAR(255) NOT NULL,
    email VARCHAR(255) NOT NULL,
    password VARCHAR(255) NOT NULL,
    -- SHA-256 (hex) of the API token: the token itself is never stored.
    api_key_hash VARCHAR(64) NOT NULL,
    remember_token VARCHAR(255),
    google_2fa_secret VARCHAR(255),
    level SMALLINT DEFAULT 2 NOT NULL,
    active BOOLEAN DEFAULT TRUE NOT NULL,
    welcomed BOOLEAN DEFAULT FALSE NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_users_username UNIQUE (username),
    CONSTRAINT uk_users_email UNIQUE (email),
    CONSTRAINT uk_users_api_key_hash UNIQUE (api_key_hash)
);

CREATE TABLE invites (
    id ${id_column},
    code VARCHAR(64) NOT NULL,
    email VARCHAR(255) NOT NULL,
    level SMALLINT DEFAULT 2 NOT NULL,
    claimed_at ${timestamp},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_invites_code UNIQUE (code)
);

CREATE TABLE settings (
    id ${id_column},
    name VARCHAR(191) NOT NULL,
    setting_value ${text},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_settings_name UNIQUE (name)
);

-- The audit log ("actions" in Cachet): who did what to which record, and when.
CREATE TABLE actions (
    id ${id_column},
    action VARCHAR(100) NOT NULL,
    subject_type VARCHAR(64),
    subject_id BIGINT,
    user_id BIGINT,
    username VARCHAR(255),
    description ${text} NOT NULL,
    information ${text},
    created_at ${timestamp} NOT NULL
);
CREATE INDEX ix_actions_created_at ON actions (created_at);
CREATE INDEX ix_actions_subject ON actions (subject_type, subject_id);
CREATE INDEX ix_actions_user_id ON actions (user_id);
