using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Terminology.Tests.Ecl.Evaluation;

/// <summary>
/// What the fixture releases lack: role groups other than 0, numbers and booleans on concepts that exist. A release
/// of a few rows is written here, so every expected set can be read off the rows below.
/// Findings 131148009 (F1), 300577008 (F2), 64572001 (F3); values 123037004 (V1), 49755003 (V2), 50960005 (V3);
/// 363698007 finding site, 116676008 morphology, 1142139005 a count, 1149366004 a flag.
///   F1 group 1: site V1, morphology V2 | group 2: site V2, morphology V3 | group 3: site V3, morphology V3 | #2, true
///   F2 group 1: site V1 | group 2: morphology V1 | #3, false
///   F3 group 0: site V3, morphology V3 (ungrouped: two groups of their own) | #2.5
/// </summary>
public sealed class HandmadeReleaseEvaluationTests : IDisposable
{
    private const long F1 = 131148009, F2 = 300577008, F3 = 64572001, V1 = 123037004, V2 = 49755003, V3 = 50960005;

    private static readonly long[] Others = [138875005, 116680003, 363698007, 116676008, 1142139005, 1149366004];

    private readonly TempDirectory directory = new("fkj-ecl-handmade");
    private readonly SnomedIndex index;

    public HandmadeReleaseEvaluationTests()
    {
        const string core = "900000000000207008";
        var concepts = new[] { F1, F2, F3, V1, V2, V3 }.Concat(Others)
            .Select(id => $"{id}\t20250101\t1\t{core}\t900000000000074008");
        var n = 100;
        string Row(long source, long destination, int group, long type) =>
            $"{n++}\t20250101\t1\t{core}\t{source}\t{destination}\t{group}\t{type}\t900000000000011006\t900000000000451002";
        var isA = new[] { F1, F2, F3, V1, V2, V3 }.Concat(Others.Skip(1)).Select(c => Row(c, 138875005, 0, 116680003));
        var attributes = new[]
        {
            Row(F1, V1, 1, 363698007), Row(F1, V2, 1, 116676008), Row(F1, V2, 2, 363698007), Row(F1, V3, 2, 116676008),
            Row(F1, V3, 3, 363698007), Row(F1, V3, 3, 116676008),
            Row(F2, V1, 1, 363698007), Row(F2, V1, 2, 116676008),
            Row(F3, V3, 0, 363698007), Row(F3, V3, 0, 116676008),
        };
        string Value(long source, string value, long type) =>
            $"{n++}\t20250101\t1\t{core}\t{source}\t{value}\t0\t{type}\t900000000000011006\t900000000000451002";
        var concrete = new[] { Value(F1, "#2", 1142139005), Value(F2, "#3", 1142139005), Value(F3, "#2.5", 1142139005),
            Value(F1, "true", 1149366004), Value(F2, "false", 1149366004) };

        Write("sct2_Concept_Snapshot_INT_20250101.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId", concepts);
        const string relationshipHeader = "id\teffectiveTime\tactive\tmoduleId\tsourceId\tdestinationId\trelationshipGroup\ttypeId\tcharacteristicTypeId\tmodifierId";
        Write("sct2_Relationship_Snapshot_INT_20250101.txt", relationshipHeader, isA.Concat(attributes));
        Write("sct2_RelationshipConcreteValues_Snapshot_INT_20250101.txt", relationshipHeader.Replace("destinationId", "value"), concrete);
        index = SnomedIndexBuilder.Build(Rf2Release.Open(directory.Path));
    }

    public void Dispose() => directory.Dispose();

    private void Write(string name, string header, IEnumerable<string> rows) =>
        File.WriteAllLines(Path.Combine(directory.Path, name), rows.Prepend(header));

    private long[] Eval(string ecl) => new EclEvaluator(index).Evaluate(ecl).ToIds();

    [Theory]
    // reversed attributes in one group: only F1's group 3 has site and morphology on the same value (F3's are ungrouped)
    [InlineData("* : { R 363698007 = *, R 116676008 = * }", new[] { V3 })]
    [InlineData("* : R 363698007 = *, R 116676008 = *", new[] { V2, V1, V3 })]
    [InlineData("* : { R 363698007 = 300577008 }", new[] { V1 })]
    [InlineData("* : { R 363698007 = 131148009, R 116676008 = 131148009 }", new[] { V3 })]
    [InlineData("* : { R 363698007 = 300577008, R 116676008 = 300577008 }", new long[0])] // F2 has them in two groups
    [InlineData("* : [2..2] { R 363698007 = * }", new[] { V1, V3 })] // V1: F1 g1, F2 g1; V3: F1 g3, F3 g0
    [InlineData("* : { R 363698007 != 131148009 }", new[] { V1, V3 })] // F2 → V1, F3 → V3
    [InlineData("* : [0..0] { R 363698007 = * }", new[] { F1, F2, F3, 138875005, 116680003, 116676008, 363698007, 1142139005, 1149366004 })]
    // forward groups
    [InlineData("* : { 363698007 = 123037004, 116676008 = 49755003 }", new[] { F1 })]
    [InlineData("* : { 363698007 = 123037004, 116676008 = 123037004 }", new long[0])]
    [InlineData("* : { 363698007 = 50960005, 116676008 = 50960005 }", new[] { F1 })] // F3's are ungrouped
    [InlineData("* : [3..3] { 363698007 = * }", new[] { F1 })]
    // numbers, all six comparisons: F1 #2, F2 #3, F3 #2.5
    [InlineData("* : 1142139005 = #2", new[] { F1 })]
    [InlineData("* : 1142139005 != #2", new[] { F3, F2 })]
    [InlineData("* : 1142139005 < #2.5", new[] { F1 })]
    [InlineData("* : 1142139005 <= #2.5", new[] { F3, F1 })]
    [InlineData("* : 1142139005 > #2", new[] { F3, F2 })]
    [InlineData("* : 1142139005 >= #3", new[] { F2 })]
    [InlineData("* : 1142139005 = #2.50", new[] { F3 })]
    // booleans
    [InlineData("* : 1149366004 = true", new[] { F1 })]
    [InlineData("* : 1149366004 = FALSE", new[] { F2 })]
    [InlineData("* : 1149366004 != true", new[] { F2 })]
    public void Evaluates_to_the_set_read_off_the_rows(string ecl, long[] expected) => Assert.Equal(expected.Order(), Eval(ecl));

    [Fact]
    public void A_group_mixing_reversed_and_forward_attributes_is_an_error_at_the_group()
    {
        var error = Assert.Throws<EclEvaluationException>(() => Eval("* : { R 363698007 = *, 116676008 = * }"));
        Assert.Equal(4, error.Span.Start);
        Assert.Contains("mixes reversed", error.Message);
    }
}
