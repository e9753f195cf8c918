using Fkj.Cdr.Aql.Planning;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Aql.Writing;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>
/// Semantic analysis: binds a parsed query to the RM and to the path catalogue and produces its
/// <see cref="QueryPlan"/>. Each FROM variable gets its class, archetype and the catalogued paths that find its
/// instances; each path of SELECT, WHERE and ORDER BY is checked against the RM (an attribute no type has is an
/// <see cref="AqlSemanticException"/> at its place) and bound to a <see cref="ValueSource"/>.
/// </summary>
public sealed class QueryAnalyzer
{
    private static readonly RmType Composition = RmModel.Get("COMPOSITION");
    private static readonly RmType EhrStatus = RmModel.Get("EHR_STATUS");
    private static readonly RmType EhrType = RmModel.Get("EHR");
    private static readonly RmType VersionType = RmModel.Get("ORIGINAL_VERSION");

    private readonly AqlQuery _query;
    private readonly IPathCatalogue _catalogue;
    private readonly List<PlanVariable> _variables = [];
    private readonly Dictionary<ClassExpression, PlanVariable> _byClass = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, PlanVariable> _byName = new(StringComparer.OrdinalIgnoreCase);
    // Every (path, step index) where a Node variable's chain matches, per variable.
    private readonly Dictionary<PlanVariable, List<(CataloguedPath Path, int Step)>> _steps = [];
    private readonly Dictionary<string, ValueSource> _sources = new(StringComparer.Ordinal);
    private readonly List<ValueSource> _sourceList = [];
    private AqlExpression? _ehrIdFilter;

    private QueryAnalyzer(AqlQuery query, IPathCatalogue catalogue)
    {
        _query = query;
        _catalogue = catalogue;
    }

    public static QueryPlan Analyze(AqlQuery query, IPathCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalogue);
        return new QueryAnalyzer(query, catalogue).Run();
    }

    private QueryPlan Run()
    {
        Declare(_query.From.Contains, parent: null, latestOnly: true);
        foreach (var variable in _variables.Where(v => v.Kind == VariableKind.Node))
        {
            MatchInstances(variable);
        }

        var columns = new List<OutputColumn>();
        for (var i = 0; i < _query.Select.Columns.Count; i++)
        {
            columns.Add(Column(_query.Select.Columns[i], i));
        }
        if (_query.Where is { } where) BindCondition(where.Condition);
        if (_query.OrderBy is { } orderBy)
        {
            foreach (var key in orderBy.Keys)
            {
                if (key.Path.IsVariableOnly && !_byName.ContainsKey(key.Path.Variable))
                {
                    continue; // a column alias
                }
                Source(key.Path);
            }
        }

        return new QueryPlan
        {
            Query = _query,
            Variables = _variables,
            ByClass = _byClass,
            Sources = _sourceList,
            Columns = columns,
            EhrIdFilter = _ehrIdFilter,
        };
    }

    // FROM -------------------------------------------------------------------------------------------------

    private void Declare(ContainsExpression expression, PlanVariable? parent, bool latestOnly)
    {
        switch (expression)
        {
            case Containment containment:
                var variable = DeclareClass(containment.Class, parent, latestOnly);
                if (containment.Contained is { } contained)
                {
                    var before = _variables.Count;
                    Declare(contained, variable, variable.LatestOnly);
                    if (containment.Negated || variable.Excluded)
                    {
                        // What NOT CONTAINS names only excludes: it has no instances a path could read.
                        for (var i = before; i < _variables.Count; i++) _variables[i].Excluded = true;
                    }
                }
                break;
            case ContainsAnd and:
                foreach (var operand in and.Operands) Declare(operand, parent, latestOnly);
                break;
            case ContainsOr or:
                foreach (var operand in or.Operands) Declare(operand, parent, latestOnly);
                break;
        }
    }

    private PlanVariable DeclareClass(ClassExpression expression, PlanVariable? parent, bool latestOnly)
    {
        var name = expression.Variable ?? $"_{_variables.Count}";
        var upper = expression.RmType.ToUpperInvariant();
        VariableKind kind;
        RmType type;
        string? archetypeId = null;
        if (upper == "EHR")
        {
            kind = VariableKind.Ehr;
            type = EhrType;
            if (parent is not null)
            {
                throw new AqlSemanticException("An EHR contains compositions and is contained in nothing.", expression.Span);
            }
        }
        else if (upper == "VERSION")
        {
            kind = VariableKind.Version;
            type = VersionType;
            if (parent is { Kind: not VariableKind.Ehr })
            {
                throw new AqlSemanticException("A VERSION is contained only in an EHR.", expression.Span);
            }
        }
        else
        {
            kind = VariableKind.Node;
            type = RmModel.Find(upper) is { } found && !upper.Contains('<')
                ? found
                : throw new AqlSemanticException($"'{expression.RmType}' is not an RM class.", expression.Span);
            if (upper == "FOLDER")
            {
                throw new AqlSemanticException("FOLDER is not queryable yet.", expression.Span, unsupported: true);
            }
            if (!type.IsSubtypeOf(RmPaths.Pathable))
            {
                throw new AqlSemanticException($"{type.Name} is not a class AQL can select from (it is not a part of a record).", expression.Span);
            }
            if (parent is { Kind: VariableKind.Node } p && (type.IsSubtypeOf(Composition) || type.IsSubtypeOf(EhrStatus)))
            {
                throw new AqlSemanticException($"A {type.Name} is a whole document; it cannot be contained in {p.Type.Name} {p.Name}.", expression.Span);
            }
        }

        switch (expression.Predicate)
        {
            case null:
                break;
            case LatestVersionPredicate when kind == VariableKind.Version:
                break;
            case AllVersionsPredicate when kind == VariableKind.Version:
                latestOnly = false;
                break;
            case NodePredicate { Kind: NodeIdKind.ArchetypeId, Name: null } node when kind == VariableKind.Node:
                archetypeId = node.NodeId;
                break;
            case NodePredicate { Name: not null } named:
                throw new AqlSemanticException("Name predicates in FROM are not supported yet.", named.Span, unsupported: true);
            case ComparisonPredicate { Operator: ComparisonOperator.Equal } comparison when kind == VariableKind.Ehr
                && comparison.Path.Parts is [{ Attribute: "ehr_id", Predicate: null }, { Attribute: "value", Predicate: null }]:
                if (comparison.Value is not (StringLiteral or ParameterRef))
                {
                    throw new AqlSemanticException("ehr_id/value is compared with a string or a parameter.", comparison.Value.Span);
                }
                _ehrIdFilter = comparison.Value;
                break;
            default:
                throw new AqlSemanticException("This predicate is not supported in FROM yet.", expression.Predicate.Span, unsupported: true);
        }

        if (expression.Variable is not null && _byName.ContainsKey(expression.Variable))
        {
            throw new AqlSemanticException($"The variable {expression.Variable} is declared twice.", expression.Span);
        }
        var variable = new PlanVariable
        {
            Name = name,
            Index = _variables.Count,
            Kind = kind,
            Type = type,
            ArchetypeId = archetypeId,
            Parent = parent,
            Span = expression.Span,
            IsLocatable = type.IsSubtypeOf(RmPaths.Locatable),
            LatestOnly = latestOnly,
        };
        _variables.Add(variable);
        _byClass[expression] = variable;
        _byName[name] = variable;
        return variable;
    }

    /// <summary>The catalogued steps a Node variable's chain (its Node ancestors, then itself) matches, in order.</summary>
    private void MatchInstances(PlanVariable variable)
    {
        var chain = new List<PlanVariable>();
        for (var v = variable; v is { Kind: VariableKind.Node }; v = v.Parent) chain.Insert(0, v);
        var steps = new List<(CataloguedPath Path, int Step)>();
        foreach (var path in _catalogue.Paths)
        {
            foreach (var step in ChainEnds(path, chain, 0, 0))
            {
                steps.Add((path, step));
            }
        }
        _steps[variable] = steps;
        if (!variable.IsLocatable && steps.Count > 0)
        {
            var (path, step) = steps[0];
            var holder = step;
            while (!path.Steps[holder].IsLocatable) holder--;
            variable.Approach = path.Steps.Skip(holder + 1).Take(step - holder).Select(s => s.Attribute).ToList();
        }

        // A whole document's instances are found through its one mandatory leaf (a composition's category)
        // where it has one, rather than through every leaf.
        IEnumerable<(CataloguedPath Path, int Step)> finding = steps;
        if (variable.Type.IsSubtypeOf(Composition))
        {
            finding = steps.Where(s => s.Path.Steps is [_, { Attribute: "category" }]);
        }
        variable.Instances = finding.Select(s => (s.Path.Id, s.Path.Steps[s.Step].Depth)).Distinct().ToList();
    }

    private static IEnumerable<int> ChainEnds(CataloguedPath path, List<PlanVariable> chain, int chainIndex, int from)
    {
        var v = chain[chainIndex];
        var documentRoot = v.Type.IsSubtypeOf(Composition) || v.Type.IsSubtypeOf(EhrStatus);
        var first = documentRoot ? 0 : Math.Max(from, 1);
        var last = documentRoot ? 0 : path.Steps.Count - 1;
        for (var i = first; i <= last && i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            if (!step.Type.IsSubtypeOf(v.Type) || (v.ArchetypeId is { } id && step.NodeId != id)) continue;
            if (chainIndex == chain.Count - 1)
            {
                yield return i;
            }
            else
            {
                foreach (var end in ChainEnds(path, chain, chainIndex + 1, i + 1)) yield return end;
            }
        }
    }

    // Paths --------------------------------------------------------------------------------------------------

    private OutputColumn Column(SelectColumn column, int index)
    {
        var name = column.Alias ?? $"#{index}";
        switch (column.Expression)
        {
            case IdentifiedPath path:
                return new OutputColumn { Name = name, Path = ColumnPath(path), Kind = OutputKind.Value, Source = Source(path, forOutput: true) };
            case AggregateCall aggregate:
                ValueSource? source = null;
                if (aggregate.Argument is { } argument)
                {
                    source = Source(argument);
                    if (aggregate.Function is not AggregateFunction.Count && SqlValue(source) is null)
                    {
                        throw new AqlSemanticException($"{aggregate.Function.ToString().ToUpperInvariant()} needs a value the query index holds (a magnitude, a date-time, a code).",
                            argument.Span, unsupported: true);
                    }
                }
                return new OutputColumn { Name = name, Path = AqlWriter.Write(aggregate), Kind = OutputKind.Aggregate, Aggregate = aggregate, Source = source };
            case StringLiteral s:
                return new OutputColumn { Name = name, Path = "", Kind = OutputKind.Literal, Literal = s.Value };
            case IntegerLiteral n:
                return new OutputColumn { Name = name, Path = "", Kind = OutputKind.Literal, Literal = n.Value };
            case RealLiteral r:
                return new OutputColumn { Name = name, Path = "", Kind = OutputKind.Literal, Literal = r.Value };
            case BooleanLiteral b:
                return new OutputColumn { Name = name, Path = "", Kind = OutputKind.Literal, Literal = b.Value };
            case NullLiteral:
                return new OutputColumn { Name = name, Path = "", Kind = OutputKind.Literal, Literal = null };
            default:
                throw new AqlSemanticException("Functions in SELECT are not supported yet.", column.Expression.Span, unsupported: true);
        }
    }

    private static string ColumnPath(IdentifiedPath path) =>
        path.Path is { } p ? "/" + AqlWriter.Write(p) : "";

    /// <summary>The SQL-side kind of a source's value, or null when it is only in the document.</summary>
    internal static LeafColumn? SqlValue(ValueSource source) => source.Kind switch
    {
        SourceKind.Leaf when source.Column != LeafColumn.None => source.Column,
        SourceKind.Ehr or SourceKind.Version => LeafColumn.None,
        _ => null,
    };

    private void BindCondition(AqlCondition condition)
    {
        switch (condition)
        {
            case AndCondition and:
                foreach (var c in and.Operands) BindCondition(c);
                break;
            case OrCondition or:
                foreach (var c in or.Operands) BindCondition(c);
                break;
            case NotCondition not:
                BindCondition(not.Operand);
                break;
            case ComparisonCondition comparison:
                BindOperand(comparison.Left);
                BindOperand(comparison.Right);
                break;
            case LikeCondition like:
                Source(like.Subject);
                break;
            case MatchesCondition matches:
                Source(matches.Subject);
                break;
            case ExistsCondition exists:
                Source(exists.Path);
                break;
            case NullCondition isNull:
                BindOperand(isNull.Subject);
                break;
        }
    }

    private void BindOperand(AqlExpression expression)
    {
        switch (expression)
        {
            case IdentifiedPath path:
                Source(path);
                break;
            case FunctionCall function:
                throw new AqlSemanticException($"The function {function.Name} is not supported in WHERE yet.", function.Span, unsupported: true);
            case TerminologyCall terminology:
                throw new AqlSemanticException("TERMINOLOGY() is not supported yet.", terminology.Span, unsupported: true);
        }
    }

    /// <summary>The value source of a path (one per distinct path, shared by every clause that names it).</summary>
    internal ValueSource Source(IdentifiedPath path, bool forOutput = false)
    {
        if (!_byName.TryGetValue(path.Variable, out var owner))
        {
            throw new AqlSemanticException($"'{path.Variable}' is not a variable of the FROM clause.", path.Span);
        }
        if (owner.Excluded)
        {
            throw new AqlSemanticException($"{owner.Name} is declared after NOT CONTAINS, which only excludes: it has no values to read.", path.Span);
        }
        if (path.Predicate is not null)
        {
            throw new AqlSemanticException("A predicate on a variable in a path is not supported yet.", path.Predicate.Span, unsupported: true);
        }
        var parts = path.Path?.Parts ?? AqlList<PathPart>.Empty;
        var key = $"{owner.Index}:{(path.Path is null ? "" : AqlWriter.Write(path.Path))}";
        if (!_sources.TryGetValue(key, out var source))
        {
            source = owner.Kind switch
            {
                VariableKind.Ehr => EhrSource(owner, parts, path.Span),
                VariableKind.Version => VersionSource(owner, parts, path.Span),
                _ => NodeSource(owner, parts, path.Span),
            };
            _sources[key] = source;
            _sourceList.Add(source);
        }
        if (forOutput && source.Kind is SourceKind.Self or SourceKind.Node
            || forOutput && source.Kind == SourceKind.Leaf && !SelectsFromIndex(source))
        {
            source.NeedsDocument = true;
        }
        return source;
    }

    /// <summary>Whether a selected leaf value is written from the index column (exact) rather than from the document.</summary>
    internal static bool SelectsFromIndex(ValueSource source) =>
        source.Kind == SourceKind.Leaf && source.Column != LeafColumn.None && source.EndType is null
        && (source.Column != LeafColumn.Num || source.Meaning is NumMeaning.Number or NumMeaning.Integer or NumMeaning.Boolean)
        && (source.Column != LeafColumn.Text || LeafColumns.IsExact(source.Column, source.DataValueTypeName ?? ""));

    private ValueSource EhrSource(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span)
    {
        var text = string.Join('/', parts.Select(p => p.Predicate is null ? p.Attribute : "?"));
        var column = text switch
        {
            "ehr_id/value" => "ehr_id",
            "ehr_id" => "ehr_id_object",
            "time_created/value" => "time_created",
            "system_id/value" => "system_id",
            "ehr_status/subject/external_ref/id/value" => "subject_id",
            "ehr_status/subject/external_ref/namespace" => "subject_namespace",
            "ehr_status/is_queryable" => "is_queryable",
            "ehr_status/is_modifiable" => "is_modifiable",
            _ => null,
        };
        if (column is null)
        {
            if (parts.Count > 0 && EhrType.FindAttribute(parts[0].Attribute) is null)
            {
                throw new AqlSemanticException($"'{parts[0].Attribute}' is not an attribute of EHR.", parts[0].Span);
            }
            throw new AqlSemanticException(parts.Count == 0 ? "Selecting a whole EHR is not supported yet." : $"The EHR path {text} is not supported yet.",
                span, unsupported: true);
        }
        return new ValueSource { Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Ehr, SpecialColumn = column, Span = span };
    }

    private ValueSource VersionSource(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span)
    {
        var text = string.Join('/', parts.Select(p => p.Predicate is null ? p.Attribute : "?"));
        var column = text switch
        {
            "uid/value" => "uid",
            "commit_audit/time_committed/value" => "time_committed",
            "commit_audit/system_id" => "system_id",
            "commit_audit/change_type/defining_code/code_string" => "change_type",
            "contribution/id/value" => "contribution_id",
            "lifecycle_state/defining_code/code_string" => "lifecycle_state",
            _ => null,
        };
        if (column is null)
        {
            if (parts.Count > 0)
            {
                RmPaths.Follow(VersionType, parts);
            }
            throw new AqlSemanticException(parts.Count == 0 ? "Selecting a whole VERSION is not supported yet." : $"The VERSION path {text} is not supported yet.",
                span, unsupported: true);
        }
        return new ValueSource { Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Version, SpecialColumn = column, Span = span };
    }

    private ValueSource NodeSource(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span)
    {
        var ends = RmPaths.Follow(owner.Type, parts);
        foreach (var part in parts)
        {
            if (part.Predicate is not (null or NodePredicate { Name: null }))
            {
                throw new AqlSemanticException("Only node id predicates ([at0001], [openEHR-EHR-...]) are supported in paths yet.", part.Predicate.Span, unsupported: true);
            }
        }
        RmType? endType = ends.Count == 0 ? null : ends[0];

        // A first attribute the index does not walk (name, uid, composer, language, ...) is read from the
        // variable's own node in the document.
        if (parts.Count == 0 || (owner.IsLocatable && !RmPaths.IsIndexed(owner.Type, parts[0].Attribute)))
        {
            return new ValueSource { Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Self, EndType = endType, Span = span };
        }

        var matches = new List<(int PathId, int AnchorDepth, int TailStart)>();
        var leafOnly = true;
        var dataValueTypes = new HashSet<string>();
        List<string>? inner = null;
        foreach (var (path, start) in _steps[owner])
        {
            if (MatchPath(path, start, parts) is not { } match) continue;
            matches.Add((path.Id, match.AnchorDepth, match.TailStart));
            leafOnly &= match.Leaf;
            if (match.Leaf)
            {
                dataValueTypes.Add(path.Steps[^1].Type.Name);
                inner = match.Inner;
            }
        }
        matches = matches.Distinct().ToList();
        var column = LeafColumn.None;
        var meaning = NumMeaning.Number;
        string? dvType = null;
        if (leafOnly && matches.Count > 0 && dataValueTypes.Count == 1)
        {
            dvType = dataValueTypes.First();
            (column, meaning) = LeafColumns.Of(dvType, inner!);
        }
        else if (matches.Count == 0 && LeafGuess(owner, parts) is { } guess)
        {
            // No data at this path yet: the query is still valid and finds nothing.
            dvType = guess.Type;
            (column, meaning) = LeafColumns.Of(guess.Type, guess.Inner);
        }
        else if (matches.Count == 0 && endType is null)
        {
            leafOnly = true;
        }
        return new ValueSource
        {
            Index = _sourceList.Count,
            Owner = owner,
            Parts = parts,
            Kind = leafOnly ? SourceKind.Leaf : SourceKind.Node,
            Matches = matches,
            TailStarts = matches.GroupBy(m => m.PathId).ToDictionary(g => g.Key, g => g.First().TailStart),
            Column = column,
            Meaning = meaning,
            EndType = column == LeafColumn.None ? endType : null,
            DataValueTypeName = dvType,
            Span = span,
        };
    }

    private static (string Type, List<string> Inner)? LeafGuess(PlanVariable owner, AqlList<PathPart> parts)
    {
        // By the RM alone: the last data value on the path, narrowed to the types that have the attributes below it.
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var types = RmPaths.Follow(owner.Type, parts.AsSpan()[..(i + 1)].ToArray());
            if (types.Count == 0 || !types.All(t => t.IsSubtypeOf(RmPaths.DataValue))) continue;
            var inner = parts.Skip(i + 1).Select(p => p.Attribute).ToList();
            var candidates = types.Where(t => !t.IsAbstract && (inner.Count == 0 || t.FindAttribute(inner[0]) is not null))
                .Select(t => (t.Name, Mapping: LeafColumns.Of(t.Name, inner))).ToList();
            if (candidates.Count > 0 && candidates.All(c => c.Mapping.Column == candidates[0].Mapping.Column && c.Mapping.Column != LeafColumn.None))
            {
                return (candidates[0].Name, inner);
            }
            return null;
        }
        return null;
    }

    private sealed record PathMatch(bool Leaf, int AnchorDepth, int TailStart, List<string>? Inner);

    /// <summary>
    /// Matches the parts of a path below the step <paramref name="start"/> of a catalogued path. The value is read
    /// from the deepest LOCATABLE the match passes (its anchor), and the parts below it (the tail) from the document.
    /// </summary>
    private static PathMatch? MatchPath(CataloguedPath path, int start, IReadOnlyList<PathPart> parts)
    {
        var steps = path.Steps;
        var anchorStep = start;
        // The anchor of a non-LOCATABLE variable (EVENT_CONTEXT) is the LOCATABLE above it.
        while (!steps[anchorStep].IsLocatable) anchorStep--;
        var tailStart = steps[start].IsLocatable ? 0 : -(start - anchorStep);
        var s = start;
        for (var j = 0; j < parts.Count; j++)
        {
            var part = parts[j];
            if (s + 1 >= steps.Count)
            {
                // Past the catalogued data value: the rest is inside it.
                if (!steps[s].Type.IsSubtypeOf(RmPaths.DataValue)) return null;
                return new PathMatch(true, steps[anchorStep].Depth, tailStart, parts.Skip(j).Select(p => p.Attribute).ToList());
            }
            var next = steps[s + 1];
            if (next.Attribute != part.Attribute)
            {
                // An attribute the index does not walk: read from the document below the current node.
                if (!RmPaths.IsIndexed(steps[s].Type, part.Attribute) && steps[s].Type.FindAttribute(part.Attribute) is not null)
                {
                    return new PathMatch(false, steps[anchorStep].Depth, tailStart, null);
                }
                return null;
            }
            if (part.Predicate is NodePredicate node && node.NodeId != next.NodeId) return null;
            s++;
            if (steps[s].IsLocatable)
            {
                anchorStep = s;
                tailStart = j + 1;
            }
        }
        var leaf = s == steps.Count - 1 && steps[s].Type.IsSubtypeOf(RmPaths.DataValue);
        return new PathMatch(leaf, steps[anchorStep].Depth, tailStart, leaf ? [] : null);
    }
}
