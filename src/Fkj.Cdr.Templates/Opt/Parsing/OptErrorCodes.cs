namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>Stable machine-readable codes for <see cref="OptError"/>; clients switch on these.</summary>
public static class OptErrorCodes
{
    /// <summary>The XML is malformed, or uses a DTD.</summary>
    public const string Syntax = "syntax";

    /// <summary>The document is empty or has no root element.</summary>
    public const string EmptyDocument = "empty_document";

    /// <summary>The root element is not an operational template's <c>template</c>.</summary>
    public const string NotATemplate = "not_a_template";

    /// <summary>A mandatory element is absent, or present with an empty value.</summary>
    public const string MissingElement = "missing_element";

    /// <summary>An element appears more often than the schema allows (template_id twice, ...).</summary>
    public const string DuplicateElement = "duplicate_element";

    /// <summary>An element the schema does not allow at that place ("alien tag").</summary>
    public const string UnknownElement = "unknown_element";

    /// <summary>Text where the schema expects child elements only.</summary>
    public const string UnexpectedText = "unexpected_text";

    /// <summary>An element of an abstract schema type without xsi:type.</summary>
    public const string MissingType = "missing_type";

    /// <summary>An xsi:type that is not a constraint type allowed at that place.</summary>
    public const string UnknownConstraintType = "unknown_constraint_type";

    /// <summary>A value that does not parse (number, boolean, identifier, regular expression, ...).</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>An rm_type_name that is not a type of the Reference Model.</summary>
    public const string UnknownRmType = "unknown_rm_type";

    /// <summary>An rm_attribute_name that the constrained RM type does not have.</summary>
    public const string UnknownRmAttribute = "unknown_rm_attribute";

    /// <summary>A constraint whose type does not fit where it stands (RM attribute type, primitive kind, ...).</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>An occurrences, existence, cardinality or range interval that is empty or out of bounds.</summary>
    public const string InvalidInterval = "invalid_interval";

    /// <summary>A path (internal reference, template constraint) that names no node of the template.</summary>
    public const string UnresolvedPath = "unresolved_path";

    /// <summary>A local code that the enclosing archetype's terminology does not define.</summary>
    public const string UndefinedCode = "undefined_code";

    /// <summary>A default value that is not a valid RM value.</summary>
    public const string InvalidDefaultValue = "invalid_default_value";

    /// <summary>Valid schema content that this parser does not model (e.g. match_negated=true).</summary>
    public const string Unsupported = "unsupported";

    /// <summary>The document exceeds a size or nesting limit.</summary>
    public const string TooLarge = "too_large";
}
