using System.Text;
using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// Compiles a <see cref="QueryPlan"/> to one parameterised SQL statement over the storage (migration 0003):
/// <list type="bullet">
/// <item>FROM becomes a relation with one row per combination of variable instances. An instance of a node is
/// (EHR, version key, ancestors prefix), found through the leaf rows of the catalogued paths that pass through it;
/// <c>A CONTAINS B</c> is "same version, and B's prefix starts with A's"; <c>NOT CONTAINS</c> a NOT EXISTS; AND a
/// join on the container, OR left joins of which one must match. Only latest, undeleted versions take part
/// unless a VERSION says ALL_VERSIONS.</item>
/// <item>Every path is a LEFT JOIN of its own (one row per value: several values give one row per combination),
/// reading leaf_value by path ids; WHERE and ORDER BY use its typed column (num, text, term).</item>
/// <item>Values never appear in the SQL text: literals, path ids, the tenant and paging are parameters.</item>
/// </list>
/// </summary>
public sealed class SqlCompiler
{
    private readonly QueryPlan _plan;
    private readonly List<SqlParameterSpec> _parameters = [];
    private readonly HashSet<string> _queryParameterNames = new(StringComparer.Ordinal);
    private readonly HashSet<PlanVariable> _documents = [];
    private readonly HashSet<ValueSource> _joinedExtras = [];
    private int _aliases;
    private string? _ehrParameter;

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
        var orderBy = query.OrderBy is { } o ? OrderBy(o, select, readers) : null;

        var ehrOrdinal = -1;
        if (!hasAggregates && _plan.Variables.Count > 0)
        {
            ehrOrdinal = select.Count;
            select.Add($"f.v{_plan.Variables[0].Index}_e");
        }

        var sql = new StringBuilder(1024);
        sql.Append("SELECT ").AppendJoin(", ", select.Count > 0 ? select : ["1"]).Append('\n');
        sql.Append("FROM (").Append(from).Append(") AS f\n");
        foreach (var source in _plan.Sources)
        {
            Join(sql, source);
        }
        foreach (var owner in _documents.OrderBy(v => v.Index))
        {
            sql.Append($"LEFT JOIN object_version d{owner.Index} ON d{owner.Index}.tenant_id = @tenant AND d{owner.Index}.ehr_id = f.v{owner.Index}_e AND d{owner.Index}.version_key = f.v{owner.Index}_vk\n");
        }
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

    private static List<string> OwnColumns(PlanVariable v) =>
        v.Kind == VariableKind.Ehr ? [$"v{v.Index}_e"] : [$"v{v.Index}_e", $"v{v.Index}_vk", $"v{v.Index}_p"];

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
        var inner = Contained(variable, containment.Contained);
        var (xa, ra) = ($"r{_aliases++}", $"r{_aliases++}");
        var sql = $"SELECT {string.Join(", ", own.Select(k => $"{xa}.{k}"))} FROM ({Instances(variable).Sql}) AS {xa} " +
                  $"WHERE NOT EXISTS (SELECT 1 FROM ({inner.Sql}) AS {ra} WHERE {string.Join(" AND ", own.Select(k => $"{ra}.{k} = {xa}.{k}"))})";
        return new Rel(sql, own);
    }

    private Rel Contained(PlanVariable x, ContainsExpression expression)
    {
        var own = OwnColumns(x);
        switch (expression)
        {
            case Containment c:
            {
                var y = _plan.ByClass[c.Class];
                var inner = Relation(c);
                var (xa, ya) = ($"r{_aliases++}", $"r{_aliases++}");
                var columns = own.Concat(inner.Columns).ToList();
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
                        sql.Append($" JOIN ({rel.Sql}) AS {alias} ON ").AppendJoin(" AND ", own.Select(k => $"{alias}.{k} = {first}.{k}"));
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
                    sql.Append($" LEFT JOIN ({rel.Sql}) AS {alias} ON ").AppendJoin(" AND ", own.Select(k => $"{alias}.{k} = {xa}.{k}"));
                    foreach (var k in rel.Columns.Skip(own.Count))
                    {
                        columns.Add(k);
                        select.Add($"{alias}.{k}");
                    }
                }
                sql.Append(" WHERE ").AppendJoin(" OR ", parts.Select(p => $"{p.Alias}.{own[0]} IS NOT NULL"));
                return new Rel($"SELECT {string.Join(", ", select)} {sql}", columns);
            }
            default:
                throw new InvalidOperationException($"Unknown containment {expression.GetType().Name}");
        }
    }

    private static string ContainsCondition(PlanVariable x, string xa, PlanVariable y, string ya)
    {
        var (xi, yi) = (x.Index, y.Index);
        var condition = $"{ya}.v{yi}_e = {xa}.v{xi}_e";
        if (x.Kind == VariableKind.Ehr) return condition;
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
                    ? " JOIN latest_version lv ON lv.tenant_id = ov.tenant_id AND lv.ehr_id = ov.ehr_id AND lv.version_key = ov.version_key AND NOT lv.deleted"
                    : "";
                return new Rel($"SELECT ov.ehr_id AS v{i}_e, ov.version_key AS v{i}_vk, ''::bytea AS v{i}_p FROM object_version ov{latest} " +
                               $"WHERE ov.tenant_id = @tenant AND ov.document IS NOT NULL{EhrScan("ov")}", OwnColumns(v));
            default:
                var depths = v.Instances.Select(m => m.Depth).Distinct().ToList();
                var ids = Add(ParameterSource.Constant, v.Instances.Select(m => m.PathId).Distinct().ToArray());
                string paths, prefix;
                if (depths.Count <= 1)
                {
                    paths = $" AND l.path_id = ANY(@{ids})";
                    prefix = depths.Count == 0 || depths[0] == 0 ? "''::bytea" : $"substring(l.ancestors from 1 for {depths[0] * 2})";
                }
                else
                {
                    var pathIds = Add(ParameterSource.Constant, v.Instances.Select(m => m.PathId).ToArray());
                    var depthList = Add(ParameterSource.Constant, v.Instances.Select(m => m.Depth).ToArray());
                    paths = "";
                    prefix = "substring(l.ancestors from 1 for m.d * 2)";
                    return new Rel($"SELECT DISTINCT l.ehr_id AS v{i}_e, l.version_key AS v{i}_vk, {prefix} AS v{i}_p FROM leaf_value l " +
                                   $"JOIN unnest(@{pathIds}::integer[], @{depthList}::integer[]) AS m(path_id, d) ON m.path_id = l.path_id" +
                                   $"{LatestJoin(v, "l")} WHERE l.tenant_id = @tenant{EhrScan("l")}", OwnColumns(v));
                }
                return new Rel($"SELECT DISTINCT l.ehr_id AS v{i}_e, l.version_key AS v{i}_vk, {prefix} AS v{i}_p FROM leaf_value l" +
                               $"{LatestJoin(v, "l")} WHERE l.tenant_id = @tenant{paths}{EhrScan("l")}", OwnColumns(v));
        }
    }

    private static string LatestJoin(PlanVariable v, string alias) => v.LatestOnly
        ? $" JOIN latest_version lv ON lv.tenant_id = {alias}.tenant_id AND lv.ehr_id = {alias}.ehr_id AND lv.version_key = {alias}.version_key AND NOT lv.deleted"
        : "";

    // Value sources ------------------------------------------------------------------------------------------

    private void Join(StringBuilder sql, ValueSource source)
    {
        var s = source.Alias;
        var owner = source.Owner;
        var o = owner.Index;
        switch (source.Kind)
        {
            case SourceKind.Leaf:
            {
                var ids = Add(ParameterSource.Constant, source.Matches.Select(m => m.PathId).Distinct().ToArray());
                sql.Append($"LEFT JOIN (SELECT l.ehr_id, l.version_key, l.path_id, l.ancestors, l.num, l.text, l.term FROM leaf_value l " +
                           $"WHERE l.tenant_id = @tenant AND l.path_id = ANY(@{ids}){EhrScan("l")}) AS {s} ON {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk");
                sql.Append(PrefixTest(owner, s)).Append('\n');
                break;
            }
            case SourceKind.Node:
            {
                var ids = Add(ParameterSource.Constant, source.Matches.Select(m => m.PathId).ToArray());
                var depths = Add(ParameterSource.Constant, source.Matches.Select(m => m.AnchorDepth).ToArray());
                sql.Append($"LEFT JOIN (SELECT DISTINCT ON (l.ehr_id, l.version_key, substring(l.ancestors from 1 for m.d * 2)) l.ehr_id, l.version_key, l.path_id, " +
                           $"substring(l.ancestors from 1 for m.d * 2) AS ancestors FROM leaf_value l " +
                           $"JOIN unnest(@{ids}::integer[], @{depths}::integer[]) AS m(path_id, d) ON m.path_id = l.path_id " +
                           $"WHERE l.tenant_id = @tenant{EhrScan("l")}) AS {s} ON {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk");
                sql.Append(PrefixTest(owner, s)).Append('\n');
                break;
            }
            case SourceKind.Ehr when source.SpecialColumn is "time_created" or "is_queryable" or "is_modifiable":
                sql.Append($"LEFT JOIN ehr {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e\n");
                break;
            case SourceKind.Ehr when source.SpecialColumn is "subject_id" or "subject_namespace":
                sql.Append($"LEFT JOIN ehr_subject {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e\n");
                break;
            case SourceKind.Version:
                sql.Append($"LEFT JOIN object_version {s} ON {s}.tenant_id = @tenant AND {s}.ehr_id = f.v{o}_e AND {s}.version_key = f.v{o}_vk\n");
                sql.Append($"LEFT JOIN contribution {s}c ON {s}c.tenant_id = @tenant AND {s}c.ehr_id = {s}.ehr_id AND {s}c.contribution_id = {s}.contribution_id\n");
                break;
        }
    }

    private static string PrefixTest(PlanVariable owner, string s)
    {
        var o = owner.Index;
        var documentRoot = owner.Kind == VariableKind.Version || owner.Instances.All(m => m.Depth == 0);
        return documentRoot ? "" : $" AND substring({s}.ancestors from 1 for length(f.v{o}_p)) = f.v{o}_p";
    }

    /// <summary>The SQL expression of a source's value, with the conversion a literal compared with it needs; null when SQL cannot see it.</summary>
    private (string Sql, ValueConversion Conversion)? SqlValue(ValueSource source)
    {
        var s = source.Alias;
        var o = source.Owner.Index;
        switch (source.Kind)
        {
            case SourceKind.Leaf when source.Column != LeafColumn.None:
                return source.Column switch
                {
                    LeafColumn.Num => ($"{s}.num", source.Meaning switch
                    {
                        NumMeaning.Instant or NumMeaning.Date => ValueConversion.Instant,
                        NumMeaning.TimeOfDay => ValueConversion.TimeOfDay,
                        NumMeaning.Boolean => ValueConversion.Boolean,
                        _ => ValueConversion.Number,
                    }),
                    LeafColumn.Text => ($"{s}.text", ValueConversion.Text),
                    _ => ($"{s}.term", ValueConversion.Text),
                };
            case SourceKind.Ehr:
                return source.SpecialColumn switch
                {
                    "ehr_id" or "ehr_id_object" => ($"f.v{o}_e", ValueConversion.Uuid),
                    "time_created" => ($"extract(epoch from {s}.time_created)::float8", ValueConversion.Instant),
                    "is_queryable" or "is_modifiable" => ($"{s}.{source.SpecialColumn}", ValueConversion.None),
                    "subject_id" or "subject_namespace" => ($"{s}.{source.SpecialColumn}", ValueConversion.Text),
                    _ => null,
                };
            case SourceKind.Version:
                return source.SpecialColumn switch
                {
                    "uid" => ($"({s}.object_id::text || '::' || {s}c.system_id || '::' || {s}.version::text)", ValueConversion.Text),
                    "time_committed" => ($"extract(epoch from {s}.time_committed)::float8", ValueConversion.Instant),
                    "system_id" => ($"{s}c.system_id", ValueConversion.Text),
                    "change_type" => ($"{s}.change_type::text", ValueConversion.Text),
                    "lifecycle_state" => ($"{s}.lifecycle_state::text", ValueConversion.Text),
                    "contribution_id" => ($"{s}.contribution_id::text", ValueConversion.Text),
                    _ => null,
                };
            case SourceKind.Self when source.Parts.Count > 0 && IsDocumentRoot(source.Owner) && source.Parts.All(p => p.Predicate is null):
                // A value of the document root that the index does not hold (name/value, uid/value, composer/name):
                // read from the document with jsonb, the path a parameter.
                _documents.Add(source.Owner);
                var path = Add(ParameterSource.Constant, source.Parts.Select(p => p.Attribute).ToArray());
                return ($"(d{o}.document::jsonb #>> @{path}::text[])", ValueConversion.Text);
            default:
                return null;
        }
    }

    private static bool IsDocumentRoot(PlanVariable v) => v.Kind == VariableKind.Node && v.Instances.Count > 0 && v.Instances.All(m => m.Depth == 0) && v.IsLocatable;

    private (string Sql, ValueConversion Conversion) RequireSqlValue(ValueSource source, AqlSpan span) =>
        SqlValue(source) ?? throw new AqlSemanticException(
            "This path's value is not in the query index (it is read from the document), so it cannot be compared or sorted yet.", span, unsupported: true);

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
            {
                var source = SourceOf(exists.Path);
                return source.Kind switch
                {
                    SourceKind.Leaf or SourceKind.Node => $"{source.Alias}.path_id IS NOT NULL",
                    _ => $"{RequireSqlValue(source, exists.Path.Span).Sql} IS NOT NULL",
                };
            }
            case LikeCondition like:
            {
                var (sql, _) = RequireSqlValue(SourceOf(like.Subject), like.Subject.Span);
                var pattern = like.Pattern switch
                {
                    LikePattern p => Add(ParameterSource.Constant, ValueConversions.LikePattern(p.Pattern)),
                    var other => Bind(other, ValueConversion.LikePattern),
                };
                return $"{sql} LIKE @{pattern}";
            }
            case MatchesCondition matches:
                return Matches(matches);
            default:
                throw new AqlSemanticException("This condition is not supported yet.", condition.Span, unsupported: true);
        }
    }

    private string Matches(MatchesCondition matches)
    {
        var (sql, conversion) = RequireSqlValue(SourceOf(matches.Subject), matches.Subject.Span);
        switch (matches.Operand)
        {
            case ValueList list:
                var items = list.Items.Select(item => item switch
                {
                    TerminologyCall t => throw new AqlSemanticException("TERMINOLOGY() is not supported yet.", t.Span, unsupported: true),
                    _ => "@" + Bind(item, conversion),
                }).ToList();
                return $"{sql} IN ({string.Join(", ", items)})";
            case ParameterRef parameter:
                var listConversion = conversion switch
                {
                    ValueConversion.Number or ValueConversion.Boolean or ValueConversion.TimeOfDay => ValueConversion.NumberList,
                    ValueConversion.Instant => ValueConversion.InstantList,
                    _ => ValueConversion.TextList,
                };
                return $"{sql} = ANY(@{Bind(parameter, listConversion)})";
            default:
                throw new AqlSemanticException("MATCHES with a terminology is not supported yet.", matches.Operand.Span, unsupported: true);
        }
    }

    private string Comparison(ComparisonCondition comparison)
    {
        var op = comparison.Operator switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            ComparisonOperator.GreaterThan => ">",
            ComparisonOperator.GreaterThanOrEqual => ">=",
            ComparisonOperator.LessThan => "<",
            _ => "<=",
        };
        var left = Operand(comparison.Left);
        if (comparison.Right is NullLiteral)
        {
            return comparison.Operator switch
            {
                ComparisonOperator.Equal => $"{left.Sql} IS NULL",
                ComparisonOperator.NotEqual => $"{left.Sql} IS NOT NULL",
                _ => throw new AqlSemanticException("NULL is compared only with = and !=.", comparison.Right.Span),
            };
        }
        if (comparison.Right is IdentifiedPath or FunctionCall)
        {
            var right = Operand(comparison.Right);
            return $"{left.Sql} {op} {right.Sql}";
        }
        return $"{left.Sql} {op} @{Bind(comparison.Right, left.Conversion)}";
    }

    private (string Sql, ValueConversion Conversion) Operand(AqlExpression expression) => expression switch
    {
        IdentifiedPath path => RequireSqlValue(SourceOf(path), path.Span),
        _ => throw new AqlSemanticException("This operand is not supported on the left of a comparison yet.", expression.Span, unsupported: true),
    };

    private ValueSource SourceOf(IdentifiedPath path)
    {
        var owner = _plan.Variables.First(v => string.Equals(v.Name, path.Variable, StringComparison.OrdinalIgnoreCase));
        var parts = path.Path?.Parts ?? AqlList<PathPart>.Empty;
        return _plan.Sources.First(s => ReferenceEquals(s.Owner, owner) && s.Parts.Equals(parts));
    }

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

    private ColumnReader Output(OutputColumn column, List<string> select, bool grouped, List<string> groupBy)
    {
        switch (column.Kind)
        {
            case OutputKind.Literal:
                return new ColumnReader { Column = column, Kind = ReadKind.Literal };
            case OutputKind.Aggregate:
            {
                var aggregate = column.Aggregate!;
                string sql;
                var meaning = NumMeaning.Number;
                if (aggregate.Argument is null)
                {
                    sql = "count(*)";
                }
                else
                {
                    var source = column.Source!;
                    var value = SqlValue(source);
                    if (source.Kind is SourceKind.Leaf or SourceKind.Node && value is null)
                    {
                        value = ($"{source.Alias}.path_id", ValueConversion.None);
                    }
                    if (value is null && source.Kind == SourceKind.Self && source.Parts.Count == 0)
                    {
                        value = ($"(f.v{source.Owner.Index}_vk, f.v{source.Owner.Index}_p)", ValueConversion.None);
                    }
                    if (value is null && source.Kind == SourceKind.Self && IsDocumentRoot(source.Owner)
                        && string.Join('/', source.Parts.Select(p => p.Attribute)) == "uid/value")
                    {
                        value = ($"f.v{source.Owner.Index}_vk", ValueConversion.None);
                    }
                    if (value is null)
                    {
                        throw new AqlSemanticException("This path cannot be aggregated yet (its value is read from the document).", aggregate.Argument.Span, unsupported: true);
                    }
                    var function = aggregate.Function.ToString().ToLowerInvariant();
                    sql = $"{function}({(aggregate.Distinct ? "DISTINCT " : "")}{value.Value.Sql})";
                    if (aggregate.Function is AggregateFunction.Min or AggregateFunction.Max)
                    {
                        meaning = source.Kind == SourceKind.Leaf ? source.Meaning
                            : value.Value.Conversion == ValueConversion.Instant ? NumMeaning.Instant : NumMeaning.Number;
                    }
                    else if (aggregate.Function == AggregateFunction.Count)
                    {
                        meaning = NumMeaning.Integer;
                    }
                }
                if (aggregate.Argument is null) meaning = NumMeaning.Integer;
                select.Add(sql);
                return new ColumnReader { Column = column, Kind = ReadKind.Scalar, Ordinal = select.Count - 1, Meaning = meaning };
            }
        }

        var src = column.Source!;
        if (grouped)
        {
            var value = SqlValue(src) ?? throw new AqlSemanticException(
                "Beside an aggregate, a column must be a value the query index holds (a magnitude, a code, an id).", column.Source!.Span, unsupported: true);
            select.Add(value.Sql);
            groupBy.Add(value.Sql);
            return new ColumnReader
            {
                Column = column,
                Kind = ReadKind.Scalar,
                Ordinal = select.Count - 1,
                Meaning = src.Kind == SourceKind.Leaf ? src.Meaning : value.Conversion == ValueConversion.Instant ? NumMeaning.Instant : NumMeaning.Number,
                AsHierObjectId = src.SpecialColumn == "ehr_id_object",
            };
        }
        switch (src.Kind)
        {
            case SourceKind.Ehr or SourceKind.Version:
            {
                var value = SqlValue(src)!.Value;
                var sql = value.Conversion == ValueConversion.Instant
                    ? value.Sql // seconds; written as a date-time
                    : src.SpecialColumn is "ehr_id" or "ehr_id_object" ? $"f.v{src.Owner.Index}_e::text" : value.Sql;
                select.Add(sql);
                return new ColumnReader
                {
                    Column = column,
                    Kind = ReadKind.Scalar,
                    Ordinal = select.Count - 1,
                    Meaning = value.Conversion == ValueConversion.Instant ? NumMeaning.Instant : NumMeaning.Number,
                    AsHierObjectId = src.SpecialColumn == "ehr_id_object",
                };
            }
            case SourceKind.Leaf when QueryAnalyzer.SelectsFromIndex(src):
            {
                select.Add(RequireSqlValue(src, src.Span).Sql);
                return new ColumnReader { Column = column, Kind = ReadKind.Index, Ordinal = select.Count - 1, Meaning = src.Meaning };
            }
            default:
            {
                var owner = src.Owner.VersionOwner;
                _documents.Add(owner);
                select.Add($"d{owner.Index}.document");
                var document = select.Count - 1;
                select.Add($"f.v{owner.Index}_vk");
                var versionKey = select.Count - 1;
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

    private string OrderBy(OrderByClause orderBy, List<string> select, List<ColumnReader> readers)
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
                    ReadKind.Scalar or ReadKind.Index => (reader.Ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ when reader.Column.Source is { } s => RequireSqlValue(s, key.Span).Sql,
                    _ => throw new AqlSemanticException("This column cannot be sorted on.", key.Span, unsupported: true),
                };
            }
            else
            {
                sql = RequireSqlValue(SourceOf(key.Path), key.Path.Span).Sql;
            }
            keys.Add(key.Descending ? $"{sql} DESC NULLS LAST" : $"{sql} ASC NULLS LAST");
        }
        return string.Join(", ", keys);
    }
}
