using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>ENTRY: root of the clinical statements, each about one subject and recorded in one language.</summary>
public abstract class Entry : ContentItem
{
    public CodePhrase Language { get; set; } = null!;

    public CodePhrase Encoding { get; set; } = null!;

    /// <summary>Usually PARTY_SELF; another party for statements about e.g. a family member or fetus.</summary>
    public PartyProxy Subject { get; set; } = null!;

    public PartyProxy? Provider { get; set; }

    public List<Participation>? OtherParticipations { get; set; }

    public ObjectRef? WorkflowId { get; set; }

    public new static readonly RmType Meta = RmType.Abstract<Entry>("ENTRY")
        .Object<CodePhrase>("language", o => o.Language, (o, v) => o.Language = v, required: true)
        .Object<CodePhrase>("encoding", o => o.Encoding, (o, v) => o.Encoding = v, required: true)
        .Object<PartyProxy>("subject", o => o.Subject, (o, v) => o.Subject = v, required: true)
        .Object<PartyProxy>("provider", o => o.Provider, (o, v) => o.Provider = v)
        .List<Participation>("other_participations", o => o.OtherParticipations, (o, v) => o.OtherParticipations = v)
        .Object<ObjectRef>("workflow_id", o => o.WorkflowId, (o, v) => o.WorkflowId = v);
}
