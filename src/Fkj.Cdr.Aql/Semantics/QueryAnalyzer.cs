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
    private static readonly RmType Folder = RmModel.Get("FOLDER");

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
    private bool _consultedTemplates;

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
        if (_query.Top is { } top && _query.Limit is not null)
        {
            throw new AqlSemanticException("TOP and LIMIT both limit the rows: write one of them (LIMIT, as TOP is the legacy form).", top.Span);
        }
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
            ConsultedTemplates = _consultedTemplates,
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
            if (!type.IsSubtypeOf(RmPaths.Pathable))
            {
                throw new AqlSemanticException($"{type.Name} is not a class AQL can select from (it is not a part of a record).", expression.Span);
            }
            if (type.IsSubtypeOf(Folder))
            {
                kind = VariableKind.Folder;
                if (parent is { Kind: not (VariableKind.Ehr or VariableKind.Folder) } owner)
                {
                    throw new AqlSemanticException($"A FOLDER is contained in an EHR or in another FOLDER, not in {owner.Type.Name} {owner.Name}.", expression.Span);
                }
            }
            else if (parent is { Kind: VariableKind.Folder } folder && !type.IsSubtypeOf(Composition))
            {
                throw new AqlSemanticException(
                    $"A FOLDER contains FOLDERs and COMPOSITIONs; a {type.Name} is found through a COMPOSITION (FOLDER {folder.Name} CONTAINS COMPOSITION c CONTAINS {type.Name} ...).",
                    expression.Span, unsupported: true);
            }
            if (parent is { Kind: VariableKind.Node } p && (type.IsSubtypeOf(Composition) || type.IsSubtypeOf(EhrStatus)))
            {
                throw new AqlSemanticException($"A {type.Name} is a whole document; it cannot be contained in {p.Type.Name} {p.Name}.", expression.Span);
            }
        }

        var filters = new List<InstanceFilter>();
        switch (expression.Predicate)
        {
            case null:
                break;
            case LatestVersionPredicate when kind == VariableKind.Version:
                break;
            case AllVersionsPredicate when kind == VariableKind.Version:
                latestOnly = false;
                break;
            case ComparisonPredicate { Operator: ComparisonOperator.Equal } comparison when kind == VariableKind.Ehr
                && comparison.Path.Parts is [{ Attribute: "ehr_id", Predicate: null }, { Attribute: "value", Predicate: null }]:
                if (comparison.Value is not (StringLiteral or ParameterRef))
                {
                    throw new AqlSemanticException("ehr_id/value is compared with a string or a parameter.", comparison.Value.Span);
                }
                _ehrIdFilter = comparison.Value;
                break;
            case ComparisonPredicate or AndPredicate when kind == VariableKind.Version:
                // A standard predicate chooses among all the versions (those committed after a time, say).
                ReadVersionPredicate(expression.Predicate, filters);
                latestOnly = false;
                break;
            case { } predicate when kind is VariableKind.Node or VariableKind.Folder:
                ReadPredicate(predicate, type, ref archetypeId, filters);
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
            Filters = filters,
        };
        _variables.Add(variable);
        _byClass[expression] = variable;
        _byName[name] = variable;
        return variable;
    }

    /// <summary>
    /// A FROM predicate of a node or folder: the archetype or node id selects catalogued paths (or folders), and what
    /// else it says (a name, standard predicates such as <c>name/value = $name</c>) becomes a filter on the instance.
    /// </summary>
    private static void ReadPredicate(PathPredicate predicate, RmType type, ref string? archetypeId, List<InstanceFilter> filters)
    {
        switch (predicate)
        {
            case NodePredicate node:
                if (archetypeId is not null)
                {
                    throw new AqlSemanticException("The class already has an archetype or node id.", node.Span);
                }
                archetypeId = node.NodeId;
                if (node.Name is { } name)
                {
                    filters.Add(NameFilter(name));
                }
                break;
            case ComparisonPredicate comparison:
                RmPaths.Follow(type, comparison.Path.Parts);
                if (comparison.Path.Parts.Any(p => p.Predicate is not null))
                {
                    throw new AqlSemanticException("A standard predicate's path has no predicates of its own here yet.", comparison.Path.Span, unsupported: true);
                }
                if (comparison.Value is not (StringLiteral or ParameterRef or IntegerLiteral or RealLiteral or BooleanLiteral))
                {
                    throw new AqlSemanticException("A standard predicate compares with a literal or a parameter.", comparison.Value.Span, unsupported: true);
                }
                if (comparison.Path.Parts is [{ Attribute: "archetype_node_id" }] && comparison.Operator == ComparisonOperator.Equal
                    && comparison.Value is StringLiteral id && archetypeId is null)
                {
                    archetypeId = id.Value;
                    break;
                }
                filters.Add(new InstanceFilter(comparison.Path.Parts, comparison.Operator, comparison.Value) { Kind = RmPaths.LastAttributeKind(type, comparison.Path.Parts) });
                break;
            case AndPredicate and:
                foreach (var operand in and.Operands) ReadPredicate(operand, type, ref archetypeId, filters);
                break;
            default:
                throw new AqlSemanticException("This predicate is not supported in FROM yet.", predicate.Span, unsupported: true);
        }
    }

    /// <summary>The filter a node predicate's name stands for: the name's text, or its code for a name given as a term.</summary>
    private static InstanceFilter NameFilter(AqlExpression name) => name switch
    {
        StringLiteral or ParameterRef => new InstanceFilter([new PathPart("name"), new PathPart("value")], ComparisonOperator.Equal, name) { Kind = RmAttributeKind.Text },
        CodeLiteral code => new InstanceFilter([new PathPart("name"), new PathPart("defining_code"), new PathPart("code_string")], ComparisonOperator.Equal,
            new StringLiteral(code.Code) { Span = code.Span }) { Kind = RmAttributeKind.Text },
        TermCodeLiteral term => new InstanceFilter([new PathPart("name"), new PathPart("defining_code"), new PathPart("code_string")], ComparisonOperator.Equal,
            new StringLiteral(term.Code) { Span = term.Span }) { Kind = RmAttributeKind.Text },
        _ => throw new AqlSemanticException("A node's name is a string, a parameter or a term.", name.Span),
    };

    /// <summary>The catalogued steps a Node variable's chain (its Node ancestors, then itself) matches, in order.</summary>
    private void MatchInstances(PlanVariable variable)
    {
        var chain = new List<PlanVariable>();
        for (var v = variable; v is { Kind: VariableKind.Node }; v = v.Parent) chain.Insert(0, v);
        var steps = new List<(CataloguedPath Path, int Step)>();
        foreach (var path in _catalogue.Paths)
        {
            ChainEnds(path, chain, 0, 0, steps);
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

    /// <summary>Adds the steps of <paramref name="path"/> where the chain, from <paramref name="chainIndex"/> on, ends, matching in order from step <paramref name="from"/>.</summary>
    private static void ChainEnds(CataloguedPath path, List<PlanVariable> chain, int chainIndex, int from, List<(CataloguedPath Path, int Step)> ends)
    {
        var v = chain[chainIndex];
        var documentRoot = v.Type.IsSubtypeOf(Composition) || v.Type.IsSubtypeOf(EhrStatus);
        var first = documentRoot ? 0 : Math.Max(from, 1);
        var last = documentRoot ? 0 : path.Steps.Count - 1;
        for (var i = first; i <= last && i < path.Steps.Count; i++)
        {
            var step = path.Steps[i];
            if ((v.ArchetypeId is { } id && step.NodeId != id) || !step.Type.IsSubtypeOf(v.Type)) continue;
            if (chainIndex == chain.Count - 1)
            {
                ends.Add((path, i));
            }
            else
            {
                ChainEnds(path, chain, chainIndex + 1, i + 1, ends);
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
            case FunctionCall function:
                BindOperand(function);
                return new OutputColumn { Name = name, Path = AqlWriter.Write(function), Kind = OutputKind.Expression, Expression = function };
            default:
                throw new AqlSemanticException("This kind of column is not supported in SELECT yet.", column.Expression.Span, unsupported: true);
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
                FunctionRules.Check(function);
                foreach (var argument in function.Arguments) BindOperand(argument);
                break;
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
        if (column is null && parts is [{ Attribute: "ehr_status", Predicate: null }, ..])
        {
            // Anything else of the EHR_STATUS: read from its current version's document.
            var below = parts.Skip(1).ToList();
            RmPaths.Follow(EhrStatus, below);
            CheckDocumentPredicates(below);
            return new ValueSource
            {
                Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Ehr, SpecialColumn = "status", StatusPath = below,
                EndKind = RmPaths.LastAttributeKind(EhrStatus, below), Unindexed = true, Span = span,
            };
        }
        if (column is null)
        {
            if (parts.Count > 0)
            {
                RmPaths.Follow(EhrType, parts);
            }
            throw new AqlSemanticException(parts.Count == 0 ? "Selecting a whole EHR is not supported yet." : $"The EHR path {text} is not supported yet.",
                span, unsupported: true);
        }
        return new ValueSource { Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Ehr, SpecialColumn = column, Span = span };
    }

    private ValueSource VersionSource(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span) =>
        new() { Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Version, SpecialColumn = VersionColumn(parts, span), Span = span };

    /// <summary>The column of the version or its contribution a VERSION path names (uid, commit time, change type, ...).</summary>
    internal static string VersionColumn(IReadOnlyList<PathPart> parts, AqlSpan span)
    {
        var text = string.Join('/', parts.Select(p => p.Predicate is null ? p.Attribute : "?"));
        var column = text switch
        {
            "uid/value" => "uid",
            "commit_audit/time_committed/value" => "time_committed",
            "commit_audit/system_id" => "system_id",
            "commit_audit/change_type/defining_code/code_string" => "change_type",
            "commit_audit/change_type/value" => "change_type_value",
            "commit_audit/description/value" => "description",
            "contribution/id/value" => "contribution_id",
            "lifecycle_state/defining_code/code_string" => "lifecycle_state",
            "lifecycle_state/value" => "lifecycle_state_value",
            "preceding_version_uid/value" => "preceding_version_uid",
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
        return column;
    }

    /// <summary>A standard predicate of a VERSION (<c>[commit_audit/time_committed/value &gt; $t]</c>): conditions on its columns.</summary>
    private static void ReadVersionPredicate(PathPredicate predicate, List<InstanceFilter> filters)
    {
        switch (predicate)
        {
            case ComparisonPredicate comparison:
                VersionColumn(comparison.Path.Parts, comparison.Path.Span);
                if (comparison.Value is not (StringLiteral or ParameterRef or IntegerLiteral or RealLiteral))
                {
                    throw new AqlSemanticException("A standard predicate compares with a literal or a parameter.", comparison.Value.Span, unsupported: true);
                }
                filters.Add(new InstanceFilter(comparison.Path.Parts, comparison.Operator, comparison.Value));
                break;
            case AndPredicate and:
                foreach (var operand in and.Operands) ReadVersionPredicate(operand, filters);
                break;
            default:
                throw new AqlSemanticException("This predicate is not supported on a VERSION yet.", predicate.Span, unsupported: true);
        }
    }

    /// <summary>A path read from the document only: its node predicates may name nodes, by a string (a parameter would need its value when rows are read).</summary>
    private static void CheckDocumentPredicates(IEnumerable<PathPart> parts)
    {
        foreach (var part in parts)
        {
            switch (part.Predicate)
            {
                case null:
                case NodePredicate { Name: null or StringLiteral }:
                    break;
                default:
                    throw new AqlSemanticException("Only node ids and names as strings are supported in predicates of paths yet.", part.Predicate.Span, unsupported: true);
            }
        }
    }

    private ValueSource NodeSource(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span)
    {
        var ends = RmPaths.Follow(owner.Type, parts);
        CheckDocumentPredicates(parts);
        RmType? endType = ends.Count == 0 ? null : ends[0];
        var endKind = RmPaths.LastAttributeKind(owner.Type, parts);

        // A folder is read from the directory's document; a first attribute the index does not walk (name, uid,
        // composer, language, ...) from the variable's own node in the document.
        if (owner.Kind == VariableKind.Folder || parts.Count == 0 || (owner.IsLocatable && !RmPaths.IsIndexed(owner.Type, parts[0].Attribute)))
        {
            return new ValueSource
            {
                Index = _sourceList.Count, Owner = owner, Parts = parts, Kind = SourceKind.Self, EndType = endType, EndKind = endKind,
                Unindexed = parts.Count > 0, Span = span,
            };
        }

        var matches = new List<(int PathId, int AnchorDepth, int TailStart)>();
        var named = new List<(int Depth, AqlExpression Name)>();
        var leafOnly = true;
        var unindexed = false;
        var mappings = new HashSet<(LeafColumn Column, NumMeaning Meaning)>();
        var endKinds = new HashSet<RmAttributeKind?>();
        var insideValue = false;
        var dataValueTypes = new HashSet<string>();
        foreach (var (path, start) in _steps[owner])
        {
            if (MatchPath(path, start, parts) is not { } match) continue;
            if (match.Leaf && match.Inner!.Count > 0 && !HasAttributes(path.Steps[^1].Type, match.Inner))
            {
                continue; // a data value of another type (el/value/magnitude where the element holds a text)
            }
            matches.Add((path.Id, match.AnchorDepth, match.TailStart));
            named.AddRange(match.Named);
            leafOnly &= match.Leaf;
            unindexed |= match.Unindexed;
            if (match.Leaf)
            {
                dataValueTypes.Add(path.Steps[^1].Type.Name);
                mappings.Add(LeafColumns.Of(path.Steps[^1].Type.Name, match.Inner!));
                if (match.Inner!.Count > 0)
                {
                    insideValue = true;
                    endKinds.Add(RmPaths.LastAttributeKind(path.Steps[^1].Type, match.Inner.Select(a => new PathPart(a)).ToList()));
                }
            }
        }
        // The data values found say what the path ends at (a DV_CODED_TEXT's value is a text, a DV_BOOLEAN's a boolean).
        if (endKinds.Count == 1) endKind = endKinds.First();
        else if (endKinds.Count > 1) endKind = endKinds.Contains(RmAttributeKind.Text) ? RmAttributeKind.Text : endKinds.First();
        matches = matches.Distinct().ToList();
        if (named.Count > 0) named = named.Distinct().ToList();
        if (named.Count > 1 && named.Select(n => n.Name).Distinct().Count() < named.Count)
        {
            throw new AqlSemanticException("A named step of this path is at different depths in the data; name predicates on it are not supported yet.", span, unsupported: true);
        }
        var column = LeafColumn.None;
        var meaning = NumMeaning.Number;
        string? dvType = null;
        if (leafOnly && matches.Count > 0 && mappings.Select(m => m.Column).Distinct().Count() == 1
            && mappings.Select(m => m.Meaning is NumMeaning.Integer ? NumMeaning.Number : m.Meaning).Distinct().Count() == 1)
        {
            dvType = dataValueTypes.Count == 1 ? dataValueTypes.First() : null;
            column = mappings.First().Column;
            meaning = mappings.All(m => m.Meaning == NumMeaning.Integer) ? NumMeaning.Integer
                : mappings.First().Meaning == NumMeaning.Integer ? NumMeaning.Number : mappings.First().Meaning;
        }
        if (matches.Count == 0)
        {
            CheckTemplates(owner, parts, span);
            if (LeafGuess(owner, parts) is { } guess)
            {
                // No data at this path yet: the query is still valid and finds nothing.
                dvType = guess.Type;
                (column, meaning) = LeafColumns.Of(guess.Type, guess.Inner);
            }
            else if (endType is null)
            {
                leafOnly = true;
            }
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
            EndKind = endKind,
            DataValueTypeName = dvType ?? (dataValueTypes.Count == 1 ? dataValueTypes.First() : null),
            Unindexed = unindexed,
            NamedSteps = named,
            InsideValue = insideValue,
            Span = span,
        };
    }

    /// <summary>
    /// A path at which no data is stored yet: valid if a registered template allows it below the variable's archetype
    /// or node, an error if templates have that node but none has the path.
    /// </summary>
    private void CheckTemplates(PlanVariable owner, AqlList<PathPart> parts, AqlSpan span)
    {
        if (owner.ArchetypeId is not { } id || _catalogue.Templates is not { } templates || !parts.Any(p => p.Predicate is NodePredicate)) return;
        _consultedTemplates = true;
        if (templates.Allows(owner.Type, id, parts) == false)
        {
            throw new AqlSemanticException($"No registered template has {AqlWriter.Write(new ObjectPath(parts))} below {owner.Type.Name} {owner.Name}[{id}].", span);
        }
    }

    /// <summary>Whether a data value type has the attributes named below it (DV_QUANTITY has magnitude, DV_TEXT has not).</summary>
    private static bool HasAttributes(RmType type, List<string> inner)
    {
        IReadOnlyList<RmType> current = [type];
        foreach (var attribute in inner)
        {
            var next = current.Select(t => t.FindAttribute(attribute)).Where(a => a is not null).ToList();
            if (next.Count == 0) return false;
            current = next.Where(a => a!.ValueType is not null).SelectMany(a => RmPaths.WithSubtypes(a!.ValueType!)).ToList();
        }
        return true;
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

    private static readonly List<(int Depth, AqlExpression Name)> NoNames = [];

    private sealed record PathMatch(bool Leaf, int AnchorDepth, int TailStart, List<string>? Inner, bool Unindexed, List<(int Depth, AqlExpression Name)> Named);

    /// <summary>
    /// Matches the parts of a path below the step <paramref name="start"/> of a catalogued path. The value is read
    /// from the deepest LOCATABLE the match passes (its anchor), and the parts below it (the tail) from the document.
    /// A node predicate's name on a matched LOCATABLE step is returned with the step's depth, to be checked in the document.
    /// </summary>
    private static PathMatch? MatchPath(CataloguedPath path, int start, IReadOnlyList<PathPart> parts)
    {
        var steps = path.Steps;
        var anchorStep = start;
        // The anchor of a non-LOCATABLE variable (EVENT_CONTEXT) is the LOCATABLE above it.
        while (!steps[anchorStep].IsLocatable) anchorStep--;
        var tailStart = steps[start].IsLocatable ? 0 : -(start - anchorStep);
        List<(int Depth, AqlExpression Name)>? named = null;
        var s = start;
        for (var j = 0; j < parts.Count; j++)
        {
            var part = parts[j];
            if (s + 1 >= steps.Count)
            {
                // Past the catalogued data value: the rest is inside it.
                if (!steps[s].Type.IsSubtypeOf(RmPaths.DataValue)) return null;
                return new PathMatch(true, steps[anchorStep].Depth, tailStart, parts.Skip(j).Select(p => p.Attribute).ToList(), false, named ?? NoNames);
            }
            var next = steps[s + 1];
            if (next.Attribute != part.Attribute)
            {
                // An attribute the index does not walk: read from the document below the current node.
                if (!RmPaths.IsIndexed(steps[s].Type, part.Attribute) && steps[s].Type.FindAttribute(part.Attribute) is not null)
                {
                    return new PathMatch(false, steps[anchorStep].Depth, tailStart, null, true, named ?? NoNames);
                }
                return null;
            }
            if (part.Predicate is NodePredicate node && node.NodeId != next.NodeId) return null;
            s++;
            if (steps[s].IsLocatable)
            {
                anchorStep = s;
                tailStart = j + 1;
                if (part.Predicate is NodePredicate { Name: { } name }) (named ??= []).Add((steps[s].Depth, name));
            }
        }
        var leaf = s == steps.Count - 1 && steps[s].Type.IsSubtypeOf(RmPaths.DataValue);
        return new PathMatch(leaf, steps[anchorStep].Depth, tailStart, leaf ? [] : null, false, named ?? NoNames);
    }
}
