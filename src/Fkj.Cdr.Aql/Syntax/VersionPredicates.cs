namespace Fkj.Cdr.Aql.Syntax;

/// <summary><c>VERSION v[LATEST_VERSION]</c>: only the latest version of each versioned object (the default for other classes).</summary>
public sealed record LatestVersionPredicate : PathPredicate;

/// <summary><c>VERSION v[ALL_VERSIONS]</c>: every version, not only the latest.</summary>
public sealed record AllVersionsPredicate : PathPredicate;
