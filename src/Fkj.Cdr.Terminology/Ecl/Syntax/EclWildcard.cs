namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary><c>*</c> (long form <c>ANY</c>): any concept.</summary>
public sealed record EclWildcard : EclFocus;
