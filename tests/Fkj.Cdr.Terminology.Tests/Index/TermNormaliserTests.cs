using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Terminology.Tests.Index;

public class TermNormaliserTests
{
    [Theory]
    [InlineData("Sår i venstre øre", "sår i venstre øre")]
    [InlineData("ÆRØ Ærø æøå ÆØÅ", "ærø ærø æøå æøå")]
    [InlineData("Ménière's disease", "meniere s disease")]
    [InlineData("Straße, Ångström", "strasse ångstrom")]
    [InlineData("Type-2 diabetes (disorder)", "type 2 diabetes disorder")]
    [InlineData("Şahin Çelik Łódź Dvořák", "sahin celik lodz dvorak")]
    public void Tokens_are_lower_case_with_diacritics_folded_but_the_Norwegian_letters_kept(string text, string expected) =>
        Assert.Equal(expected, TermNormaliser.Normalise(text));
}
