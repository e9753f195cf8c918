-- 0002 templates: the tenant-scoped template registry, and the row-level security that every tenant
-- table follows.
--
-- Tenant isolation. Every table that holds a tenant's data (this one now; EHRs, compositions and
-- their versions next):
--   * has tenant_id text NOT NULL REFERENCES tenant (id) as the first column of its primary key;
--   * has ROW LEVEL SECURITY enabled and forced, with one policy, tenant_isolation:
--         USING (tenant_id = current_setting('fkj.tenant', true))
--         WITH CHECK (tenant_id = current_setting('fkj.tenant', true))
--   * grants SELECT, INSERT, UPDATE, DELETE (as needed) to the role fkj_app, and nothing to PUBLIC.
-- The application touches a tenant's rows only inside a transaction begun by
-- Fkj.Cdr.Storage.Tenancy.TenantTransaction, whose first statement is
--         SELECT set_config('fkj.tenant', @tenant, true), set_config('role', 'fkj_app', true)
-- that is SET LOCAL fkj.tenant = @tenant and SET LOCAL ROLE fkj_app; both end with the transaction,
-- so a pooled connection never carries a tenant or a role into the next use. fkj_app is not a
-- superuser, not BYPASSRLS and owns no table, so the policies apply to every statement of the
-- application, even though the server itself connects as a superuser to its embedded PostgreSQL.
-- FORCE makes the policies apply to the tables' owner too: an owner connection that did not set
-- fkj.tenant sees no rows (current_setting(..., true) is then NULL or '', which is no tenant's id).
-- Superusers and BYPASSRLS roles still see everything: migrations, operators and backups.
--
-- fkj_app is a cluster-wide role shared by every Fkj.Cdr database of the cluster; its privileges
-- are per database. The role that runs the migrations must be allowed to create it (superuser or
-- CREATEROLE) or find it created, and becomes a member of it so that it can SET ROLE to it.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fkj_app') THEN
        CREATE ROLE fkj_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database of this cluster created it at the same moment
END
$$;

DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'fkj_app', 'MEMBER') THEN
        EXECUTE format('GRANT fkj_app TO %I', current_user);
    END IF;
END
$$;

GRANT SELECT ON tenant TO fkj_app;

-- The operational templates (ADL 1.4 OPT) of each tenant, stored exactly as uploaded.
--
-- Citus: a reference table (SELECT create_reference_table('template')), copied to every node, so that
-- a composition can be validated on the worker that holds its EHR. Templates are per tenant but few
-- and small (hundreds per tenant, each at most a few megabytes), so the copies cost little.
CREATE TABLE template (
    tenant_id         text        NOT NULL REFERENCES tenant (id),
    template_id       text        NOT NULL CHECK (template_id <> ''),
    -- The uploaded OPT, byte for byte (any encoding its XML declaration states); GET returns these bytes.
    opt               bytea       NOT NULL,
    -- SHA-256 of opt, lower-case hex: re-uploading the same bytes is recognised, other bytes are a conflict.
    sha256            text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- From the parsed OPT, for listing without parsing: uid, concept, original language, root archetype.
    uid               text,
    concept           text        NOT NULL,
    language          text        NOT NULL,
    root_archetype_id text        NOT NULL,
    uploaded_at       timestamptz NOT NULL DEFAULT now(),
    uploaded_by       text        NOT NULL,
    PRIMARY KEY (tenant_id, template_id)
);

ALTER TABLE template ENABLE ROW LEVEL SECURITY;
ALTER TABLE template FORCE ROW LEVEL SECURITY;

CREATE POLICY tenant_isolation ON template
    USING (tenant_id = current_setting('fkj.tenant', true))
    WITH CHECK (tenant_id = current_setting('fkj.tenant', true));

-- Templates are immutable once uploaded (a changed template gets a new id), so no UPDATE.
REVOKE ALL ON template FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON template TO fkj_app;
