namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Thrown when an operational template is malformed or inconsistent. It carries every problem found,
/// not only the first, so an author can fix the template in one round; malformed XML stops at once.
/// </summary>
public sealed class OptParseException : Exception
{
    public OptParseException(IReadOnlyList<OptError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<OptError> Errors { get; }

    private static string Describe(IReadOnlyList<OptError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors; first: {errors[0]}";
}
