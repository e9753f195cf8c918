using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Rm.DataTypes;

/// <summary>CODE_PHRASE: a code in a terminology, optionally with its preferred term (RM 1.1).</summary>
public sealed class CodePhrase : RmObject
{
    public TerminologyId TerminologyId { get; set; } = new();

    public string CodeString { get; set; } = "";

    public string? PreferredTerm { get; set; }

    public static readonly RmType Meta = RmType.Concrete("CODE_PHRASE", () => new CodePhrase())
        .Object<TerminologyId>("terminology_id", o => o.TerminologyId, (o, v) => o.TerminologyId = v, required: true)
        .Text("code_string", o => o.CodeString, (o, v) => o.CodeString = v, required: true)
        .Text("preferred_term", o => o.PreferredTerm, (o, v) => o.PreferredTerm = v);

    public override RmType RmType => Meta;
}
