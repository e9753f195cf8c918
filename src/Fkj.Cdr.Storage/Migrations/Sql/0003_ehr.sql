-- 0003 ehr: EHRs, their versioned objects (compositions, EHR_STATUS), contributions, the query index of
-- every version, and the audit trail of patient data. The layout and its reasons are in docs/storage.md.
--
-- Every table here that holds a tenant's data follows the pattern of 0002_templates.sql: tenant_id first in
-- the primary key, ROW LEVEL SECURITY enabled and forced with the one policy tenant_isolation, privileges
-- granted to fkj_app only. History is immutable: fkj_app may not UPDATE or DELETE a version, a contribution,
-- a leaf row or an audit event. Only the two "current state" tables (latest_version, and the status flags of
-- ehr) are updated, and ehr_subject (which subject an EHR belongs to now) may lose a row when an EHR_STATUS
-- names a new subject.
--
-- Citus (no effect yet): every per-EHR table is distributed by ehr_id and co-located with ehr
--     SELECT create_distributed_table('ehr', 'ehr_id');
--     SELECT create_distributed_table('contribution', 'ehr_id', colocate_with => 'ehr');   -- and so on
-- so ehr_id is in every primary key, unique constraint and foreign key below, and a request touches one shard
-- group. Two exceptions, named where they are declared: ehr_subject (looked up by subject, so distributed by
-- subject_id instead, and its foreign key to ehr dropped under Citus) and archetype_path (a reference table).

-- One row per EHR. The EHR itself is not versioned: its versioned parts are the EHR_STATUS (versioned_object
-- status_object_id) and the compositions. is_modifiable and is_queryable repeat the latest EHR_STATUS's flags,
-- so that a commit can check them without decoding the status; they are the only columns ever updated.
CREATE TABLE ehr (
    tenant_id        text        NOT NULL REFERENCES tenant (id),
    ehr_id           uuid        NOT NULL,
    time_created     timestamptz NOT NULL,
    status_object_id uuid        NOT NULL,
    is_modifiable    boolean     NOT NULL,
    is_queryable     boolean     NOT NULL,
    PRIMARY KEY (tenant_id, ehr_id)
);

-- Which EHR a subject (EHR_STATUS.subject.external_ref: id.value and namespace) has: one per subject per
-- tenant, which the primary key enforces (a second EHR for a subject is a 409). An EHR whose status has no
-- external_ref (an anonymous EHR) has no row. When a new EHR_STATUS names another subject, the row is replaced.
-- Citus: distributed by subject_id (the primary key then holds the distribution column; a look-up by subject
-- goes to one shard), not co-located with ehr, so the foreign key below is dropped there.
CREATE TABLE ehr_subject (
    tenant_id         text NOT NULL,
    subject_namespace text NOT NULL,
    subject_id        text NOT NULL,
    ehr_id            uuid NOT NULL,
    PRIMARY KEY (tenant_id, subject_namespace, subject_id),
    FOREIGN KEY (tenant_id, ehr_id) REFERENCES ehr (tenant_id, ehr_id)
);

CREATE INDEX ehr_subject_by_ehr ON ehr_subject (tenant_id, ehr_id);

-- CONTRIBUTION: the change-set of one commit, with its AUDIT_DETAILS. The versions it made point at it
-- (object_version.contribution_id). committer is the PARTY_PROXY as compact canonical JSON; change_type and
-- the versions' change types are codes of the openEHR terminology group "audit change type" (249 creation,
-- 251 modification, 523 deleted, ...).
CREATE TABLE contribution (
    tenant_id       text        NOT NULL,
    ehr_id          uuid        NOT NULL,
    contribution_id uuid        NOT NULL,
    system_id       text        NOT NULL,
    committer       text        NOT NULL,
    time_committed  timestamptz NOT NULL,
    change_type     smallint    NOT NULL,
    description     text,
    PRIMARY KEY (tenant_id, ehr_id, contribution_id),
    FOREIGN KEY (tenant_id, ehr_id) REFERENCES ehr (tenant_id, ehr_id)
);

-- VERSIONED_COMPOSITION, VERSIONED_EHR_STATUS (and VERSIONED_FOLDER later): the container of an object's
-- versions. template_id is the template of a composition's versions (a new version keeps its template).
CREATE TABLE versioned_object (
    tenant_id    text        NOT NULL,
    ehr_id       uuid        NOT NULL,
    object_id    uuid        NOT NULL,
    rm_type      text        NOT NULL CHECK (rm_type IN ('COMPOSITION', 'EHR_STATUS', 'FOLDER')),
    time_created timestamptz NOT NULL,
    template_id  text,
    PRIMARY KEY (tenant_id, ehr_id, object_id),
    FOREIGN KEY (tenant_id, ehr_id) REFERENCES ehr (tenant_id, ehr_id)
);

-- ORIGINAL_VERSION: version n of an object (1, 2, 3, ...; the version uid is object_id::system_id::version).
-- The commit audit is change_type and description here, with committer, system id and time_committed from
-- the contribution (time_committed is repeated here for version-at-time look-ups). document is the version's
-- data as compact canonical JSON, NULL for a deletion (change type 523). Two updates from the same preceding
-- version both want the same (object_id, version): the primary key lets one in. version_key is a short
-- surrogate of (object_id, version) that the version's leaf rows carry instead of those 20 bytes.
CREATE TABLE object_version (
    tenant_id       text        NOT NULL,
    ehr_id          uuid        NOT NULL,
    object_id       uuid        NOT NULL,
    version         integer     NOT NULL CHECK (version > 0),
    version_key     bigint      NOT NULL GENERATED ALWAYS AS IDENTITY,
    contribution_id uuid        NOT NULL,
    time_committed  timestamptz NOT NULL,
    change_type     smallint    NOT NULL,
    lifecycle_state smallint    NOT NULL,
    description     text,
    document        text,
    PRIMARY KEY (tenant_id, ehr_id, object_id, version),
    FOREIGN KEY (tenant_id, ehr_id, object_id) REFERENCES versioned_object (tenant_id, ehr_id, object_id),
    FOREIGN KEY (tenant_id, ehr_id, contribution_id) REFERENCES contribution (tenant_id, ehr_id, contribution_id),
    CHECK ((change_type = 523) = (document IS NULL))
);

-- The versions of a contribution (GET .../contribution/{uid}).
CREATE INDEX object_version_by_contribution ON object_version (tenant_id, ehr_id, contribution_id);

-- The version of a leaf row (AQL over all versions).
CREATE UNIQUE INDEX object_version_by_key ON object_version (tenant_id, ehr_id, version_key);

-- Documents are compressed with lz4 where this PostgreSQL has it (faster than pglz at a similar ratio for
-- JSON); a server built without lz4 keeps the default, pglz, and says so in a notice.
DO $$
BEGIN
    ALTER TABLE object_version ALTER COLUMN document SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available in this PostgreSQL; object_version.document uses pglz';
END
$$;

-- The newest version of each versioned object, and whether it is a deletion: the key join that makes an AQL
-- query see the latest versions only (leaf_value.version_key = latest_version.version_key), and the gate of
-- optimistic concurrency (an update advances version from the If-Match version to the next, WHERE version = the
-- If-Match version; a stale one changes no row).
CREATE TABLE latest_version (
    tenant_id   text    NOT NULL,
    ehr_id      uuid    NOT NULL,
    object_id   uuid    NOT NULL,
    version     integer NOT NULL,
    version_key bigint  NOT NULL,
    deleted     boolean NOT NULL,
    PRIMARY KEY (tenant_id, ehr_id, object_id),
    FOREIGN KEY (tenant_id, ehr_id, object_id) REFERENCES versioned_object (tenant_id, ehr_id, object_id)
);

CREATE UNIQUE INDEX latest_version_by_key ON latest_version (tenant_id, ehr_id, version_key);

-- The dictionary of archetype paths that leaf values are found at, each interned once: path is the
-- archetype path from the root, starting with the root's archetype id
-- ([openEHR-EHR-COMPOSITION.encounter.v1]/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value),
-- rm_types the RM type at each step (root first, the data value's type last). It is global, not per tenant:
-- paths are facts of the archetypes and templates (public clinical models), not patient data, and one id
-- space gives the server one cache. Rows are only ever added; an id once given never changes.
-- Citus: a reference table (SELECT create_reference_table('archetype_path')).
CREATE TABLE archetype_path (
    path_id  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path     text    NOT NULL,
    rm_types text[]  NOT NULL,
    UNIQUE (path, rm_types)
);

-- The query index: one row per leaf data value of a version, in typed columns (see docs/storage.md).
-- version_key names the version (object_version.version_key). num holds numbers, and dates and date-times as
-- seconds since 1970-01-01T00:00Z (the path's RM type says which), so that one B-tree serves both. ancestors
-- holds the pre-order numbers of the LOCATABLE nodes below the root (which is 0) down to the one that holds the
-- value, each a big-endian 16-bit number: the ancestor at depth k is substring(ancestors from 2k-1 for 2), so
-- two values of the same node instance share those two bytes. bytea rather than smallint[]: an array carries a
-- 20-byte header. Eight columns, fixed-width ones first: a row's header is then 24 bytes, and no row pays
-- alignment padding. No primary key and no foreign keys: rows are written with their version and never
-- changed, and each key or check would cost an index entry or a look-up per value.
CREATE TABLE leaf_value (
    tenant_id   text             NOT NULL,
    ehr_id      uuid             NOT NULL,
    version_key bigint           NOT NULL,
    path_id     integer          NOT NULL,
    num         double precision,
    ancestors   bytea            NOT NULL,
    text        text,
    term        text
);

CREATE INDEX leaf_value_num ON leaf_value (tenant_id, path_id, num) WHERE num IS NOT NULL;
CREATE INDEX leaf_value_text ON leaf_value (tenant_id, path_id, text) WHERE text IS NOT NULL;
CREATE INDEX leaf_value_by_ehr ON leaf_value (tenant_id, ehr_id, path_id);

-- The audit trail of patient data: every read and write, and every refused or failed attempt, append-only.
-- ehr_id is the EHR the request named (the nil uuid when it named none, or none that parses); object_id and
-- version the version read or written, where there is one. outcome: success, refused (an error answer:
-- 4xx) or failed (5xx). A write's event is written in the write's transaction; a refusal in one of its own.
-- Citus: distributed by ehr_id (never NULL, so the nil uuid), co-located with ehr.
CREATE TABLE audit_event (
    tenant_id      text        NOT NULL REFERENCES tenant (id),
    ehr_id         uuid        NOT NULL,
    event_id       bigint      GENERATED ALWAYS AS IDENTITY,
    time           timestamptz NOT NULL,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    object_id      uuid,
    version        integer,
    outcome        text        NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
    status         smallint    NOT NULL,
    client_address inet,
    details        text,
    PRIMARY KEY (tenant_id, ehr_id, event_id)
);

-- Row-level security, as in 0002: every statement of fkj_app sees and writes only the tenant of its
-- transaction (SET LOCAL fkj.tenant).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['ehr', 'ehr_subject', 'contribution', 'versioned_object', 'object_version',
                             'latest_version', 'leaf_value', 'audit_event']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I
                            USING (tenant_id = current_setting(''fkj.tenant'', true))
                            WITH CHECK (tenant_id = current_setting(''fkj.tenant'', true))', t);
        EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', t);
    END LOOP;
END
$$;

-- History is immutable: INSERT and SELECT only. The current-state columns may be updated.
GRANT SELECT, INSERT ON ehr, contribution, versioned_object, object_version, leaf_value, audit_event TO fkj_app;
GRANT UPDATE (is_modifiable, is_queryable) ON ehr TO fkj_app;
GRANT SELECT, INSERT, DELETE ON ehr_subject TO fkj_app;
GRANT SELECT, INSERT ON latest_version TO fkj_app;
GRANT UPDATE (version, version_key, deleted) ON latest_version TO fkj_app;
REVOKE ALL ON archetype_path FROM PUBLIC;
GRANT SELECT, INSERT ON archetype_path TO fkj_app;
