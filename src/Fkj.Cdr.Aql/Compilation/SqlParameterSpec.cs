using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Compilation;

/// <summary>How a value given at run time becomes the value of a SQL parameter.</summary>
public enum ValueConversion
{
    /// <summary>As given (a string stays a string).</summary>
    None,
    /// <summary>A number (a numeric string is read as one).</summary>
    Number,
    /// <summary>Text: a number or boolean is written as its text.</summary>
    Text,
    /// <summary>A date-time or date: seconds since 1970-01-01T00:00Z, as the index stores it.</summary>
    Instant,
    /// <summary>A time of day: seconds since midnight.</summary>
    TimeOfDay,
    /// <summary>A boolean: 1 or 0.</summary>
    Boolean,
    /// <summary>A SQL boolean (a value of a document compared with true or false).</summary>
    SqlBoolean,
    /// <summary>A UUID; text that is not one becomes NULL (matches nothing).</summary>
    Uuid,
    /// <summary>An AQL LIKE pattern (<c>*</c>, <c>?</c>, backslash escapes) as a SQL LIKE pattern.</summary>
    LikePattern,
    /// <summary>A list of texts (MATCHES $param).</summary>
    TextList,
    /// <summary>A list of numbers (MATCHES $param).</summary>
    NumberList,
    /// <summary>A list of date-times, as instants (MATCHES $param).</summary>
    InstantList,
}

/// <summary>What a SQL parameter of a compiled query holds.</summary>
public enum ParameterSource
{
    /// <summary>A value fixed at compile time (a literal of the query, path ids from the catalogue).</summary>
    Constant,
    /// <summary>The request's tenant.</summary>
    Tenant,
    /// <summary>A query parameter (<c>$name</c>), converted.</summary>
    QueryParameter,
    /// <summary>The number of rows to return (NULL for all).</summary>
    Limit,
    /// <summary>The number of rows to skip.</summary>
    Offset,
    /// <summary>The server's system id (<c>e/system_id/value</c>).</summary>
    SystemId,
}

/// <summary>One SQL parameter of a compiled query: its name (without <c>@</c>) and where its value comes from.</summary>
public sealed record SqlParameterSpec(string Name, ParameterSource Source, object? Constant = null, string? QueryParameter = null,
    ValueConversion Conversion = ValueConversion.None, AqlSpan Span = default);
