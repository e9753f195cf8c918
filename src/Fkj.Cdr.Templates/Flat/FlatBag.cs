namespace Fkj.Cdr.Templates.Flat;

/// <summary>One value at a FLAT path: its <c>|suffix</c> (null for the plain value) and the value.</summary>
internal readonly record struct FlatAttribute(string? Suffix, FlatValue Value);

/// <summary>
/// What a FLAT document holds at one path: the values by suffix, and the sub-paths that are not web
/// template nodes (RM attributes such as <c>_uid</c>, <c>_other_participation:0</c>, <c>relationship</c>),
/// each a <see cref="FlatBranch"/>. Readers take what they understand and mark it consumed; anything left
/// over is reported.
/// </summary>
internal abstract class FlatBag
{
    private const int IndexThreshold = 8;

    private List<FlatAttribute>? attributes;
    private List<FlatBranch>? branches;
    private Dictionary<(string Name, int Index), FlatBranch>? branchIndex;

    public IReadOnlyList<FlatAttribute> Attributes => (IReadOnlyList<FlatAttribute>?)attributes ?? [];

    public IReadOnlyList<FlatBranch> Branches => (IReadOnlyList<FlatBranch>?)branches ?? [];

    public bool HasAttributes => attributes is { Count: > 0 };

    public bool HasBranches => branches is { Count: > 0 };

    /// <summary>The path of this bag as FLAT writes it, without suffix: for messages.</summary>
    public abstract string Path { get; }

    /// <summary>Adds a value; false if this bag has one with that suffix already.</summary>
    public bool Add(string? suffix, FlatValue value)
    {
        attributes ??= new List<FlatAttribute>(4);
        foreach (var a in attributes)
        {
            if (a.Suffix == suffix) return false;
        }

        attributes.Add(new FlatAttribute(suffix, value));
        return true;
    }

    public FlatBranch Branch(string name, int index, bool create)
    {
        if (branchIndex is not null)
        {
            if (branchIndex.TryGetValue((name, index), out var indexed)) return indexed;
        }
        else if (branches is not null)
        {
            foreach (var b in branches)
            {
                if (b.Index == index && b.Name == name) return b;
            }
        }

        if (!create) return null!;
        var branch = new FlatBranch(this, name, index);
        branches ??= new List<FlatBranch>(2);
        branches.Add(branch);
        if (branchIndex is not null) branchIndex[(name, index)] = branch;
        else if (branches.Count > IndexThreshold)
        {
            branchIndex = new Dictionary<(string, int), FlatBranch>(branches.Count * 2);
            foreach (var b in branches) branchIndex[(b.Name, b.Index)] = b;
        }

        return branch;
    }

    /// <summary>The branch <paramref name="name"/> with index 0 (or none), or null.</summary>
    public FlatBranch? Branch(string name) => HasBranches ? Branch(name, 0, create: false) : null;

    private static readonly List<FlatBranch> NoBranches = [];

    /// <summary>Every branch named <paramref name="name"/>, by index (to iterate, not to change: without any, a shared empty list).</summary>
    public List<FlatBranch> BranchesNamed(string name)
    {
        if (!HasBranch(name)) return NoBranches;
        var result = new List<FlatBranch>();
        foreach (var b in branches!)
        {
            if (b.Name == name) result.Add(b);
        }

        if (result.Count > 1) result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    public bool HasBranch(string name)
    {
        if (branches is null) return false;
        foreach (var b in branches)
        {
            if (b.Name == name) return true;
        }

        return false;
    }

    /// <summary>The value with <paramref name="suffix"/> (null: the plain value), without marking it used.</summary>
    public FlatValue? Peek(string? suffix)
    {
        if (attributes is null) return null;
        foreach (var a in attributes)
        {
            if (a.Suffix == suffix) return a.Value;
        }

        return null;
    }

    /// <summary>The value with <paramref name="suffix"/>, marked as used; null when absent.</summary>
    public FlatValue? Take(string? suffix)
    {
        var value = Peek(suffix);
        if (value is not null) value.Consumed = true;
        return value;
    }

    /// <summary>Whether there is a value with <paramref name="suffix"/> that is not JSON null.</summary>
    public bool Has(string? suffix) => Peek(suffix) is { IsNull: false };

    /// <summary>Marks every value in this bag and below as used.</summary>
    public void ConsumeAll()
    {
        if (attributes is not null)
        {
            foreach (var a in attributes) a.Value.Consumed = true;
        }

        if (branches is not null)
        {
            foreach (var b in branches) b.ConsumeAll();
        }
    }

    /// <summary>The first value in this bag or below, for locating a message about the bag as a whole.</summary>
    public virtual FlatValue? FirstValue()
    {
        if (attributes is { Count: > 0 }) return attributes[0].Value;
        if (branches is null) return null;
        foreach (var b in branches)
        {
            if (b.FirstValue() is { } v) return v;
        }

        return null;
    }
}
