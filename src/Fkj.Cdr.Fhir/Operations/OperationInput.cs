using System.Globalization;
using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Operations;

/// <summary>
/// The input parameters of an operation, from a GET query string or a POSTed Parameters resource, read the same
/// way: text values by name, Codings and CodeableConcepts (POST only), integers and booleans checked (a 400 names
/// the parameter).
/// </summary>
public sealed class OperationInput
{
    private readonly List<Parameter> _parameters;

    private OperationInput(List<Parameter> parameters) => _parameters = parameters;

    public static OperationInput FromParameters(Parameters parameters) => new([.. parameters.Parameter]);

    /// <summary>Query parameters: every value as a string parameter of that name.</summary>
    public static OperationInput FromQuery(IEnumerable<KeyValuePair<string, IEnumerable<string?>>> query) =>
        new([.. query.SelectMany(q => q.Value.Where(v => v is not null).Select(v => new Parameter(q.Key, FhirValue.String(v!))))]);

    public static OperationInput Of(params (string Name, string Value)[] values) =>
        new([.. values.Select(v => new Parameter(v.Name, FhirValue.String(v.Value)))]);

    public bool Has(string name) => _parameters.Any(p => p.Name == name);

    public string? Text(string name) => _parameters.FirstOrDefault(p => p.Name == name)?.Value?.AsText();

    public IEnumerable<string> Texts(string name) =>
        _parameters.Where(p => p.Name == name).Select(p => p.Value?.AsText()).OfType<string>();

    public Coding? Coding(string name) => _parameters.FirstOrDefault(p => p.Name == name)?.Value?.Coding;

    public IReadOnlyList<Coding>? CodeableConcept(string name) => _parameters.FirstOrDefault(p => p.Name == name)?.CodeableConcept;

    public long? Integer(string name, long min = 0)
    {
        var p = _parameters.FirstOrDefault(x => x.Name == name);
        if (p?.Value is null)
        {
            return null;
        }

        long? value = p.Value.Integer;
        if (value is null && long.TryParse(p.Value.AsText(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }

        return value is { } v && v >= min ? v : throw FhirException.Invalid($"Parameter '{name}' must be an integer ≥ {min}.", name);
    }

    public bool? Boolean(string name)
    {
        var p = _parameters.FirstOrDefault(x => x.Name == name);
        if (p?.Value is null)
        {
            return null;
        }

        return p.Value.AsText() switch
        {
            "true" => true,
            "false" => false,
            _ => throw FhirException.Invalid($"Parameter '{name}' must be true or false.", name),
        };
    }
}
