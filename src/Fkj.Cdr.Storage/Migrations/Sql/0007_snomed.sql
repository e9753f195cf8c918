-- 0007 SNOMED CT: the RF2 Snapshot rows of the imported releases (an International release and national extensions
-- together), kept for durability and so that AQL can join a large ECL set against the IS-A closure. The server answers
-- terminology queries from its in-process index (Fkj.Cdr.Terminology.Index), which it builds from these tables at start
-- and after an import (docs/terminology.md).
--
-- Terminology is reference data shared by every tenant: these tables are NOT per tenant and have no row-level
-- security. Citus: reference tables (SELECT create_reference_table('snomed_concept'), ... for each), copied to every
-- node, so a query on any worker can join its leaf values against the closure.
--
-- Written only by the import (Fkj.Cdr.Terminology.Storage.SnomedStore, as the migrating role, in one transaction per
-- import); fkj_app may only read. Each component table is keyed by the component id and holds one row per component:
-- the row with the latest effectiveTime among every release imported (a later import replaces a row only with a newer
-- one), so importing the same release again changes nothing.

CREATE TABLE snomed_concept (
    id                   bigint  PRIMARY KEY,
    effective_time       integer NOT NULL,
    active               boolean NOT NULL,
    module_id            bigint  NOT NULL,
    definition_status_id bigint  NOT NULL
);

-- Descriptions (FSN, synonyms) and text definitions in one table; text_definition says which file a row came from.
CREATE TABLE snomed_description (
    id                   bigint  PRIMARY KEY,
    effective_time       integer NOT NULL,
    active               boolean NOT NULL,
    module_id            bigint  NOT NULL,
    concept_id           bigint  NOT NULL,
    language_code        text    NOT NULL,
    type_id              bigint  NOT NULL,
    term                 text    NOT NULL,
    case_significance_id bigint  NOT NULL,
    text_definition      boolean NOT NULL
);
CREATE INDEX snomed_description_concept ON snomed_description (concept_id);

-- The inferred relationships (sct2_Relationship_ files; stated relationships are not kept).
CREATE TABLE snomed_relationship (
    id                     bigint  PRIMARY KEY,
    effective_time         integer NOT NULL,
    active                 boolean NOT NULL,
    module_id              bigint  NOT NULL,
    source_id              bigint  NOT NULL,
    destination_id         bigint  NOT NULL,
    relationship_group     integer NOT NULL,
    type_id                bigint  NOT NULL,
    characteristic_type_id bigint  NOT NULL,
    modifier_id            bigint  NOT NULL
);
CREATE INDEX snomed_relationship_source ON snomed_relationship (source_id);

-- Concrete values as written in the file: #5, #0.5, "text".
CREATE TABLE snomed_concrete_value (
    id                     bigint  PRIMARY KEY,
    effective_time         integer NOT NULL,
    active                 boolean NOT NULL,
    module_id              bigint  NOT NULL,
    source_id              bigint  NOT NULL,
    value                  text    NOT NULL,
    relationship_group     integer NOT NULL,
    type_id                bigint  NOT NULL,
    characteristic_type_id bigint  NOT NULL
);
CREATE INDEX snomed_concrete_value_source ON snomed_concrete_value (source_id);

-- Each reference set: its kind (language, association, map, simple, other: from the file's columns), the file it last
-- came from and that file's column names, which name the members' fields (columns[7:] name fields[1:]).
CREATE TABLE snomed_refset (
    refset_id bigint PRIMARY KEY,
    kind      text   NOT NULL CHECK (kind IN ('language', 'association', 'map', 'simple', 'other')),
    file_name text   NOT NULL,
    columns   text[] NOT NULL
);

-- Reference set members (der2_ files): the six common columns, then the refset's own fields as written.
CREATE TABLE snomed_refset_member (
    id                      uuid    PRIMARY KEY,
    effective_time          integer NOT NULL,
    active                  boolean NOT NULL,
    module_id               bigint  NOT NULL,
    refset_id               bigint  NOT NULL REFERENCES snomed_refset (refset_id),
    referenced_component_id bigint  NOT NULL,
    fields                  text[]  NOT NULL
);
CREATE INDEX snomed_refset_member_refset ON snomed_refset_member (refset_id, referenced_component_id);
CREATE INDEX snomed_refset_member_component ON snomed_refset_member (referenced_component_id);

-- The transitive closure of the active inferred IS-A relationships of the active concepts, reflexive: a row (c, c)
-- for every active concept, so << X is one index range (ancestor_id = X) and < X adds descendant_id <> X.
-- Recomputed whole by an import that changed relationships or concepts.
CREATE TABLE snomed_isa_closure (
    ancestor_id   bigint NOT NULL,
    descendant_id bigint NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX snomed_isa_closure_descendant ON snomed_isa_closure (descendant_id, ancestor_id);

-- One row per import run: what was imported (each file's name, size and SHA-256), how many rows were read and how
-- many were new or newer, when it started and finished. A run that changed nothing is recorded too.
CREATE TABLE snomed_import (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    files       jsonb       NOT NULL,
    counts      jsonb       NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL
);

REVOKE ALL ON snomed_concept, snomed_description, snomed_relationship, snomed_concrete_value, snomed_refset,
    snomed_refset_member, snomed_isa_closure, snomed_import FROM PUBLIC;
GRANT SELECT ON snomed_concept, snomed_description, snomed_relationship, snomed_concrete_value, snomed_refset,
    snomed_refset_member, snomed_isa_closure, snomed_import TO fkj_app;
