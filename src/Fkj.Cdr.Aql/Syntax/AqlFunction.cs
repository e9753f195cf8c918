namespace Fkj.Cdr.Aql.Syntax;

/// <summary>The built-in functions of AQL 1.1 (TERMINOLOGY is a <see cref="TerminologyCall"/>, aggregates are <see cref="AggregateCall"/>s).</summary>
public enum AqlFunction
{
    Unknown,

    // string
    Length,
    Contains,
    Position,
    Substring,
    Concat,
    ConcatWs,

    // numeric
    Abs,
    Mod,
    Ceil,
    Floor,
    Round,

    // date and time
    CurrentDate,
    CurrentTime,
    CurrentDateTime,
    Now,
    CurrentTimezone,
}

public static class AqlFunctions
{
    /// <summary>The built-in function of this name (any case), or <see cref="AqlFunction.Unknown"/>.</summary>
    public static AqlFunction Lookup(string name) => name.ToUpperInvariant() switch
    {
        "LENGTH" => AqlFunction.Length,
        "CONTAINS" => AqlFunction.Contains,
        "POSITION" => AqlFunction.Position,
        "SUBSTRING" => AqlFunction.Substring,
        "CONCAT" => AqlFunction.Concat,
        "CONCAT_WS" => AqlFunction.ConcatWs,
        "ABS" => AqlFunction.Abs,
        "MOD" => AqlFunction.Mod,
        "CEIL" => AqlFunction.Ceil,
        "FLOOR" => AqlFunction.Floor,
        "ROUND" => AqlFunction.Round,
        "CURRENT_DATE" => AqlFunction.CurrentDate,
        "CURRENT_TIME" => AqlFunction.CurrentTime,
        "CURRENT_DATE_TIME" => AqlFunction.CurrentDateTime,
        "NOW" => AqlFunction.Now,
        "CURRENT_TIMEZONE" => AqlFunction.CurrentTimezone,
        _ => AqlFunction.Unknown,
    };
}
