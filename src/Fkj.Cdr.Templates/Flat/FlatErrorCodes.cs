using Fkj.Cdr.Rm.Codecs;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// The codes of the errors a FLAT or STRUCTURED document can have, as <see cref="RmFormatError.Code"/>.
/// The error's path is the FLAT key (for STRUCTURED input, the FLAT key the value stands for).
/// </summary>
public static class FlatErrorCodes
{
    /// <summary>The document is not JSON, not UTF-8, or not an object of keys.</summary>
    public const string Syntax = RmFormatErrorCodes.Syntax;

    /// <summary>A path segment names no node of the web template and no RM attribute FLAT knows there.</summary>
    public const string UnknownPath = "unknown_path";

    /// <summary>A <c>|suffix</c> the node's RM type does not take (or a plain value where the node takes none).</summary>
    public const string UnknownSuffix = "unknown_suffix";

    /// <summary>A value of the wrong JSON kind: an object or array where a value belongs, a boolean for a number.</summary>
    public const string WrongValueKind = RmFormatErrorCodes.WrongValueKind;

    /// <summary>A value of the right kind that cannot be used: a magnitude that is not a number, a code not in the list.</summary>
    public const string InvalidValue = RmFormatErrorCodes.InvalidValue;

    /// <summary>The same path and suffix twice (<c>a/b</c> and <c>a/b:0</c> are the same path).</summary>
    public const string DuplicateKey = "duplicate_key";

    /// <summary>An index above 0 on a node that occurs at most once.</summary>
    public const string IndexNotAllowed = "index_not_allowed";

    /// <summary>Something the RM needs that neither the document, its <c>ctx</c> nor the template provides.</summary>
    public const string MissingAttribute = RmFormatErrorCodes.MissingAttribute;

    /// <summary>Two keys that would put different objects in one single-valued RM attribute.</summary>
    public const string Conflict = "conflicting_values";
}
