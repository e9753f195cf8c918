-- The PostgreSQL alternative measured in docs/terminology.md: RF2 Snapshot rows in tables, the IS-A transitive
-- closure by a recursive query, a GIN index on the descriptions' tsvector (prefix search) and pg_trgm (fuzzy).
-- Run by measure-postgres.sh, which puts the two release folders' Snapshot paths in place of @INT@ and @NO@.
\timing on
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE UNLOGGED TABLE concept (id bigint, effective_time int, active int, module_id bigint, definition_status_id bigint);
CREATE UNLOGGED TABLE description (id bigint, effective_time int, active int, module_id bigint, concept_id bigint,
  language_code text, type_id bigint, term text, case_significance_id bigint);
CREATE UNLOGGED TABLE relationship (id bigint, effective_time int, active int, module_id bigint, source_id bigint,
  destination_id bigint, relationship_group int, type_id bigint, characteristic_type_id bigint, modifier_id bigint);
CREATE UNLOGGED TABLE language_member (id uuid, effective_time int, active int, module_id bigint, refset_id bigint,
  referenced_component_id bigint, acceptability_id bigint);
COPY concept FROM '@INT@/Terminology/sct2_Concept_Snapshot_INT_20250101.txt' WITH (FORMAT text, HEADER true);
COPY description FROM '@INT@/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt' WITH (FORMAT text, HEADER true);
COPY description FROM '@NO@/Terminology/sct2_Description_Snapshot-nb_NO1000202_20250101.txt' WITH (FORMAT text, HEADER true);
COPY relationship FROM '@INT@/Terminology/sct2_Relationship_Snapshot_INT_20250101.txt' WITH (FORMAT text, HEADER true);
COPY language_member FROM '@INT@/Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt' WITH (FORMAT text, HEADER true);
ALTER TABLE concept ADD PRIMARY KEY (id);
ALTER TABLE description ADD PRIMARY KEY (id);
CREATE INDEX ON description (concept_id);
CREATE INDEX ON relationship (source_id);
CREATE INDEX ON language_member (referenced_component_id);
CREATE UNLOGGED TABLE is_a AS SELECT source_id, destination_id FROM relationship WHERE active = 1 AND type_id = 116680003;
CREATE INDEX ON is_a (source_id);
CREATE UNLOGGED TABLE closure AS
  WITH RECURSIVE up(sub, sup) AS (
    SELECT source_id, destination_id FROM is_a
    UNION
    SELECT up.sub, i.destination_id FROM up JOIN is_a i ON i.source_id = up.sup)
  SELECT sub, sup FROM up;
ALTER TABLE closure ADD PRIMARY KEY (sub, sup);
CREATE INDEX ON closure (sup, sub);
CREATE INDEX description_tsv ON description USING gin (to_tsvector('simple', term)) WHERE active = 1;
CREATE INDEX description_trgm ON description USING gin (lower(term) gin_trgm_ops) WHERE active = 1;
CREATE UNLOGGED TABLE concept_n AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM concept WHERE active = 1;
ALTER TABLE concept_n ADD PRIMARY KEY (n);
VACUUM ANALYZE;
SELECT count(*) AS closure_rows FROM closure;
SELECT pg_size_pretty(pg_database_size(current_database())) AS database_size;
