using System.Text;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Syntax;
using static Fkj.Cdr.Aql.Tests.Support.Aql;

namespace Fkj.Cdr.Aql.Tests.Parsing;

/// <summary>Hostile input: deep nesting, long queries, long chains. Always an answer, never a crash, in linear time.</summary>
public class RobustnessTests
{
    private const int Limit = AqlParser.MaxNesting;

    public static TheoryData<string, Func<int, string>> Nestings => new()
    {
        { "WHERE parentheses", n => "SELECT e FROM EHR e WHERE " + new string('(', n) + "e/x = 1" + new string(')', n) },
        { "FROM parentheses", n => "SELECT e FROM " + new string('(', n) + "EHR e" + new string(')', n) },
        { "NOT", n => "SELECT e FROM EHR e WHERE " + Repeat("NOT ", n) + "e/x = 1" },
        { "CONTAINS", n => "SELECT e FROM EHR e" + string.Concat(Enumerable.Range(0, n).Select(i => $" CONTAINS CLUSTER c{i}")) },
        { "function calls", n => "SELECT " + Repeat("ABS(", n) + "e/x" + new string(')', n) + " FROM EHR e" },
        { "predicates", n => "SELECT e" + Repeat("[a", n) + Repeat(" = 1]", n) + " FROM EHR e" },
        { "MATCHES in parentheses", n => "SELECT e FROM EHR e WHERE " + new string('(', n - 1) + "e/x MATCHES {1}" + new string(')', n - 1) },
    };

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Nesting_up_to_the_limit_parses(string construct, Func<int, string> query)
    {
        Assert.NotNull(AqlParser.Parse(query(Limit)));
        Assert.NotEmpty(construct);
    }

    [Theory]
    [MemberData(nameof(Nestings))]
    public void Nesting_beyond_the_limit_is_a_clean_error(string construct, Func<int, string> query)
    {
        foreach (var depth in new[] { Limit + 1, 40_000 })
        {
            var error = Error(query(depth));

            Assert.StartsWith($"the query nests too deeply: more than {Limit} levels", error.Message);
            Assert.Equal(1, error.Line);
        }

        Assert.NotEmpty(construct);
    }

    [Fact]
    public void The_nesting_error_points_at_the_level_too_many()
    {
        var error = Error("SELECT e FROM EHR e WHERE " + new string('(', 1000) + "e/x = 1");

        Assert.Equal(26 + Limit + 1, error.Column);
    }

    [Fact]
    public void A_small_stack_gives_an_error_not_a_crash()
    {
        Exception? thrown = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    AqlParser.Parse("SELECT e FROM EHR e WHERE " + new string('(', Limit) + "e/x = 1" + new string(')', Limit));
                }
                catch (Exception e)
                {
                    thrown = e;
                }
            },
            maxStackSize: 192 * 1024);
        thread.Start();
        thread.Join();

        Assert.True(thrown is null or AqlParseException, thrown?.ToString());
    }

    [Fact]
    public void A_query_over_the_size_limit_is_refused()
    {
        var error = Error("SELECT e FROM EHR e WHERE e/x = '" + new string('a', AqlParser.MaxQueryLength) + "'");

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("the query is 1,048,610 characters long; at most 1,048,576 are accepted", error.Message);
    }

    public static TheoryData<string, Func<int, string>> Sizes => new()
    {
        { "a chain of conditions", n => "SELECT o FROM OBSERVATION o WHERE " + string.Join(" OR ", Enumerable.Range(0, n).Select(i => $"o/data[at0001]/x = {i}")) },
        { "a value list", n => "SELECT o FROM OBSERVATION o WHERE o/x MATCHES {" + string.Join(",", Enumerable.Range(0, 5 * n).Select(i => $"'{i}'")) + "}" },
        { "a string", n => "SELECT o FROM OBSERVATION o WHERE o/x = '" + new string('x', 50 * n) + "'" },
        { "columns", n => "SELECT " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"o/items[at{i:D4}]/value AS c{i}")) + " FROM OBSERVATION o" },
        { "containment operands", n => "SELECT e FROM EHR e CONTAINS (" + string.Join(" AND ", Enumerable.Range(0, n).Select(i => $"CLUSTER c{i}")) + ")" },
        { "ORDER BY aliases", n => "SELECT " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"o/x AS a{i}")) + " FROM OBSERVATION o ORDER BY " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"a{i}")) },
    };

    /// <summary>
    /// Eight times the size costs about eight times as much, not sixty-four. Measured in bytes allocated on this
    /// thread, which a busy machine does not change (a clock would): the parser's tokens, lists and tree grow with
    /// the input, and a quadratic step (re-scanning, re-copying) would show as quadratic allocation.
    /// </summary>
    [Theory]
    [MemberData(nameof(Sizes))]
    public void Long_queries_parse_in_linear_space(string what, Func<int, string> query)
    {
        Allocated(query(100)); // first use: static tables, caches
        var small = Allocated(query(1_250));
        var large = Allocated(query(10_000));

        Assert.True(large < 12 * small + 65_536, $"{what}: 1,250 items allocated {small:N0} bytes, 10,000 items {large:N0} bytes");

        static long Allocated(string text)
        {
            Assert.True(text.Length <= AqlParser.MaxQueryLength);
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.NotNull(AqlParser.Parse(text));
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Fact]
    public void Long_erroneous_queries_fail_in_linear_time()
    {
        var cases = new[]
        {
            new string('(', 500_000),
            "SELECT " + Repeat("a-b-c.", 100_000),
            "SELECT " + Repeat("openEHR-EHR-OBSERVATION.x", 30_000),
            "SELECT e FROM EHR e WHERE e/x = '" + new string('\\', 500_001),
            "SELECT e FROM EHR e WHERE e[at0001, " + Repeat("a.b", 200_000) + "::",
            "SELECT e FROM EHR e WHERE e/x MATCHES {" + Repeat("a:", 300_000),
            "SELECT e FROM EHR e WHERE e[x MATCHES {/" + new string('a', 500_000),
            Repeat("-- comment\n", 80_000),
        };

        // A hang would stall the run; what is asserted is the refusal, and that its cost stays within a few times the input.
        foreach (var text in cases)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<AqlParseException>(() => AqlParser.Parse(text));
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 64L * text.Length + 1_048_576, $"{text[..20]}... allocated {allocated:N0} bytes for {text.Length:N0} characters");
        }
    }

    [Fact]
    public void Every_character_alone_and_after_a_valid_prefix_is_handled()
    {
        var prefixes = new[] { "", "SELECT ", "SELECT e FROM EHR e WHERE e/x = ", "SELECT e FROM EHR e[", "SELECT e FROM EHR e WHERE e/x MATCHES {", "SELECT e FROM EHR e WHERE e[at1, " };
        foreach (var prefix in prefixes)
        {
            // Every ASCII and Latin-1 character, and a sample of the rest of the BMP (surrogates included).
            for (var c = 0; c <= 0xFFFF; c += c < 0x100 ? 1 : 251)
            {
                var text = prefix + (char)c;
                try
                {
                    AqlParser.Parse(text);
                }
                catch (AqlParseException e)
                {
                    Assert.InRange(e.Error.Offset, 0, text.Length);
                    Assert.InRange(e.Error.Column, 1, text.Length + 1);
                }
            }
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
