using Fkj.Cdr.Load.Bench;

namespace Fkj.Cdr.Load.Tests.Bench;

public sealed class DocsSectionTests
{
    private const string Page = "# Benchmarks\n\nIntro.\n\n## Codec\n\nBy hand.\n\n## AQL\n\nAlso by hand.\n";

    [Fact]
    public void The_first_time_the_section_goes_in_after_the_introduction()
    {
        var text = DocsSection.Splice(Page, "## Report\n\nfigures\n");

        Assert.Equal($"# Benchmarks\n\nIntro.\n\n{DocsSection.Begin}\n## Report\n\nfigures\n{DocsSection.End}\n\n## Codec\n\nBy hand.\n\n## AQL\n\nAlso by hand.\n", text);
    }

    [Fact]
    public void Later_runs_replace_only_what_is_between_the_markers()
    {
        var once = DocsSection.Splice(Page, "old figures");
        var edited = once.Replace("Also by hand.", "Also by hand, and edited since.", StringComparison.Ordinal);

        var twice = DocsSection.Splice(edited, "new figures");

        Assert.DoesNotContain("old figures", twice);
        Assert.Contains($"{DocsSection.Begin}\nnew figures\n{DocsSection.End}", twice);
        Assert.Contains("Also by hand, and edited since.", twice);
        Assert.Equal(1, Count(twice, "<!-- fkj bench: begin"));
        Assert.StartsWith("# Benchmarks\n\nIntro.\n\n", twice);
    }

    [Fact]
    public void A_page_without_sections_gets_it_at_the_end()
    {
        Assert.Equal($"# B\n\ntext\n\n{DocsSection.Begin}\nfigures\n{DocsSection.End}\n", DocsSection.Splice("# B\n\ntext\n", "figures"));
    }

    [Fact]
    public void A_begin_marker_without_an_end_is_not_guessed_at()
    {
        Assert.Throws<InvalidDataException>(() => DocsSection.Splice($"# B\n{DocsSection.Begin}\nhalf\n## C\n", "figures"));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
