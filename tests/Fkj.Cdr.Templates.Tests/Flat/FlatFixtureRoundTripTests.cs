using System.Text.Json;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Templates.Flat;
using Xunit.Abstractions;

namespace Fkj.Cdr.Templates.Tests.Flat;

/// <summary>
/// Every FLAT composition of the fixtures: FLAT → canonical → FLAT gives the same keys (under the documented
/// normalisations of <see cref="FlatKeyComparison"/>), the canonical composition reads back unchanged from the
/// FLAT written for it, and it validates against its template; or, for the listed files, the document is refused
/// with the located error expected, or the composition breaks its template in the way listed.
/// </summary>
public class FlatFixtureRoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => FlatFixtures.FlatFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void A_fixture_round_trips_key_by_key_and_validates(string file)
    {
        var compiled = FlatFixtures.Template(FlatFixtures.Templates[file]);
        var input = FlatFixtures.Read(file);

        if (FlatFixtures.Refused.TryGetValue(file, out var refusal))
        {
            var error = Assert.Throws<RmFormatException>(() => FlatComposition.Decode(input, compiled.WebTemplate, FlatFixtures.Options));
            Assert.DoesNotContain(error.Errors, e => e.Code == "internal_error");
            Assert.Contains(error.Errors, e => e.Code == refusal.Code && e.Path == refusal.Path);
            Assert.All(error.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
            return;
        }

        var composition = FlatComposition.Decode(input, compiled.WebTemplate, FlatFixtures.Options);
        var canonical = CanonicalJson.Encode(composition);
        var flat = FlatComposition.Encode(composition, compiled.WebTemplate);

        using (var before = JsonDocument.Parse(input))
        using (var after = JsonDocument.Parse(flat))
        {
            var differences = FlatKeyComparison.Differences(compiled.Schema, before.RootElement, after.RootElement);
            Assert.True(differences.Count == 0, $"{file}:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
        }

        // The FLAT written for the composition reads back as the same composition (and writes the same FLAT).
        var again = FlatComposition.Decode(flat, compiled.WebTemplate, FlatFixtures.Options);
        Assert.Equal(canonical, CanonicalJson.Encode(again));
        Assert.Equal(flat, FlatComposition.Encode(again, compiled.WebTemplate));

        var result = compiled.Validator.Value.Validate(composition);
        if (FlatFixtures.NotValid.TryGetValue(file, out var invalidity))
        {
            Assert.False(result.IsValid, $"{file} is listed as breaking its template ({invalidity.Reason}) but validates");
            Assert.All(result.Errors, e => Assert.Contains(e.Code, invalidity.Codes));
            return;
        }

        Assert.True(result.IsValid, $"{file}:{Environment.NewLine}{result}");
    }

    [Fact]
    public void The_fixture_counts_are_as_reported()
    {
        var total = FlatFixtures.Templates.Count;
        var refused = FlatFixtures.Refused.Count;
        var notValid = FlatFixtures.NotValid.Count;
        output.WriteLine($"FLAT fixtures: {total}; round-tripped: {total - refused}; refused as invalid FLAT: {refused}; " +
                         $"validated: {total - refused - notValid}; breaking their template: {notValid}");
        Assert.Equal(157, total);
        Assert.Equal(149, total - refused);
        Assert.All(FlatFixtures.Refused.Keys, f => Assert.True(FlatFixtures.Templates.ContainsKey(f), f));
        Assert.All(FlatFixtures.NotValid.Keys, f => Assert.True(FlatFixtures.Templates.ContainsKey(f) && !FlatFixtures.Refused.ContainsKey(f), f));
    }
}
