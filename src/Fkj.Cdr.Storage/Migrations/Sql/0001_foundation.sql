-- 0001 foundation: the tenant table and its default row.
--
-- Citus readiness (no effect yet): per-EHR tables added later (ehr, composition, versions, ...)
-- will be distributed by ehr_id, so every such table carries ehr_id in its primary key and in
-- its foreign keys; templates and terminology will be reference tables. Small global tables such
-- as this one will become reference tables too.

CREATE TABLE tenant (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO tenant (id, name) VALUES ('default', 'Default tenant');
