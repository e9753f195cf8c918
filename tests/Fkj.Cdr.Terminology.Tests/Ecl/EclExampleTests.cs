using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Tests.Ecl.Support;

namespace Fkj.Cdr.Terminology.Tests.Ecl;

/// <summary>
/// Every example of <see cref="EclExamples"/> parses to the tree read off it by hand: the examples of the
/// ECL specification, the refinement, and every operator, filter and long-syntax spelling.
/// </summary>
public class EclExampleTests
{
    public static TheoryData<string> Sources => new(EclExamples.All.Select(e => e.Source));

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_example_parses_to_the_expected_tree(string source)
    {
        var example = EclExamples.All.Single(e => e.Source == source);

        var tree = EclParser.Parse(example.Ecl);

        Assert.Equal(example.Shape, EclShape.Of(tree));
    }

    [Fact]
    public void There_are_more_than_a_hundred_examples_each_named_once()
    {
        Assert.True(EclExamples.All.Count >= 100, $"{EclExamples.All.Count} examples");
        Assert.Equal(EclExamples.All.Count, EclExamples.All.Select(e => e.Source).Distinct().Count());
        Assert.Equal(EclExamples.All.Count, EclExamples.All.Select(e => e.Ecl).Distinct().Count());
    }

    [Fact]
    public void The_specification_examples_are_all_there()
    {
        // The 122 valid files of the specification's example folders (the 123rd, 9.3.6, has a typo: see EclErrorTests)
        // and 10 examples from its pages.
        Assert.Equal(132, EclExamples.All.Count(e => e.Source.StartsWith("spec ", StringComparison.Ordinal)));
    }
}
