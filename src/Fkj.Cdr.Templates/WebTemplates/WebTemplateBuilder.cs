using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.WebTemplates.Building;

namespace Fkj.Cdr.Templates.WebTemplates;

/// <summary>
/// Makes the web template of an operational template, as the openEHR SDK (and so EHRbase) makes it:
/// the same ids, paths, inputs and structure, so that FLAT and STRUCTURED compositions written for
/// EHRbase are understood here. The generation runs in two passes, the full tree and the filter that
/// removes what a form does not show; see <c>docs</c> and the golden-file tests for where it differs.
/// </summary>
public static class WebTemplateBuilder
{
    public static WebTemplate Build(OperationalTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var languages = Languages(template);
        var tree = Filter.Apply(new Generator(template, languages).Generate());
        return new WebTemplate(template.TemplateId, template.Language, languages, Freeze(tree));
    }

    /// <summary>
    /// The languages the template describes itself in (else those it has terms in), in the order the
    /// SDK lists them: the iteration order of a Java hash set of the codes.
    /// </summary>
    private static List<string> Languages(OperationalTemplate template)
    {
        var described = template.Description?.Details.Select(d => d.Language).Where(l => l.Length > 0).ToList() ?? [];
        var all = (described.Count > 0 ? described : [.. template.Languages]).Distinct(StringComparer.Ordinal).ToList();
        return JavaHashOrder.Of(all);
    }

    private static WebTemplateNode Freeze(DraftNode node) =>
        new(node.Children.Select(Freeze).ToList())
        {
            Id = node.FullId,
            Name = node.Name,
            LocalizedName = node.LocalizedName,
            RmType = node.RmType,
            NodeId = node.NodeId,
            Min = node.Min,
            Max = node.Max,
            LocalizedNames = Copy(node.LocalizedNames),
            LocalizedDescriptions = Copy(node.LocalizedDescriptions),
            Annotations = node.Annotations is { Count: > 0 } a ? Copy(a) : null,
            AqlPath = node.Path.Format(true),
            Inputs = node.Inputs.Select(Freeze).ToList(),
            InContext = node.InContext,
            ProportionTypes = [.. node.ProportionTypes],
            Cardinalities = node.Cardinalities.Select(c => new WebTemplateCardinality(c.Min, c.Max, [.. c.Ids])).ToList(),
            Constraint = node.Constraint,
            AttributeOf = node.AttributeOf,
            IsArchetypeSlot = node.IsArchetypeSlot,
        };

    private static WebTemplateInput Freeze(DraftInput input) => new()
    {
        Suffix = input.Suffix,
        Type = input.Type,
        List = input.List.Select(Freeze).ToList(),
        ListOpen = input.ListOpen,
        Validation = Freeze(input.Validation),
        Terminology = input.Terminology,
        DefaultValue = input.DefaultValue,
    };

    private static WebTemplateInputValue Freeze(DraftValue value) => new()
    {
        Value = value.Value,
        Label = value.Label,
        LocalizedLabels = Copy(value.LocalizedLabels),
        LocalizedDescriptions = Copy(value.LocalizedDescriptions),
        Ordinal = value.Ordinal,
        ScaleValue = value.ScaleValue,
        CurrentStates = [.. value.CurrentStates],
        Validation = Freeze(value.Validation),
    };

    private static WebTemplateValidation? Freeze(DraftValidation? validation) =>
        validation is null ? null : new WebTemplateValidation(validation.Range, validation.Precision, validation.Pattern);

    private static Dictionary<string, string> Copy(Dictionary<string, string> source) => new(source, StringComparer.Ordinal);
}
