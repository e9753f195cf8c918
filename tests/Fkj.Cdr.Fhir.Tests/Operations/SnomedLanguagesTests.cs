using Fkj.Cdr.Fhir.Operations;

namespace Fkj.Cdr.Fhir.Tests.Operations;

public class SnomedLanguagesTests
{
    private const long Gb = 900000000000508004, Us = 900000000000509007, Nb = 61000202103;

    [Theory]
    [InlineData(null, new[] { Gb, Us })]
    [InlineData("en-US", new[] { Us, Gb })]
    [InlineData("nb-NO, en;q=0.8", new[] { Nb, Gb, Us })]
    [InlineData("en-US;q=0.5, no;q=0.9", new[] { Nb, Us, Gb })] // by q, not by order
    [InlineData("de, fr", new[] { Gb, Us })]
    [InlineData("en-x-900000000000509007", new[] { Us, Gb })]
    [InlineData("nb;q=0, en-US", new[] { Us, Gb })] // q=0 means not acceptable
    public void APreferenceBecomesLanguageReferenceSetsWithTheEnglishFallback(string? preference, long[] expected) =>
        Assert.Equal(expected, SnomedLanguages.Parse(preference));
}
