using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Opt.Constraints;

/// <summary>
/// C_OBJECT: a constraint on one RM object. Every node knows its openEHR path from the template
/// root, so validators, web templates and AQL analysis share one way of naming places.
/// </summary>
public abstract class CObject
{
    /// <summary>The RM type the node constrains, e.g. <c>OBSERVATION</c>, <c>DV_QUANTITY</c>.</summary>
    public required string RmTypeName { get; init; }

    /// <summary>The at-code or archetype id; empty for nodes that are not archetyped.</summary>
    public string NodeId { get; init; } = "";

    public Interval<int> Occurrences { get; init; } = new(1, 1);

    /// <summary>The attribute this node is a child of; null for the template root.</summary>
    public CAttribute? Parent { get; internal set; }

    /// <summary>The openEHR path of this node from the template root, e.g. <c>/content[openEHR-EHR-OBSERVATION.bp.v2]/data[at0001]</c>.</summary>
    public string Path { get; internal set; } = "/";

    /// <summary>The nearest enclosing archetype root, whose terminology names this node (itself for a root).</summary>
    public CArchetypeRoot? ArchetypeRoot { get; internal set; }

    /// <summary>
    /// An RM value the template proposes when none is given: OPT <c>default_value</c>, written on the
    /// node itself or, as template designers do, in the template's <c>constraints</c> section by path.
    /// Such defaults may be partial (e.g. units without a magnitude): mandatory RM attributes the
    /// template leaves out keep the RM class's initial values.
    /// </summary>
    public RmObject? DefaultValue { get; internal set; }
}
