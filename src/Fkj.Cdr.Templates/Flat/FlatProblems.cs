using Fkj.Cdr.Rm.Codecs;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The errors found while decoding, each with the FLAT key as its path and the input offset it was
/// found at; turned into an <see cref="RmFormatException"/> (line and column computed then) at the end.
/// </summary>
internal sealed class FlatProblems
{
    /// <summary>Beyond this many errors the rest are not collected: one response need not list a hostile document's every key.</summary>
    public const int MaxErrors = 1000;

    private List<Pending>? errors;

    public bool Any => errors is { Count: > 0 };

    public int Count => errors?.Count ?? 0;

    public void Add(string code, string message, string path, long offset)
    {
        errors ??= [];
        if (errors.Count < MaxErrors) errors.Add(new Pending(code, message, path, offset, errors.Count));
    }

    /// <summary>After a syntax error only the syntax errors stand: what was read before it is moot.</summary>
    public void KeepSyntaxOnly() => errors?.RemoveAll(e => e.Code != FlatErrorCodes.Syntax);

    public void Add(string code, string message, FlatValue value) => Add(code, message, value.Key, value.Offset);

    /// <summary>The errors in document order, with 1-based line and column (columns count UTF-8 bytes, as the canonical decoder does).</summary>
    public RmFormatException ToException(ReadOnlySpan<byte> input)
    {
        var sorted = errors!.OrderBy(e => e.Offset).ThenBy(e => e.Sequence).ToList();
        var result = new List<RmFormatError>(sorted.Count);
        long line = 1, lineStart = 0, scanned = 0;
        foreach (var error in sorted)
        {
            var offset = Math.Clamp(error.Offset, 0, input.Length);
            // Offsets only grow, so the scan for line breaks continues where it stopped.
            for (; scanned < offset; scanned++)
            {
                if (input[(int)scanned] == (byte)'\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            result.Add(new RmFormatError(error.Code, error.Message, error.Path, line, offset - lineStart + 1));
        }

        return new RmFormatException(result);
    }

    private readonly record struct Pending(string Code, string Message, string Path, long Offset, int Sequence);
}
