namespace Fkj.Cdr.Templates.WebTemplates;

/// <summary>
/// One value a form enters for a node: the FLAT suffix (<c>magnitude</c>, <c>unit</c>, <c>code</c>;
/// null for the node's plain value), its input type (<c>TEXT</c>, <c>CODED_TEXT</c>, <c>DECIMAL</c>,
/// <c>INTEGER</c>, <c>DATETIME</c>, …), allowed values, validation, terminology and default.
/// </summary>
public sealed class WebTemplateInput
{
    public string? Suffix { get; init; }

    public required string Type { get; init; }

    public IReadOnlyList<WebTemplateInputValue> List { get; init; } = [];

    /// <summary>True where values other than <see cref="List"/> are allowed; null when the template does not say.</summary>
    public bool? ListOpen { get; init; }

    public WebTemplateValidation? Validation { get; init; }

    /// <summary>The terminology of coded inputs: <c>local</c>, <c>openehr</c> or an external id.</summary>
    public string? Terminology { get; init; }

    /// <summary>The template's default or assumed value, as text (a number or boolean is written as such).</summary>
    public string? DefaultValue { get; init; }
}

/// <summary>An allowed value of an input: a code or unit with its labels, ordinal and validation.</summary>
public sealed class WebTemplateInputValue
{
    public required string Value { get; init; }

    public string? Label { get; init; }

    public IReadOnlyDictionary<string, string> LocalizedLabels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> LocalizedDescriptions { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, WebTemplateTermBinding> TermBindings { get; init; } =
        new Dictionary<string, WebTemplateTermBinding>();

    /// <summary>DV_ORDINAL's integer value.</summary>
    public int? Ordinal { get; init; }

    /// <summary>DV_SCALE's real value (written as <c>ordinal</c>).</summary>
    public double? ScaleValue { get; init; }

    /// <summary>For an ACTION's careflow step: the instruction states the step may lead to.</summary>
    public IReadOnlyList<string> CurrentStates { get; init; } = [];

    /// <summary>For a DV_QUANTITY unit: the magnitude range and precision allowed with it.</summary>
    public WebTemplateValidation? Validation { get; init; }
}

/// <summary>Validation of an input: a numeric range, a precision (decimal places) and a pattern.</summary>
public sealed record WebTemplateValidation(WebTemplateInterval? Range, WebTemplateInterval? Precision, string? Pattern);

/// <summary>
/// A numeric bound pair with its operators (<c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>);
/// a null bound is open. <see cref="IsInteger"/> tells integers (counts, precisions, duration parts)
/// from reals (magnitudes), which JSON writes differently (<c>0</c> against <c>0.0</c>).
/// </summary>
public sealed record WebTemplateInterval(double? Min, string? MinOp, double? Max, string? MaxOp, bool IsInteger);
