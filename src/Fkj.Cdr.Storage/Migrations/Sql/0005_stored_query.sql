-- 0005 stored queries: AQL queries stored under a qualified name (namespace::name) and a version, per tenant
-- (ITS-REST DEFINITION: PUT/GET /definition/query/{qualified_name}/{version}; QUERY: /query/{qualified_name}).
-- A stored version never changes: other text under a stored (name, version) is refused, so a client that ran
-- version 1.0.0 yesterday runs the same query today. Tenant table as in 0002: tenant_id first in the key, row-level
-- security with the one policy tenant_isolation, privileges for fkj_app only (SELECT and INSERT: no UPDATE, no DELETE).
-- Citus: a reference table would do (small), but it is tenant data, so it is distributed by tenant_id.
CREATE TABLE stored_query (
    tenant_id      text        NOT NULL REFERENCES tenant (id),
    qualified_name text        NOT NULL CHECK (qualified_name <> ''),
    version        text        NOT NULL CHECK (version ~ '^[0-9]+\.[0-9]+\.[0-9]+$'),
    query_type     text        NOT NULL DEFAULT 'AQL',
    query_text     text        NOT NULL,
    saved          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, qualified_name, version)
);

ALTER TABLE stored_query ENABLE ROW LEVEL SECURITY;
ALTER TABLE stored_query FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stored_query
    USING (tenant_id = current_setting('fkj.tenant', true))
    WITH CHECK (tenant_id = current_setting('fkj.tenant', true));
REVOKE ALL ON stored_query FROM PUBLIC;
GRANT SELECT, INSERT ON stored_query TO fkj_app;
