using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Ecl.Syntax;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Terminology.Ecl.Evaluation;

/// <summary>
/// Evaluates a parsed expression constraint against a <see cref="SnomedIndex"/>. Sets are ascending arrays of the
/// index's concept numbers; hierarchy operators are slices of the stored IS-A closure, refinements scan the
/// candidates' relationships against a bitmap of the value set. Inactive concepts are left out of the result
/// unless the expression asks for them with a concept filter <c>{{ C active = false }}</c> (or <c>*</c>). An evaluator
/// keeps per-evaluation state, so use one per thread.
/// </summary>
public sealed partial class EclEvaluator(SnomedIndex index)
{
    private readonly SnomedIndex _index = index;

    public ConceptSet Evaluate(string ecl) => Evaluate(EclParser.Parse(ecl));

    public ConceptSet Evaluate(EclExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _admitInactive = false;
        _lookups.Clear();
        _reversedGroups.Clear();
        _supplemented.Clear();
        var items = Expression(expression);
        if (!AsksForInactive(expression))
        {
            items = Array.FindAll(items, c => _index.ConceptActive[c] || _supplemented.Contains(c));
        }

        return new ConceptSet(_index, items);
    }

    private int[] Expression(EclExpression expression) => expression switch
    {
        EclSubExpression sub => SubExpression(sub),
        EclConjunctionExpression and => and.Operands.Skip(1).Aggregate(SubExpression(and.Operands[0]), (acc, o) => SortedSets.Intersect(acc, SubExpression(o))),
        EclDisjunctionExpression or => or.Operands.Skip(1).Aggregate(SubExpression(or.Operands[0]), (acc, o) => SortedSets.Union(acc, SubExpression(o))),
        EclExclusionExpression minus => SortedSets.Except(SubExpression(minus.Left), SubExpression(minus.Right)),
        EclRefinedExpression refined => Refined(refined),
        EclDottedExpression dotted => Dotted(dotted),
        _ => throw Unsupported(expression, "this kind of expression"),
    };

    private int[] SubExpression(EclSubExpression sub)
    {
        var result = SubExpressionWithoutHistory(sub);
        return sub.History is { } history ? History(history, result) : result;
    }

    private int[] SubExpressionWithoutHistory(EclSubExpression sub)
    {
        int[] focus;
        if (sub.MemberOf is not null)
        {
            focus = MemberOf(sub);
        }
        else if (sub.Operator is { } op && sub.Focus is EclConceptReference single)
        {
            // The common case << X is one slice of the closure, already sorted.
            return ApplyFilters(sub, SingleHierarchy(op, Require(single)));
        }
        else
        {
            focus = Focus(sub.Focus);
        }

        if (sub.Operator is { } op2)
        {
            focus = Hierarchy(op2, focus);
        }

        return ApplyFilters(sub, focus);
    }

    private int[] Focus(EclFocus focus) => focus switch
    {
        EclConceptReference reference => [Require(reference)],
        EclWildcard => SortedSets.Range(_index.ConceptCount),
        EclNestedExpression nested => Expression(nested.Expression),
        EclAlternateIdentifier alternate => throw new EclEvaluationException(
            $"alternate identifier {alternate.Scheme}#{alternate.Code} cannot be resolved: the index holds no alternate identifier data "
            + "(no identifier file or alternate identifier reference set is loaded)", alternate.Span),
        _ => throw Unsupported(focus, "this kind of focus"),
    };

    private int Require(EclConceptReference reference) =>
        _index.ConceptIndex.TryGetValue(reference.ConceptId, out var c)
            ? c
            : throw new EclEvaluationException($"concept {reference.ConceptId} is not in the terminology", reference.Span);

    private int[] SingleHierarchy(EclConstraintOperator op, int c) => op switch
    {
        EclConstraintOperator.DescendantOf => _index.DescendantsOf[c].ToArray(),
        EclConstraintOperator.DescendantOrSelfOf => WithSelf(_index.DescendantsOf[c], c),
        EclConstraintOperator.ChildOf => _index.ChildrenOf[c].ToArray(),
        EclConstraintOperator.ChildOrSelfOf => WithSelf(_index.ChildrenOf[c], c),
        EclConstraintOperator.AncestorOf => _index.AncestorsOf[c].ToArray(),
        EclConstraintOperator.AncestorOrSelfOf => WithSelf(_index.AncestorsOf[c], c),
        EclConstraintOperator.ParentOf => _index.ParentsOf[c].ToArray(),
        EclConstraintOperator.ParentOrSelfOf => WithSelf(_index.ParentsOf[c], c),
        _ => [c], // the top and the bottom of a one-concept set are the concept
    };

    private static int[] WithSelf(ReadOnlySpan<int> related, int self)
    {
        var result = new int[related.Length + 1];
        var at = ~related.BinarySearch(self);
        if (at < 0) return related.ToArray();
        related[..at].CopyTo(result);
        result[at] = self;
        related[at..].CopyTo(result.AsSpan(at + 1));
        return result;
    }

    private int[] Hierarchy(EclConstraintOperator op, int[] focus)
    {
        if (focus.Length == 1) return SingleHierarchy(op, focus[0]);
        var n = _index.ConceptCount;
        switch (op)
        {
            case EclConstraintOperator.Top:
            {
                var inSet = SortedSets.Bitmap(focus, n);
                return Array.FindAll(focus, c => !Any(_index.AncestorsOf[c], inSet));
            }
            case EclConstraintOperator.Bottom:
            {
                // c is a bottom when no member lies below it, that is when it is no member's ancestor.
                var above = new bool[n];
                foreach (var c in focus) foreach (var a in _index.AncestorsOf[c]) above[a] = true;
                return Array.FindAll(focus, c => !above[c]);
            }
        }

        var (rows, self) = op switch
        {
            EclConstraintOperator.DescendantOf => (_index.DescendantsOf, false),
            EclConstraintOperator.DescendantOrSelfOf => (_index.DescendantsOf, true),
            EclConstraintOperator.ChildOf => (_index.ChildrenOf, false),
            EclConstraintOperator.ChildOrSelfOf => (_index.ChildrenOf, true),
            EclConstraintOperator.AncestorOf => (_index.AncestorsOf, false),
            EclConstraintOperator.AncestorOrSelfOf => (_index.AncestorsOf, true),
            EclConstraintOperator.ParentOf => (_index.ParentsOf, false),
            _ => (_index.ParentsOf, true),
        };
        var bits = new bool[n];
        foreach (var c in focus)
        {
            if (self) bits[c] = true;
            foreach (var r in rows[c]) bits[r] = true;
        }

        return SortedSets.FromBitmap(bits);
    }

    private static bool Any(ReadOnlySpan<int> items, bool[] bits)
    {
        foreach (var i in items) if (bits[i]) return true;
        return false;
    }

    private static int[] Normalise(List<int> items)
    {
        items.Sort();
        var result = new List<int>(items.Count);
        foreach (var i in items) if (result.Count == 0 || result[^1] != i) result.Add(i);
        return result.ToArray();
    }

    private static EclEvaluationException Unsupported(EclNode node, string what) =>
        new($"{what} are not supported by the evaluator", node.Span);
}
