using System.Text.Json.Nodes;

namespace Fkj.Cdr.Server.Tests.Query;

/// <summary>
/// The values known only once the data set is loaded, by name: <c>ehr:KEY</c> (the ehr_id), <c>composition:KEY</c>
/// (the versioned object uid), <c>version:KEY</c> (the latest version uid), <c>version:KEY@N</c> (version N's uid)
/// and <c>system_id</c>. <see cref="Resolve(string)"/> replaces every <c>${name}</c> in a text.
/// </summary>
public sealed class AqlDatasetBindings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public void Set(string name, string value) => _values[name] = value;

    public bool Has(string name) => _values.ContainsKey(name);

    public string this[string name] =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No binding ${{{name}}}: the data set did not load it.");

    public IReadOnlyDictionary<string, string> All => _values;

    public string Resolve(string text) =>
        AqlDatasetCases.BindingPattern().Replace(text, m => this[m.Groups[1].Value]);

    /// <summary>A copy of the JSON with every string resolved.</summary>
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Resolve).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(Resolve(s)),
        _ => node.DeepClone(),
    };

    /// <summary>Records a committed version (version uid "uuid::system::n").</summary>
    public void SetVersion(string key, string versionUid)
    {
        var parts = versionUid.Split("::");
        Set($"composition:{key}", parts[0]);
        Set($"version:{key}@{parts[^1]}", versionUid);
        Set($"version:{key}", versionUid);
    }
}
