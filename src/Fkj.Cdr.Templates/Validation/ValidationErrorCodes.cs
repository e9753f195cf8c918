namespace Fkj.Cdr.Templates.Validation;

/// <summary>Stable machine-readable codes for <see cref="ValidationError"/>; clients switch on these.</summary>
public static class ValidationErrorCodes
{
    /// <summary>The composition names another template, or none, in <c>archetype_details/template_id</c>.</summary>
    public const string TemplateIdMismatch = "template_id_mismatch";

    /// <summary>An archetype root's <c>archetype_details</c> is missing or names another archetype than its node id.</summary>
    public const string ArchetypeDetails = "archetype_details";

    /// <summary>An object's RM type is not one the template allows there (subtypes of an allowed type are fine).</summary>
    public const string RmTypeNotAllowed = "rm_type_not_allowed";

    /// <summary>An object's <c>archetype_node_id</c> matches no constraint, and no open slot takes it.</summary>
    public const string NodeIdNotAllowed = "node_id_not_allowed";

    /// <summary>A constraint node occurs fewer or more times than its occurrences allow.</summary>
    public const string Occurrences = "occurrences";

    /// <summary>A mandatory attribute (existence 1..1) has no value.</summary>
    public const string AttributeMissing = "attribute_missing";

    /// <summary>An attribute the template forbids (existence 0..0) has a value.</summary>
    public const string AttributeNotAllowed = "attribute_not_allowed";

    /// <summary>A container holds fewer or more items than its cardinality allows.</summary>
    public const string Cardinality = "cardinality";

    /// <summary>An ELEMENT has neither a value nor a null_flavour (or has both).</summary>
    public const string ElementValue = "element_value";

    /// <summary>A DV_QUANTITY's units are not among the template's.</summary>
    public const string UnitsNotAllowed = "units_not_allowed";

    /// <summary>A DV_QUANTITY's property differs from the template's.</summary>
    public const string PropertyMismatch = "property_mismatch";

    /// <summary>A number (magnitude, count, precision, numerator, …) is outside the allowed range or list.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>A DV_QUANTITY has more decimals, or a precision, that the template does not allow.</summary>
    public const string Precision = "precision";

    /// <summary>A code's terminology is not the one the template names.</summary>
    public const string TerminologyMismatch = "terminology_mismatch";

    /// <summary>A code is not in the template's code list.</summary>
    public const string CodeNotAllowed = "code_not_allowed";

    /// <summary>A DV_ORDINAL or DV_SCALE value and symbol pair is not one of the template's.</summary>
    public const string OrdinalNotAllowed = "ordinal_not_allowed";

    /// <summary>A string is not in the template's list.</summary>
    public const string StringNotAllowed = "string_not_allowed";

    /// <summary>A string does not match the template's regular expression (or took too long to match).</summary>
    public const string PatternMismatch = "pattern_mismatch";

    /// <summary>A Boolean value the template does not allow.</summary>
    public const string BooleanNotAllowed = "boolean_not_allowed";

    /// <summary>A date, time, date-time or duration that is not valid ISO 8601 (or not a real date).</summary>
    public const string InvalidTemporal = "invalid_temporal";

    /// <summary>A date, time, date-time or duration whose parts break the template's pattern (<c>yyyy-mm-ddTHH:MM:SS</c>, <c>PDTH</c>).</summary>
    public const string TemporalPattern = "temporal_pattern";

    /// <summary>An RM invariant is broken (DV_PROPORTION kinds, DV_INTERVAL limits, DV_EHR_URI scheme, …).</summary>
    public const string RmInvariant = "rm_invariant";
}
