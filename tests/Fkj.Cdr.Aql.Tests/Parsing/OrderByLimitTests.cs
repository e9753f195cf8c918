using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>ORDER BY with several keys and directions, LIMIT and OFFSET.</summary>
public class OrderByLimitTests
{
    [Fact]
    public void Several_keys_any_path_any_direction_keyword()
    {
        var orderBy = Parse("""
            SELECT c/uid/value AS uid FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o
            ORDER BY c/context/start_time/value DESC, o/data[at0001]/events[at0006]/time/value ASCENDING,
                     e/ehr_id/value, uid descending, c/name/value asc
            """).OrderBy!;

        Assert.Equal(
            [
                new OrderByKey(Path("c", Part("context"), Part("start_time"), Part("value")), SortDirection.Descending),
                new OrderByKey(Path("o", Part("data", "at0001"), Part("events", "at0006"), Part("time"), Part("value")), SortDirection.Ascending),
                new OrderByKey(Path("e", Part("ehr_id"), Part("value"))),
                new OrderByKey(new IdentifiedPath("uid"), SortDirection.Descending),
                new OrderByKey(Path("c", Part("name"), Part("value")), SortDirection.Ascending),
            ],
            orderBy.Keys);
        Assert.False(orderBy.Keys[2].Descending);
    }

    [Fact]
    public void An_alias_that_is_a_keyword_or_a_code_orders_by_its_column()
    {
        var keys = Parse("SELECT COUNT(*) AS count, e/x AS at0001 FROM EHR e ORDER BY count DESC, at0001").OrderBy!.Keys;

        Assert.Equal([new OrderByKey(new IdentifiedPath("count"), SortDirection.Descending), new OrderByKey(new IdentifiedPath("at0001"))], keys);
        Assert.Equal("expected a path; found 'count'", Error("SELECT e FROM EHR e ORDER BY count").Message);
    }

    [Fact]
    public void Limit_and_offset()
    {
        Assert.Equal(new LimitClause(10), Parse("SELECT e FROM EHR e LIMIT 10").Limit);
        Assert.Equal(new LimitClause(10, 20), Parse("SELECT e FROM EHR e ORDER BY e/time_created DESC LIMIT 10 OFFSET 20").Limit);
        Assert.Equal(new LimitClause(0, 0), Parse("SELECT e FROM EHR e LIMIT 0 OFFSET 0").Limit);
    }

    [Theory]
    [InlineData("SELECT e FROM EHR e OFFSET 5", "expected one of '[', NOT, CONTAINS, AND, OR, WHERE, ORDER BY, LIMIT, end of query; found 'OFFSET'")]
    [InlineData("SELECT e FROM EHR e LIMIT -1", "expected an integer; found '-'")]
    [InlineData("SELECT e FROM EHR e LIMIT 10 OFFSET", "expected an integer; found end of query")]
    [InlineData("SELECT e FROM EHR e LIMIT 99999999999999999999", "99999999999999999999 is too large; at most 9223372036854775807 is allowed")]
    [InlineData("SELECT e FROM EHR e LIMIT 1 ORDER BY e/x", "expected one of OFFSET, end of query; found 'ORDER'")]
    [InlineData("SELECT e FROM EHR e ORDER e/x", "expected BY; found 'e'")]
    [InlineData("SELECT e FROM EHR e ORDER BY e/x DESC ASC", "expected one of ',', LIMIT, end of query; found 'ASC'")]
    [InlineData("SELECT e FROM EHR e ORDER BY 'x'", "expected a path; found 'x'")]
    public void Misplaced_or_malformed(string text, string message)
    {
        Assert.Equal(message, Error(text).Message);
    }
}
