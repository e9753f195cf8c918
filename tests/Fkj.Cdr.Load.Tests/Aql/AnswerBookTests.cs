using Fkj.Cdr.Load.Scenarios.Aql;

namespace Fkj.Cdr.Load.Tests.Aql;

public sealed class AnswerBookTests
{
    [Fact]
    public void The_first_answer_stands_and_a_different_one_is_a_mismatch_named_once()
    {
        var book = new AnswerBook();
        Assert.True(book.Check("aql-top", "top", "baseline", "1,2"));
        Assert.True(book.Check("aql-top", "top", "server", "1,2"));
        Assert.True(book.Check("aql-ehr", "e1", "server", "a"));
        Assert.True(book.Check("aql-ehr", "e2", "server", "b"));
        Assert.False(book.Check("aql-top", "top", "server", "1,3"));
        Assert.False(book.Check("aql-top", "top", "server", "1,4"));
        Assert.Equal(3, book.Checked);
        var mismatch = Assert.Single(book.Mismatches);
        Assert.Equal("aql-top", mismatch.Key);
        Assert.Contains("baseline gave 1,2, server gave 1,3", mismatch.Value);
    }
}
