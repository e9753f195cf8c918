using System.Globalization;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>Reading single values: text, numbers and booleans, each with a located error when the value does not fit.</summary>
internal sealed partial class FlatBuilder
{
    /// <summary>The first of the suffixes present (null meaning the plain value), taken; the others are left for the unused-key report.</summary>
    private static FlatValue? TakeFirst(FlatBag bag, string? first, string? second) =>
        bag.Peek(first) is not null ? bag.Take(first) : bag.Take(second);

    private static FlatValue? TakeFirst(FlatBag bag, string? first, string? second, string? third) =>
        bag.Peek(first) is not null ? bag.Take(first) : TakeFirst(bag, second, third);

    /// <summary>Text: a string as given, a number as written, a boolean as <c>true</c>/<c>false</c>; null for JSON null.</summary>
    private static string? Text(FlatValue? value) => value?.Kind switch
    {
        FlatValueKind.String or FlatValueKind.Number => value.Text,
        FlatValueKind.True => "true",
        FlatValueKind.False => "false",
        _ => null,
    };

    private double? Real(FlatValue? value)
    {
        if (value is null || value.IsNull) return null;
        if (value.Kind is FlatValueKind.Number or FlatValueKind.String
            && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        Problem(value.Kind is FlatValueKind.True or FlatValueKind.False ? FlatErrorCodes.WrongValueKind : FlatErrorCodes.InvalidValue,
            $"'{value.Key}' must be a number, not {(value.Kind == FlatValueKind.String ? $"\"{Short(value.Text)}\"" : value.Describe())}", value);
        return null;
    }

    /// <summary>An integer; a number with a zero fraction (<c>1.0</c>) counts.</summary>
    private long? Integer(FlatValue? value)
    {
        if (value is null || value.IsNull) return null;
        if (value.Kind is FlatValueKind.Number or FlatValueKind.String)
        {
            if (long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return integer;
            if (double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                && double.IsFinite(real) && Math.Floor(real) == real && Math.Abs(real) < 9e15)
                return (long)real;
        }

        Problem(value.Kind is FlatValueKind.True or FlatValueKind.False ? FlatErrorCodes.WrongValueKind : FlatErrorCodes.InvalidValue,
            $"'{value.Key}' must be an integer, not {(value.Kind == FlatValueKind.String ? $"\"{Short(value.Text)}\"" : value.Describe())}", value);
        return null;
    }

    private int? Int32(FlatValue? value)
    {
        var integer = Integer(value);
        if (integer is null) return null;
        if (integer is >= int.MinValue and <= int.MaxValue) return (int)integer;
        Problem(FlatErrorCodes.InvalidValue, $"'{value!.Key}' is out of range: {integer}", value);
        return null;
    }

    private bool? Boolean(FlatValue? value)
    {
        if (value is null || value.IsNull) return null;
        switch (value.Kind)
        {
            case FlatValueKind.True:
                return true;
            case FlatValueKind.False:
                return false;
            case FlatValueKind.String when string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase):
                return true;
            case FlatValueKind.String when string.Equals(value.Text, "false", StringComparison.OrdinalIgnoreCase):
                return false;
        }

        Problem(value.Kind == FlatValueKind.Number ? FlatErrorCodes.WrongValueKind : FlatErrorCodes.InvalidValue,
            $"'{value.Key}' must be true or false, not {(value.Kind == FlatValueKind.String ? $"\"{Short(value.Text)}\"" : value.Describe())}", value);
        return null;
    }

    private static string Short(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
