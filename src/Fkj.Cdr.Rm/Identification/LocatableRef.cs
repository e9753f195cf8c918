using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Identification;

/// <summary>LOCATABLE_REF: a reference to a node inside a versioned LOCATABLE, e.g. the INSTRUCTION an ACTION carries out.</summary>
public sealed class LocatableRef : ObjectRef
{
    /// <summary>Archetype path to the node within the referenced object; absent means its root.</summary>
    public string? Path { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("LOCATABLE_REF", () => new LocatableRef())
        .Text("path", o => o.Path, (o, v) => o.Path = v);

    public override RmType RmType => Meta;
}
