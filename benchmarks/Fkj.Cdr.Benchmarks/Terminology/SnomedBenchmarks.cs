using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Benchmarks.Terminology;

/// <summary>
/// The SNOMED CT index on the International-size synthetic release (issue 7's targets), each operation beside a
/// baseline in the same run:
/// - 10-hit search (prefixes of one or two words of random preferred terms, rotating over 512 queries) against a
///   <see cref="Dictionary{TKey,TValue}"/> lookup of an exact term (rotating over 512 preferred terms): what an exact-match table costs;
/// - the subsumption test (rotating over 4,096 random pairs, half true) against a dictionary lookup of the same ids;
/// - <c>&lt;&lt; X</c>, X the concept with the number of descendants nearest 10,000, parsed and evaluated with a new
///   evaluator per call as a request does, against a scan summing an <c>int</c> array of the same length;
/// - the refinement <c>&lt;&lt; 404684003 : 363698007 = &lt;&lt; 39057004</c> against one scan over an array with one
///   element per concept (the floor of anything that looks at every concept once);
/// - making an <see cref="EclEvaluator"/> (one per request) against allocating an object;
/// - $expand of <c>isa/X</c>, a page of 100 with preferred terms, beside the <c>&lt;&lt; X</c> case.
/// </summary>
[Config(typeof(SyntheticRelease.Config))]
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SnomedBenchmarks
{
    private SnomedIndex index = null!;
    private string[] queries = [];
    private (long, long)[] pairs = [];
    private Dictionary<string, long> exactTerms = [];
    private string[] terms = [];
    private Dictionary<long, int> conceptNumbers = [];
    private int[] slice = [];
    private int[] everyConcept = [];
    private long near;
    private string nearEcl = "";
    private int next;

    public const string Refinement = "<< 404684003 : 363698007 = << 39057004";

    [GlobalSetup]
    public void Setup()
    {
        index = SyntheticRelease.Index;
        var random = new Random(1);
        var active = new EclEvaluator(index).Evaluate("*").ToIds();
        var words = new Regex("[\\p{L}\\p{N}]+");

        var q = new List<string>();
        while (q.Count < 512)
        {
            var tokens = words.Matches(index.PreferredTerm(active[random.Next(active.Length)]) ?? "").Select(m => m.Value.ToLowerInvariant()).ToList();
            if (tokens.Count == 0) continue;
            var first = tokens[random.Next(tokens.Count)];
            var query = first[..Math.Min(first.Length, 3 + random.Next(4))];
            if (tokens.Count > 1 && random.Next(2) == 0)
            {
                var second = tokens[random.Next(tokens.Count)];
                query += " " + second[..Math.Min(second.Length, 3 + random.Next(3))];
            }

            q.Add(query);
        }

        queries = [.. q];
        exactTerms = active.Take(200_000).Select(id => (id, term: index.PreferredTerm(id)!)).DistinctBy(x => x.term).ToDictionary(x => x.term, x => x.id);
        terms = exactTerms.Keys.Take(512).ToArray();

        pairs = new (long, long)[4096];
        for (var i = 0; i < pairs.Length; i++)
        {
            var concept = active[random.Next(active.Length)];
            var ancestors = index.Ancestors(concept);
            pairs[i] = i % 2 == 0 && ancestors.Length > 0 ? (ancestors[random.Next(ancestors.Length)], concept) : (active[random.Next(active.Length)], concept);
        }

        conceptNumbers = active.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        near = active.OrderBy(x => Math.Abs(index.DescendantCount(x) - 10_000)).First();
        nearEcl = "<< " + near;
        slice = Enumerable.Range(0, index.DescendantCount(near) + 1).ToArray();
        everyConcept = Enumerable.Range(0, index.ConceptCount).ToArray();
        Console.WriteLine($"// {index.ConceptCount:N0} concepts; << {near}: {slice.Length:N0} concepts; refinement: {new EclEvaluator(index).Evaluate(Refinement).Count:N0}; queries such as '{queries[0]}', '{queries[1]}'");
    }

    private int Next(int length) => next = (next + 1) % length;

    [Benchmark(Baseline = true), BenchmarkCategory("search")]
    public long ExactTermDictionary() => exactTerms.TryGetValue(terms[Next(terms.Length)], out var id) ? id : 0;

    [Benchmark, BenchmarkCategory("search")]
    public int Search10() => index.Search(new SearchRequest(queries[Next(queries.Length)])).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("subsumption")]
    public int ConceptDictionary()
    {
        var (a, b) = pairs[Next(pairs.Length)];
        return conceptNumbers.GetValueOrDefault(a) ^ conceptNumbers.GetValueOrDefault(b);
    }

    [Benchmark, BenchmarkCategory("subsumption")]
    public bool Subsumes()
    {
        var (a, b) = pairs[Next(pairs.Length)];
        return index.Subsumes(a, b);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("descendants")]
    public long ScanSliceOfSameLength()
    {
        long sum = 0;
        foreach (var x in slice) sum += x;
        return sum;
    }

    [Benchmark, BenchmarkCategory("descendants")]
    public int DescendantsOrSelf10k() => new EclEvaluator(index).Evaluate(nearEcl).Count;

    [Benchmark, BenchmarkCategory("descendants")]
    public int ExpandIsAPageOf100() =>
        new ExpandOperation(index).Execute(OperationInput.Of(("url", "http://snomed.info/sct?fhir_vs=isa/" + near), ("count", "100"))).Contains.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("refinement")]
    public long ScanEveryConcept()
    {
        long sum = 0;
        foreach (var x in everyConcept) sum += x;
        return sum;
    }

    [Benchmark, BenchmarkCategory("refinement")]
    public int RefinementFindingSite() => new EclEvaluator(index).Evaluate(Refinement).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("evaluator")]
    public object NewObject() => new object();

    [Benchmark, BenchmarkCategory("evaluator")]
    public object NewEvaluator() => new EclEvaluator(index);
}
