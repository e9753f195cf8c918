using System.Text;

namespace Fkj.Cdr.Rm.Codecs.Json;

/// <summary>
/// The decoder's current position as a stack of property names and array indexes, turned into an
/// RFC 6901 JSON Pointer only when an error needs it, so the happy path does no string work.
/// </summary>
internal sealed class JsonPointer
{
    private readonly List<(string? Name, int Index)> segments = [];

    public void Push(string name) => segments.Add((name, -1));

    public void Push(int index) => segments.Add((null, index));

    public void Pop() => segments.RemoveAt(segments.Count - 1);

    public override string ToString()
    {
        if (segments.Count == 0) return "";
        var text = new StringBuilder();
        foreach (var (name, index) in segments)
        {
            text.Append('/');
            if (name is null) text.Append(index);
            else text.Append(name.Replace("~", "~0").Replace("/", "~1"));
        }

        return text.ToString();
    }
}
