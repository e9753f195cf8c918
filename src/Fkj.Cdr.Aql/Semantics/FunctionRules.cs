using Fkj.Cdr.Aql.Syntax;

namespace Fkj.Cdr.Aql.Semantics;

/// <summary>What a function's arguments and result are: a text, a number, an integer, a boolean.</summary>
public enum AqlValueType
{
    Text,
    Number,
    Integer,
    Boolean,
}

/// <summary>
/// The signatures of AQL's built-in functions (specifications-QUERY, "Functions"): how many arguments each takes, of
/// which type, and what it gives. A call to an unknown function, or with the wrong number of arguments, is an
/// <see cref="AqlSemanticException"/> at the call.
/// </summary>
public static class FunctionRules
{
    /// <summary>The fewest and most arguments, the type of each (the last repeats), and the result.</summary>
    public sealed record Signature(int Min, int Max, IReadOnlyList<AqlValueType> Arguments, AqlValueType Result);

    private static readonly Dictionary<AqlFunction, Signature> Signatures = new()
    {
        [AqlFunction.Length] = new(1, 1, [AqlValueType.Text], AqlValueType.Integer),
        [AqlFunction.Contains] = new(2, 2, [AqlValueType.Text, AqlValueType.Text], AqlValueType.Boolean),
        [AqlFunction.Position] = new(2, 2, [AqlValueType.Text, AqlValueType.Text], AqlValueType.Integer),
        [AqlFunction.Substring] = new(2, 3, [AqlValueType.Text, AqlValueType.Integer, AqlValueType.Integer], AqlValueType.Text),
        [AqlFunction.Concat] = new(1, int.MaxValue, [AqlValueType.Text], AqlValueType.Text),
        [AqlFunction.ConcatWs] = new(2, int.MaxValue, [AqlValueType.Text], AqlValueType.Text),
        [AqlFunction.Abs] = new(1, 1, [AqlValueType.Number], AqlValueType.Number),
        [AqlFunction.Mod] = new(2, 2, [AqlValueType.Number, AqlValueType.Number], AqlValueType.Number),
        [AqlFunction.Ceil] = new(1, 1, [AqlValueType.Number], AqlValueType.Integer),
        [AqlFunction.Floor] = new(1, 1, [AqlValueType.Number], AqlValueType.Integer),
        [AqlFunction.Round] = new(1, 2, [AqlValueType.Number, AqlValueType.Integer], AqlValueType.Number),
        [AqlFunction.CurrentDate] = new(0, 0, [], AqlValueType.Text),
        [AqlFunction.CurrentTime] = new(0, 0, [], AqlValueType.Text),
        [AqlFunction.CurrentDateTime] = new(0, 0, [], AqlValueType.Text),
        [AqlFunction.Now] = new(0, 0, [], AqlValueType.Text),
        [AqlFunction.CurrentTimezone] = new(0, 0, [], AqlValueType.Text),
    };

    /// <summary>The signature of a call, after checking that the function exists and the number of arguments fits.</summary>
    public static Signature Check(FunctionCall call)
    {
        if (!Signatures.TryGetValue(call.Function, out var signature))
        {
            throw new AqlSemanticException($"{call.Name} is not a function of AQL (LENGTH, CONTAINS, POSITION, SUBSTRING, CONCAT, CONCAT_WS, ABS, MOD, CEIL, FLOOR, ROUND, CURRENT_DATE, CURRENT_TIME, CURRENT_DATE_TIME, NOW, CURRENT_TIMEZONE).",
                call.Span);
        }
        var count = call.Arguments.Count;
        if (count < signature.Min || count > signature.Max)
        {
            var wanted = signature.Min == signature.Max ? $"{signature.Min}" : signature.Max == int.MaxValue ? $"{signature.Min} or more" : $"{signature.Min} or {signature.Max}";
            throw new AqlSemanticException($"{call.Name} takes {wanted} argument{(signature.Min == 1 && signature.Max == 1 ? "" : "s")}, not {count}.", call.Span);
        }
        return signature;
    }

    /// <summary>The type the argument at <paramref name="index"/> must have.</summary>
    public static AqlValueType ArgumentType(Signature signature, int index) =>
        signature.Arguments[Math.Min(index, signature.Arguments.Count - 1)];
}
