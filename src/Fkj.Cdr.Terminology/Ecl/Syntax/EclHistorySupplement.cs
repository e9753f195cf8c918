namespace Fkj.Cdr.Terminology.Ecl.Syntax;

/// <summary>
/// A history supplement (ECL 2.x): <c>{{ + HISTORY }}</c>, <c>{{ + HISTORY-MIN }}</c> (a
/// <see cref="Profile"/>), or <c>{{ + HISTORY (expression) }}</c> naming the historical association
/// reference sets to follow (<see cref="Subset"/>). Neither is set for plain <c>HISTORY</c>.
/// </summary>
public sealed record EclHistorySupplement(EclHistoryProfile? Profile, EclExpression? Subset) : EclNode;
