using System.Text.Json;
using Fkj.Cdr.Load.Scenarios.Aql;

namespace Fkj.Cdr.Load.Tests.Aql;

/// <summary>Result sets and SQL rows come out as the same text when they say the same thing.</summary>
public sealed class AqlAnswersTests
{
    [Fact]
    public void A_result_set_reads_as_the_sql_rows_would()
    {
        // 2026-06-22T12:42:00+02:00 is 10:42 UTC: 1,782,124,920 seconds since 1970.
        using var resultSet = JsonDocument.Parse("""
            {"columns":[{"name":"#0"},{"name":"t"},{"name":"sys"},{"name":"dia"}],
             "rows":[["x::fkj.cdr::1","2026-06-22T12:42:00\u002B02:00",134,82],["y::fkj.cdr::2","2026-05-31T13:44:00Z",126.5,null]]}
            """);
        var sql = string.Join('\n',
            AqlAnswers.EhrRow("x::fkj.cdr::1", 1_782_124_920, 134.0, 82.0),
            AqlAnswers.EhrRow("y::fkj.cdr::2", 1_780_235_040, 126.5, null));
        Assert.Equal(sql, AqlAnswers.FromEhrResultSet(resultSet));
    }

    [Fact]
    public void A_differing_value_reads_differently()
    {
        using var resultSet = JsonDocument.Parse("""{"rows":[["x","2026-06-22T10:42:00Z",134,82]]}""");
        Assert.NotEqual(AqlAnswers.EhrRow("x", 1_782_124_920, 134, 83), AqlAnswers.FromEhrResultSet(resultSet));
        Assert.NotEqual(AqlAnswers.EhrRow("x", 1_782_124_921, 134, 82), AqlAnswers.FromEhrResultSet(resultSet));
    }

    [Fact]
    public void Counts_and_top_values_read_from_their_columns()
    {
        using var count = JsonDocument.Parse("""{"rows":[[4711]]}""");
        Assert.Equal(4711, AqlAnswers.FromCountResultSet(count));
        using var top = JsonDocument.Parse("""{"rows":[["e1",206],["e2",205.5]]}""");
        Assert.Equal(AqlAnswers.TopRow([206, 205.5]), AqlAnswers.FromTopResultSet(top));
        using var empty = JsonDocument.Parse("""{"rows":[]}""");
        Assert.Throws<InvalidDataException>(() => AqlAnswers.FromCountResultSet(empty));
    }
}
