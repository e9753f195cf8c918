using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.Content;

/// <summary>COMPOSITION: the unit of committal and versioning of clinical content, e.g. one encounter note or report.</summary>
public sealed class Composition : Locatable
{
    public CodePhrase Language { get; set; } = null!;

    public CodePhrase Territory { get; set; } = null!;

    public DvCodedText Category { get; set; } = null!;

    public PartyProxy Composer { get; set; } = null!;

    /// <summary>Absent for persistent compositions such as problem lists.</summary>
    public EventContext? Context { get; set; }

    public List<ContentItem>? Content { get; set; }

    public new static readonly RmType Meta = RmType.Concrete("COMPOSITION", () => new Composition())
        .Object<CodePhrase>("language", o => o.Language, (o, v) => o.Language = v, required: true)
        .Object<CodePhrase>("territory", o => o.Territory, (o, v) => o.Territory = v, required: true)
        .Object<DvCodedText>("category", o => o.Category, (o, v) => o.Category = v, required: true)
        .Object<PartyProxy>("composer", o => o.Composer, (o, v) => o.Composer = v, required: true)
        .Object<EventContext>("context", o => o.Context, (o, v) => o.Context = v)
        .List<ContentItem>("content", o => o.Content, (o, v) => o.Content = v);

    public override RmType RmType => Meta;
}
