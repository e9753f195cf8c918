using System.Diagnostics;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Syntax;
using Fkj.Cdr.Aql.Writing;
using Xunit.Abstractions;

namespace Fkj.Cdr.Aql.Tests.Fuzzing;

/// <summary>
/// Fuzzing, seeded and deterministic: random valid queries from the grammar (each written canonically and
/// in a varied equivalent text, both of which must parse to the generated tree), then random mutations of
/// them and random noise. Whatever the input, the parser either returns a tree, which must survive the
/// write-and-parse round trip, or throws an <see cref="AqlParseException"/> with a position inside the
/// text; nothing else.
/// </summary>
public class AqlFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20260601;
    private const int Generated = 16_000;
    private const int MutationsPerQuery = 4;
    private const int Noise = 5_000;

    [Fact]
    public void Generated_mutated_and_random_queries_give_a_tree_or_a_parse_error()
    {
        var random = new Random(Seed);
        var generator = new QueryGenerator(random);
        var failures = new List<string>();
        var stats = new Stats();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < Generated; i++)
        {
            var tree = generator.Next();
            var canonical = AqlWriter.Write(tree);
            Check(canonical, expected: tree, stats, failures);
            if (failures.Count == 0)
            {
                stats.Varied++;
                Check(TextVariations.Vary(canonical, random), expected: tree, stats, failures);
            }

            for (var m = 0; m < MutationsPerQuery; m++) Check(Mutations.Mutate(canonical, random), expected: null, stats, failures);
            if (failures.Count >= 10) break;
        }

        for (var i = 0; i < Noise && failures.Count < 10; i++)
        {
            var length = random.Next(0, 200);
            var noise = new char[length];
            for (var c = 0; c < length; c++) noise[c] = random.Next(4) == 0 ? (char)random.Next(0x10000) : (char)random.Next(0x20, 0x7f);
            Check(new string(noise), expected: null, stats, failures);
        }

        watch.Stop();
        output.WriteLine($"{stats.Inputs:N0} inputs in {watch.Elapsed.TotalSeconds:F1} s: {Generated:N0} generated (and {stats.Varied:N0} varied), "
            + $"{stats.Accepted:N0} accepted, {stats.Refused:N0} refused; longest input {stats.Longest:N0} characters");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(stats.Inputs >= 100_000, $"only {stats.Inputs} inputs");
    }

    private static void Check(string text, AqlQuery? expected, Stats stats, List<string> failures)
    {
        stats.Inputs++;
        stats.Longest = Math.Max(stats.Longest, text.Length);
        try
        {
            var tree = AqlParser.Parse(text);
            stats.Accepted++;
            if (expected is not null && !tree.Equals(expected))
            {
                failures.Add($"generated tree not read back from:\n{text}\nexpected: {AqlWriter.Write(expected)}\nactual:   {AqlWriter.Write(tree)}");
                return;
            }

            var written = AqlWriter.Write(tree);
            if (!AqlParser.Parse(written).Equals(tree)) failures.Add($"round trip changed the tree:\n{text}\nwritten: {written}");
        }
        catch (AqlParseException e)
        {
            stats.Refused++;
            var error = e.Error;
            if (expected is not null) failures.Add($"generated query refused: {error}\n{text}");
            else if (error.Offset < 0 || error.Offset > text.Length || error.Line < 1 || error.Column < 1 || error.Offset + error.Length > text.Length)
            {
                failures.Add($"error outside the text: {error} (offset {error.Offset}, length {error.Length}, text length {text.Length})\n{Show(text)}");
            }
        }
        catch (Exception e)
        {
            failures.Add($"{e.GetType().Name}: {e.Message}\n{Show(text)}\n{e.StackTrace}");
        }
    }

    private static string Show(string text) => text.Length > 2000 ? text[..2000] + "..." : text;

    private sealed class Stats
    {
        public int Inputs;
        public int Varied;
        public int Accepted;
        public int Refused;
        public int Longest;
    }
}
