CREATE TABLE component_groups (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    position INT DEFAULT 0 NOT NULL,
    -- 0 always expanded, 1 collapsed, 2 collapsed unless a component has issues
    collapsed SMALLINT DEFAULT 0 NOT NULL,
    -- 0 logged-in users only, 1 public
    visible SMALLINT DEFAULT 0 NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
);

CREATE TABLE components (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    description ${text},
    link ${text},
    -- 0 unknown, 1 operational, 2 performance issues, 3 partial outage, 4 major outage
    status SMALLINT DEFAULT 1 NOT NULL,
    position INT DEFAULT 0 NOT NULL,
    -- 0 = ungrouped. No foreign key: Cachet accepts a group id whose group does not exist yet.
    group_id BIGINT DEFAULT 0 NOT NULL,
    enabled BOOLEAN DEFAULT TRUE NOT NULL,
    meta ${text},
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    deleted_at ${timestamp}
);
CREATE INDEX ix_components_group_id ON components (group_id);
CREATE INDEX ix_components_status ON components (status);

CREATE TABLE tags (
    id ${id_column},
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL,
    CONSTRAINT uk_tags_slug UNIQUE (slug)
);

-- Polymorphic tag pivot, as Cachet's "taggables" (taggable_type is 'component' or 'incident').
CREATE TABLE taggables (
    id ${id_column},
    tag_id BIGINT NOT NULL,
    taggable_type VARCHAR(64) NOT NULL,
    taggable_id BIGINT NOT NULL,
    CONSTRAINT fk_taggables_tag FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE,
    CONSTRAINT uk_taggables UNIQUE (tag_id, taggable_type, taggable_id)
);
CREATE INDEX ix_taggables_taggable ON taggables (taggable_type, taggable_id);

-- Polymorphic key/value meta data (JSON values), as Cachet's "meta" table.
CREATE TABLE meta (
    id ${id_column},
    meta_key VARCHAR(255) NOT NULL,
    meta_value ${text} NOT NULL,
    meta_type VARCHAR(64) NOT NULL,
    meta_id BIGINT NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
);
CREATE INDEX ix_meta_owner ON meta (meta_type, meta_id);
