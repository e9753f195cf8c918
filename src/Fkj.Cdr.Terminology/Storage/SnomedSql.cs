namespace Fkj.Cdr.Terminology.Storage;

/// <summary>
/// Every statement of the terminology tables (migration 0007_snomed.sql), in one place. Values are always parameters
/// or COPY data, never SQL text.
/// </summary>
internal static class SnomedSql
{
    // The import's staging tables: the columns of the component tables without their keys, so rows of several
    // releases (and repeats) land as they are; the merge keeps one row per id. Temporary: not WAL-logged, dropped at
    // commit or rollback.
    public const string CreateStaging = """
        SET LOCAL work_mem = '256MB';
        CREATE TEMP TABLE stage_concept (LIKE snomed_concept) ON COMMIT DROP;
        CREATE TEMP TABLE stage_description (LIKE snomed_description) ON COMMIT DROP;
        CREATE TEMP TABLE stage_relationship (LIKE snomed_relationship) ON COMMIT DROP;
        CREATE TEMP TABLE stage_concrete_value (LIKE snomed_concrete_value) ON COMMIT DROP;
        CREATE TEMP TABLE stage_refset_member (LIKE snomed_refset_member) ON COMMIT DROP;
        """;

    public const string CopyConcepts =
        "COPY stage_concept (id, effective_time, active, module_id, definition_status_id) FROM STDIN (FORMAT BINARY)";

    public const string CopyDescriptions =
        "COPY stage_description (id, effective_time, active, module_id, concept_id, language_code, type_id, term, case_significance_id, text_definition) FROM STDIN (FORMAT BINARY)";

    public const string CopyRelationships =
        "COPY stage_relationship (id, effective_time, active, module_id, source_id, destination_id, relationship_group, type_id, characteristic_type_id, modifier_id) FROM STDIN (FORMAT BINARY)";

    public const string CopyConcreteValues =
        "COPY stage_concrete_value (id, effective_time, active, module_id, source_id, value, relationship_group, type_id, characteristic_type_id) FROM STDIN (FORMAT BINARY)";

    public const string CopyRefsetMembers =
        "COPY stage_refset_member (id, effective_time, active, module_id, refset_id, referenced_component_id, fields) FROM STDIN (FORMAT BINARY)";

    // A refset's kind and columns change only when a file says otherwise (another release's file name alone is no change).
    public const string UpsertRefset = """
        INSERT INTO snomed_refset AS t (refset_id, kind, file_name, columns) VALUES (@refset_id, @kind, @file_name, @columns)
        ON CONFLICT (refset_id) DO UPDATE SET kind = EXCLUDED.kind, file_name = EXCLUDED.file_name, columns = EXCLUDED.columns
        WHERE (t.kind, t.columns) IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.columns)
        """;

    // The merges: of the staged rows of one id the latest effectiveTime; it replaces the stored row only when newer.
    // The row count is what is new or newer.
    public const string MergeConcepts = """
        INSERT INTO snomed_concept AS t
        SELECT DISTINCT ON (id) * FROM stage_concept ORDER BY id, effective_time DESC
        ON CONFLICT (id) DO UPDATE SET effective_time = EXCLUDED.effective_time, active = EXCLUDED.active,
            module_id = EXCLUDED.module_id, definition_status_id = EXCLUDED.definition_status_id
        WHERE EXCLUDED.effective_time > t.effective_time
        """;

    public const string MergeDescriptions = """
        INSERT INTO snomed_description AS t
        SELECT DISTINCT ON (id) * FROM stage_description ORDER BY id, effective_time DESC
        ON CONFLICT (id) DO UPDATE SET effective_time = EXCLUDED.effective_time, active = EXCLUDED.active,
            module_id = EXCLUDED.module_id, concept_id = EXCLUDED.concept_id, language_code = EXCLUDED.language_code,
            type_id = EXCLUDED.type_id, term = EXCLUDED.term, case_significance_id = EXCLUDED.case_significance_id,
            text_definition = EXCLUDED.text_definition
        WHERE EXCLUDED.effective_time > t.effective_time
        """;

    public const string MergeRelationships = """
        INSERT INTO snomed_relationship AS t
        SELECT DISTINCT ON (id) * FROM stage_relationship ORDER BY id, effective_time DESC
        ON CONFLICT (id) DO UPDATE SET effective_time = EXCLUDED.effective_time, active = EXCLUDED.active,
            module_id = EXCLUDED.module_id, source_id = EXCLUDED.source_id, destination_id = EXCLUDED.destination_id,
            relationship_group = EXCLUDED.relationship_group, type_id = EXCLUDED.type_id,
            characteristic_type_id = EXCLUDED.characteristic_type_id, modifier_id = EXCLUDED.modifier_id
        WHERE EXCLUDED.effective_time > t.effective_time
        """;

    public const string MergeConcreteValues = """
        INSERT INTO snomed_concrete_value AS t
        SELECT DISTINCT ON (id) * FROM stage_concrete_value ORDER BY id, effective_time DESC
        ON CONFLICT (id) DO UPDATE SET effective_time = EXCLUDED.effective_time, active = EXCLUDED.active,
            module_id = EXCLUDED.module_id, source_id = EXCLUDED.source_id, value = EXCLUDED.value,
            relationship_group = EXCLUDED.relationship_group, type_id = EXCLUDED.type_id,
            characteristic_type_id = EXCLUDED.characteristic_type_id
        WHERE EXCLUDED.effective_time > t.effective_time
        """;

    public const string MergeRefsetMembers = """
        INSERT INTO snomed_refset_member AS t
        SELECT DISTINCT ON (id) * FROM stage_refset_member ORDER BY id, effective_time DESC
        ON CONFLICT (id) DO UPDATE SET effective_time = EXCLUDED.effective_time, active = EXCLUDED.active,
            module_id = EXCLUDED.module_id, refset_id = EXCLUDED.refset_id,
            referenced_component_id = EXCLUDED.referenced_component_id, fields = EXCLUDED.fields
        WHERE EXCLUDED.effective_time > t.effective_time
        """;

    // The graph the closure is computed from: active inferred IS-A rows between known concepts (as the index's), and
    // which concepts are active (each gets its reflexive row).
    public const string IsaEdges = """
        COPY (SELECT r.source_id, r.destination_id FROM snomed_relationship r
              WHERE r.active AND r.type_id = 116680003 AND r.characteristic_type_id <> 900000000000010007
                AND EXISTS (SELECT FROM snomed_concept c WHERE c.id = r.source_id)
                AND EXISTS (SELECT FROM snomed_concept c WHERE c.id = r.destination_id))
        TO STDOUT (FORMAT BINARY)
        """;

    public const string ConceptsForClosure = "COPY (SELECT id, active FROM snomed_concept ORDER BY id) TO STDOUT (FORMAT BINARY)";

    public const string ClearClosure = "TRUNCATE snomed_isa_closure";

    public const string CopyClosure = "COPY snomed_isa_closure (ancestor_id, descendant_id) FROM STDIN (FORMAT BINARY)";

    public const string ClosureIsEmpty = "SELECT NOT EXISTS (SELECT FROM snomed_isa_closure) AND EXISTS (SELECT FROM snomed_concept)";

    public const string InsertImport = """
        INSERT INTO snomed_import (id, name, files, counts, started_at, finished_at)
        VALUES (@id, @name, @files::jsonb, @counts::jsonb, @started_at, now())
        """;

    public const string FindImport = "SELECT name, files::text, counts::text, started_at, finished_at FROM snomed_import WHERE id = @id";

    public const string HasRelease = "SELECT EXISTS (SELECT FROM snomed_concept)";

    public const string Counts = """
        SELECT (SELECT count(*) FROM snomed_concept), (SELECT count(*) FROM snomed_description),
               (SELECT count(*) FROM snomed_relationship), (SELECT count(*) FROM snomed_concrete_value),
               (SELECT count(*) FROM snomed_refset), (SELECT count(*) FROM snomed_refset_member),
               (SELECT count(*) FROM snomed_isa_closure), (SELECT count(*) FROM snomed_import)
        """;

    // The reader (SnomedTableSource): every table streamed out by binary COPY.
    public const string ReadConcepts =
        "COPY (SELECT id, effective_time, active, module_id, definition_status_id FROM snomed_concept) TO STDOUT (FORMAT BINARY)";

    public const string ReadDescriptions =
        "COPY (SELECT id, effective_time, active, module_id, concept_id, language_code, type_id, term, case_significance_id FROM snomed_description WHERE text_definition = {0}) TO STDOUT (FORMAT BINARY)";

    public const string ReadRelationships =
        "COPY (SELECT id, effective_time, active, module_id, source_id, destination_id, relationship_group, type_id, characteristic_type_id, modifier_id FROM snomed_relationship) TO STDOUT (FORMAT BINARY)";

    public const string ReadConcreteValues =
        "COPY (SELECT id, effective_time, active, module_id, source_id, value, relationship_group, type_id, characteristic_type_id FROM snomed_concrete_value) TO STDOUT (FORMAT BINARY)";

    public const string ReadRefsets = "SELECT refset_id, file_name, columns FROM snomed_refset WHERE kind = @kind";

    // {0} is a kind name from SnomedStore.KindName (a fixed set of words, never input): COPY takes no parameters.
    public const string ReadRefsetMembers = """
        COPY (SELECT m.id, m.effective_time, m.active, m.module_id, m.refset_id, m.referenced_component_id, m.fields
              FROM snomed_refset_member m JOIN snomed_refset r USING (refset_id) WHERE r.kind = '{0}')
        TO STDOUT (FORMAT BINARY)
        """;
}
