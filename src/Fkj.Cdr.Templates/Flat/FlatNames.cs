using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;
using Fkj.Cdr.Templates.WebTemplates.Building;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>The names FLAT gives the objects it makes: the template's fixed name, else the node's term.</summary>
internal static class FlatNames
{
    /// <summary>True for an archetype id (<c>openEHR-EHR-OBSERVATION.x.v1</c>), false for an at-code.</summary>
    public static bool IsArchetypeId(string nodeId) => nodeId.Contains('.') && nodeId.Contains('-');

    /// <summary>
    /// The name of an object made for <paramref name="constraint"/>: its name constraint when that fixes one
    /// text or one code (a coded name where the template codes it), else <paramref name="label"/> (the web
    /// template's name) or the term of its node id in <paramref name="language"/>.
    /// </summary>
    public static DvText? Of(CObject? constraint, string? label, string language)
    {
        if (constraint is CComplexObject complex && complex.Attribute("name") is { Children.Count: 1 } nameAttribute)
        {
            switch (nameAttribute.Children[0])
            {
                case CComplexObject { RmTypeName: "DV_TEXT" } text
                    when text.Attribute("value") is { Children: [CPrimitiveObject { Item: CString { List.Count: 1 } fixedText }] }:
                    return new DvText { Value = fixedText.List[0] };
                case CComplexObject { RmTypeName: "DV_CODED_TEXT" } coded
                    when coded.Attribute("defining_code") is { Children: [CCodePhrase { CodeList.Count: > 0 } phrase] }:
                {
                    var terminology = phrase.TerminologyId ?? "local";
                    foreach (var code in phrase.CodeList)
                    {
                        var text = CodeText(constraint, terminology, code, language);
                        if (label is null || text == label || phrase.CodeList.Count == 1)
                        {
                            return new DvCodedText
                            {
                                Value = text,
                                DefiningCode = new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code },
                            };
                        }
                    }

                    break;
                }
            }
        }

        if (label is not null) return new DvText { Value = label };
        if (constraint is null) return null;
        var nodeId = constraint is CArchetypeRoot root ? root.RootNodeId : constraint.NodeId;
        var term = nodeId.Length > 0 ? constraint.ArchetypeRoot?.Terminology.Term(nodeId, language) : null;
        return new DvText { Value = term?.Text ?? (constraint is CArchetypeRoot r ? r.ArchetypeId : constraint.RmTypeName.ToLowerInvariant().Replace('_', ' ')) };
    }

    private static string CodeText(CObject owner, string terminology, string code, string language) => terminology switch
    {
        "local" => owner.ArchetypeRoot?.Terminology.Term(code, language)?.Text ?? code,
        "openehr" => OpenEhrTerms.Terms([code], null)[0].Rubric,
        _ => code,
    };
}
