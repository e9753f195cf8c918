using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.Opt;

/// <summary>
/// An ADL 1.4 operational template (OPT), parsed once and immutable: the flattened constraint tree
/// of a template with the terminology of every archetype it uses.
/// </summary>
public sealed class OperationalTemplate
{
    public required string TemplateId { get; init; }

    public string? Uid { get; init; }

    public string Concept { get; init; } = "";

    /// <summary>The template's original language (ISO 639-1 code, e.g. <c>nb</c>).</summary>
    public required string Language { get; init; }

    /// <summary>Every language with term definitions in the template, original language first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public ResourceDescription? Description { get; init; }

    public required CArchetypeRoot Definition { get; init; }

    /// <summary>What the parser accepted but ignored (e.g. an unknown element inside a constraint node).</summary>
    public IReadOnlyList<Parsing.OptError> Warnings { get; init; } = [];

    /// <summary>Annotations by path: path → key → value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Annotations { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>
    /// View constraints by path: path → key → value, e.g. <c>pass_through</c> → <c>true</c> where a
    /// form should skip a structural node, or <c>VisibleInView</c> → <c>null_flavour</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> View { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Every constraint node in document order (pre-order), the root first.</summary>
    public IEnumerable<CObject> Nodes()
    {
        var stack = new Stack<CObject>();
        stack.Push(Definition);
        while (stack.TryPop(out var node))
        {
            yield return node;
            if (node is not CComplexObject complex) continue;
            for (var a = complex.Attributes.Count - 1; a >= 0; a--)
            {
                var children = complex.Attributes[a].Children;
                for (var c = children.Count - 1; c >= 0; c--) stack.Push(children[c]);
            }
        }
    }
}
