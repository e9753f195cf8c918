using Fkj.Cdr.Aql.Parsing;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>The keyword table: every keyword of the grammar's lexer, in any case, and nothing else.</summary>
public class KeywordTests
{
    [Fact]
    public void Every_keyword_is_recognised_in_any_case()
    {
        var keywords = Enum.GetValues<Keyword>().Where(k => k != Keyword.None).ToList();

        Assert.Equal(50, keywords.Count);
        foreach (var keyword in keywords)
        {
            var spelling = Keywords.Spelling(keyword);
            Assert.Equal(keyword, Keywords.Lookup(spelling));
            Assert.Equal(keyword, Keywords.Lookup(spelling.ToLowerInvariant()));
            Assert.Equal(keyword, Keywords.Lookup(string.Concat(spelling.Select((c, i) => i % 2 == 0 ? char.ToLowerInvariant(c) : c))));
            Assert.NotEqual(keyword, Keywords.Lookup(spelling + "S"));
            Assert.NotEqual(keyword, Keywords.Lookup(spelling[..^1]));
        }
    }

    [Theory]
    [InlineData("data")]
    [InlineData("ehr_id")]
    [InlineData("e")]
    [InlineData("at0001")]
    [InlineData("ASX")]
    [InlineData("CURRENT_DATEX")]
    [InlineData("SELECTED")]
    public void Other_words_are_not_keywords(string word)
    {
        Assert.Equal(Keyword.None, Keywords.Lookup(word));
    }
}
