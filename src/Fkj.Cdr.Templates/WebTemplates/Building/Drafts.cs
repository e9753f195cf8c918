using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>
/// A web template node while it is built: mutable, as the generation rewrites ids, paths and
/// children in several passes (choices, duplicate numbering, filtering) before the result is frozen.
/// </summary>
internal sealed class DraftNode
{
    public string Id { get; set; } = "";

    /// <summary>The number appended to <see cref="Id"/> to tell same-named siblings apart (2, 3, …).</summary>
    public int? IdNumber { get; set; }

    public string? Name { get; set; }

    public string? LocalizedName { get; set; }

    public string RmType { get; set; } = "";

    public string? NodeId { get; set; }

    public int Min { get; set; }

    public int Max { get; set; }

    public Dictionary<string, string> LocalizedNames { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> LocalizedDescriptions { get; } = new(StringComparer.Ordinal);

    public AqlPath Path { get; set; } = AqlPath.Empty;

    public List<DraftNode> Children { get; set; } = [];

    public List<DraftInput> Inputs { get; } = [];

    public bool? InContext { get; set; }

    /// <summary>Shared with the ELEMENT a value node stands for, as in the SDK; never mutated after building.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    public List<string> ProportionTypes { get; } = [];

    public List<DraftCardinality> Cardinalities { get; } = [];

    public bool IsArchetypeSlot { get; set; }

    /// <summary>The constraint the node was made from; null for RM attributes the template leaves out.</summary>
    public CObject? Constraint { get; set; }

    /// <summary>For an RM attribute node: the constraint of the object the attribute belongs to, if it has one.</summary>
    public CObject? AttributeOf { get; set; }

    public string FullId => IdNumber is { } n ? Id + n : Id;

    public bool IsNullable => Min == 0;

    public DraftNode? FindChild(string id) => Children.FirstOrDefault(c => c.FullId == id);

    /// <summary>The SDK's <c>streamMatching</c>: descendants depth first, each after its own descendants, then this node.</summary>
    public IEnumerable<DraftNode> Matching(Func<DraftNode, bool> predicate)
    {
        foreach (var child in Children)
        {
            foreach (var match in child.Matching(predicate)) yield return match;
        }

        if (predicate(this)) yield return this;
    }

    /// <summary>A deep copy (children, inputs and values copied; annotations shared).</summary>
    public DraftNode Clone()
    {
        var copy = new DraftNode
        {
            Id = Id,
            IdNumber = IdNumber,
            Name = Name,
            LocalizedName = LocalizedName,
            RmType = RmType,
            NodeId = NodeId,
            Min = Min,
            Max = Max,
            Path = Path,
            InContext = InContext,
            Annotations = Annotations is null ? null : new Dictionary<string, string>(Annotations, StringComparer.Ordinal),
            IsArchetypeSlot = IsArchetypeSlot,
            Constraint = Constraint,
            AttributeOf = AttributeOf,
            Children = Children.Select(c => c.Clone()).ToList(),
        };
        foreach (var (k, v) in LocalizedNames) copy.LocalizedNames[k] = v;
        foreach (var (k, v) in LocalizedDescriptions) copy.LocalizedDescriptions[k] = v;
        copy.Inputs.AddRange(Inputs.Select(i => i.Clone()));
        copy.ProportionTypes.AddRange(ProportionTypes);
        copy.Cardinalities.AddRange(Cardinalities.Select(c => new DraftCardinality(c.Min, c.Max) { Ids = [.. c.Ids] }));
        return copy;
    }

    public override string ToString() => $"{FullId} [{RmType}] {Path}";
}

internal sealed class DraftInput
{
    public DraftInput(string? suffix, string type)
    {
        Suffix = suffix;
        Type = type;
    }

    public string? Suffix { get; set; }

    public string Type { get; set; }

    public List<DraftValue> List { get; } = [];

    public bool? ListOpen { get; set; }

    public DraftValidation? Validation { get; set; }

    public string? Terminology { get; set; }

    public string? DefaultValue { get; set; }

    /// <summary>A C_DURATION range as ISO 8601 text with its operators, split into duration parts later.</summary>
    public (string? Min, string? MinOp, string? Max, string? MaxOp)? DurationRange { get; set; }

    public DraftInput Clone()
    {
        var copy = new DraftInput(Suffix, Type)
        {
            ListOpen = ListOpen,
            DurationRange = DurationRange,
            Validation = Validation,
            Terminology = Terminology,
            DefaultValue = DefaultValue,
        };
        copy.List.AddRange(List.Select(v => v.Clone()));
        return copy;
    }
}

internal sealed class DraftValue
{
    public string Value { get; set; } = "";

    public string? Label { get; set; }

    public Dictionary<string, string> LocalizedLabels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> LocalizedDescriptions { get; } = new(StringComparer.Ordinal);

    public int? Ordinal { get; set; }

    /// <summary>DV_SCALE values are reals.</summary>
    public double? ScaleValue { get; set; }

    public List<string> CurrentStates { get; } = [];

    public DraftValidation? Validation { get; set; }

    public DraftValue Clone()
    {
        var copy = new DraftValue { Value = Value, Label = Label, Ordinal = Ordinal, ScaleValue = ScaleValue, Validation = Validation };
        foreach (var (k, v) in LocalizedLabels) copy.LocalizedLabels[k] = v;
        foreach (var (k, v) in LocalizedDescriptions) copy.LocalizedDescriptions[k] = v;
        copy.CurrentStates.AddRange(CurrentStates);
        return copy;
    }
}

/// <summary>Validation of an input: a range, a precision (decimal places) and a pattern. Immutable once made.</summary>
internal sealed record DraftValidation(WebTemplateInterval? Range, WebTemplateInterval? Precision, string? Pattern);

internal sealed class DraftCardinality(int? min, int? max)
{
    public int? Min { get; } = min;

    public int? Max { get; } = max;

    public List<string> Ids { get; set; } = [];
}
