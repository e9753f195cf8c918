using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;

namespace Fkj.Cdr.Testing;

/// <summary>
/// The published openEHR ITS-JSON schemas (RM 1.1.0), loaded once with every file pre-registered
/// under its <c>$id</c> so that no reference goes to the network. Json.NET Schema's free use is
/// capped per hour, so tests validate a bounded sample, never in loops over large sets.
/// </summary>
public static class ItsJsonSchema
{
    private static readonly Lazy<JSchema> Main = new(Load);

    public static IList<string> Validate(byte[] utf8Json)
    {
        var token = JToken.Parse(System.Text.Encoding.UTF8.GetString(utf8Json));
        token.IsValid(Main.Value, out IList<ValidationError> errors);
        return Flatten(errors).ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e.ChildErrors.Count == 0 ? [$"{e.Path}: {e.Message}"] : Flatten(e.ChildErrors));

    private static JSchema Load()
    {
        var root = Fixtures.Path("openehr", "its-json-schema");
        var resolver = new JSchemaPreloadedResolver();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if ((string?)JObject.Parse(text)["$id"] is { } id) resolver.Add(new Uri(id), text);
        }

        return JSchema.Parse(File.ReadAllText(Path.Combine(root, "RM", "Release-1.1.0", "main.json")), resolver);
    }
}
