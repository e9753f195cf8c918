using System.Globalization;
using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Terminology.Rf2.Synthetic;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Evaluation;

/// <summary>
/// Concrete values: the snowstorm-lite mini release (sct2_RelationshipConcreteValues_Snapshot_INT_20210131.txt:
/// 362969004, an active concept, has 363698007 = "Before bed" and "Daily"), and a small synthetic release whose
/// expected sets are worked out in the test straight from its RF2 text files (a plain breadth-first walk over the
/// active inferred rows), never through the index or the evaluator.
/// </summary>
public sealed class MiniAndSyntheticEvaluationTests : IClassFixture<MiniAndSyntheticEvaluationTests.Small>
{
    private static readonly Lazy<SnomedIndex> Mini = new(() => SnomedIndexBuilder.Build(Rf2Release.Open(
        Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_MiniRF2"),
        Fixtures.Path("snomed", "snowstorm-lite-mini", "SnomedCT_SE_MiniRF2"))));

    private readonly Small small;

    public MiniAndSyntheticEvaluationTests(Small small) => this.small = small;

    public sealed class Small : IDisposable
    {
        public Small()
        {
            Summary = SyntheticRelease.Write(Directory.Path, new SyntheticReleaseOptions { Concepts = 3_000, Seed = 11 });
            Index = SnomedIndexBuilder.Build(Rf2Release.Open(Summary.InternationalFolder, Summary.NorwegianFolder));
        }

        public TempDirectory Directory { get; } = new("fkj-ecl");
        public SyntheticReleaseSummary Summary { get; }
        public SnomedIndex Index { get; }

        public void Dispose() => Directory.Dispose();
    }

    [Theory]
    [InlineData("* : 363698007 = \"Daily\"", new[] { 362969004L })]
    [InlineData("* : 363698007 = \"bed\"", new[] { 362969004L })]
    [InlineData("* : 363698007 = wild:\"Dai*\"", new[] { 362969004L })]
    [InlineData("* : 363698007 = (\"Weekly\" \"Before\")", new[] { 362969004L })]
    [InlineData("* : 363698007 = \"Weekly\"", new long[0])]
    [InlineData("* : [2..2] 363698007 = wild:\"*\"", new[] { 362969004L })]
    [InlineData("* : 363698007 != \"Daily\"", new[] { 362969004L })] // "Before bed" is not "Daily"
    [InlineData("* : 363698007 = #1", new long[0])] // the numbers belong to 871866001, which has no concept row
    public void Concrete_string_values_of_the_mini_release(string ecl, long[] expected) =>
        Assert.Equal(expected, new EclEvaluator(Mini.Value).Evaluate(ecl).ToIds());

    [Theory]
    [InlineData(">=", 2)]
    [InlineData("=", 1)]
    [InlineData("<", 3)]
    [InlineData("!=", 2)]
    public void Numeric_concrete_values_of_the_synthetic_release(string op, int value)
    {
        var active = ActiveConcepts();
        var expected = Rows("RelationshipConcreteValues")
            .Where(r => r[2] == "1" && r[7] == "1142139005" && active.Contains(long.Parse(r[4], CultureInfo.InvariantCulture)))
            .Where(r => Compare(op, decimal.Parse(r[5][1..], CultureInfo.InvariantCulture), value))
            .Select(r => long.Parse(r[4], CultureInfo.InvariantCulture)).Distinct().Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, new EclEvaluator(small.Index).Evaluate($"* : 1142139005 {op} #{value}").ToIds());
    }

    [Fact]
    public void Refinement_and_descendants_match_a_walk_over_the_relationship_file()
    {
        var active = ActiveConcepts();
        var rows = Rows("Relationship_").Where(r => r[2] == "1" && r[8] == SnomedIds.InferredRelationship.ToString(CultureInfo.InvariantCulture)).ToList();
        var children = rows.Where(r => r[7] == "116680003").ToLookup(r => long.Parse(r[5], CultureInfo.InvariantCulture), r => long.Parse(r[4], CultureInfo.InvariantCulture));
        HashSet<long> DescendantsOrSelf(long root)
        {
            var seen = new HashSet<long> { root };
            var queue = new Queue<long>([root]);
            while (queue.Count > 0) foreach (var child in children[queue.Dequeue()]) if (seen.Add(child)) queue.Enqueue(child);
            return seen;
        }

        var findings = DescendantsOrSelf(404684003);
        var sites = DescendantsOrSelf(39057004);
        var expected = rows.Where(r => r[7] == "363698007" && sites.Contains(long.Parse(r[5], CultureInfo.InvariantCulture)))
            .Select(r => long.Parse(r[4], CultureInfo.InvariantCulture)).Where(s => findings.Contains(s) && active.Contains(s))
            .Distinct().Order().ToArray();
        Assert.NotEmpty(expected);
        var evaluator = new EclEvaluator(small.Index);
        Assert.Equal(expected, evaluator.Evaluate("<< 404684003 : 363698007 = << 39057004").ToIds());
        Assert.Equal(findings.Where(active.Contains).Order().ToArray(), evaluator.Evaluate("<< 404684003").ToIds());
    }

    private static bool Compare(string op, decimal actual, int value) => op switch
    {
        ">=" => actual >= value,
        "=" => actual == value,
        "<" => actual < value,
        _ => actual != value,
    };

    private HashSet<long> ActiveConcepts() =>
        Rows("Concept_").Where(r => r[2] == "1").Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToHashSet();

    private IEnumerable<string[]> Rows(string fileNamePart) =>
        new[] { small.Summary.InternationalFolder, small.Summary.NorwegianFolder }
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(folder, $"sct2_{fileNamePart}*Snapshot*.txt", SearchOption.AllDirectories))
            .SelectMany(file => File.ReadLines(file).Skip(1))
            .Select(line => line.Split('\t'));
}
