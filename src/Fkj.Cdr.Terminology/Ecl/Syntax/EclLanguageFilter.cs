namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>language = sv</c> or <c>language = (en sv)</c>: two-letter language codes, as written.</summary>
public sealed record EclLanguageFilter(EclComparisonOperator Operator, EclList<string> LanguageCodes) : EclFilter;
