using System.Text.Json;
using System.Text.RegularExpressions;
using Fkj.Cdr.Testing;
using YamlDotNet.RepresentationModel;

namespace Fkj.Cdr.Aql.Tests.Queries;

/// <summary>One AQL query found in the shared fixtures, named by file and position.</summary>
public sealed record FixtureQuery(string Name, string Text)
{
    public override string ToString() => Name;
}

/// <summary>
/// Finds the AQL queries in the shared fixtures: the EHRbase integration tests' invalid queries and their
/// working file of queries, the EHRbase event triggers, and the ITS-REST OpenAPI examples. Any string value
/// that starts with SELECT counts; nothing is picked by hand.
/// </summary>
public static partial class FixtureQueries
{
    private const string EhrbaseTests = "openehr/ehrbase-integration-tests";

    /// <summary>query/aql_queries_invalid: JSON files, each a query request with "q".</summary>
    public static IReadOnlyList<FixtureQuery> Invalid() =>
        Directory.EnumerateFiles(Fixtures.Path(EhrbaseTests, "query", "aql_queries_invalid"), "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => FromJson(file))
            .ToList();

    /// <summary>Every other query in the fixtures.</summary>
    public static IReadOnlyList<FixtureQuery> Valid()
    {
        var queries = new List<FixtureQuery>();
        queries.AddRange(FromWorkingFile(Fixtures.Path(EhrbaseTests, "query", "queries_working_file.js")));
        var invalid = Fixtures.Path(EhrbaseTests, "query", "aql_queries_invalid");
        foreach (var file in Directory.EnumerateFiles(Fixtures.Path(EhrbaseTests), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.StartsWith(invalid, StringComparison.Ordinal) || !File.ReadAllText(file).Contains("select", StringComparison.OrdinalIgnoreCase)) continue;
            queries.AddRange(FromJson(file));
        }

        foreach (var file in Directory.EnumerateFiles(Fixtures.Path("openehr", "its-rest-openapi"), "*.yaml").Order(StringComparer.Ordinal))
        {
            queries.AddRange(FromYaml(file));
        }

        return queries;
    }

    private static IEnumerable<FixtureQuery> FromJson(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var index = 0;
        foreach (var text in Strings(document.RootElement))
        {
            if (IsQuery(text)) yield return new FixtureQuery($"{Relative(file)}#{++index}", text);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var text in Strings(property.Value)) yield return text;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var text in Strings(item)) yield return text;
                }

                break;
        }
    }

    private static IEnumerable<FixtureQuery> FromYaml(string file)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file)) yaml.Load(reader);
        foreach (var document in yaml.Documents)
        {
            foreach (var node in document.AllNodes.OfType<YamlScalarNode>())
            {
                var text = node.Value ?? "";
                if (IsQuery(text))
                {
                    yield return new FixtureQuery($"{Relative(file)}:{node.Start.Line}", text);
                }
                else
                {
                    // In a description: a request body quoted in it ("q": "SELECT ..."), or a code block.
                    foreach (Match match in QueryProperty().Matches(text))
                    {
                        var inner = Regex.Unescape(match.Groups[1].Value);
                        if (IsQuery(inner)) yield return new FixtureQuery($"{Relative(file)}:{node.Start.Line}", inner);
                    }

                    foreach (Match match in CodeBlock().Matches(text))
                    {
                        if (IsQuery(match.Groups[1].Value)) yield return new FixtureQuery($"{Relative(file)}:{node.Start.Line}:code", match.Groups[1].Value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The working file is JavaScript-like: comments and objects whose "q" strings span lines. Each
    /// <c>"q": "..."</c> is a query; the text is as written, line breaks included.
    /// </summary>
    private static IEnumerable<FixtureQuery> FromWorkingFile(string file)
    {
        var text = File.ReadAllText(file);
        var index = 0;
        foreach (Match match in QueryProperty().Matches(text))
        {
            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            yield return new FixtureQuery($"{Relative(file)}:{line} (#{++index})", Regex.Unescape(match.Groups[1].Value));
        }
    }

    private static bool IsQuery(string text) => SelectStart().IsMatch(text);

    private static string Relative(string file) => Path.GetRelativePath(Fixtures.Root, file).Replace('\\', '/');

    [GeneratedRegex("\"q\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.Singleline)]
    private static partial Regex QueryProperty();

    [GeneratedRegex("```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*select\s", RegexOptions.IgnoreCase)]
    private static partial Regex SelectStart();
}
