using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>
/// A value that only one WHERE conjunct reads (<c>WHERE .../time/value &gt; $since</c>) is a test, not a column: it
/// becomes <c>EXISTS</c> over the instance's leaf rows instead of a LEFT JOIN that carries every value of it to the
/// outer query, which PostgreSQL can run as a semi-join and stop at the first match. A value read anywhere else
/// (selected, sorted, in another condition) keeps its join, and so its one row per value.
/// </summary>
public sealed partial class SqlCompiler
{
    private readonly Dictionary<ComparisonCondition, ValueSource> _existsTests = new(ReferenceEqualityComparer.Instance);

    private void FindExistsTests(AqlQuery query)
    {
        if (query.Where is null) return;
        var uses = new Dictionary<ValueSource, int>();
        foreach (var column in query.Select.Columns) CountUses(column.Expression, uses);
        CountUses(query.Where.Condition, uses);
        foreach (var key in query.OrderBy?.Keys ?? []) CountUses(key.Path, uses);

        var conjuncts = new List<ComparisonCondition>();
        Conjuncts(query.Where.Condition, conjuncts);
        foreach (var comparison in conjuncts)
        {
            var path = comparison.Left is IdentifiedPath l && IsValue(comparison.Right) ? l
                : comparison.Right is IdentifiedPath r && IsValue(comparison.Left) ? r
                : null;
            if (path is null || comparison.Left is NullLiteral || comparison.Right is NullLiteral || !IsVariablePath(path)) continue;
            var source = SourceOf(path);
            if (source.Kind != SourceKind.Leaf || source.NamedSteps.Count > 0 || source.Column == LeafColumn.None) continue;
            if (source.Owner.Kind != VariableKind.Node || IsAnchor(source) || uses.GetValueOrDefault(source) != 1) continue;
            _existsTests[comparison] = source;
        }
    }

    private bool IsVariablePath(IdentifiedPath path) =>
        _plan.Variables.Any(v => string.Equals(v.Name, path.Variable, StringComparison.OrdinalIgnoreCase));

    private void CountUses(AqlNode? node, Dictionary<ValueSource, int> uses)
    {
        switch (node)
        {
            case IdentifiedPath path when IsVariablePath(path):
                var source = SourceOf(path);
                uses[source] = uses.GetValueOrDefault(source) + 1;
                break;
            case FunctionCall call:
                foreach (var argument in call.Arguments) CountUses(argument, uses);
                break;
            case AggregateCall aggregate:
                CountUses(aggregate.Argument, uses);
                break;
            case AndCondition and:
                foreach (var operand in and.Operands) CountUses(operand, uses);
                break;
            case OrCondition or:
                foreach (var operand in or.Operands) CountUses(operand, uses);
                break;
            case NotCondition not:
                CountUses(not.Operand, uses);
                break;
            case ComparisonCondition comparison:
                CountUses(comparison.Left, uses);
                CountUses(comparison.Right, uses);
                break;
            case NullCondition isNull:
                CountUses(isNull.Subject, uses);
                break;
            case LikeCondition like:
                CountUses(like.Subject, uses);
                CountUses(like.Pattern, uses);
                break;
            case MatchesCondition matches:
                CountUses(matches.Subject, uses);
                CountUses(matches.Operand, uses);
                break;
            case ExistsCondition exists:
                CountUses(exists.Path, uses);
                break;
        }
    }

    private string ExistsTest(ValueSource source, ComparisonCondition comparison)
    {
        var o = source.Owner.Index;
        var ids = PathIds(source.Matches.Select(m => m.PathId));
        _anchorAlias[source] = "l";
        try
        {
            return $"EXISTS (SELECT 1 FROM leaf_value l WHERE l.tenant_id = @tenant AND l.ehr_id = f.v{o}_e AND l.version_key = f.v{o}_vk " +
                   $"AND l.path_id {ids}{PrefixTest(source.Owner, "l.ancestors")} AND {Comparison(comparison)})";
        }
        finally
        {
            _anchorAlias.Remove(source);
        }
    }
}
