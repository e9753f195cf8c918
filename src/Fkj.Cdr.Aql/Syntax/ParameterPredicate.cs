namespace Fkj.Cdr.Aql.Syntax;

/// <summary>A parameter standing for an archetype or node id: <c>COMPOSITION c[$archetypeId]</c>.</summary>
public sealed record ParameterPredicate(ParameterRef Parameter) : PathPredicate;
