using System.Text;

namespace Fkj.Cdr.Rm.Codecs.Xml;

/// <summary>
/// The decoder's current position as a stack of element names (with 1-based indexes for repeated
/// elements) and XML attributes, turned into an XPath-like path such as
/// <c>/composition/content[1]/data/events[2]/time/value</c> only when an error needs it.
/// </summary>
internal sealed class XmlPath
{
    private readonly List<(string Name, int Index)> segments = [];

    public void Push(string element) => segments.Add((element, 0));

    /// <summary>One of several elements of the same name: <paramref name="index"/> is 1-based, as in XPath.</summary>
    public void Push(string element, int index) => segments.Add((element, index));

    public void PushAttribute(string qualifiedName) => segments.Add(("@" + qualifiedName, 0));

    public void Pop() => segments.RemoveAt(segments.Count - 1);

    public override string ToString()
    {
        if (segments.Count == 0) return "/";
        var text = new StringBuilder();
        foreach (var (name, index) in segments)
        {
            text.Append('/').Append(name);
            if (index > 0) text.Append('[').Append(index).Append(']');
        }

        return text.ToString();
    }
}
