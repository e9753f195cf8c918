-- 0006 AQL over what only the documents hold: LOCATABLE names, parties, context attributes, a coded text's
-- value, folders. The query index (leaf_value) keeps a version's data values and, per value, the pre-order numbers
-- of the LOCATABLEs above it (ancestors); these functions find a node of a stored document by those numbers, and
-- list a directory's folders with theirs, so that a compiled query can compare, sort and aggregate such values in
-- SQL. Numbering is the index's: the root is 0, then every object that has an archetype_node_id, in the order the
-- document is written (the RM's attribute order, which the codec writes and jsonb would not keep).

-- The node of a document (compact canonical JSON) whose pre-order numbers from below the root down to it are
-- anchor (big-endian 16-bit numbers, as leaf_value.ancestors); the root when anchor is empty; NULL when there is
-- no such node. It descends one level at a time, skipping each child by the count of archetype_node_id keys in it.
CREATE FUNCTION aql_node(document text, anchor bytea) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    node   json;
    base   integer := 0;
    target integer;
    i      integer := 0;
    child  text;
    n      integer;
    found  boolean;
    moved  boolean;
BEGIN
    IF document IS NULL OR anchor IS NULL THEN
        RETURN NULL;
    END IF;
    node := document::json;
    WHILE i + 1 < length(anchor) LOOP
        target := (get_byte(anchor, i) << 8) | get_byte(anchor, i + 1);
        i := i + 2;
        found := false;
        WHILE NOT found LOOP
            moved := false;
            FOR child IN
                SELECT e.value::text FROM json_each(CASE WHEN left(node::text, 1) = '{' THEN node END) AS e
                UNION ALL
                SELECT e.value::text FROM json_array_elements(CASE WHEN left(node::text, 1) = '[' THEN node END) AS e
            LOOP
                CONTINUE WHEN left(child, 1) NOT IN ('{', '[');
                n := array_length(string_to_array(child, '"archetype_node_id":'), 1) - 1;
                CONTINUE WHEN n = 0;
                IF target <= base + n THEN
                    node := child::json;
                    IF left(child, 1) = '{' AND node -> 'archetype_node_id' IS NOT NULL THEN
                        base := base + 1;
                        found := base = target;
                    END IF;
                    moved := true;
                    EXIT;
                END IF;
                base := base + n;
            END LOOP;
            IF NOT moved THEN
                RETURN NULL;
            END IF;
        END LOOP;
    END LOOP;
    RETURN node::jsonb;
END
$$;

-- Every FOLDER of a directory version's document: its anchor (as aql_node takes it: empty for the root), the folder,
-- and the versioned objects its items and those of the folders below it refer to (the UUID of each OBJECT_REF id,
-- without a version part; ids that are not UUIDs are left out).
CREATE FUNCTION aql_folders(document text) RETURNS TABLE (anchor bytea, folder jsonb, items uuid[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH RECURSIVE f (anchor, number, folder) AS (
        SELECT ''::bytea, 0, document::jsonb
        UNION ALL
        SELECT f.anchor || int2send(n.number::smallint), n.number, s.value
        FROM f
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.folder -> 'folders') = 'array' THEN f.folder -> 'folders' END) WITH ORDINALITY AS s (value, o)
        CROSS JOIN LATERAL (
            -- In pre-order a sub-folder comes after its parent and every LOCATABLE of the sub-folders before it
            -- (FOLDER's folders come before its details in the RM).
            SELECT f.number + 1 + coalesce(sum(array_length(string_to_array(p.value::text, '"archetype_node_id": '), 1) - 1), 0)::integer AS number
            FROM jsonb_array_elements(f.folder -> 'folders') WITH ORDINALITY AS p (value, o)
            WHERE p.o < s.o
        ) AS n
    )
    SELECT f.anchor, f.folder, ARRAY(
        SELECT DISTINCT split_part(v.value #>> '{}', '::', 1)::uuid
        FROM jsonb_path_query(f.folder, 'strict $.**.items[*].id.value') AS v (value)
        WHERE v.value #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(::|$)')
    FROM f
$$;
