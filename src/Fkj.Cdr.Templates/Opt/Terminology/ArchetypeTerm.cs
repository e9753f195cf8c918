namespace Fkj.Cdr.Templates.Opt.Terminology;

/// <summary>An at- or ac-code's text and description in one language, with any further items (comment, ...).</summary>
public sealed record ArchetypeTerm(string Code, string Text, string? Description, IReadOnlyDictionary<string, string> OtherItems);
