using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// Population queries. Finding every instance of a node (DISTINCT over every leaf row of its paths) and only then
/// testing WHERE is a scan of the whole index. Two facts let the statement start from far fewer rows:
/// <list type="bullet">
/// <item>A WHERE conjunct that compares an indexed value of a variable with a literal or parameter holds for every
/// result row, so that variable's instances need only be looked for among the leaf rows that satisfy it: a range of
/// the (tenant, path, num) or (tenant, path, text) index (the <em>anchor</em>). WHERE still tests it as before, so the
/// rows and their multiplicity do not change.</item>
/// <item>In <c>x CONTAINS y</c>, every path that finds y passes x's step, so when x sits at one depth on all of them,
/// x's instance is the first 2 × depth bytes of y's anchor: x is derived from y's rows instead of being found and
/// joined. An EHR is derived as y's EHR.</item>
/// </list>
/// Both apply only to variables reached through plain CONTAINS and AND (not OR, not below NOT CONTAINS), without
/// predicates read from the document.
/// </summary>
public sealed partial class SqlCompiler
{
    private readonly Dictionary<PlanVariable, (ValueSource Source, ComparisonCondition Comparison)> _anchors = [];
    private readonly Dictionary<ValueSource, string> _anchorAlias = [];

    private void FindAnchors(AqlQuery query)
    {
        if (query.Where is null) return;
        var plain = new HashSet<PlanVariable>();
        PlainVariables(query.From.Contains, plain);
        var conjuncts = new List<ComparisonCondition>();
        Conjuncts(query.Where.Condition, conjuncts);
        // An equality is usually the narrower range; otherwise the order the query gives.
        foreach (var comparison in conjuncts.OrderBy(c => c.Operator == ComparisonOperator.Equal ? 0 : 1))
        {
            var path = comparison.Left is IdentifiedPath l && IsValue(comparison.Right) ? l
                : comparison.Right is IdentifiedPath r && IsValue(comparison.Left) ? r
                : null;
            if (path is null || comparison.Left is NullLiteral || comparison.Right is NullLiteral) continue;
            var source = SourceOf(path);
            var owner = source.Owner;
            if (source.Kind != SourceKind.Leaf || source.NamedSteps.Count > 0 || source.Column == LeafColumn.None) continue;
            if (owner.Kind != VariableKind.Node || owner.Filters.Count > 0 || !plain.Contains(owner)) continue;
            if (owner.Instances.Select(m => m.Depth).Distinct().Count() != 1) continue;
            _anchors.TryAdd(owner, (source, comparison));
        }
    }

    private static void Conjuncts(AqlCondition condition, List<ComparisonCondition> into)
    {
        switch (condition)
        {
            case AndCondition and:
                foreach (var operand in and.Operands) Conjuncts(operand, into);
                break;
            case ComparisonCondition comparison:
                into.Add(comparison);
                break;
        }
    }

    private void PlainVariables(ContainsExpression expression, HashSet<PlanVariable> into)
    {
        switch (expression)
        {
            case Containment c:
                into.Add(_plan.ByClass[c.Class]);
                if (c.Contained is not null && !c.Negated) PlainVariables(c.Contained, into);
                break;
            case ContainsAnd and:
                foreach (var operand in and.Operands) PlainVariables(operand, into);
                break;
        }
    }

    private static readonly string[] AnchorLeafColumns = ["path_id", "ancestors", "num", "text", "term"];

    /// <summary>The anchor's own leaf row, carried with the instance it found.</summary>
    private static IEnumerable<string> AnchorColumns(PlanVariable v) => AnchorLeafColumns.Select(c => $"v{v.Index}_l{c}");

    private bool IsAnchor(ValueSource source) => _anchors.TryGetValue(source.Owner, out var anchor) && ReferenceEquals(anchor.Source, source);

    /// <summary>
    /// The anchor's value needs no join: each instance row came from one of its leaf rows, and the rows of the value
    /// that fail the anchor's condition would have been removed by WHERE.
    /// </summary>
    private static string AnchorRow(ValueSource source)
    {
        var o = source.Owner.Index;
        return $"CROSS JOIN LATERAL (SELECT f.v{o}_e AS ehr_id, f.v{o}_vk AS version_key, " +
               string.Join(", ", AnchorLeafColumns.Select(c => $"f.v{o}_l{c} AS {c}")) + $") AS {source.Alias}";
    }

    /// <summary>
    /// The instances of <paramref name="v"/> (at one depth) from the leaf rows that satisfy its anchor, one row per leaf
    /// row, which the anchor's value then reads (so two matching values of one instance give two rows, as the join did).
    /// </summary>
    private string AnchoredInstances(PlanVariable v, int depth, (ValueSource Source, ComparisonCondition Comparison) anchor)
    {
        var i = v.Index;
        var ids = PathIds(anchor.Source.Matches.Select(m => m.PathId));
        var prefix = depth == 0 ? "''::bytea" : $"substring(l.ancestors from 1 for {depth * 2})";
        _anchorAlias[anchor.Source] = "l";
        string condition;
        try
        {
            condition = Comparison(anchor.Comparison);
        }
        finally
        {
            _anchorAlias.Remove(anchor.Source);
        }
        return $"SELECT l.ehr_id AS v{i}_e, l.version_key AS v{i}_vk, {prefix} AS v{i}_p, " +
               string.Join(", ", AnchorLeafColumns.Select(c => $"l.{c} AS v{i}_l{c}")) + " FROM leaf_value l" +
               $"{LatestJoin(v, "l")} WHERE l.tenant_id = @tenant AND l.path_id {ids} AND {condition}{EhrScan("l")}";
    }

    /// <summary>
    /// The select list that makes x's instance columns from the rows of y (alias <paramref name="ya"/>) it contains, or
    /// null when x must be found on its own.
    /// </summary>
    private static string? DerivedFrom(PlanVariable x, PlanVariable y, string ya)
    {
        var (xi, yi) = (x.Index, y.Index);
        if (x.Kind == VariableKind.Ehr && y.Kind is VariableKind.Node or VariableKind.Version)
        {
            return $"{ya}.v{yi}_e AS v{xi}_e";
        }
        if (x.Kind != VariableKind.Node || y.Kind != VariableKind.Node || x.Filters.Count > 0 || !x.IsLocatable
            || x.LatestOnly != y.LatestOnly || x.Excluded || y.Excluded || y.Instances.Count == 0)
        {
            return null;
        }
        var depths = x.Instances.Select(m => m.Depth).Distinct().ToList();
        if (depths.Count != 1) return null;
        var depth = depths[0];
        if (y.Instances.Any(m => m.Depth < depth || (y.IsLocatable && m.Depth == depth))) return null;
        var prefix = depth == 0 ? "''::bytea" : $"substring({ya}.v{yi}_p from 1 for {depth * 2})";
        return $"{ya}.v{yi}_e AS v{xi}_e, {ya}.v{yi}_vk AS v{xi}_vk, {prefix} AS v{xi}_p";
    }
}
