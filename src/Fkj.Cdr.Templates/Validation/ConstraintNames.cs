using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>The name a template fixes for a node, used to tell apart siblings that share a node id.</summary>
internal static class ConstraintNames
{
    /// <summary>The first name allowed by the node's name constraint (a C_STRING list or a local code's text), or null.</summary>
    public static string? FixedName(CObject node, string? language = null)
    {
        if (node is not CComplexObject complex || complex.Attribute("name") is not { } name) return null;
        foreach (var text in name.Children)
        {
            if (text is not CComplexObject textObject) continue;
            if (textObject.Attribute("value")?.Children is { } values)
                foreach (var value in values)
                    if (value is CPrimitiveObject { Item: CString { List.Count: > 0 } list }) return list.List[0];
            if (textObject.Attribute("defining_code")?.Children is { } codes)
                foreach (var code in codes)
                    if (code is CCodePhrase { IsLocal: true, CodeList.Count: > 0 } phrase
                        && node.ArchetypeRoot?.Terminology.Term(phrase.CodeList[0], language ?? "en") is { } term)
                        return term.Text;
        }

        return null;
    }
}
