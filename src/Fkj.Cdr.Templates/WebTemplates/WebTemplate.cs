namespace Fkj.Cdr.Templates.WebTemplates;

/// <summary>
/// A web template: the simplified, form-oriented view of an operational template that the FLAT and
/// STRUCTURED formats are defined on (openEHR SDK / EHRbase web template, version 2.3). Immutable;
/// built by <see cref="WebTemplateBuilder"/>, written by <see cref="WebTemplateJson"/>.
/// </summary>
public sealed class WebTemplate
{
    internal WebTemplate(string templateId, string defaultLanguage, IReadOnlyList<string> languages, WebTemplateNode tree)
    {
        TemplateId = templateId;
        DefaultLanguage = defaultLanguage;
        Languages = languages;
        Tree = tree;
    }

    public string TemplateId { get; }

    /// <summary>The web template format version, always <c>2.3</c>.</summary>
    public string Version => "2.3";

    public string DefaultLanguage { get; }

    public IReadOnlyList<string> Languages { get; }

    /// <summary>The root node (the template's COMPOSITION or other root archetype).</summary>
    public WebTemplateNode Tree { get; }

    /// <summary>Every node, pre-order, the root first.</summary>
    public IEnumerable<WebTemplateNode> Nodes() => Tree.Descendants(includeSelf: true);

    /// <summary>
    /// The node a FLAT path names, e.g. <c>vital_signs/blood_pressure:0/any_event:1/systolic|magnitude</c>:
    /// segments are node ids from the root's id on; <c>:index</c> and a trailing <c>|suffix</c> are ignored.
    /// Null if no node has that path. Each step is one dictionary look-up.
    /// </summary>
    public WebTemplateNode? FindByFlatPath(ReadOnlySpan<char> flatPath)
    {
        var bar = flatPath.IndexOf('|');
        if (bar >= 0) flatPath = flatPath[..bar];
        WebTemplateNode? node = null;
        foreach (var range in flatPath.Split('/'))
        {
            var segment = flatPath[range];
            var colon = segment.IndexOf(':');
            if (colon >= 0) segment = segment[..colon];
            if (node is null)
            {
                if (!segment.SequenceEqual(Tree.Id)) return null;
                node = Tree;
            }
            else
            {
                node = node.Child(segment);
                if (node is null) return null;
            }
        }

        return node;
    }
}
