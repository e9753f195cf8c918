namespace Fkj.Cdr.Server.Errors;

/// <summary>
/// One problem behind an error response: a template that does not parse, a composition that does not
/// decode or validate. An error answers with all of them at once, so a client can fix a request in one round.
/// </summary>
/// <param name="Code">A stable machine-readable code in snake_case (<c>missing_element</c>, <c>unknown_attribute</c>, ...).</param>
/// <param name="Message">A human-readable explanation.</param>
/// <param name="Path">
/// Where the problem is in the data: an openEHR path (<c>/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]</c>),
/// a JSON Pointer, or an element path in an XML document; null when the problem has no place.
/// </param>
/// <param name="Line">The 1-based line in the request body, where known.</param>
/// <param name="Column">The 1-based column in the request body, where known.</param>
public sealed record ErrorIssue(string Code, string Message, string? Path = null, long? Line = null, long? Column = null);
