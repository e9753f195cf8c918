using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.WebTemplates.Building;

/// <summary>The domain types: C_DV_QUANTITY, C_DV_ORDINAL, C_DV_SCALE and C_CODE_PHRASE.</summary>
internal sealed partial class Generator
{
    private DraftNode ParseDomainType(CObject constraint, AqlPath path, ArchetypeTerminology terms, string attribute)
    {
        var node = BuildNode(constraint, attribute, terms, null);
        node.Path = path;
        switch (constraint)
        {
            case CDvQuantity quantity:
                ParseQuantity(quantity, node, terms);
                break;
            case CDvOrdinal ordinal:
                ParseOrdinal(ordinal.Options.Select(o => (o.Symbol, (double)o.Value, false)), ordinal.AssumedValue?.Symbol, node, terms);
                break;
            case CDvScale scale:
                ParseOrdinal(scale.Options.Select(o => (o.Symbol, o.Value, true)), scale.AssumedValue?.Symbol, node, terms);
                break;
            case CCodePhrase codePhrase:
                ParseCodePhrase(codePhrase, path, attribute, node, terms);
                break;
        }

        return node;
    }

    private static void ParseQuantity(CDvQuantity quantity, DraftNode node, ArchetypeTerminology terms)
    {
        var magnitude = new DraftInput("magnitude", "DECIMAL");
        if (quantity.AssumedValue is { } assumed) magnitude.DefaultValue = Inputs.JavaDouble(assumed.Magnitude);
        if (Inputs.Default(node, "magnitude") is { } m) magnitude.DefaultValue = m;
        node.Inputs.Add(magnitude);

        var unit = new DraftInput("unit", "CODED_TEXT");
        if (quantity.AssumedValue is { Units.Length: > 0 } assumedUnits) unit.DefaultValue = assumedUnits.Units;
        if (Inputs.Default(node, "units") is { } u) unit.DefaultValue = u;
        node.Inputs.Add(unit);

        foreach (var item in quantity.Items)
        {
            var value = new DraftValue { Value = item.Units, Label = item.Units };
            var range = item.Magnitude is { } r ? Inputs.RealInterval(r) : null;
            var precision = item.Precision is { } p ? Inputs.IntegerInterval(p) : null;
            if (range is not null || precision is not null) value.Validation = new DraftValidation(range, precision, null);
            foreach (var (lang, term) in TermsOf(terms, item.Units)) value.LocalizedLabels[lang] = term.Text;
            unit.List.Add(value);
        }

        if (unit.List.Count == 1) magnitude.Validation = unit.List[0].Validation;
    }

    /// <summary>DV_ORDINAL and DV_SCALE: one CODED_TEXT input listing the symbols with their values.</summary>
    private void ParseOrdinal(
        IEnumerable<(CodePhrase Symbol, double Value, bool IsScale)> options,
        CodePhrase? assumed, DraftNode node, ArchetypeTerminology terms)
    {
        var code = new DraftInput(null, "CODED_TEXT");
        if (Inputs.Default(node, "defining_code") is { } d) code.DefaultValue = d;
        if (assumed is not null)
        {
            code.Terminology = assumed.TerminologyId.Value;
            code.DefaultValue = assumed.CodeString;
        }

        node.Inputs.Add(code);
        foreach (var (symbol, number, isScale) in options)
        {
            var value = new DraftValue { Value = symbol.CodeString };
            if (isScale) value.ScaleValue = number;
            else value.Ordinal = (int)number;
            foreach (var (lang, term) in TermsOf(terms, value.Value))
            {
                value.LocalizedLabels[lang] = term.Text;
                if (term.Description is not null) value.LocalizedDescriptions[lang] = term.Description;
            }

            value.Label = value.LocalizedLabels.GetValueOrDefault(language);
            value.LocalizedDescriptions.TryAdd(language, "");
            code.List.Add(value);
        }
    }

    private void ParseCodePhrase(CCodePhrase codePhrase, AqlPath path, string attribute, DraftNode node, ArchetypeTerminology terms)
    {
        var code = new DraftInput("code", "CODED_TEXT");
        if (Inputs.Default(node, "defining_code") is { } d) code.DefaultValue = d;
        node.Inputs.Add(code);
        if (codePhrase.AssumedValue is { } assumed) code.DefaultValue = assumed.CodeString;

        code.Terminology = codePhrase.ReferenceSetUri is { } uri ? RemoveSchema(uri) : codePhrase.TerminologyId;

        if (code.Terminology == "openehr")
        {
            // The group follows the attribute holding the code (DV_CODED_TEXT.defining_code: the one above it).
            var group = OpenEhrTerms.GroupOf(attribute)
                        ?? (path.Count >= 2 ? OpenEhrTerms.GroupOf(path[path.Count - 2].Attribute) : null);
            foreach (var (termCode, rubric) in OpenEhrTerms.Terms(codePhrase.CodeList, group))
            {
                var value = new DraftValue { Value = termCode, Label = rubric };
                foreach (var lang in languages) value.LocalizedLabels[lang] = rubric;
                code.List.Add(value);
            }
        }
        else
        {
            var terminology = code.Terminology;
            var prefix = terminology + "::";
            foreach (var listed in codePhrase.CodeList)
            {
                var key = string.IsNullOrWhiteSpace(terminology) || terminology == "local" ? listed : prefix + listed;
                var term = DefaultTerm(terms, key);
                if (term is null)
                {
                    key = key.Replace(prefix, "");
                    term = DefaultTerm(terms, key);
                }

                if (term is null) continue;
                var value = new DraftValue
                {
                    Value = string.IsNullOrWhiteSpace(terminology) ? term.Code : term.Code.Replace(prefix, ""),
                    Label = term.Text,
                };
                foreach (var (lang, t) in TermsOf(terms, key))
                {
                    value.LocalizedLabels[lang] = t.Text;
                    if (!string.IsNullOrWhiteSpace(t.Description)) value.LocalizedDescriptions[lang] = t.Description;
                }

                value.LocalizedDescriptions.TryAdd(language, "");
                code.List.Add(value);
            }
        }

        if (code.List.Count == 0)
        {
            code.Type = "TEXT";
            node.Inputs.Add(new DraftInput("value", "TEXT") { Terminology = code.Terminology });
        }
    }

    private ArchetypeTerm? DefaultTerm(ArchetypeTerminology terms, string code) =>
        terms.Terms.GetValueOrDefault(language)?.GetValueOrDefault(code);

    /// <summary>A reference set URI without its scheme: <c>terminology:SNOMED-CT?subset=x</c> → <c>SNOMED-CT?subset=x</c>.</summary>
    private static string RemoveSchema(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? uri : uri[(colon + 1)..];
    }
}
