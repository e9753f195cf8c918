using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Aql.Tests.Compilation;
using Fkj.Cdr.Aql.Writing;
using Xunit.Abstractions;

namespace Fkj.Cdr.Aql.Tests.Fuzzing;

/// <summary>
/// The whole way from text to SQL, fuzzed (seeded, deterministic): queries from the grammar's generator, queries
/// over paths the catalogue knows (so that analysis and compilation go deep, not just "no such path"), and
/// mutations of both. Whatever the input, the compiler gives SQL, or an <see cref="AqlParseException"/> or
/// <see cref="AqlSemanticException"/> with a place in the query (which the server answers with 400); any other
/// exception would be a 500, and fails the test.
/// </summary>
public class CompilerFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261122;
    private const int FromGrammar = 12_000;
    private const int OverCatalogue = 14_000;
    private const int MutationsPerQuery = 3;

    private static readonly string[] Columns =
    [
        "c", "o", "e/ehr_id/value", "c/name/value", "c/uid/value", "c/context/start_time/value", "c/category/defining_code/code_string",
        "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude",
        "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/units",
        "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value",
        "o/data[at0001]/events[at0006]/data[at0003]/items[at0005]/value/magnitude",
        "o/data[at0001]/events[at0006]/time/value", "o/data[at0001]/origin/value", "o/data[at0001]/events[at0006]",
        "o/protocol[at0011]/items[at0013]/value/defining_code/code_string", "o/protocol[at0011]/items[at0013]/value/value",
        "p/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value/magnitude", "o/name/value", "o/archetype_node_id",
        "o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/no_such", "o/subject", "v/commit_audit/time_committed/value",
    ];

    private static readonly string[] Aggregates = ["COUNT(*)", "COUNT({0})", "COUNT(DISTINCT {0})", "MIN({0})", "MAX({0})", "SUM({0})", "AVG({0})"];

    private static readonly string[] Froms =
    [
        "FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]",
        "FROM EHR e[ehr_id/value = $ehr] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]",
        "FROM EHR e CONTAINS COMPOSITION c CONTAINS (OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2] AND OBSERVATION p[openEHR-EHR-OBSERVATION.pulse.v2])",
        "FROM EHR e CONTAINS COMPOSITION c CONTAINS (OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2] OR OBSERVATION p[openEHR-EHR-OBSERVATION.pulse.v2])",
        "FROM EHR e CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]",
        "FROM EHR e CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.encounter.v1] CONTAINS OBSERVATION o NOT CONTAINS CLUSTER x",
        "FROM COMPOSITION c CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.blood_pressure.v2]",
        "FROM EHR e CONTAINS COMPOSITION c CONTAINS ELEMENT o[at0004]",
    ];

    private static readonly string[] Operators = ["=", "!=", ">", ">=", "<", "<="];

    private static readonly string[] Literals = ["120", "-3.5", "1e308", "'mm[Hg]'", "'2024-05-01T10:00:00Z'", "'2024-05-01'", "true", "NULL", "$p", "''", "'x''y'"];

    [Fact]
    public void Generated_and_mutated_queries_compile_or_give_a_located_error()
    {
        var random = new Random(Seed);
        var generator = new QueryGenerator(random);
        var stats = new Dictionary<string, int> { ["inputs"] = 0, ["compiled"] = 0, ["parse"] = 0, ["semantic"] = 0, ["unsupported"] = 0 };
        var failures = new List<string>();

        for (var i = 0; i < FromGrammar + OverCatalogue && failures.Count < 10; i++)
        {
            var text = i < FromGrammar ? AqlWriter.Write(generator.Next()) : OverCatalogueQuery(random);
            Check(text, stats, failures);
            for (var m = 0; m < MutationsPerQuery; m++) Check(Mutations.Mutate(text, random), stats, failures);
        }

        output.WriteLine(string.Join(", ", stats.Select(s => $"{s.Key} {s.Value:N0}")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(stats["inputs"] >= 100_000, $"only {stats["inputs"]} inputs");
        // The catalogue queries must reach the compiler, or the test proves little about it.
        Assert.True(stats["compiled"] >= OverCatalogue / 10, $"only {stats["compiled"]} compiled");
    }

    private static void Check(string text, Dictionary<string, int> stats, List<string> failures)
    {
        stats["inputs"]++;
        try
        {
            var compiled = AqlCompiler.CompileUncached(text, TestCatalogue.VitalSigns);
            stats["compiled"]++;
            if (string.IsNullOrWhiteSpace(compiled.Sql)) failures.Add($"empty SQL for:\n{text}");
        }
        catch (AqlParseException e)
        {
            stats["parse"]++;
            if (e.Error.Line < 1 || e.Error.Column < 1) failures.Add($"parse error without a place ({e.Message}) for:\n{text}");
        }
        catch (AqlSemanticException e)
        {
            stats[e.Unsupported ? "unsupported" : "semantic"]++;
        }
        catch (Exception e)
        {
            failures.Add($"{e.GetType().Name}: {e.Message} for:\n{text}\n{e.StackTrace}");
        }
    }

    private static string OverCatalogueQuery(Random random)
    {
        string Pick(string[] from) => from[random.Next(from.Length)];
        var columns = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var column = random.Next(5) == 0 ? string.Format(Pick(Aggregates), Pick(Columns)) : Pick(Columns);
            columns.Add(random.Next(3) == 0 ? $"{column} AS a{columns.Count}" : column);
        }
        var text = $"SELECT {(random.Next(6) == 0 ? "DISTINCT " : "")}{string.Join(", ", columns)} {Pick(Froms)}";
        if (random.Next(3) > 0)
        {
            var conditions = new List<string>();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                conditions.Add(random.Next(8) switch
                {
                    0 => $"EXISTS {Pick(Columns)}",
                    1 => $"{Pick(Columns)} LIKE 'mm?Hg*'",
                    2 => $"{Pick(Columns)} MATCHES {{{Pick(Literals)}, {Pick(Literals)}}}",
                    3 => $"NOT {Pick(Columns)} {Pick(Operators)} {Pick(Literals)}",
                    4 => $"{Pick(Columns)} {Pick(Operators)} {Pick(Columns)}",
                    _ => $"{Pick(Columns)} {Pick(Operators)} {Pick(Literals)}",
                });
            }
            text += " WHERE " + string.Join(random.Next(2) == 0 ? " AND " : " OR ", conditions);
        }
        if (random.Next(2) == 0) text += $" ORDER BY {Pick(Columns)} {(random.Next(2) == 0 ? "DESC" : "ASC")}";
        if (random.Next(2) == 0) text += $" LIMIT {random.Next(0, 50)}" + (random.Next(2) == 0 ? $" OFFSET {random.Next(0, 10)}" : "");
        return text;
    }
}
