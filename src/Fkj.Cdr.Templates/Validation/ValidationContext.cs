using System.Collections;
using System.Text;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// The mutable state of one validation run: a stack of path frames (the path is only spelled out
/// when an error is reported), the errors and deferred checks found so far, and a probe mode in which
/// failures are only counted, used to try the alternatives of a constraint without reporting the
/// ones that do not fit. One context per thread is reused, so a run allocates nothing while it finds
/// nothing.
/// </summary>
internal sealed class ValidationContext
{
    [ThreadStatic] private static ValidationContext? cached;

    private Frame[] frames = new Frame[32];
    private int depth;
    private List<ValidationError>? errors;
    private List<DeferredTerminologyCheck>? deferred;
    private int probing;

    /// <summary>Failures seen, reported or only counted in probe mode; compare before and after a probe.</summary>
    public int Failures { get; private set; }

    public static ValidationContext Rent()
    {
        var context = cached ?? new ValidationContext();
        cached = null;
        return context;
    }

    public static void Return(ValidationContext context)
    {
        context.depth = 0;
        context.errors = null;
        context.deferred = null;
        context.probing = 0;
        context.Failures = 0;
        if (context.frames.Length > 1024) context.frames = new Frame[32];
        cached = context;
    }

    public ValidationResult ToResult() =>
        errors is null && deferred is null ? ValidationResult.Valid : new ValidationResult(errors, deferred);

    // ---- path frames ---------------------------------------------------------------------------

    private struct Frame
    {
        public string Attribute;
        public RmObject? Item;
        public IList? List;
        public int Index;
        public string? Predicate;
    }

    private ref Frame Next()
    {
        if (depth == frames.Length) Array.Resize(ref frames, frames.Length * 2);
        return ref frames[depth++];
    }

    /// <summary>Enters a single-valued attribute holding <paramref name="item"/> (its node id, if any, becomes the predicate).</summary>
    public void Push(string attribute, RmObject? item)
    {
        ref var frame = ref Next();
        frame.Attribute = attribute;
        frame.Item = item;
        frame.List = null;
        frame.Index = 0;
        frame.Predicate = null;
    }

    /// <summary>Enters item <paramref name="index"/> of a container attribute.</summary>
    public void PushItem(string attribute, IList list, int index, RmObject item)
    {
        ref var frame = ref Next();
        frame.Attribute = attribute;
        frame.Item = item;
        frame.List = list;
        frame.Index = index;
        frame.Predicate = null;
    }

    /// <summary>Enters a place where nothing is, named by the constraint's node id (for a missing node).</summary>
    public void PushMissing(string attribute, string predicate)
    {
        ref var frame = ref Next();
        frame.Attribute = attribute;
        frame.Item = null;
        frame.List = null;
        frame.Index = 0;
        frame.Predicate = predicate.Length == 0 ? null : predicate;
    }

    public void Pop() => depth--;

    /// <summary>The openEHR path of the current position, with <paramref name="attribute"/> appended when given.</summary>
    public string Path(string? attribute = null)
    {
        if (depth == 0 && attribute is null) return "/";
        var builder = new StringBuilder(128);
        for (var i = 0; i < depth; i++) Append(builder, in frames[i]);
        if (attribute is not null) builder.Append('/').Append(attribute);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, in Frame frame)
    {
        builder.Append('/').Append(frame.Attribute);
        if (frame.Predicate is not null)
        {
            builder.Append('[').Append(frame.Predicate).Append(']');
            return;
        }

        if (frame.Item is Locatable { ArchetypeNodeId.Length: > 0 } locatable)
        {
            var nodeId = locatable.ArchetypeNodeId;
            builder.Append('[').Append(nodeId);
            if (frame.List is { } list)
            {
                int same = 0, ordinal = 0;
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not Locatable other || other.ArchetypeNodeId != nodeId) continue;
                    same++;
                    if (i == frame.Index) ordinal = same;
                }

                if (same > 1) builder.Append(',').Append(ordinal);
            }

            builder.Append(']');
        }
        else if (frame.List is not null)
        {
            builder.Append('[').Append(frame.Index + 1).Append(']');
        }
    }

    // ---- reporting -----------------------------------------------------------------------------

    public bool Probing => probing > 0;

    public void BeginProbe() => probing++;

    public void EndProbe() => probing--;

    /// <summary>Forgets the failures counted since <paramref name="failures"/>: those of an alternative that was probed and rejected.</summary>
    public void Rewind(int failures) => Failures = failures;

    /// <summary>
    /// Counts a failure and says whether to report it: false while probing, so that callers build no
    /// strings for a failure nobody will read. Use as <c>if (context.Fail()) context.Error(...)</c>.
    /// </summary>
    public bool Fail()
    {
        Failures++;
        return probing == 0;
    }

    public void Error(string code, string constraint, string found, string message, string? attribute = null) =>
        (errors ??= []).Add(new ValidationError(Path(attribute), code, constraint, found, message));

    /// <summary>Records an external terminology check for later (not while probing).</summary>
    public void Defer(string terminology, string code, string constraint, string? attribute = null)
    {
        if (probing > 0) return;
        (deferred ??= []).Add(new DeferredTerminologyCheck(Path(attribute), terminology, code, constraint));
    }
}
