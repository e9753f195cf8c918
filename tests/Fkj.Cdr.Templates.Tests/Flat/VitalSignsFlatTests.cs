using System.Text.Json;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Flat;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// The project's vital-signs composition (the benchmark's) through FLAT and STRUCTURED: the FLAT is a fixed point,
/// and canonical → FLAT → canonical loses exactly what FLAT has no keys for: PARTY_REF.type (the decoder writes
/// PARTY, as the SDK does) and DV_QUANTITY.property. Name mappings are carried (<c>_name/_mapping:N</c>).
/// </summary>
public class VitalSignsFlatTests
{
    [Fact]
    public void Canonical_to_flat_to_canonical_loses_only_party_ref_types_and_quantity_properties()
    {
        var wt = FlatFixtures.VitalSigns().WebTemplate;
        var original = CanonicalJson.Decode<Composition>(Validation.ValidationFixtures.VitalSignsComposition());
        var flat = FlatComposition.Encode(original, wt);
        var decoded = FlatComposition.Decode(flat, wt, FlatFixtures.Options);

        Assert.Equal(flat, FlatComposition.Encode(decoded, wt));
        var structured = StructuredComposition.Encode(original, wt);
        Assert.Equal(CanonicalJson.Encode(decoded), CanonicalJson.Encode(StructuredComposition.Decode(structured, wt, FlatFixtures.Options)));
        Assert.True(FlatFixtures.VitalSigns().Validator.Value.Validate(decoded).IsValid);

        var differences = JsonTreeComparer.Differences(
            JsonDocument.Parse(CanonicalJson.Encode(original)).RootElement,
            JsonDocument.Parse(CanonicalJson.Encode(decoded)).RootElement);
        Assert.NotEmpty(differences);
        Assert.All(differences, d => Assert.True(
            (d.Contains("/external_ref/type: expected \"", StringComparison.Ordinal) && d.EndsWith("found \"PARTY\"", StringComparison.Ordinal))
            || d.EndsWith("/value/property: missing from output", StringComparison.Ordinal), d));
        Assert.Contains(differences, d => d.StartsWith("/composer/external_ref/type", StringComparison.Ordinal));
    }
}
