using System.Xml.Linq;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>The checked children of one element, by name, in document order.</summary>
internal sealed class Children(Dictionary<string, List<XElement>> map)
{
    public XElement? One(string name) => map.TryGetValue(name, out var list) ? list[0] : null;

    public IReadOnlyList<XElement> All(string name) => map.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => map.ContainsKey(name);
}
