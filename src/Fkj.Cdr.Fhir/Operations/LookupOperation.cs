using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// <c>CodeSystem/$lookup</c> (FHIR R4) for SNOMED CT: in <c>system</c> + <c>code</c> or <c>coding</c>,
/// <c>version</c> (accepted, the index holds one release), <c>displayLanguage</c>, <c>property</c> (repeatable).
/// Out: <c>name</c>, <c>display</c> (the preferred term in the display language), <c>designation</c> (language, use,
/// value) and <c>property</c> tuples (code, value) for the SNOMED CT properties <c>inactive</c>,
/// <c>sufficientlyDefined</c>, <c>moduleId</c>, <c>parent</c> and <c>child</c>, and, as the SNOMED CT page of FHIR R4
/// makes every concept model attribute a property, each active inferred attribute relationship (code: the attribute's
/// SCTID, valueCode: the destination) and concrete value (valueInteger, valueDecimal or valueString). With no
/// <c>property</c> asked for, everything but the children is returned (a top concept has thousands).
/// </summary>
public sealed class LookupOperation(SnomedIndex index)
{
    public const string CodeSystemName = "SNOMED CT";

    private static readonly string[] DefaultProperties = ["designation", "inactive", "sufficientlyDefined", "moduleId", "parent"];

    public Parameters Execute(OperationInput input, string? acceptLanguage = null)
    {
        var coding = input.Coding("coding");
        var system = coding?.System ?? input.Text("system");
        var code = coding?.Code ?? input.Text("code");
        if (code is null)
        {
            throw FhirException.Invalid("Parameter 'code' (with 'system') or 'coding' is required.", "code");
        }

        SnomedCodes.RequireSystem(system, coding is null ? "system" : "coding", required: true);
        var id = SnomedCodes.Require(index, code, coding is null ? "code" : "coding");
        var languages = SnomedLanguages.Parse(input.Text("displayLanguage") ?? acceptLanguage);
        var asked = input.Texts("property").ToHashSet(StringComparer.Ordinal);
        bool Wants(string property) => asked.Count == 0 ? DefaultProperties.Contains(property) : asked.Contains(property);

        var output = new List<Parameter>
        {
            Parameter.Of("name", FhirValue.String(CodeSystemName)),
            Parameter.Of("display", FhirValue.String(index.PreferredTerm(id, languages) ?? "")),
        };

        if (Wants("designation"))
        {
            foreach (var d in SnomedDisplay.Designations(index, id))
            {
                output.Add(Parameter.Tuple("designation",
                    Parameter.Of("language", FhirValue.Code(d.Language!)),
                    Parameter.Of("use", FhirValue.Of(d.Use!)),
                    Parameter.Of("value", FhirValue.String(d.Value))));
            }
        }

        if (Wants("inactive")) output.Add(Property("inactive", FhirValue.Of(!index.IsActive(id))));
        if (Wants("sufficientlyDefined")) output.Add(Property("sufficientlyDefined", FhirValue.Of(index.IsDefined(id))));
        if (Wants("moduleId")) output.Add(Property("moduleId", FhirValue.Code(index.ModuleOf(id).ToString())));
        if (Wants("parent"))
        {
            foreach (var parent in index.Parents(id)) output.Add(Property("parent", FhirValue.Code(parent.ToString())));
        }

        if (Wants("child"))
        {
            foreach (var child in index.Children(id)) output.Add(Property("child", FhirValue.Code(child.ToString())));
        }

        foreach (var relationship in index.Relationships(id))
        {
            var type = relationship.TypeId.ToString();
            if (asked.Count == 0 || asked.Contains(type)) output.Add(Property(type, FhirValue.Code(relationship.DestinationId.ToString())));
        }

        foreach (var concrete in index.ConcreteValues(id))
        {
            var type = concrete.TypeId.ToString();
            if ((asked.Count == 0 || asked.Contains(type)) && Concrete(concrete.Value) is { } value) output.Add(Property(type, value));
        }

        return new Parameters(output);
    }

    /// <summary>An RF2 concrete value: <c>#5</c> an integer, <c>#2.5</c> a decimal, <c>"text"</c> a string.</summary>
    private static FhirValue? Concrete(string value)
    {
        if (value.StartsWith('#'))
        {
            var number = value[1..];
            return long.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
                ? FhirValue.Of(n)
                : FhirValue.Decimal(number);
        }

        return value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? FhirValue.String(value[1..^1]) : null;
    }

    private static Parameter Property(string code, FhirValue value) =>
        Parameter.Tuple("property", Parameter.Of("code", FhirValue.Code(code)), Parameter.Of("value", value));
}
