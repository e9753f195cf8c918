using System.Text.Json;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Tests.Support;
using Fkj.Cdr.Templates.WebTemplates;

namespace Fkj.Cdr.Templates.Tests.WebTemplates;

/// <summary>The generator on every valid fixture OPT and on the project's own template.</summary>
public class WebTemplateFixtureTests
{
    public static TheoryData<string> Valid => OptFixtures.AsTheoryData(OptFixtures.Valid());

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_valid_opt_gives_a_consistent_web_template(string file)
    {
        var opt = GoldenWebTemplates.ParseOpt(file);
        var template = WebTemplateBuilder.Build(opt);

        Assert.Equal(opt.TemplateId, template.TemplateId);
        Assert.Equal(opt.Language, template.DefaultLanguage);
        Assert.Contains(template.DefaultLanguage, template.Languages);
        Assert.Equal("", template.Tree.AqlPath);
        Assert.Equal(opt.Definition.ArchetypeId, template.Tree.NodeId);
        AssertConsistent(template);

        // The JSON is well formed and names every node.
        using var json = JsonDocument.Parse(WebTemplateJson.ToUtf8Bytes(template));
        Assert.Equal(template.Nodes().Count(), CountNodes(json.RootElement.GetProperty("tree")));
    }

    [Fact]
    public void The_project_template_has_both_its_languages()
    {
        using var stream = File.OpenRead(Path.Combine(RepositoryRoot(), "templates", "fkj.vital_signs_news2.v1.opt"));
        var opt = OptParser.Parse(stream);
        var template = WebTemplateBuilder.Build(opt);

        Assert.Equal("nb", template.DefaultLanguage);
        AssertConsistent(template);
        var archetyped = template.Nodes().Where(n => n.NodeId is not null && n.LocalizedNames.Count > 0).ToList();
        Assert.NotEmpty(archetyped);
        foreach (var node in archetyped)
        {
            Assert.True(node.LocalizedNames.ContainsKey("nb"), $"{node.FlatPath} has no nb name");
            Assert.True(node.LocalizedNames.ContainsKey("en"), $"{node.FlatPath} has no en name");
        }

        // A FLAT path finds its node, with indexes and suffixes ignored.
        foreach (var node in template.Nodes())
        {
            Assert.Same(node, template.FindByFlatPath(node.FlatPath));
        }

        var leaf = template.Nodes().First(n => n.Inputs.Count > 0 && n.Parent is not null);
        var indexed = string.Join('/', leaf.FlatPath.Split('/').Select((s, i) => i == 0 ? s : s + ":0")) + "|" + (leaf.Inputs[0].Suffix ?? "value");
        Assert.Same(leaf, template.FindByFlatPath(indexed));
        Assert.Null(template.FindByFlatPath(template.Tree.Id + "/no_such_node"));
    }

    private static void AssertConsistent(WebTemplate template)
    {
        foreach (var node in template.Nodes())
        {
            Assert.False(string.IsNullOrWhiteSpace(node.Id), $"a node under {node.Parent?.FlatPath} has no id");
            Assert.False(string.IsNullOrWhiteSpace(node.RmType), $"{node.FlatPath} has no RM type");
            if (node.Parent is not null) Assert.False(string.IsNullOrWhiteSpace(node.AqlPath), $"{node.FlatPath} has no aqlPath");
            var duplicates = node.Children.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicates.Count == 0, $"{node.FlatPath} has children sharing ids: {string.Join(", ", duplicates)}");
            foreach (var child in node.Children)
            {
                Assert.Same(node, child.Parent);
                Assert.Same(child, node.Child(child.Id));
            }
        }
    }

    private static int CountNodes(JsonElement node) =>
        1 + (node.TryGetProperty("children", out var children) ? children.EnumerateArray().Sum(CountNodes) : 0);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fkj.Cdr.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Fkj.Cdr.sln not found above the test binaries");
    }
}
