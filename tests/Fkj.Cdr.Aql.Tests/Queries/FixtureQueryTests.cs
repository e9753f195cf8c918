using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Writing;
using Xunit.Abstractions;

namespace Fkj.Cdr.Aql.Tests.Queries;

/// <summary>
/// The AQL queries of the shared fixtures: the invalid ones are refused with a position, the others are
/// parsed (and written back and parsed again to the same tree), except those listed with the reason they
/// are not AQL.
/// </summary>
public class FixtureQueryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Both invalid queries are valid syntax: they use the SELECT alias <c>uid</c> as if it were a variable
    /// of the FROM clause. The parser's name check refuses them, at the alias.
    /// </summary>
    private static readonly Dictionary<string, (int Column, string Message)> InvalidReasons = new()
    {
        ["openehr/ehrbase-integration-tests/query/aql_queries_invalid/A/202_get_ehr_by_id_empty_db.json#1"] =
            (47, "'uid' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e"),
        ["openehr/ehrbase-integration-tests/query/aql_queries_invalid/A/203_get_ehr_by_id_empty_db.json#1"] =
            (47, "'uid' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e"),
    };

    /// <summary>Fixture queries that are not valid AQL, with what is wrong and where.</summary>
    private static readonly Dictionary<string, (int Line, int Column, string Message)> Refused = new()
    {
        // The working file's drafts of the two invalid queries above: the alias uid used as a variable.
        ["openehr/ehrbase-integration-tests/query/queries_working_file.js:106 (#21)"] =
            (1, 47, "'uid' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e"),
        ["openehr/ehrbase-integration-tests/query/queries_working_file.js:129 (#25)"] =
            (1, 47, "'uid' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e"),

        // The same mistake in the working file's last query: the alias activities used as a variable.
        ["openehr/ehrbase-integration-tests/query/queries_working_file.js:331 (#42)"] =
            (8, 9, "'activities' is a column alias, not a variable: a path starts with a variable of the FROM clause, and the FROM clause declares e, c, i"),

        // The ITS-REST example (in the description of the query API) ends with "FETCH 3", which is not AQL
        // (LIMIT is).
        ["openehr/its-rest-openapi/query-validation.openapi.yaml:114"] =
            (1, 555, "expected one of ',', LIMIT, end of query; found 'FETCH'"),
    };

    [Fact]
    public void Every_invalid_query_is_refused_with_a_position()
    {
        var queries = FixtureQueries.Invalid();

        Assert.Equal(InvalidReasons.Keys.Order(), queries.Select(q => q.Name).Order());
        foreach (var query in queries)
        {
            var error = Assert.Throws<AqlParseException>(() => AqlParser.Parse(query.Text)).Error;
            output.WriteLine($"{query.Name}: {error}");
            Assert.Equal(InvalidReasons[query.Name], (error.Column, error.Message));
            Assert.Equal(1, error.Line);
        }
    }

    [Fact]
    public void Every_other_query_parses_except_the_listed_ones()
    {
        var queries = FixtureQueries.Valid();
        var parsed = 0;
        var failures = new List<string>();
        foreach (var query in queries)
        {
            if (Refused.TryGetValue(query.Name, out var reason))
            {
                var error = Assert.Throws<AqlParseException>(() => AqlParser.Parse(query.Text)).Error;
                output.WriteLine($"refused {query.Name}: {error}");
                Assert.Equal(reason, (error.Line, error.Column, error.Message));
                continue;
            }

            if (!AqlParser.TryParse(query.Text, out var tree, out var unexpected))
            {
                failures.Add($"{query.Name}: {unexpected}\n{query.Text}");
                continue;
            }

            Assert.Equal(tree, AqlParser.Parse(AqlWriter.Write(tree)));
            parsed++;
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        output.WriteLine($"{parsed} parsed, {Refused.Count} refused, of {queries.Count}:");
        foreach (var query in queries) output.WriteLine("  " + query.Name);
        Assert.Equal(Refused.Count, queries.Count(q => Refused.ContainsKey(q.Name)));
        Assert.Equal(54, queries.Count);
        Assert.Equal(50, parsed);
    }
}
