using System.Collections.Concurrent;
using System.Globalization;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Fkj.Cdr.Testing;

/// <summary>
/// Validates JSON bodies against a schema of the openEHR ITS-REST OpenAPI documents in
/// <c>openehr/its-rest-openapi</c> (<c>definition-validation.openapi.yaml</c>, ...). The YAML is read once and
/// turned into JSON; a schema is the document's <c>components</c> with a reference to
/// <c>#/components/schemas/NAME</c>, so the document's own references resolve. OpenAPI 3.0's
/// <c>nullable: true</c> becomes a type that allows null, and the language maps do not require the
/// languages of their examples. Json.NET Schema's free use is capped per hour,
/// so validate a few bodies, never in loops over large sets.
/// </summary>
public static class ItsRestOpenApi
{
    public const string Definition = "definition-validation.openapi.yaml";
    public const string Ehr = "ehr-validation.openapi.yaml";
    public const string Query = "query-validation.openapi.yaml";

    private static readonly ConcurrentDictionary<string, Lazy<JObject>> Documents = new();
    private static readonly ConcurrentDictionary<(string, string), Lazy<JSchema>> Schemas = new();

    /// <summary>The problems of <paramref name="json"/> against <c>components/schemas/<paramref name="schema"/></c>; empty when valid.</summary>
    public static IList<string> Validate(string document, string schema, string json)
    {
        var compiled = Schemas.GetOrAdd((document, schema), key => new Lazy<JSchema>(() => Load(key.Item1, key.Item2))).Value;
        JToken.Parse(json).IsValid(compiled, out IList<ValidationError> errors);
        return Flatten(errors).ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e.ChildErrors.Count == 0 ? [$"{e.Path}: {e.Message}"] : Flatten(e.ChildErrors));

    private static JSchema Load(string document, string schema)
    {
        var openApi = Documents.GetOrAdd(document, name => new Lazy<JObject>(() => Read(name))).Value;
        if (openApi.SelectToken($"components.schemas['{schema}']") is null)
        {
            throw new ArgumentException($"{document} has no schema '{schema}'.", nameof(schema));
        }
        var root = new JObject
        {
            ["allOf"] = new JArray(new JObject { ["$ref"] = $"#/components/schemas/{schema}" }),
            ["components"] = openApi["components"]!.DeepClone(),
        };
        return JSchema.Parse(root.ToString());
    }

    private static JObject Read(string document)
    {
        using var reader = new StreamReader(Fixtures.Path("openehr", "its-rest-openapi", document));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var json = (JObject)ToJson(yaml.Documents[0].RootNode);
        // Language maps (LocalizedNames, LocalizedDescriptions, ...) require the languages of their example
        // (en, sl): an artefact of how the schemas were generated. A language map holds any languages.
        foreach (var schema in ((JObject)json["components"]!["schemas"]!).Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (schema["required"] is JArray required && required.Count > 0
                && required.All(r => r.Type == JTokenType.String && ((string)r!).Length == 2 && ((string)r!).All(char.IsAsciiLetterLower)))
            {
                schema.Remove("required");
            }
        }
        foreach (var nullable in json.Descendants().OfType<JObject>().Where(o => o["nullable"]?.Type == JTokenType.Boolean && (bool)o["nullable"]!).ToList())
        {
            if (nullable["type"] is JValue { Type: JTokenType.String } type)
            {
                nullable["type"] = new JArray(type.Value<string>(), "null");
            }
        }
        return json;
    }

    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(c => new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(ToJson)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => JValue.CreateNull(),
    };

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain) return new JValue(text);
        if (text is "true" or "false") return new JValue(text == "true");
        if (text is "null" or "~" or "") return JValue.CreateNull();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer)) return new JValue(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return new JValue(real);
        return new JValue(text);
    }
}
