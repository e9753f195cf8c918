using System.Runtime.CompilerServices;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The lookup tables FLAT and STRUCTURED need for one web template, built once and kept with it: every
/// node with its kind, RM steps and children by id (<see cref="FlatNode"/>). Reading a key is then one
/// dictionary look-up per path segment, and decoding makes no string comparisons against the template.
/// </summary>
internal sealed class FlatSchema
{
    private static readonly ConditionalWeakTable<WebTemplate, FlatSchema> Cache = new();

    private FlatSchema(WebTemplate webTemplate)
    {
        WebTemplate = webTemplate;
        Root = FlatSchemaBuilder.Build(webTemplate);
        var definition = webTemplate.Tree.Constraint as CComplexObject;
        ContextConstrained = definition?.Attribute("context") is { Existence.Upper: not 0 };
    }

    public WebTemplate WebTemplate { get; }

    public string TemplateId => WebTemplate.TemplateId;

    /// <summary>The template's original language: the language of the names FLAT gives objects.</summary>
    public string DefaultLanguage => WebTemplate.DefaultLanguage;

    public FlatNode Root { get; }

    /// <summary>
    /// Whether the template constrains COMPOSITION.context (and does not forbid it): then a composition
    /// always gets an EVENT_CONTEXT, as the SDK gives every composition one.
    /// </summary>
    public bool ContextConstrained { get; }

    /// <summary>The schema of <paramref name="webTemplate"/>, built on first use and then kept for as long as the web template lives.</summary>
    public static FlatSchema Of(WebTemplate webTemplate)
    {
        ArgumentNullException.ThrowIfNull(webTemplate);
        return Cache.GetValue(webTemplate, static w => new FlatSchema(w));
    }
}
