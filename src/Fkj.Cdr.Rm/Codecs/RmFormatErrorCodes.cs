namespace Fkj.Cdr.Rm.Codecs;

/// <summary>Stable machine-readable codes for <see cref="RmFormatError"/>; clients switch on these.</summary>
public static class RmFormatErrorCodes
{
    public const string Syntax = "syntax";
    public const string UnknownType = "unknown_type";
    public const string MissingType = "missing_type";
    public const string TypeMismatch = "type_mismatch";
    public const string UnknownAttribute = "unknown_attribute";
    public const string MissingAttribute = "missing_attribute";
    public const string DuplicateAttribute = "duplicate_attribute";
    public const string WrongValueKind = "wrong_value_kind";
    public const string InvalidValue = "invalid_value";
}
