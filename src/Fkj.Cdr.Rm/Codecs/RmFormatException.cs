namespace Fkj.Cdr.Rm.Codecs;

/// <summary>
/// Thrown when a document cannot be decoded into the RM. It carries every problem found, not only
/// the first, so a client can fix its payload in one round trip; syntax errors stop decoding at once.
/// </summary>
public sealed class RmFormatException : Exception
{
    public RmFormatException(IReadOnlyList<RmFormatError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<RmFormatError> Errors { get; }

    private static string Describe(IReadOnlyList<RmFormatError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors; first: {errors[0]}";
}
