-- AQL's latest-version test joins latest_version on version_key alone (leaf_value.version_key =
-- latest_version.version_key). version_key is an identity, so it names one version in the whole database; the
-- ehr_id beside it in the join adds nothing but makes PostgreSQL multiply two selectivities, estimate a handful of
-- rows where there are hundreds of thousands, and so sort a whole population for ORDER BY ... LIMIT 10 instead of
-- walking the (tenant_id, path_id, num) index. Not unique: under Citus a unique index must hold the distribution
-- column, and the identity already guarantees it.
CREATE INDEX latest_version_by_version_key ON latest_version (tenant_id, version_key);
