using System.Globalization;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// A FLAT document read into the shape of its web template: each key's path is followed through the
/// template node by node (<c>name:index</c> segments), so that the values land on the occurrence of the
/// node they belong to. Segments that are no template node there start a <see cref="FlatBranch"/> (RM
/// attributes such as <c>_uid</c>); <c>ctx/…</c> keys go to <see cref="Context"/>.
/// </summary>
internal sealed class FlatInput : IDisposable
{
    /// <summary>Keys with more segments are refused: no template is this deep, and recursion must stay bounded.</summary>
    public const int MaxSegments = 128;

    private readonly FlatSchema schema;
    private readonly FlatProblems problems;

    private FlatKeyBuffer? keys;

    /// <summary>The previous value's key and the length of its path, and where its walk stood after each of its segments but the last.</summary>
    private FlatValue? previous;

    private int previousLength;

    private readonly List<Step> walk = new(16);

    public FlatInput(FlatSchema schema, FlatProblems problems)
    {
        this.schema = schema;
        this.problems = problems;
        Root = new FlatInstance(schema.Root, 0, null);
        Context = new FlatContext(problems);
    }

    public FlatInstance Root { get; }

    public FlatContext Context { get; }

    /// <summary>The keys of a FLAT document (STRUCTURED makes its keys as strings).</summary>
    public FlatKeyBuffer Keys => keys ??= new FlatKeyBuffer();

    public void Dispose() => keys?.Dispose();

    public void Add(FlatValue value)
    {
        var key = value.KeySpan;
        if (key.StartsWith("ctx/", StringComparison.Ordinal))
        {
            Context.Add(key[4..], value);
            return;
        }

        var lastSlash = key.LastIndexOf('/');
        var bar = key.IndexOf('|');
        if (bar >= 0 && bar < lastSlash)
        {
            problems.Add(FlatErrorCodes.UnknownPath, "a '|suffix' may only end a FLAT path", value);
            return;
        }

        var path = bar < 0 ? key : key[..bar];
        string? suffix = bar < 0 ? null : FlatSuffixes.Intern(key[(bar + 1)..]);
        if (suffix is { Length: 0 })
        {
            problems.Add(FlatErrorCodes.UnknownSuffix, "an empty '|' suffix", value);
            return;
        }

        // Resume after the segments this path shares with the previous key's (FLAT keys come grouped by path).
        FlatBag bag = Root;
        FlatInstance? instance = Root;
        var count = 0;
        var position = 0;
        var shared = previous is null ? 0 : path.CommonPrefixLength(previous.KeySpan[..previousLength]);
        var resume = walk.Count - 1;
        while (resume >= 0 && walk[resume].End >= shared) resume--;
        walk.RemoveRange(resume + 1, walk.Count - resume - 1);
        if (resume >= 0)
        {
            (position, bag, instance, count) = walk[resume];
            position++;
        }

        previous = value;
        previousLength = path.Length;
        while (true)
        {
            var slash = path[position..].IndexOf('/');
            var end = slash < 0 ? path.Length : position + slash;
            var segment = path[position..end];
            if (++count > MaxSegments)
            {
                problems.Add(FlatErrorCodes.UnknownPath, $"the path has more than {MaxSegments} segments", value);
                return;
            }

            if (!ParseSegment(segment, out var name, out var index, out _))
            {
                problems.Add(FlatErrorCodes.UnknownPath, $"'{segment}' is not a path segment: a name with an optional ':index'", value);
                return;
            }

            if (count == 1)
            {
                if (!name.SequenceEqual(schema.Root.Id) || index != 0)
                {
                    problems.Add(FlatErrorCodes.UnknownPath, $"FLAT paths of template {schema.TemplateId} start with '{schema.Root.Id}', not '{segment}'", value);
                    return;
                }
            }
            else if (instance is not null && instance.Node.Child(name) is { Addressable: true } child)
            {
                if (index > 0 && !child.IsMulti)
                {
                    problems.Add(FlatErrorCodes.IndexNotAllowed, $"'{child.Id}' occurs at most once, so it takes no index above 0", value);
                    return;
                }

                instance = instance.Child(child, index);
                bag = instance;
            }
            else
            {
                // Not a template node here: an RM attribute (or an unknown segment, reported if nothing reads it).
                if (instance?.Node.SingleValueChild is { } single && !IsElementAttribute(name)) bag = instance.Child(single, 0);
                instance = null;
                bag = bag.Branch(name.ToString(), index, create: true);
            }

            if (end == path.Length) break;
            walk.Add(new Step(end, bag, instance, count));
            position = end + 1;
        }

        // A value given at the path of an ELEMENT with one value alternative is that alternative's.
        if (instance?.Node.SingleValueChild is { } valueNode) bag = instance.Child(valueNode, 0);

        if (!bag.Add(suffix, value))
            problems.Add(FlatErrorCodes.DuplicateKey, $"'{value.Key}' repeats a path and suffix given before", value);
    }

    /// <summary>The walk after a segment: the offset of the '/' that ends it, and the bag, occurrence and segment count reached.</summary>
    private readonly record struct Step(int End, FlatBag Bag, FlatInstance? Instance, int Count);

    /// <summary>The RM attributes of an ELEMENT itself, which stay on the ELEMENT when its value is written at its path.</summary>
    private static bool IsElementAttribute(ReadOnlySpan<char> name) =>
        name is "_null_flavour" or "_null_reason" or "_uid" or "_link" or "_feeder_audit" or "_name";

    /// <summary>Splits <c>name:index</c>; false when the index is not a non-negative integer or the name is empty.</summary>
    internal static bool ParseSegment(ReadOnlySpan<char> segment, out ReadOnlySpan<char> name, out int index, out bool explicitIndex)
    {
        name = segment;
        index = 0;
        explicitIndex = false;
        var colon = segment.IndexOf(':');
        if (colon >= 0)
        {
            name = segment[..colon];
            var digits = segment[(colon + 1)..];
            if (digits.Length == 0 || digits.Length > 9) return false;
            foreach (var c in digits)
            {
                if (!char.IsAsciiDigit(c)) return false;
            }

            index = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            explicitIndex = true;
        }

        return name.Length > 0;
    }
}
