namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// One dialect of a dialect filter: an alias such as <c>en-gb</c> (<see cref="EclDialectAlias"/>) or a
/// language reference set (<see cref="EclDialectId"/>), with its own acceptability when it stands in a
/// set: <c>dialect = (en-gb (prefer) en-us)</c>.
/// </summary>
public abstract record EclDialect(EclAcceptabilitySet? Acceptability) : EclNode;

/// <summary>A dialect alias (<c>en-us</c>, <c>en-nhs-clinical</c>), as written.</summary>
public sealed record EclDialectAlias(string Alias, EclAcceptabilitySet? Acceptability = null) : EclDialect(Acceptability);

/// <summary>A language reference set: a concept reference in a set, or any sub-expression on its own (<c>dialectId = &lt;&lt; 900000000000506000</c>).</summary>
public sealed record EclDialectId(EclSubExpression Dialect, EclAcceptabilitySet? Acceptability = null) : EclDialect(Acceptability);
