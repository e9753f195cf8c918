using System.Globalization;
using System.Text;
using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// Compiles a <see cref="QueryPlan"/> to one parameterised SQL statement over the storage (migrations 0003, 0006):
/// <list type="bullet">
/// <item>FROM becomes a relation with one row per combination of variable instances. An instance of a node is
/// (EHR, version key, ancestors prefix), found through the leaf rows of the catalogued paths that pass through it;
/// a folder is found by walking the directory's document (<c>aql_folders</c>). <c>A CONTAINS B</c> is "same
/// version, and B's prefix starts with A's" (for a folder and a composition: the folder or one below it refers to
/// it); <c>NOT CONTAINS</c> a NOT EXISTS; AND a join on the container, OR left joins of which one must match. Only
/// latest, undeleted versions take part unless a VERSION says ALL_VERSIONS. A name or standard predicate in FROM is
/// checked against the instance's node in the document.</item>
/// <item>Every path is a LEFT JOIN of its own (one row per value: several values give one row per combination),
/// reading leaf_value by path ids; WHERE, ORDER BY, aggregates and functions use its typed column (num, text,
/// term), or, for what only the document holds (names, parties, a coded text's value), the value read from the
/// document in SQL (<c>aql_node</c> and an SQL/JSON path).</item>
/// <item>Values never appear in the SQL text: literals, path ids, JSON paths, the tenant and paging are parameters.</item>
/// </list>
/// </summary>
public sealed partial class SqlCompiler
{
    /// <summary>How a SQL expression's value compares: what a literal beside it is converted to.</summary>
    private enum SqlType
    {
        /// <summary>text</summary>
        Text,
        /// <summary>double precision</summary>
        Number,
        /// <summary>seconds since the epoch (a date or date-time of the index)</summary>
        Instant,
        /// <summary>seconds since midnight</summary>
        TimeOfDay,
        /// <summary>a boolean of the index: 1 or 0</summary>
        NumBoolean,
        /// <summary>uuid</summary>
        Uuid,
        /// <summary>a SQL boolean</summary>
        Boolean,
        /// <summary>jsonb: an object of the document, which only exists or not</summary>
        Json,
    }

    /// <summary>
    /// A SQL expression with its type; <paramref name="Instant"/> is the same value as epoch seconds, where a text has one
    /// (CURRENT_DATE()); <paramref name="Json"/> the jsonb it was read from, for a value of a document.
    /// </summary>
    private sealed record Typed(string Sql, SqlType Type, NumMeaning Meaning = NumMeaning.Number, string? Instant = null, string? Json = null);

    private readonly QueryPlan _plan;
    private readonly List<SqlParameterSpec> _parameters = [];
    private readonly HashSet<string> _queryParameterNames = new(StringComparer.Ordinal);
    private readonly HashSet<PlanVariable> _documents = [];
    private readonly HashSet<PlanVariable> _rootJson = [];
    private int _aliases;
    private string? _ehrParameter;
    private string? _systemIdParameter;

    private SqlCompiler(QueryPlan plan) => _plan = plan;

    public static CompiledQuery Compile(string text, QueryPlan plan) => new SqlCompiler(plan).Run(text);

    private CompiledQuery Run(string text)
    {
        var query = _plan.Query;
        Add(ParameterSource.Tenant, name: "tenant");
        if (_plan.EhrIdFilter is { } ehrFilter)
        {
            _ehrParameter = Bind(ehrFilter, ValueConversion.Uuid);
        }

        FindAnchors(query);
        FindExistsTests(query);
        var from = query.From.Contains switch
        {
            Containment c => Relation(c).Sql,
            ContainsAnd and => CrossJoin(and),
            var other => throw new AqlSemanticException("A FROM clause that starts with OR is not supported yet.", other.Span, unsupported: true),
        };

        // WHERE first: it decides which extra joins (documents, EHR columns) the statement needs.
        var where = query.Where is { } w ? Condition(w.Condition) : null;
        var hasAggregates = _plan.Columns.Any(c => c.Kind == OutputKind.Aggregate);
        var select = new List<string>();
        var readers = new List<ColumnReader>();
        var groupBy = new List<string>();
        foreach (var column in _plan.Columns)
        {
            readers.Add(Output(column, select, hasAggregates, groupBy));
        }
        var orderBy = query.OrderBy is { } o ? OrderBy(o, readers) : null;

        var ehrOrdinal = -1;
        if (!hasAggregates && _plan.Variables.Count > 0)
        {
            ehrOrdinal = select.Count;
            select.Add($"f.v{_plan.Variables[0].Index}_e");
        }

        // The joins of the values, which may read the documents (joined before them).
        var joins = new StringBuilder();
        foreach (var source in _plan.Sources)
        {
            Join(joins, source);
        }

        var sql = new StringBuilder(1024);
        sql.Append("SELECT ").AppendJoin(", ", select.Count > 0 ? select : ["1"]).Append('\n');
        sql.Append("FROM (").Append(from).Append(") AS f\n");
        foreach (var owner in _documents.Concat(_rootJson).Distinct().OrderBy(v => v.Index))
        {
            sql.Append($"LEFT JOIN object_version d{owner.Index} ON d{owner.Index}.tenant_id = @tenant AND d{owner.Index}.ehr_id = f.v{owner.Index}_e AND d{owner.Index}.version_key = f.v{owner.Index}_vk\n");
        }
        foreach (var owner in _rootJson.OrderBy(v => v.Index))
        {
            sql.Append($"LEFT JOIN LATERAL (SELECT d{owner.Index}.document::jsonb AS j) AS dj{owner.Index} ON true\n");
        }
        sql.Append(joins);
        if (where is not null) sql.Append("WHERE ").Append(where).Append('\n');
        if (groupBy.Count > 0) sql.Append("GROUP BY ").AppendJoin(", ", groupBy).Append('\n');
        if (orderBy is not null) sql.Append("ORDER BY ").Append(orderBy).Append('\n');

        var distinct = query.Select.Distinct;
        if (!distinct)
        {
            Add(ParameterSource.Limit, name: "limit");
            Add(ParameterSource.Offset, name: "offset");
            sql.Append("LIMIT @limit OFFSET @offset");
        }

        return new CompiledQuery
        {
            Text = text,
            Plan = _plan,
            Sql = sql.ToString(),
            Parameters = _parameters,
            Readers = readers,
            EhrOrdinal = ehrOrdinal,
            PagesInProcess = distinct,
            QueryLimit = query.Limit?.Limit ?? query.Top?.Count,
            QueryOffset = query.Limit?.Offset ?? 0,
            ParameterNames = _queryParameterNames,
        };
    }

    // FROM ---------------------------------------------------------------------------------------------------

    private sealed record Rel(string Sql, List<string> Columns);

    /// <summary>The columns that identify an instance (compared when relations are joined on it).</summary>
    private static List<string> KeyColumns(PlanVariable v) =>
        v.Kind == VariableKind.Ehr ? [$"v{v.Index}_e"] : [$"v{v.Index}_e", $"v{v.Index}_vk", $"v{v.Index}_p"];

    /// <summary>The columns an instance carries: its key, and for a folder the compositions it refers to and its node.</summary>
    private List<string> OwnColumns(PlanVariable v) => v.Kind == VariableKind.Folder
        ? [.. KeyColumns(v), $"v{v.Index}_items", $"v{v.Index}_j"]
        : _anchors.ContainsKey(v) ? [.. KeyColumns(v), .. AnchorColumns(v)] : KeyColumns(v);

    private string CrossJoin(ContainsAnd and)
    {
        var parts = new List<(string Alias, Rel Rel)>();
        foreach (var operand in and.Operands)
        {
            if (operand is not Containment c)
            {
                throw new AqlSemanticException("Nested AND/OR at the top of FROM is not supported yet.", operand.Span, unsupported: true);
            }
            parts.Add(($"r{_aliases++}", Relation(c)));
        }
        var columns = parts.SelectMany(p => p.Rel.Columns.Select(c => $"{p.Alias}.{c}"));
        return $"SELECT {string.Join(", ", columns)} FROM {string.Join(" CROSS JOIN ", parts.Select(p => $"({p.Rel.Sql}) AS {p.Alias}"))}";
    }

    private Rel Relation(Containment containment)
    {
        var variable = _plan.ByClass[containment.Class];
        if (containment.Contained is null) return Instances(variable);
        if (!containment.Negated) return Contained(variable, containment.Contained);
        // x NOT CONTAINS E: the instances of x for which E finds nothing inside.
        var own = OwnColumns(variable);
        var keys = KeyColumns(variable);
        var inner = Contained(variable, containment.Contained);
        var (xa, ra) = ($"r{_aliases++}", $"r{_aliases++}");
        var sql = $"SELECT {string.Join(", ", own.Select(k => $"{xa}.{k}"))} FROM ({Instances(variable).Sql}) AS {xa} " +
                  $"WHERE NOT EXISTS (SELECT 1 FROM ({inner.Sql}) AS {ra} WHERE {string.Join(" AND ", keys.Select(k => $"{ra}.{k} = {xa}.{k}"))})";
        return new Rel(sql, own);
    }

    private Rel Contained(PlanVariable x, ContainsExpression expression)
    {
        var own = OwnColumns(x);
        var keys = KeyColumns(x);
        switch (expression)
        {
            case Containment c:
            {
                var y = _plan.ByClass[c.Class];
                var inner = Relation(c);
                var (xa, ya) = ($"r{_aliases++}", $"r{_aliases++}");
                var columns = own.Concat(inner.Columns).ToList();
                if (!_anchors.ContainsKey(x) && DerivedFrom(x, y, ya) is { } derived)
                {
                    return new Rel($"SELECT {derived}, {string.Join(", ", inner.Columns.Select(k => $"{ya}.{k}"))} FROM ({inner.Sql}) AS {ya}", columns);
                }
                var sql = $"SELECT {string.Join(", ", own.Select(k => $"{xa}.{k}").Concat(inner.Columns.Select(k => $"{ya}.{k}")))} " +
                          $"FROM ({Instances(x).Sql}) AS {xa} JOIN ({inner.Sql}) AS {ya} ON {ContainsCondition(x, xa, y, ya)}";
                return new Rel(sql, columns);
            }
            case ContainsAnd and:
            {
                var parts = and.Operands.Select(e => (Alias: $"r{_aliases++}", Rel: Contained(x, e))).ToList();
                var first = parts[0].Alias;
                var columns = new List<string>(own);
                var select = own.Select(k => $"{first}.{k}").ToList();
                var sql = new StringBuilder($"FROM ({parts[0].Rel.Sql}) AS {first}");
                foreach (var (alias, rel) in parts)
                {
                    if (alias != first)
                    {
                        sql.Append($" JOIN ({rel.Sql}) AS {alias} ON ").AppendJoin(" AND ", keys.Select(k => $"{alias}.{k} = {first}.{k}"));
                    }
                    foreach (var k in rel.Columns.Skip(own.Count))
                    {
                        columns.Add(k);
                        select.Add($"{alias}.{k}");
                    }
                }
                return new Rel($"SELECT {string.Join(", ", select)} {sql}", columns);
            }
            case ContainsOr or:
            {
                var xa = $"r{_aliases++}";
                var parts = or.Operands.Select(e => (Alias: $"r{_aliases++}", Rel: Contained(x, e))).ToList();
                var columns = new List<string>(own);
                var select = own.Select(k => $"{xa}.{k}").ToList();
                var sql = new StringBuilder($"FROM ({Instances(x).Sql}) AS {xa}");
                foreach (var (alias, rel) in parts)
                {
                    sql.Append($" LEFT JOIN ({rel.Sql}) AS {alias} ON ").AppendJoin(" AND ", keys.Select(k => $"{alias}.{k} = {xa}.{k}"));
                    foreach (var k in rel.Columns.Skip(own.Count))
                    {
                        columns.Add(k);
                        select.Add($"{alias}.{k}");
                    }
                }
                sql.Append(" WHERE ").AppendJoin(" OR ", parts.Select(p => $"{p.Alias}.{keys[0]} IS NOT NULL"));
                return new Rel($"SELECT {string.Join(", ", select)} {sql}", columns);
            }
            default:
                throw new InvalidOperationException($"Unknown containment {expression.GetType().Name}");
        }
    }

    private string ContainsCondition(PlanVariable x, string xa, PlanVariable y, string ya)
    {
        var (xi, yi) = (x.Index, y.Index);
        var condition = $"{ya}.v{yi}_e = {xa}.v{xi}_e";
        if (x.Kind == VariableKind.Ehr) return condition;
        if (x.Kind == VariableKind.Folder && y.Kind != VariableKind.Folder)
        {
            // A folder contains the compositions that it, or a folder below it, refers to.
            return condition + $" AND EXISTS (SELECT 1 FROM object_version fc WHERE fc.tenant_id = @tenant AND fc.ehr_id = {ya}.v{yi}_e " +
                   $"AND fc.version_key = {ya}.v{yi}_vk AND fc.object_id = ANY({xa}.v{xi}_items))";
        }
        condition += $" AND {ya}.v{yi}_vk = {xa}.v{xi}_vk";
        if (x.Kind == VariableKind.Version) return condition;
        condition += $" AND substring({ya}.v{yi}_p from 1 for length({xa}.v{xi}_p)) = {xa}.v{xi}_p";
        if (y.IsLocatable) condition += $" AND length({ya}.v{yi}_p) > length({xa}.v{xi}_p)";
        return condition;
    }

    private string EhrScan(string alias) => _ehrParameter is null ? "" : $" AND {alias}.ehr_id = @{_ehrParameter}";

    private Rel Instances(PlanVariable v)
    {
        var i = v.Index;
        switch (v.Kind)
        {
            case VariableKind.Ehr:
                return new Rel($"SELECT e.ehr_id AS v{i}_e FROM ehr e WHERE e.tenant_id = @tenant{EhrScan("e")}", OwnColumns(v));
            case VariableKind.Version:
                var latest = v.LatestOnly
                    ? " JOIN latest_version lv ON lv.tenant_id = ov.tenant_id AND lv.version_key = ov.version_key AND NOT lv.deleted"
                    : "";
                var conditions = new StringBuilder();
                if (v.Filters.Count > 0)
                {
                    // Standard predicates on the version and its contribution.
                    latest += " JOIN contribution oc ON oc.tenant_id = ov.tenant_id AND oc.ehr_id = ov.ehr_id AND oc.contribution_id = ov.contribution_id";
                    foreach (var filter in v.Filters)
                    {
                        var column = VersionValue(QueryAnalyzer.VersionColumn(filter.Path, filter.Value.Span), "ov", "oc")!;
                        conditions.Append($" AND {column.Sql} {Operator(filter.Operator)} @{Bind(filter.Value, Conversion(column.Type))}");
                    }
                }
                return new Rel($"SELECT ov.ehr_id AS v{i}_e, ov.version_key AS v{i}_vk, ''::bytea AS v{i}_p FROM object_version ov{latest} " +
                               $"WHERE ov.tenant_id = @tenant AND ov.document IS NOT NULL{EhrScan("ov")}{conditions}", OwnColumns(v));
            case VariableKind.Folder:
            {
                // Every folder of the latest version of each directory, with its anchor (pre-order numbers, as the index's).
                var type = Add(ParameterSource.Constant, "FOLDER");
                var sql = new StringBuilder(
                    $"SELECT fo.ehr_id AS v{i}_e, fo.version_key AS v{i}_vk, a.anchor AS v{i}_p, a.items AS v{i}_items, a.folder AS v{i}_j FROM object_version fo " +
                    "JOIN latest_version flv ON flv.tenant_id = fo.tenant_id AND flv.ehr_id = fo.ehr_id AND flv.version_key = fo.version_key AND NOT flv.deleted " +
                    $"JOIN versioned_object fvo ON fvo.tenant_id = fo.tenant_id AND fvo.ehr_id = fo.ehr_id AND fvo.object_id = fo.object_id AND fvo.rm_type = @{type} " +
                    $"CROSS JOIN LATERAL aql_folders(fo.document) AS a WHERE fo.tenant_id = @tenant{EhrScan("fo")}");
                if (v.ArchetypeId is { } id)
                {
                    sql.Append($" AND a.folder ->> 'archetype_node_id' = @{Add(ParameterSource.Constant, id)}");
                }
                foreach (var filter in v.Filters)
                {
                    sql.Append(" AND ").Append(Filter(filter, "a.folder"));
                }
                return new Rel(sql.ToString(), OwnColumns(v));
            }
            default:
            {
                var depths = v.Instances.Select(m => m.Depth).Distinct().ToList();
                string sql;
                if (_anchors.TryGetValue(v, out var anchor))
                {
                    return new Rel(AnchoredInstances(v, depths[0], anchor), OwnColumns(v));
                }
                else if (depths.Count <= 1)
                {
                    var ids = PathIds(v.Instances.Select(m => m.PathId));
                    var prefix = depths.Count == 0 || depths[0] == 0 ? "''::bytea" : $"substring(l.ancestors from 1 for {depths[0] * 2})";
                    sql = $"SELECT DISTINCT l.ehr_id AS v{i}_e, l.version_key AS v{i}_vk, {prefix} AS v{i}_p FROM leaf_value l" +
                          $"{LatestJoin(v, "l")} WHERE l.tenant_id = @tenant AND l.path_id {ids}{EhrScan("l")}";
                }
                else
                {
                    var pathIds = Add(ParameterSource.Constant, v.Instances.Select(m => m.PathId).ToArray());
                    var depthList = Add(ParameterSource.Constant, v.Instances.Select(m => m.Depth).ToArray());
                    sql = $"SELECT DISTINCT l.ehr_id AS v{i}_e, l.version_key AS v{i}_vk, substring(l.ancestors from 1 for m.d * 2) AS v{i}_p FROM leaf_value l " +
                          $"JOIN unnest(@{pathIds}::integer[], @{depthList}::integer[]) AS m(path_id, d) ON m.path_id = l.path_id" +
                          $"{LatestJoin(v, "l")} WHERE l.tenant_id = @tenant{EhrScan("l")}";
                }
                if (v.Filters.Count == 0)
                {
                    return new Rel(sql, OwnColumns(v));
                }
                // A name or standard predicate: checked on the instance's node in its document.
                var node = depths.All(d => d == 0) ? "nd.document::jsonb" : $"aql_node(nd.document, ni.v{i}_p)";
                var filtered = new StringBuilder($"SELECT ni.v{i}_e, ni.v{i}_vk, ni.v{i}_p FROM ({sql}) AS ni JOIN object_version nd ON nd.tenant_id = @tenant " +
                                                 $"AND nd.ehr_id = ni.v{i}_e AND nd.version_key = ni.v{i}_vk CROSS JOIN LATERAL (SELECT {node} AS j) AS nj WHERE true");
                foreach (var filter in v.Filters)
                {
                    filtered.Append(" AND ").Append(Filter(filter, "nj.j"));
                }
                return new Rel(filtered.ToString(), OwnColumns(v));
            }
        }
    }

    /// <summary>A FROM predicate's condition on a node (a jsonb expression): the value at its path compared with a literal or parameter.</summary>
    private string Filter(InstanceFilter filter, string node)
    {
        var path = Add(ParameterSource.Constant, JsonPaths.Of(filter.Path));
        var value = $"jsonb_path_query_first({node}, @{path}::jsonpath)";
        // Typed by what the RM says the path ends at; the literal is converted to that (or refused).
        var (sql, conversion) = filter.Kind switch
        {
            RmAttributeKind.Integer or RmAttributeKind.Real => ($"({value} #>> '{{}}')::float8", ValueConversion.Number),
            RmAttributeKind.Boolean => ($"({value} #>> '{{}}')::boolean", ValueConversion.SqlBoolean),
            RmAttributeKind.Text => ($"({value} #>> '{{}}')", ValueConversion.Text),
            _ => throw new AqlSemanticException("This path ends at an object, which is not compared: name one of its values (.../value).", filter.Value.Span),
        };
        return $"{sql} {Operator(filter.Operator)} @{Bind(filter.Value, conversion)}";
    }

    /// <summary>
    /// Only rows of latest, undeleted versions. On version_key alone (an identity, unique in the database; migration 0008
    /// indexes it): with ehr_id as well PostgreSQL multiplies the two selectivities and estimates a handful of rows where
    /// there are hundreds of thousands, which turns an index walk for ORDER BY ... LIMIT into a sort of everything.
    /// </summary>
    private static string LatestJoin(PlanVariable v, string alias) => v.LatestOnly
        ? $" JOIN latest_version lv ON lv.tenant_id = {alias}.tenant_id AND lv.version_key = {alias}.version_key AND NOT lv.deleted"
        : "";

    // Value sources ------------------------------------------------------------------------------------------

    private void Join(StringBuilder sql, ValueSource source)
    {
        var s = source.Alias;
        var owner = source.Owner;
        var o = owner.Index;
        switch (source.Kind)
        {
            case SourceKind.Leaf when _existsTests.ContainsValue(source):
                break;
            case SourceKind.Leaf when IsAnchor(source):
                sql.Append(AnchorRow(source)).Append('\n');
                break;
            case SourceKind.Leaf when source.NamedSteps.Count == 0:
            {
                var ids = PathIds(source.Matches.Select(m => m.PathId));
                sql.Append($"LEFT JOIN (SELECT l.ehr_id, l.version_key, l.path_id, l.ancestors, l.num, l.text, l.term FROM leaf_value l " +
                           $"WHERE l.tenant_id = @tenant AND l.path_id {ids}{EhrScan("l")}) AS {s} ON {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk");
                sql.Append(PrefixTest(owner, $"{s}.ancestors")).Append('\n');
                break;
            }
            case SourceKind.Leaf:
            {
                // Steps with names: the rows of this version whose LOCATABLEs at those depths have them.
                var ids = PathIds(source.Matches.Select(m => m.PathId));
                sql.Append($"LEFT JOIN LATERAL (SELECT l.ehr_id, l.version_key, l.path_id, l.ancestors, l.num, l.text, l.term FROM leaf_value l " +
                           $"WHERE l.tenant_id = @tenant AND l.ehr_id = f.v{o}_e AND l.version_key = f.v{o}_vk AND l.path_id {ids}" +
                           $"{PrefixTest(owner, "l.ancestors")}{NamedSteps(source, "l.ancestors")}) AS {s} ON true\n");
                break;
            }
            case SourceKind.Node:
            {
                var ids = Add(ParameterSource.Constant, source.Matches.Select(m => m.PathId).ToArray());
                var depths = Add(ParameterSource.Constant, source.Matches.Select(m => m.AnchorDepth).ToArray());
                if (source.NamedSteps.Count == 0)
                {
                    sql.Append($"LEFT JOIN (SELECT DISTINCT ON (l.ehr_id, l.version_key, substring(l.ancestors from 1 for m.d * 2)) l.ehr_id, l.version_key, l.path_id, " +
                               $"substring(l.ancestors from 1 for m.d * 2) AS ancestors FROM leaf_value l " +
                               $"JOIN unnest(@{ids}::integer[], @{depths}::integer[]) AS m(path_id, d) ON m.path_id = l.path_id " +
                               $"WHERE l.tenant_id = @tenant{EhrScan("l")}) AS {s} ON {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk");
                    sql.Append(PrefixTest(owner, $"{s}.ancestors")).Append('\n');
                }
                else
                {
                    sql.Append($"LEFT JOIN LATERAL (SELECT DISTINCT ON (l.ehr_id, l.version_key, substring(l.ancestors from 1 for m.d * 2)) l.ehr_id, l.version_key, l.path_id, " +
                               $"substring(l.ancestors from 1 for m.d * 2) AS ancestors FROM leaf_value l " +
                               $"JOIN unnest(@{ids}::integer[], @{depths}::integer[]) AS m(path_id, d) ON m.path_id = l.path_id " +
                               $"WHERE l.tenant_id = @tenant AND l.ehr_id = f.v{o}_e AND l.version_key = f.v{o}_vk" +
                               $"{PrefixTest(owner, "l.ancestors")}{NamedSteps(source, "l.ancestors")}) AS {s} ON true\n");
                }
                break;
            }
            case SourceKind.Ehr when source.SpecialColumn is "time_created" or "is_queryable" or "is_modifiable":
                sql.Append($"LEFT JOIN ehr {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e\n");
                break;
            case SourceKind.Ehr when source.SpecialColumn is "subject_id" or "subject_namespace":
                sql.Append($"LEFT JOIN ehr_subject {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e\n");
                break;
            case SourceKind.Ehr when source.SpecialColumn == "status":
                // The EHR's current EHR_STATUS, as a document.
                sql.Append($"LEFT JOIN LATERAL (SELECT sov.document::jsonb AS j FROM ehr se " +
                           "JOIN latest_version slv ON slv.tenant_id = se.tenant_id AND slv.ehr_id = se.ehr_id AND slv.object_id = se.status_object_id " +
                           "JOIN object_version sov ON sov.tenant_id = slv.tenant_id AND sov.ehr_id = slv.ehr_id AND sov.version_key = slv.version_key " +
                           $"WHERE se.tenant_id = @tenant AND se.ehr_id = f.v{o}_e) AS {s} ON true\n");
                break;
            case SourceKind.Version:
                sql.Append($"LEFT JOIN object_version {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk\n");
                sql.Append($"LEFT JOIN contribution {s}c ON {s}c.tenant_id = @tenant AND {s}c.ehr_id = {s}.ehr_id AND {s}c.contribution_id = {s}.contribution_id\n");
                break;
        }
    }

    /// <summary>
    /// The test of a leaf row's path id (after <c>path_id</c>): <c>= @p</c> for one id, which a per-row index look-up can
    /// use as an index condition (PostgreSQL 15 leaves <c>= ANY(...)</c> on a later index column to a filter there).
    /// </summary>
    private string PathIds(IEnumerable<int> pathIds)
    {
        var ids = pathIds.Distinct().ToArray();
        return ids.Length == 1 ? $"= @{Add(ParameterSource.Constant, ids[0])}" : $"= ANY(@{Add(ParameterSource.Constant, ids)})";
    }

    private static string PrefixTest(PlanVariable owner, string ancestors)
    {
        var o = owner.Index;
        var documentRoot = owner.Kind == VariableKind.Version || owner.Instances.All(m => m.Depth == 0);
        return documentRoot ? "" : $" AND substring({ancestors} from 1 for length(f.v{o}_p)) = f.v{o}_p";
    }

    /// <summary>The conditions that the LOCATABLEs a leaf row passes at the named steps' depths have those names.</summary>
    private string NamedSteps(ValueSource source, string ancestors)
    {
        var document = Document(source.Owner);
        var conditions = new StringBuilder();
        foreach (var (depth, name) in source.NamedSteps)
        {
            var value = Bind(name, ValueConversion.Text);
            conditions.Append($" AND aql_node({document}, substring({ancestors} from 1 for {depth * 2})) #>> '{{name,value}}' = @{value}");
        }
        return conditions.ToString();
    }

    /// <summary>The stored document (text) of a variable's version.</summary>
    private string Document(PlanVariable variable)
    {
        var owner = variable.VersionOwner;
        _documents.Add(owner);
        return $"d{owner.Index}.document";
    }

    /// <summary>The document of a variable's version as jsonb, parsed once per row.</summary>
    private string RootJson(PlanVariable variable)
    {
        var owner = variable.VersionOwner;
        _rootJson.Add(owner);
        return $"dj{owner.Index}.j";
    }

    /// <summary>The SQL expression of a source's value, typed; null when SQL cannot see it.</summary>
    private Typed? SqlValue(ValueSource source)
    {
        var s = _anchorAlias.TryGetValue(source, out var anchored) ? anchored : source.Alias;
        var o = source.Owner.Index;
        switch (source.Kind)
        {
            case SourceKind.Leaf when source.Column != LeafColumn.None:
                return source.Column switch
                {
                    LeafColumn.Num => new Typed($"{s}.num", source.Meaning switch
                    {
                        NumMeaning.Instant or NumMeaning.Date => SqlType.Instant,
                        NumMeaning.TimeOfDay => SqlType.TimeOfDay,
                        NumMeaning.Boolean => SqlType.NumBoolean,
                        _ => SqlType.Number,
                    }, source.Meaning),
                    LeafColumn.Text => new Typed($"{s}.text", SqlType.Text),
                    _ => new Typed($"{s}.term", SqlType.Text),
                };
            case SourceKind.Ehr when source.SpecialColumn == "status":
                return DocumentValue(source);
            case SourceKind.Ehr:
                return source.SpecialColumn switch
                {
                    "ehr_id" or "ehr_id_object" => new Typed($"f.v{o}_e", SqlType.Uuid),
                    "time_created" => new Typed($"extract(epoch from {s}.time_created)::float8", SqlType.Instant, NumMeaning.Instant),
                    "is_queryable" or "is_modifiable" => new Typed($"{s}.{source.SpecialColumn}", SqlType.Boolean),
                    "subject_id" or "subject_namespace" => new Typed($"{s}.{source.SpecialColumn}", SqlType.Text),
                    "system_id" => new Typed($"@{_systemIdParameter ??= Add(ParameterSource.SystemId, name: "system_id")}::text", SqlType.Text),
                    _ => null,
                };
            case SourceKind.Version:
                return VersionValue(source.SpecialColumn!, s, $"{s}c");
            default:
                return DocumentValue(source);
        }
    }

    /// <summary>A column of a version (<paramref name="version"/>: object_version) or of its contribution.</summary>
    private Typed? VersionValue(string column, string version, string contribution) => column switch
    {
        "uid" => new Typed($"({version}.object_id::text || '::' || {contribution}.system_id || '::' || {version}.version::text)", SqlType.Text),
        "preceding_version_uid" => new Typed(
            $"(CASE WHEN {version}.version > 1 THEN {version}.object_id::text || '::' || {contribution}.system_id || '::' || ({version}.version - 1)::text END)", SqlType.Text),
        "time_committed" => new Typed($"extract(epoch from {version}.time_committed)::float8", SqlType.Instant, NumMeaning.Instant),
        "system_id" => new Typed($"{contribution}.system_id", SqlType.Text),
        "change_type" => new Typed($"{version}.change_type::text", SqlType.Text),
        "change_type_value" => new Typed(Rubric($"{version}.change_type", OpenEhrTerms.ChangeTypes), SqlType.Text),
        "lifecycle_state" => new Typed($"{version}.lifecycle_state::text", SqlType.Text),
        "lifecycle_state_value" => new Typed(Rubric($"{version}.lifecycle_state", OpenEhrTerms.LifecycleStates), SqlType.Text),
        "contribution_id" => new Typed($"{version}.contribution_id::text", SqlType.Text),
        "description" => new Typed($"{version}.description", SqlType.Text),
        _ => null,
    };

    /// <summary>The rubric of an openEHR code held as a number, from a table bound as two array parameters.</summary>
    private string Rubric(string code, IReadOnlyDictionary<int, string> terms)
    {
        var codes = Add(ParameterSource.Constant, terms.Keys.ToArray());
        var rubrics = Add(ParameterSource.Constant, terms.Values.ToArray());
        return $"(@{rubrics}::text[])[array_position(@{codes}::integer[], {code}::integer)]";
    }

    /// <summary>
    /// A value only the document holds, read in SQL: the node the value hangs from (the variable's, or the one the
    /// source's row anchors), then the rest of the path as an SQL/JSON path; typed by the RM attribute it ends at.
    /// </summary>
    private Typed? DocumentValue(ValueSource source)
    {
        string node;
        string path;
        var owner = source.Owner;
        switch (source.Kind)
        {
            case SourceKind.Ehr when source.StatusPath is { } below:
                node = $"{source.Alias}.j";
                path = "@" + Add(ParameterSource.Constant, JsonPaths.Of(below)) + "::jsonpath";
                break;
            case SourceKind.Self:
                node = owner.Kind == VariableKind.Folder ? $"f.v{owner.Index}_j"
                    : IsDocumentRoot(owner) ? RootJson(owner)
                    : $"aql_node({Document(owner)}, f.v{owner.Index}_p)";
                path = "@" + Add(ParameterSource.Constant, JsonPaths.Of(Approach(owner, owner.Approach.Count).Concat(source.Parts))) + "::jsonpath";
                break;
            case SourceKind.Leaf or SourceKind.Node when source.Matches.Count > 0:
            {
                node = source.Matches.All(m => m.AnchorDepth == 0) ? RootJson(owner) : $"aql_node({Document(owner)}, {source.Alias}.ancestors)";
                var tails = source.Matches.GroupBy(m => m.TailStart).ToList();
                if (tails.Count == 1)
                {
                    path = "@" + Add(ParameterSource.Constant, JsonPaths.Of(Tail(source, tails[0].Key))) + "::jsonpath";
                }
                else
                {
                    var cases = new StringBuilder("CASE");
                    foreach (var tail in tails)
                    {
                        var ids = Add(ParameterSource.Constant, tail.Select(m => m.PathId).Distinct().ToArray());
                        cases.Append($" WHEN {source.Alias}.path_id = ANY(@{ids}) THEN @{Add(ParameterSource.Constant, JsonPaths.Of(Tail(source, tail.Key)))}::jsonpath");
                    }
                    path = cases.Append(" END").ToString();
                }
                break;
            }
            case SourceKind.Leaf or SourceKind.Node:
                return new Typed("NULL::text", SqlType.Text); // no data at this path anywhere
            default:
                return null;
        }
        var value = $"jsonb_path_query_first({node}, {path})";
        return source.EndKind switch
        {
            RmAttributeKind.Text => new Typed($"({value} #>> '{{}}')", SqlType.Text, Json: value),
            RmAttributeKind.Integer => new Typed($"({value} #>> '{{}}')::float8", SqlType.Number, NumMeaning.Integer, Json: value),
            RmAttributeKind.Real => new Typed($"({value} #>> '{{}}')::float8", SqlType.Number, Json: value),
            RmAttributeKind.Boolean => new Typed($"({value} #>> '{{}}')::boolean", SqlType.Boolean, Json: value),
            _ => new Typed(value, SqlType.Json, Json: value),
        };
    }

    private static IEnumerable<PathPart> Tail(ValueSource source, int start) =>
        start < 0 ? Approach(source.Owner, -start).Concat(source.Parts) : source.Parts.Skip(start);

    private static IEnumerable<PathPart> Approach(PlanVariable owner, int count) =>
        owner.Approach.Skip(owner.Approach.Count - count).Select(a => new PathPart(a));

    private static bool IsDocumentRoot(PlanVariable v) => v.Kind == VariableKind.Node && v.Instances.Count > 0 && v.Instances.All(m => m.Depth == 0) && v.IsLocatable;

    private Typed RequireValue(ValueSource source, AqlSpan span) =>
        SqlValue(source) ?? throw new AqlSemanticException("This path's value cannot be compared or sorted yet.", span, unsupported: true);

    /// <summary>A value to compare or sort on: a JSON object only exists, so it is refused here.</summary>
    private Typed RequireScalar(ValueSource source, AqlSpan span)
    {
        var value = RequireValue(source, span);
        if (value.Type == SqlType.Json)
        {
            if (SortValue(source) is { } natural) return natural;
            throw new AqlSemanticException("This path ends at an object, which is not compared or sorted: name one of its values (.../value, .../magnitude).", span);
        }
        return value;
    }

    /// <summary>A whole data value of the index sorted by what orders it: a DV_DATE_TIME by its instant, a DV_QUANTITY by its magnitude, a text by its value.</summary>
    private Typed? SortValue(ValueSource source)
    {
        if (source.Kind != SourceKind.Leaf || source.Matches.Count == 0 || source.DataValueTypeName is not { } type) return null;
        foreach (var inner in new[] { "magnitude", "value", "numerator", "defining_code/code_string" })
        {
            var (column, meaning) = LeafColumns.Of(type, inner.Split('/'));
            if (column == LeafColumn.None) continue;
            return column == LeafColumn.Num
                ? new Typed($"{source.Alias}.num", meaning is NumMeaning.Instant or NumMeaning.Date ? SqlType.Instant : SqlType.Number, meaning)
                : new Typed($"{source.Alias}.{(column == LeafColumn.Text ? "text" : "term")}", SqlType.Text);
        }
        return null;
    }

    // WHERE ------------------------------------------------------------------------------------------------

    private string Condition(AqlCondition condition)
    {
        switch (condition)
        {
            case AndCondition and:
                return "(" + string.Join(" AND ", and.Operands.Select(Condition)) + ")";
            case OrCondition or:
                return "(" + string.Join(" OR ", or.Operands.Select(Condition)) + ")";
            case NotCondition not:
                return $"NOT ({Condition(not.Operand)})";
            case ComparisonCondition comparison:
                return Comparison(comparison);
            case NullCondition isNull:
                return $"{Operand(isNull.Subject).Sql} IS {(isNull.Negated ? "NOT " : "")}NULL";
            case ExistsCondition exists:
                return Exists(SourceOf(exists.Path), exists.Path.Span);
            case LikeCondition like:
            {
                var value = RequireScalar(SourceOf(like.Subject), like.Subject.Span);
                if (value.Type != SqlType.Text)
                {
                    throw new AqlSemanticException("LIKE compares a text.", like.Subject.Span);
                }
                var pattern = like.Pattern switch
                {
                    LikePattern p => Add(ParameterSource.Constant, ValueConversions.LikePattern(p.Pattern)),
                    var other => Bind(other, ValueConversion.LikePattern),
                };
                return $"{value.Sql} LIKE @{pattern}";
            }
            case MatchesCondition matches:
                return Matches(matches);
            default:
                throw new AqlSemanticException("This condition is not supported yet.", condition.Span, unsupported: true);
        }
    }

    private string Exists(ValueSource source, AqlSpan span)
    {
        switch (source.Kind)
        {
            case SourceKind.Leaf when !source.InsideValue:
            case SourceKind.Node when !source.Unindexed:
                // The index has a row wherever the path reaches a value (or a node with values below it).
                return $"{source.Alias}.path_id IS NOT NULL";
            case SourceKind.Leaf when source.Column != LeafColumn.None:
                // A part of the value that its column holds (magnitude, units, a code).
                return $"{RequireValue(source, span).Sql} IS NOT NULL";
            default:
                return $"{RequireValue(source, span).Json ?? RequireValue(source, span).Sql} IS NOT NULL";
        }
    }

    private string Matches(MatchesCondition matches)
    {
        var value = RequireScalar(SourceOf(matches.Subject), matches.Subject.Span);
        var conversion = Conversion(value.Type);
        switch (matches.Operand)
        {
            case ValueList list:
                var items = list.Items.Select(item => item switch
                {
                    TerminologyCall t => throw new AqlSemanticException("TERMINOLOGY() is not supported yet.", t.Span, unsupported: true),
                    _ => "@" + Bind(item, conversion),
                }).ToList();
                return $"{value.Sql} IN ({string.Join(", ", items)})";
            case ParameterRef parameter:
                var listConversion = conversion switch
                {
                    ValueConversion.Number or ValueConversion.Boolean or ValueConversion.TimeOfDay => ValueConversion.NumberList,
                    ValueConversion.Instant => ValueConversion.InstantList,
                    _ => ValueConversion.TextList,
                };
                var sql = value.Type == SqlType.Uuid ? $"{value.Sql}::text" : value.Sql;
                return $"{sql} = ANY(@{Bind(parameter, listConversion)})";
            default:
                throw new AqlSemanticException("MATCHES with a terminology is not supported yet.", matches.Operand.Span, unsupported: true);
        }
    }

    private static string Operator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.LessThan => "<",
        _ => "<=",
    };

    private static ComparisonOperator Mirror(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
        ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
        ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
        ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
        _ => op,
    };

    private static bool IsValue(AqlExpression e) => e is StringLiteral or IntegerLiteral or RealLiteral or BooleanLiteral or ParameterRef or NullLiteral;

    private string Comparison(ComparisonCondition comparison)
    {
        if (_existsTests.TryGetValue(comparison, out var tested) && !_anchorAlias.ContainsKey(tested))
        {
            return ExistsTest(tested, comparison);
        }
        var (leftExpression, op, rightExpression) = (comparison.Left, comparison.Operator, comparison.Right);
        if (IsValue(leftExpression) && !IsValue(rightExpression))
        {
            (leftExpression, rightExpression, op) = (rightExpression, leftExpression, Mirror(op));
        }
        if (IsValue(leftExpression))
        {
            throw new AqlSemanticException("A comparison needs a path or a function on one side.", comparison.Span, unsupported: true);
        }
        var left = Scalar(Operand(leftExpression), leftExpression.Span);
        if (rightExpression is NullLiteral)
        {
            return op switch
            {
                ComparisonOperator.Equal => $"{left.Sql} IS NULL",
                ComparisonOperator.NotEqual => $"{left.Sql} IS NOT NULL",
                _ => throw new AqlSemanticException("NULL is compared only with = and !=.", rightExpression.Span),
            };
        }
        if (!IsValue(rightExpression))
        {
            var right = Scalar(Operand(rightExpression), rightExpression.Span);
            var (l, r) = Align(left, right, comparison.Span);
            return $"{l} {Operator(op)} {r}";
        }
        // A temporal literal compared with a function that has an instant (NOW()) compares as instants.
        if (left.Instant is not null && rightExpression is StringLiteral { Temporal: not TemporalKind.None })
        {
            return $"{left.Instant} {Operator(op)} @{Bind(rightExpression, ValueConversion.Instant)}";
        }
        return $"{left.Sql} {Operator(op)} @{Bind(rightExpression, Conversion(left.Type))}";
    }

    private static Typed Scalar(Typed value, AqlSpan span) => value.Type == SqlType.Json
        ? throw new AqlSemanticException("This path ends at an object, which is not compared: name one of its values (.../value, .../magnitude).", span)
        : value;

    /// <summary>Two sides of a comparison of different types made comparable (an instant with a temporal text of a function).</summary>
    private static (string Left, string Right) Align(Typed left, Typed right, AqlSpan span)
    {
        if (left.Type == right.Type) return (left.Sql, right.Sql);
        if (left.Type is SqlType.Instant && right.Instant is not null) return (left.Sql, right.Instant);
        if (right.Type is SqlType.Instant && left.Instant is not null) return (left.Instant, right.Sql);
        if (left.Type is SqlType.Number or SqlType.NumBoolean && right.Type is SqlType.Number or SqlType.NumBoolean) return (left.Sql, right.Sql);
        if (left.Type == SqlType.Uuid && right.Type == SqlType.Text) return ($"{left.Sql}::text", right.Sql);
        if (right.Type == SqlType.Uuid && left.Type == SqlType.Text) return (left.Sql, $"{right.Sql}::text");
        throw new AqlSemanticException($"The two sides compare a {Describe(left.Type)} with a {Describe(right.Type)}.", span);
    }

    private static string Describe(SqlType type) => type switch
    {
        SqlType.Text => "text",
        SqlType.Number => "number",
        SqlType.Instant => "date-time",
        SqlType.TimeOfDay => "time",
        SqlType.NumBoolean or SqlType.Boolean => "boolean",
        SqlType.Uuid => "uuid",
        _ => "object",
    };

    private static ValueConversion Conversion(SqlType type) => type switch
    {
        SqlType.Text => ValueConversion.Text,
        SqlType.Number => ValueConversion.Number,
        SqlType.Instant => ValueConversion.Instant,
        SqlType.TimeOfDay => ValueConversion.TimeOfDay,
        SqlType.NumBoolean => ValueConversion.Boolean,
        SqlType.Uuid => ValueConversion.Uuid,
        SqlType.Boolean => ValueConversion.SqlBoolean,
        _ => ValueConversion.None,
    };

    /// <summary>A path or function call as a typed SQL expression.</summary>
    private Typed Operand(AqlExpression expression) => expression switch
    {
        IdentifiedPath path => RequireValue(SourceOf(path), path.Span),
        FunctionCall call => Function(call),
        _ => throw new AqlSemanticException("This operand is not supported here yet.", expression.Span, unsupported: true),
    };

    private ValueSource SourceOf(IdentifiedPath path)
    {
        var owner = _plan.Variables.First(v => string.Equals(v.Name, path.Variable, StringComparison.OrdinalIgnoreCase));
        var parts = path.Path?.Parts ?? AqlList<PathPart>.Empty;
        return _plan.Sources.First(s => ReferenceEquals(s.Owner, owner) && s.Parts.Equals(parts));
    }

    // Functions ----------------------------------------------------------------------------------------------

    /// <summary>A built-in function in SQL, its arguments checked against its signature.</summary>
    private Typed Function(FunctionCall call)
    {
        var signature = FunctionRules.Check(call);
        var args = new List<string>(call.Arguments.Count);
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            args.Add(Argument(call, i, FunctionRules.ArgumentType(signature, i)));
        }
        const string now = "current_timestamp";
        return call.Function switch
        {
            AqlFunction.Length => new Typed($"length({args[0]})", SqlType.Number, NumMeaning.Integer),
            AqlFunction.Contains => new Typed($"(strpos({args[0]}, {args[1]}) > 0)", SqlType.Boolean),
            AqlFunction.Position => new Typed($"strpos({args[1]}, {args[0]})", SqlType.Number, NumMeaning.Integer),
            AqlFunction.Substring => new Typed(args.Count == 2 ? $"substr({args[0]}, {args[1]})" : $"substr({args[0]}, {args[1]}, {args[2]})", SqlType.Text),
            AqlFunction.Concat => new Typed($"concat({string.Join(", ", args)})", SqlType.Text),
            AqlFunction.ConcatWs => new Typed($"concat_ws({string.Join(", ", args)})", SqlType.Text),
            AqlFunction.Abs => new Typed($"abs({args[0]})", SqlType.Number),
            AqlFunction.Mod => new Typed($"mod(({args[0]})::numeric, nullif(({args[1]})::numeric, 0))::float8", SqlType.Number), // MOD(x, 0) is NULL, not an error
            AqlFunction.Ceil => new Typed($"ceil({args[0]})", SqlType.Number, NumMeaning.Integer),
            AqlFunction.Floor => new Typed($"floor({args[0]})", SqlType.Number, NumMeaning.Integer),
            AqlFunction.Round => new Typed(args.Count == 1 ? $"round(({args[0]})::numeric)::float8" : $"round(({args[0]})::numeric, least(greatest({args[1]}, -300), 300))::float8", SqlType.Number),
            // The date and time functions give their ISO 8601 text; compared with a date or date-time, their instant.
            AqlFunction.CurrentDate => new Typed($"to_char({now}, 'YYYY-MM-DD')", SqlType.Text,
                Instant: "extract(epoch from (current_date::timestamp AT TIME ZONE 'UTC'))::float8"),
            AqlFunction.CurrentTime => new Typed($"to_char({now}, 'HH24:MI:SS')", SqlType.Text),
            AqlFunction.CurrentDateTime or AqlFunction.Now => new Typed($"to_char({now}, 'YYYY-MM-DD\"T\"HH24:MI:SS.MSTZH:TZM')", SqlType.Text,
                Instant: $"extract(epoch from {now})::float8"),
            AqlFunction.CurrentTimezone => new Typed($"to_char({now}, 'TZH:TZM')", SqlType.Text),
            _ => throw new AqlSemanticException($"{call.Name} is not supported yet.", call.Span, unsupported: true),
        };
    }

    /// <summary>An argument of a function as SQL of the type the signature wants: a literal or parameter bound as one, a value checked.</summary>
    private string Argument(FunctionCall call, int index, AqlValueType wanted)
    {
        var argument = call.Arguments[index];
        if (IsValue(argument))
        {
            if (argument is NullLiteral) return "NULL";
            var name = Bind(argument, wanted == AqlValueType.Text ? ValueConversion.Text : ValueConversion.Number);
            return wanted switch
            {
                AqlValueType.Text => $"@{name}::text",
                AqlValueType.Integer => ToInteger($"@{name}"),
                _ => $"@{name}",
            };
        }
        var value = Scalar(Operand(argument), argument.Span);
        switch (wanted)
        {
            case AqlValueType.Text when value.Type == SqlType.Text:
                return value.Sql;
            case AqlValueType.Text when call.Function is AqlFunction.Concat or AqlFunction.ConcatWs && value.Type is SqlType.Number or SqlType.Uuid:
                return $"({value.Sql})::text";
            case AqlValueType.Number when value.Type == SqlType.Number:
                return value.Sql;
            case AqlValueType.Integer when value.Type == SqlType.Number:
                return ToInteger(value.Sql);
            default:
                throw new AqlSemanticException(
                    $"{call.Name} takes a {(wanted == AqlValueType.Text ? "text" : "number")} as argument {index + 1}, and this is a {Describe(value.Type)}.", argument.Span);
        }
    }

    /// <summary>A number as an integer argument (a position, a length, digits), held to the range of one rather than overflowing.</summary>
    private static string ToInteger(string sql) => $"round(least(greatest(({sql})::float8, -1000000000), 1000000000))::integer";

    // Parameters -----------------------------------------------------------------------------------------------

    /// <summary>A literal or parameter as a SQL parameter of the right type; returns its name.</summary>
    private string Bind(AqlExpression value, ValueConversion conversion)
    {
        switch (value)
        {
            case ParameterRef parameter:
                _queryParameterNames.Add(parameter.Name);
                return Add(ParameterSource.QueryParameter, null, parameter.Name, conversion, parameter.Span);
            case StringLiteral or IntegerLiteral or RealLiteral or BooleanLiteral:
                object literal = value switch
                {
                    StringLiteral s => s.Value,
                    IntegerLiteral n => n.Value,
                    RealLiteral r => r.Value,
                    BooleanLiteral b => b.Value,
                    _ => throw new InvalidOperationException(),
                };
                try
                {
                    return Add(ParameterSource.Constant, ValueConversions.Convert(literal, conversion), span: value.Span);
                }
                catch (FormatException e)
                {
                    throw new AqlSemanticException(e.Message + " The path it is compared with needs one.", value.Span);
                }
            default:
                throw new AqlSemanticException("This value is not supported here yet.", value.Span, unsupported: true);
        }
    }

    private string Add(ParameterSource source, object? constant = null, string? queryParameter = null, ValueConversion conversion = ValueConversion.None,
        AqlSpan span = default, string? name = null)
    {
        name ??= $"p{_parameters.Count}";
        _parameters.Add(new SqlParameterSpec(name, source, constant, queryParameter, conversion, span));
        return name;
    }

    // SELECT and ORDER BY --------------------------------------------------------------------------------------

    private static NumMeaning MeaningOf(Typed value) => value.Type switch
    {
        SqlType.Instant => value.Meaning is NumMeaning.Date ? NumMeaning.Date : NumMeaning.Instant,
        SqlType.TimeOfDay => NumMeaning.TimeOfDay,
        SqlType.NumBoolean => NumMeaning.Boolean,
        _ => value.Meaning,
    };

    /// <summary>The ordinal of an expression in the select list, added once however many columns read it.</summary>
    private static int Selected(List<string> select, string sql)
    {
        var ordinal = select.IndexOf(sql);
        if (ordinal >= 0) return ordinal;
        select.Add(sql);
        return select.Count - 1;
    }

    /// <summary>
    /// The document a result column is read from. Where WHERE has not joined it already, a scalar sub-select: PostgreSQL
    /// evaluates such a select-list item after ORDER BY and LIMIT, so a page of 10 reads 10 documents, not every match.
    /// </summary>
    private string OutputDocument(PlanVariable owner)
    {
        var o = owner.Index;
        return _documents.Contains(owner) || _rootJson.Contains(owner)
            ? $"d{o}.document"
            : $"(SELECT od.document FROM object_version od WHERE od.tenant_id = @tenant AND od.ehr_id = f.v{o}_e AND od.version_key = f.v{o}_vk)";
    }

    private ColumnReader Output(OutputColumn column, List<string> select, bool grouped, List<string> groupBy)
    {
        switch (column.Kind)
        {
            case OutputKind.Literal:
                return new ColumnReader { Column = column, Kind = ReadKind.Literal };
            case OutputKind.Expression:
            {
                var value = Function(column.Expression!);
                select.Add(value.Sql);
                if (grouped) groupBy.Add(value.Sql);
                return new ColumnReader { Column = column, Kind = ReadKind.Scalar, Ordinal = select.Count - 1, Meaning = MeaningOf(value) };
            }
            case OutputKind.Aggregate:
                return Aggregate(column, select);
        }

        var src = column.Source!;
        if (grouped)
        {
            var value = RequireScalar(src, src.Span);
            select.Add(value.Sql);
            groupBy.Add(value.Sql);
            return new ColumnReader
            {
                Column = column,
                Kind = ReadKind.Scalar,
                Ordinal = select.Count - 1,
                Meaning = MeaningOf(value),
                AsHierObjectId = src.SpecialColumn == "ehr_id_object",
            };
        }
        switch (src.Kind)
        {
            case SourceKind.Ehr when src.SpecialColumn == "status":
            {
                select.Add($"({RequireValue(src, src.Span).Json})::text");
                return new ColumnReader { Column = column, Kind = ReadKind.Json, Ordinal = select.Count - 1 };
            }
            case SourceKind.Ehr or SourceKind.Version:
            {
                var value = RequireValue(src, src.Span);
                var sql = value.Type == SqlType.Uuid ? $"{value.Sql}::text" : value.Sql;
                select.Add(sql);
                return new ColumnReader
                {
                    Column = column,
                    Kind = ReadKind.Scalar,
                    Ordinal = select.Count - 1,
                    Meaning = MeaningOf(value),
                    AsHierObjectId = src.SpecialColumn == "ehr_id_object",
                };
            }
            case SourceKind.Leaf when QueryAnalyzer.SelectsFromIndex(src):
            {
                var value = RequireValue(src, src.Span);
                select.Add(value.Sql);
                return new ColumnReader { Column = column, Kind = ReadKind.Index, Ordinal = select.Count - 1, Meaning = src.Meaning };
            }
            default:
            {
                var owner = src.Owner.VersionOwner;
                var document = Selected(select, OutputDocument(owner));
                var versionKey = Selected(select, $"f.v{owner.Index}_vk");
                if (src.Kind == SourceKind.Self)
                {
                    select.Add($"f.v{src.Owner.Index}_p");
                    return new ColumnReader { Column = column, Kind = ReadKind.Document, DocumentOrdinal = document, VersionKeyOrdinal = versionKey, AnchorOrdinal = select.Count - 1 };
                }
                select.Add($"{src.Alias}.ancestors");
                var anchor = select.Count - 1;
                select.Add($"{src.Alias}.path_id");
                return new ColumnReader
                {
                    Column = column,
                    Kind = ReadKind.Document,
                    DocumentOrdinal = document,
                    VersionKeyOrdinal = versionKey,
                    AnchorOrdinal = anchor,
                    PathIdOrdinal = select.Count - 1,
                };
            }
        }
    }

    private ColumnReader Aggregate(OutputColumn column, List<string> select)
    {
        var aggregate = column.Aggregate!;
        string sql;
        var meaning = NumMeaning.Integer;
        if (aggregate.Argument is null)
        {
            sql = "count(*)";
        }
        else
        {
            var source = column.Source!;
            var function = aggregate.Function;
            string? value = null;
            if (function == AggregateFunction.Count)
            {
                // What is counted is that there is a value: an index row, an instance, or a value of the document.
                value = source.Kind switch
                {
                    SourceKind.Leaf or SourceKind.Node when !source.Unindexed && (source.Column != LeafColumn.None || source.EndType is not null || source.Kind == SourceKind.Node)
                        => aggregate.Distinct ? SqlValue(source) is { Type: not SqlType.Json } v ? v.Sql : $"{source.Alias}.path_id" : $"{source.Alias}.path_id",
                    SourceKind.Self when source.Parts.Count == 0 => $"(f.v{source.Owner.Index}_vk, f.v{source.Owner.Index}_p)",
                    SourceKind.Self when IsDocumentRoot(source.Owner) && string.Join('/', source.Parts.Select(p => p.Attribute)) == "uid/value" => $"f.v{source.Owner.Index}_vk",
                    _ => null,
                };
                // A uuid is counted as it is: as text it would cost a conversion and a slower sort per row.
                value ??= RequireValue(source, aggregate.Argument.Span).Sql;
            }
            else
            {
                var typed = RequireScalar(source, aggregate.Argument.Span);
                if (function is AggregateFunction.Sum or AggregateFunction.Avg && typed.Type != SqlType.Number)
                {
                    throw new AqlSemanticException($"{function.ToString().ToUpperInvariant()} adds numbers, and this is a {Describe(typed.Type)}.", aggregate.Argument.Span);
                }
                value = typed.Type is SqlType.Uuid ? $"{typed.Sql}::text" : typed.Sql;
                meaning = function is AggregateFunction.Min or AggregateFunction.Max ? MeaningOf(typed)
                    : function == AggregateFunction.Sum && typed.Meaning == NumMeaning.Integer ? NumMeaning.Integer
                    : NumMeaning.Number;
            }
            sql = $"{function.ToString().ToLowerInvariant()}({(aggregate.Distinct ? "DISTINCT " : "")}{value})";
        }
        select.Add(sql);
        return new ColumnReader { Column = column, Kind = ReadKind.Scalar, Ordinal = select.Count - 1, Meaning = meaning };
    }

    private string OrderBy(OrderByClause orderBy, List<ColumnReader> readers)
    {
        var keys = new List<string>();
        foreach (var key in orderBy.Keys)
        {
            string sql;
            var alias = key.Path.IsVariableOnly
                ? readers.FindIndex(r => string.Equals(r.Column.Name, key.Path.Variable, StringComparison.OrdinalIgnoreCase))
                : -1;
            if (alias >= 0 && !_plan.Variables.Any(v => string.Equals(v.Name, key.Path.Variable, StringComparison.OrdinalIgnoreCase)))
            {
                var reader = readers[alias];
                sql = reader.Kind switch
                {
                    ReadKind.Scalar or ReadKind.Index => (reader.Ordinal + 1).ToString(CultureInfo.InvariantCulture),
                    _ when reader.Column.Source is { } s => RequireScalar(s, key.Span).Sql,
                    _ => throw new AqlSemanticException("This column cannot be sorted on.", key.Span, unsupported: true),
                };
            }
            else
            {
                sql = RequireScalar(SourceOf(key.Path), key.Path.Span).Sql;
            }
            // NULL after every value ascending, before every value descending (PostgreSQL's default).
            keys.Add(key.Descending ? $"{sql} DESC" : $"{sql} ASC");
        }
        return string.Join(", ", keys);
    }
}
