namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Where the encoder writes: it enters and leaves path segments (a node occurrence or an RM attribute
/// such as <c>_link:0</c>) and writes values with their suffix at the current path. FLAT turns that into
/// keys, STRUCTURED into nested objects and arrays.
/// </summary>
internal abstract class FlatSink
{
    /// <param name="segment">The node id or attribute name.</param>
    /// <param name="index">The occurrence.</param>
    /// <param name="indexed">Whether the index is written (a node that may repeat); when false, index is 0.</param>
    public abstract void Enter(string segment, int index, bool indexed);

    public abstract void Leave();

    /// <param name="suffix">The suffix without <c>|</c>, e.g. <c>magnitude</c>; null for the plain value.</param>
    public abstract void Write(string? suffix, string value);

    public abstract void Write(string? suffix, double value);

    public abstract void Write(string? suffix, long value);

    public abstract void Write(string? suffix, bool value);

    /// <summary>A <c>ctx/<paramref name="name"/></c> value (the encoder writes only <c>ctx/composer_self</c>).</summary>
    public abstract void Context(string name, bool value);
}
