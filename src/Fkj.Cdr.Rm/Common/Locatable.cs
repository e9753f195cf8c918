using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Common;

/// <summary>LOCATABLE: an archetyped node, named and tagged with its archetype node id; the root of all clinical content.</summary>
public abstract class Locatable : Pathable
{
    public DvText Name { get; set; } = null!;

    public UidBasedId? Uid { get; set; }

    public List<Link>? Links { get; set; }

    /// <summary>Present only on archetype roots, where a new archetype takes over from its parent.</summary>
    public Archetyped? ArchetypeDetails { get; set; }

    public FeederAudit? FeederAudit { get; set; }

    /// <summary>An archetype id at archetype roots, otherwise an at-code. Declared last because XML carries it as an attribute.</summary>
    public string ArchetypeNodeId { get; set; } = "";

    public new static readonly RmType Meta = RmType.Abstract<Locatable>("LOCATABLE")
        .Object<DvText>("name", o => o.Name, (o, v) => o.Name = v, required: true)
        .Object<UidBasedId>("uid", o => o.Uid, (o, v) => o.Uid = v)
        .List<Link>("links", o => o.Links, (o, v) => o.Links = v)
        .Object<Archetyped>("archetype_details", o => o.ArchetypeDetails, (o, v) => o.ArchetypeDetails = v)
        .Object<FeederAudit>("feeder_audit", o => o.FeederAudit, (o, v) => o.FeederAudit = v)
        .Text("archetype_node_id", o => o.ArchetypeNodeId, (o, v) => o.ArchetypeNodeId = v, required: true);
}
