using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// One RM attribute step from the object of a web template node's parent to the node's own object, e.g.
/// <c>data[at0001]</c> (a HISTORY) on the way from an OBSERVATION to one of its ELEMENT values. The steps
/// between are the structure FLAT leaves out (HISTORY, the single EVENT, ITEM_TREE, the ELEMENT of a value).
/// </summary>
internal sealed class FlatStep
{
    /// <summary>The RM attribute, e.g. <c>data</c>, <c>events</c>, <c>items</c>, <c>value</c>.</summary>
    public required string Attribute { get; init; }

    /// <summary>The node id an object here must have (an at-code or archetype id); null when not archetyped.</summary>
    public string? NodeId { get; init; }

    /// <summary>The name an object here must have, where siblings share the node id.</summary>
    public string? Name { get; init; }

    /// <summary>For an intermediate step: the concrete RM type made there.</summary>
    public RmType? Type { get; init; }

    /// <summary>For an intermediate step: its OPT constraint, where the template has one.</summary>
    public CObject? Constraint { get; init; }

    /// <summary>For an intermediate LOCATABLE: its name (the template's term or fixed name).</summary>
    public DvText? DefaultName { get; init; }

    /// <summary>For an intermediate step shared by the siblings under one parent object: its slot; -1 when each occurrence has its own (the ELEMENT of a value).</summary>
    public int Slot { get; set; } = -1;

    public bool IsArchetypeRoot => NodeId is not null && FlatNames.IsArchetypeId(NodeId);

    public override string ToString() => NodeId is null ? Attribute : $"{Attribute}[{NodeId}]";
}
